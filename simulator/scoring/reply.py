"""Score one reply against a method: steps, taboo and DISC fit, each with its evidence.

How a reply is read (docs/scoring.md, section 3):

1. the text is normalised (simplified characters, half-width punctuation, lower case, spaces);
2. every cue of every step and taboo kind is looked for; a match is set aside when
   - `unless` matches in the same clause (or sentence, or reply: `unless_scope`),
   - the cue wants a question (`clause: question`) or a statement and the clause is not one,
   - a negation word stands just before it, or a word such as 不了 just after it (`negatable`);
3. a match whose cue `yields` to another step or taboo kind is set aside when a cue of that
   step or kind matched some of the same words, or clause (`yields_scope`): the question in
   您看这样行吗 is consent, not a clarifying question;
4. a step counts when one of its matches is left; a taboo kind too, unless its cue names
   `unless_steps` and one of those steps counts (a refusal that offers a way forward);
5. the DISC fit adds the weights of the style features found for the citizen's type.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left

from simulator.messages import t
from simulator.scoring.compiled import grams, regex
from simulator.scoring.normalize import kept_positions, normalize, quote_span
from simulator.scoring.rubric import CLAUSE_MARKS, Cue, Method

# a comma before 还是/或者 joins the two halves of one choice question (您看是今天办，还是明天再来？)
_CLAUSE = "[" + re.escape(CLAUSE_MARKS.replace(",", "")) + "]|,(?!还是|或者|或是|要么)"
_SENTENCE_MARKS = ".!?;~"
TABOO_FIT_CAP = 0.2


class Evidence:
    """One cue that matched: what it says about the reply, and the text that triggered it."""

    __slots__ = ("kind", "label", "text", "note", "weight", "rejected", "detail", "pattern")

    def __init__(self, kind: str, label: str, text: str, note: str = "", weight: float = 0.0, rejected: str = "",
                 detail: str = "", pattern: str = ""):
        self.kind = kind  # step | taboo | disc
        self.label = label  # step id, taboo kind, or DISC type
        self.text = text  # the reply's own words
        self.note = note
        self.weight = weight
        self.rejected = rejected  # why it did not count: negated | unless | unless_steps | yields | question | statement
        self.detail = detail  # for yields: the step or taboo kind that took the words; for unless_steps: the step
        self.pattern = pattern  # the cue as the author wrote it

    def _key(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other) -> bool:
        return isinstance(other, Evidence) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Evidence({self.kind}, {self.label}, {self.text!r}{', ' + self.rejected if self.rejected else ''})"

    def to_dict(self) -> dict:
        out = {"kind": self.kind, "label": self.label, "text": self.text, "note": self.note}
        if self.kind == "disc":
            out["weight"] = self.weight
        if self.rejected:
            out["rejected"] = self.rejected
            if self.detail:
                out["detail"] = self.detail
        return out


class ReplyScore:
    """What a reply did: steps, taboo, DISC fit and the evidence for each."""

    def __init__(self, steps: tuple[str, ...] = (), taboo: bool = False, taboo_kinds: tuple[str, ...] = (),
                 disc_fit: float | None = None, evidence: list[Evidence] | None = None,
                 rejected: list[Evidence] | None = None, source: str = "rubric"):
        self.steps = steps
        self.taboo = taboo
        self.taboo_kinds = taboo_kinds
        self.disc_fit = disc_fit
        self.evidence = evidence if evidence is not None else []
        self._rejected = rejected
        self._pending = None
        self.source = source  # rubric | scenario (a choice tagged by its author)
        self.model: ModelVerdict | None = None  # what the n-gram model said, when it was asked

    @property
    def rejected(self) -> list[Evidence]:
        """The matches that did not count, and why (worked out when first asked for)."""
        if self._rejected is None:
            self._rejected = _rejected(*self._pending) if self._pending else []
            self._pending = None
        return self._rejected

    @rejected.setter
    def rejected(self, value: list[Evidence]) -> None:
        self._rejected = value

    def __repr__(self) -> str:
        return f"ReplyScore(steps={self.steps}, taboo_kinds={self.taboo_kinds}, disc_fit={self.disc_fit})"

    def to_dict(self) -> dict:
        out = {
            "steps": list(self.steps),
            "taboo": self.taboo,
            "taboo_kinds": list(self.taboo_kinds),
            "disc_fit": self.disc_fit,
            "evidence": [e.to_dict() for e in self.evidence],
        }
        if self.model is not None and self.model.changed:  # `govsim score --json --explain` shows it always
            out["model"] = self.model.to_dict()
        return out


# GOVSIM_NO_MODEL=1 scores with the cues alone: for measuring the rules (docs/scoring.md)
MODEL_ON = not any(os.environ.get(v, "") not in ("", "0") for v in ("GOVSIM_NO_MODEL", "GOVSIM_NO_TABOO_MODEL"))
MODEL_PATTERN = "ngram-model"  # the `pattern` of an Evidence found by the n-gram model, not by a cue


class ModelVerdict:
    """What the method's n-gram model said of a reply, and what the scorer took from it."""

    __slots__ = ("probabilities", "threshold", "dismiss", "label", "quote", "used", "why", "detail", "added",
                 "dropped", "keep", "add", "keep_for")

    def __init__(self, probabilities: dict[str, float], threshold: float | None = None, dismiss: float = 0.0):
        self.probabilities = probabilities  # method step id or "taboo" -> probability
        self.threshold = threshold  # taboo from this probability up (None: the model does not judge taboo)
        self.dismiss = dismiss  # a cue's taboo is set aside below this probability
        self.label = ""  # the taboo kind it names
        self.quote = ""  # the reply's words that pushed hardest towards taboo
        self.used = False  # the reply is taboo on the model's word alone
        self.why = ""  # when not used: below | rubric (a cue found the taboo) | steps | short | dismissed (a cue's, set aside)
        self.detail = ""  # for steps: the step that was done
        self.added: list[str] = []  # steps no cue found, counted on the model's word
        self.dropped: list[str] = []  # steps a cue found, not counted because the model found them unlikely
        self.keep = self.add = None  # the step thresholds, when the model judges steps
        self.keep_for: dict[str, float] = {}  # steps with a `keep` of their own

    @property
    def probability(self) -> float:
        return self.probabilities.get("taboo", 0.0)

    @property
    def changed(self) -> bool:
        return self.used or self.why == "dismissed" or bool(self.added or self.dropped)

    def to_dict(self) -> dict:
        out = {"probabilities": {k: round(v, 3) for k, v in self.probabilities.items()}, "used": self.used}
        if self.threshold is not None:
            out["threshold"] = self.threshold
        if self.used:
            out.update(label=self.label, text=self.quote)
        for key in ("why", "detail", "added", "dropped"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        return out


class _Hit:
    __slots__ = ("start", "end", "cue", "why", "detail")

    def __init__(self, start: int, end: int, cue: Cue, why: str = "", detail: str = ""):
        self.start, self.end, self.cue, self.why, self.detail = start, end, cue, why, detail


class _Reply:
    """The normalised reply, with its clauses worked out once."""

    def __init__(self, norm: str, method: Method, text: str = ""):
        self.norm = norm
        self.method = method
        self.text = text
        self.marks = [m.start() for m in re.finditer(_CLAUSE, norm)]
        self.chars = grams(norm)
        self._question: dict[int, bool] = {}
        self._kept: list[int] | None = None

    def quote(self, start: int, end: int) -> str:
        """The reply's own words for the normalised span [start:end]."""
        if self._kept is None:
            # nothing was dropped (no spaces): positions are the same in both texts
            self._kept = range(len(self.text)) if len(self.norm) == len(self.text) else kept_positions(self.text)
        return quote_span(self.text, self._kept, start, end)

    def clause(self, pos: int) -> tuple[int, int]:
        """[start, end) of the clause holding position pos; end is the index of its closing mark."""
        i = bisect_left(self.marks, pos)
        start = self.marks[i - 1] + 1 if i else 0
        end = self.marks[i] if i < len(self.marks) else len(self.norm)
        return start, end

    def sentence(self, pos: int) -> tuple[int, int]:
        norm = self.norm
        start, end = pos, pos
        while start > 0 and norm[start - 1] not in _SENTENCE_MARKS:
            start -= 1
        while end < len(norm) and norm[end] not in _SENTENCE_MARKS:
            end += 1
        return start, end

    def is_question(self, pos: int) -> bool:
        """Does the clause holding pos ask something? (the method's `question:` rules)"""
        start, end = self.clause(pos)
        if start not in self._question:
            yes, no = self.method.question_regex, self.method.not_question_regex
            clause = self.norm[start : end + 1]  # with its closing mark
            self._question[start] = bool(yes and yes.search(clause)) and not (no and no.search(clause))
        return self._question[start]

    def check(self, cue: Cue, start: int, end: int, negation: bool = True) -> str:
        """Why a match does not count ("" when it does)."""
        norm = self.norm
        if cue.unless:
            if cue.unless_scope == "reply":
                lo, hi = 0, len(norm)
            elif cue.unless_scope == "sentence":
                lo, hi = self.sentence(start)[0], self.sentence(max(start, end - 1))[1]
            else:
                lo, hi = self.clause(start)[0], self.clause(max(start, end - 1))[1]
            if cue.unless_regex.search(norm[lo:hi]):  # ^ and $ are the clause's (sentence's) edges
                return "unless"
        if cue.clause:
            asks = self.is_question(max(start, end - 1))
            if cue.clause == "question" and not asks:
                return "statement"
            if cue.clause == "statement" and asks:
                return "question"
        if cue.negatable and negation:
            method = self.method
            if method.negators:
                clause_start = self.clause(start)[0]
                if _negated(norm[clause_start:start], method):
                    return "negated"
            if method.negators_after and norm.startswith(method.negators_after, end):
                return "negated"
        return ""


def score_reply(
    text: str,
    method: Method,
    citizen: str | None = None,
    extra_phrases: dict[str, tuple[str, ...]] | None = None,
    explain: bool = False,
) -> ReplyScore:
    """Judge a typed reply; deterministic and free of I/O.

    Every cue is always tried, so the rejected list (built when first read) is complete. The
    method's n-gram model (`model:`), when it has one, then keeps or drops each step and may call
    the reply taboo; `explain` is accepted for callers that say they want the whole story.
    """
    norm = normalize(text)
    reply = _Reply(norm, method, text)
    hits = _all_hits(method, reply)
    scene = set()  # steps found by the scene's own phrases: the model does not overrule an author
    for step, phrases in (extra_phrases or {}).items():
        if step not in hits:
            continue
        for phrase in phrases:
            key = normalize(phrase)
            at = norm.find(key) if key else -1
            if at >= 0:  # a scene's own phrase for a step: negation still applies
                cue = Cue(re.escape(key), note=phrase, source=phrase)
                why = reply.check(cue, at, at + len(key))
                hits[step].append(_Hit(at, at + len(key), cue, why))
                if not why:
                    scene.add(step)
    kinds = method.kinds()
    if any(h.cue.yields for hs in hits.values() for h in hs):
        _apply_yields(hits, kinds, reply)

    steps = tuple(s for s in method.step_ids if any(not h.why for h in hits[s]))
    # a way forward that cancels a taboo's unless_steps: a step found by a cue that is not `weak`
    forward = {s for s in steps if any(not h.why and not h.cue.weak for h in hits[s])}
    for group in method.taboo:
        for h in hits[group.id]:
            if not h.why and h.cue.unless_steps and forward.intersection(h.cue.unless_steps):
                h.why, h.detail = "unless_steps", next(s for s in h.cue.unless_steps if s in forward)
    taboo_kinds = tuple(g.id for g in method.taboo if any(not h.why for h in hits[g.id]))
    # the model's second opinion: taboo judged on the steps the cues found, then the steps themselves
    model = _Model(method, reply) if method.ngram and MODEL_ON else None
    if model and model.config["taboo"]:
        if taboo_kinds and model.dismiss_taboo(hits, taboo_kinds):
            taboo_kinds = ()
        elif model.judge_taboo(steps, taboo_kinds):
            taboo_kinds = (model.verdict.label,)
    if model and model.config["steps"]:
        model.judge_steps(hits, scene)
        steps = tuple(s for s in method.step_ids if any(not h.why for h in hits[s]) or s in model.verdict.added)

    evidence: list[Evidence] = []
    for gid in (*steps, *taboo_kinds):
        last_end = -1
        seen = set()
        for h in sorted((h for h in hits[gid] if not h.why), key=lambda h: (h.start, -h.end)):
            if h.end <= last_end:  # inside an earlier match of the same step: adds nothing
                continue
            last_end = h.end
            quote = reply.quote(h.start, h.end)
            if (quote, h.cue.note) not in seen:
                seen.add((quote, h.cue.note))
                evidence.append(Evidence(kinds[gid], gid, quote, h.cue.note, pattern=h.cue.source))
        if model and (gid in model.verdict.added or (gid in taboo_kinds and model.verdict.used)):
            evidence.append(model.evidence(kinds[gid], gid))
    score = ReplyScore(steps=steps, taboo=bool(taboo_kinds), taboo_kinds=taboo_kinds)
    score.model = model.verdict if model else None
    score._pending = (hits, kinds, reply)  # the rejected matches, turned into Evidence when asked for
    if citizen:
        score.disc_fit, disc_evidence = disc_fit(text, norm, method, citizen, score.taboo, reply)
        evidence += disc_evidence
    score.evidence = evidence
    return score


def _model_targets(method: Method, model) -> dict[str, str]:
    """method step id -> model target, for the steps the model knows (six-step's soothe is five-step's receive)."""
    key = (id(method), model.path)
    found = _TARGETS.get(key)
    if found is None or found[0] is not method:
        aliases = method.ngram["aliases"]
        names = {s: aliases.get(s, s) for s in method.step_ids}
        found = _TARGETS[key] = (method, {s: t for s, t in names.items() if t in model.targets})
    return found[1]


_TARGETS: dict[tuple, tuple] = {}


class _Model:
    """The method's n-gram model applied to one reply: its probabilities and what the scorer takes from them."""

    def __init__(self, method: Method, reply: _Reply):
        from simulator.scoring.ngram import load_model

        self.config = config = method.ngram
        self.reply = reply
        self.model = model = load_model(config["path"])
        self.x = model.vector(reply.norm)
        self.probs = probs = model.read(self.x)
        self.windows: dict[tuple[int, int], dict[str, float]] = {}  # a few clauses -> their probabilities
        self.targets = targets = _model_targets(method, model)
        shown = {s: probs[t] for s, t in targets.items()}
        if config["taboo"] and "taboo" in probs:
            shown["taboo"] = probs["taboo"]
        taboo = config["taboo"] or {}
        self.verdict = ModelVerdict(shown, taboo.get("threshold"), taboo.get("dismiss", 0.0))

    def judge_steps(self, hits: dict[str, list[_Hit]], scene: set[str]) -> None:
        """Drop a step the cues found where the model finds it unlikely; add one no cue looked at.

        A step a `firm` cue found (我先跟您确认一下) or a scene's own phrase is never dropped.

        A step is dropped only when it is unlikely both in the whole reply and in the few clauses around
        each of its matches, so that one step in a long reply is not diluted by the rest. A step with any
        match, even one the rules set aside (a negation: 我不能帮您办), is the rules' to decide: the model
        adds only steps no cue matched at all.
        """
        config = self.config["steps"]
        add, keep_for = config["add"], config.get("keep_for", {})
        verdict = self.verdict
        verdict.keep, verdict.add, verdict.keep_for = config["keep"], add, keep_for
        for step, target in self.targets.items():
            found = [h for h in hits[step] if not h.why]
            if found and step not in scene and not any(h.cue.firm for h in found):
                keep = keep_for.get(step, config["keep"])
                p = verdict.probabilities[step]
                if p < keep:  # unlikely in the whole reply: is it unlikely near its words too?
                    p = max(self.local(h, target) for h in found)
                if p < keep:
                    for h in found:
                        h.why, h.detail = "model", f"{p:.2f}"
                    verdict.dropped.append(step)
            elif not hits[step] and verdict.probabilities[step] >= add:
                verdict.added.append(step)

    def local(self, h: _Hit, target: str) -> float:
        """The probability of `target` around a match: its clause and the clauses on either side.

        Most replies are that short, and then this is the reply's own probability.
        """
        reply = self.reply
        start, end = reply.clause(h.start)
        if start > 1:
            start = reply.clause(start - 2)[0]
        if end + 1 < len(reply.norm):
            end = reply.clause(end + 1)[1]
        if start == 0 and end >= len(reply.norm.rstrip(_SENTENCE_MARKS)):
            return self.probs[target]
        if (start, end) not in self.windows:
            self.windows[start, end] = self.model.read(self.model.vector(reply.norm[start:end]))
        return self.windows[start, end][target]

    def dismiss_taboo(self, hits: dict[str, list[_Hit]], taboo_kinds: tuple[str, ...]) -> bool:
        """Set aside the cues' taboo when the model is all but sure the reply is not rude (`taboo.dismiss`).

        A cue sees a few words; the model sees the whole reply: 您先别激动，这边有录像…对您对我都是个保障
        holds the words of a threat, said to reassure.
        """
        verdict = self.verdict
        if verdict.probability >= verdict.dismiss or self.too_short():
            return False
        if any(h.cue.firm and not h.why for kind in taboo_kinds for h in hits[kind]):
            return False  # the course's own examples of taboo stay taboo, whatever else the reply says
        for kind in taboo_kinds:
            for h in hits[kind]:
                if not h.why:
                    h.why, h.detail = "model", f"{verdict.probability:.2f}"
        verdict.why = "dismissed"
        return True

    def judge_taboo(self, steps: tuple[str, ...], taboo_kinds: tuple[str, ...]) -> bool:
        """Call the reply taboo when no cue did, the reply did none of `unless_steps`, and the model is sure.

        A reply that soothes, apologises or commits to follow up is, on that evidence, not rude, and the
        model is not trusted over it unless it is all but certain (`overrule`: 对不起，您这个不在范围内 is
        still a refusal); a reply a cue already judged needs no second opinion.
        """
        verdict = self.verdict
        config = self.config["taboo"]
        gate = next((s for s in config["unless_steps"] if s in steps), "")
        overruled = gate and verdict.probability >= config["overrule"]
        below = verdict.probability < verdict.threshold
        verdict.why = ("rubric" if taboo_kinds else "below" if below else "short" if self.too_short()
                       else "steps" if gate and not overruled else "")
        verdict.used = not verdict.why
        # the unless step that held the model back, or that it overruled
        verdict.detail = gate if verdict.why == "steps" or verdict.used else ""
        if verdict.used:
            verdict.label = self.model.kind(self.x)
            verdict.quote = self.quote("taboo")
        return verdict.used

    def too_short(self) -> bool:
        """Too few characters for the model to judge taboo by (`taboo.min_chars`): 补办是吧 is a question."""
        return len(self.reply.norm) < self.config["taboo"].get("min_chars", 0)

    def quote(self, target: str) -> str:
        """The clauses that hold the two n-grams that pushed hardest towards `target`, in the reply's words.

        A trainer reads a clause (要不是看你年纪大) more easily than the n-grams themselves (不是, 年纪).
        """
        reply = self.reply
        text = reply.norm.translate(self.model.fold)  # the model's folding maps one character to one
        grams = self.model.pushes(self.x, target, top=2)
        spans = sorted({reply.clause(at) for g in grams if (at := text.find(g)) >= 0})
        return "…".join(reply.quote(start, end).strip() for start, end in spans if end > start)

    def evidence(self, kind: str, label: str) -> Evidence:
        target = "taboo" if kind == "taboo" else self.targets[label]
        p = self.verdict.probabilities["taboo" if kind == "taboo" else label]
        return Evidence(kind, label, self.quote(target), t("score.model_note", p=f"{p:.2f}"), pattern=MODEL_PATTERN)


def _rejected(hits: dict[str, list[_Hit]], kinds: dict[str, str], reply: _Reply) -> list[Evidence]:
    out = []
    seen = set()
    for gid, group_hits in hits.items():
        for h in sorted(group_hits, key=lambda h: (h.start, h.end)):
            if not h.why:
                continue
            quote = reply.quote(h.start, h.end)
            key = (gid, quote, h.why, h.cue.note)
            if key not in seen:
                seen.add(key)
                out.append(Evidence(kinds[gid], gid, quote, h.cue.note, rejected=h.why, detail=h.detail,
                                    pattern=h.cue.source))
    return out


def _all_hits(method: Method, reply: _Reply) -> dict[str, list[_Hit]]:
    """Every match of every step's and taboo kind's cues, each with the reason it does not count.

    Each cue runs on its own (not as one alternation, which would find only one cue at a place), and
    of each cue only the alternatives whose characters the reply holds (Method.index).
    """
    norm = reply.norm
    check = reply.check
    grams = reply.chars
    runs, always, index, keys = method.index()
    todo = set(always)
    for gram in grams & keys:
        todo.update(index[gram])
    live: dict[int, list] = {}
    for j in sorted(todo):  # in method order, and each cue's alternatives in the pattern's order
        n, gid, cue, triggers, pattern = runs[j]
        for trigger in triggers:
            if trigger.isdisjoint(grams):
                break
        else:
            if n in live:
                live[n].append(pattern)
            else:
                live[n] = [gid, cue, pattern]
    hits: dict[str, list[_Hit]] = {gid: [] for gid in method.kinds()}
    for gid, cue, *patterns in live.values():
        out = hits[gid]
        matches = regex(patterns[0]).finditer(norm) if len(patterns) == 1 else \
            _first_matches([regex(p) for p in patterns], norm)
        for m in matches:
            start, end = m.span()
            if start != end:
                out.append(_Hit(start, end, cue, check(cue, start, end)))
    return hits


def _finditer(cue: Cue, norm: str, grams: set[str]):
    """The matches `cue.regex.finditer(norm)` gives, running only the alternatives the reply may hold."""
    live = [rx for triggers, rx in cue.alternatives() if all(not t.isdisjoint(grams) for t in triggers)]
    return _first_matches(live, norm)


def _first_matches(live: list[re.Pattern], norm: str):
    """The matches of the alternation of `live` (top-level alternatives of one pattern, in its order).

    The whole pattern matches at the leftmost place any alternative does, with the first alternative
    (in the pattern's order) that matches there; it then goes on from the end of that match. None of
    the alternatives can match nothing (methodfile.alternatives), so that is all there is to it. The
    whole pattern is never compiled: the method cache keeps only the alternatives' code.
    """
    if len(live) < 2:
        if live:
            yield from live[0].finditer(norm)
        return
    found = [rx.search(norm) for rx in live]
    while True:
        first = None
        for k, m in enumerate(found):
            if m is not None and (first is None or m.start() < found[first].start()):
                first = k
        if first is None:
            return
        m = found[first]
        yield m
        end = m.end()
        for k, other in enumerate(found):
            if other is not None and other.start() < end:
                found[k] = live[k].search(norm, end)


def _apply_yields(hits: dict[str, list[_Hit]], kinds: dict[str, str], reply: _Reply) -> None:
    """Set aside a match when a step or taboo kind it yields to matched the same words (or clause)."""
    valid = {g: [(h.start, h.end) for h in hs if not h.why] for g, hs in hits.items()}
    taboo_spans = [span for g, spans in valid.items() if kinds.get(g) == "taboo" for span in spans]
    for gid, hs in hits.items():
        for h in hs:
            if h.why or not h.cue.yields:
                continue
            for entry in h.cue.yields:
                # "taboo@sentence", "refuse@reply": this target with its own scope instead of the cue's yields_scope
                target, _, scope = entry.partition("@")
                lo, hi = _scope(reply, h, scope or h.cue.yields_scope)
                spans = taboo_spans if target == "taboo" else valid.get(target, ())
                if target != gid and any(s < hi and lo < e for s, e in spans):
                    h.why, h.detail = "yields", target
                    break


def _scope(reply: _Reply, h: _Hit, scope: str) -> tuple[int, int]:
    """The span a yielding match looks at: its own words, its clause, its sentence or the whole reply."""
    if scope == "clause":
        return reply.clause(h.start)[0], reply.clause(max(h.start, h.end - 1))[1]
    if scope == "sentence":
        return reply.sentence(h.start)[0], reply.sentence(max(h.start, h.end - 1))[1]
    if scope == "reply":
        return 0, len(reply.norm)
    return h.start, h.end


def disc_fit(text: str, norm: str, method: Method, citizen: str, taboo: bool,
             reply: _Reply | None = None) -> tuple[float, list[Evidence]]:
    rule = method.disc.get(citizen)
    if rule is None:
        return 0.5, []
    fit = rule.base
    evidence: list[Evidence] = []
    length = len(norm)
    if rule.short and length <= rule.short[0]:
        fit += rule.short[1]
        evidence.append(Evidence("disc", citizen, f"≤{rule.short[0]}", "length", rule.short[1]))
    if rule.long and length >= rule.long[0]:
        fit += rule.long[1]
        evidence.append(Evidence("disc", citizen, f"≥{rule.long[0]}", "length", rule.long[1]))
    reply = reply or _Reply(norm, method, text)
    chars = reply.chars
    for group in (rule.plus, rule.minus):
        if group is None:
            continue
        for triggers, cue in group.plan():
            if any(trigger.isdisjoint(chars) for trigger in triggers):
                continue
            count = 0
            for m in (cue.compiled or cue.regex).finditer(norm):
                start, end = m.span()
                if start == end:
                    continue
                if (cue.unless or cue.clause) and reply.check(cue, start, end, negation=False):
                    continue
                fit += cue.weight
                evidence.append(Evidence("disc", citizen, reply.quote(start, end), cue.note, cue.weight,
                                         pattern=cue.source))
                count += 1
                if count >= cue.repeat:
                    break
    if taboo and fit > TABOO_FIT_CAP:
        evidence.append(Evidence("disc", citizen, "", "taboo", TABOO_FIT_CAP - fit))
        fit = TABOO_FIT_CAP
    return round(min(1.0, max(0.0, fit)), 2), evidence


def _negated(prefix: str, method: Method) -> bool:
    if _ends_negated(prefix, method):
        return True
    trimmed = prefix.rstrip(method.negation_skip)
    return trimmed != prefix and len(prefix) - len(trimmed) <= method.negation_window and _ends_negated(trimmed, method)


def _ends_negated(prefix: str, method: Method) -> bool:
    if not prefix.endswith(method.negators):
        return False
    return not (method.negation_except and prefix.endswith(method.negation_except))
