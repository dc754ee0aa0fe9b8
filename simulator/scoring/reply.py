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

import re
from bisect import bisect_left

from simulator.scoring.compiled import grams
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
        return {
            "steps": list(self.steps),
            "taboo": self.taboo,
            "taboo_kinds": list(self.taboo_kinds),
            "disc_fit": self.disc_fit,
            "evidence": [e.to_dict() for e in self.evidence],
        }


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

    Every cue is always tried, so the rejected list (built when first read) is complete;
    `explain` is accepted for callers that say they want it.
    """
    norm = normalize(text)
    reply = _Reply(norm, method, text)
    hits = _all_hits(method, reply)
    for step, phrases in (extra_phrases or {}).items():
        if step not in hits:
            continue
        for phrase in phrases:
            key = normalize(phrase)
            at = norm.find(key) if key else -1
            if at >= 0:  # a scene's own phrase for a step: negation still applies
                cue = Cue(re.escape(key), note=phrase, source=phrase)
                hits[step].append(_Hit(at, at + len(key), cue, reply.check(cue, at, at + len(key))))
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
    score = ReplyScore(steps=steps, taboo=bool(taboo_kinds), taboo_kinds=taboo_kinds)
    score._pending = (hits, kinds, reply)  # the rejected matches, turned into Evidence when asked for
    if citizen:
        score.disc_fit, disc_evidence = disc_fit(text, norm, method, citizen, score.taboo, reply)
        evidence += disc_evidence
    score.evidence = evidence
    return score


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

    Each cue runs on its own (not as one alternation, which would find only one cue at a place).
    A cue runs only if the reply has the characters its matches need (Method.index).
    """
    norm = reply.norm
    check = reply.check
    grams = reply.chars
    always, index = method.index()
    todo = set(always)
    for gram in grams.intersection(index):
        todo.update(index[gram])
    hits: dict[str, list[_Hit]] = {gid: [] for gid in method.kinds()}
    cues = method.flat()
    for n in sorted(todo):
        gid, triggers, cue = cues[n]
        for trigger in triggers:
            if trigger.isdisjoint(grams):
                break
        else:
            out = hits[gid]
            for m in (cue.compiled or cue.regex).finditer(norm):
                start, end = m.span()
                if start != end:
                    out.append(_Hit(start, end, cue, check(cue, start, end)))
    return hits


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
