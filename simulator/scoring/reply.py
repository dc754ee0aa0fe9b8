"""Score one reply against a method: steps, taboo and DISC fit, each with its evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from simulator.scoring.normalize import normalize, original_span
from simulator.scoring.rubric import CueGroup, Method

_CLAUSE_END = re.compile(r"[,.!?;~]")
# a negator may stand a little before the verb it cancels: 不能马上帮您办
_FILLER = "能会可以再太就也都还给帮马上立刻现在"
TABOO_FIT_CAP = 0.2


@dataclass(frozen=True)
class Evidence:
    """One cue that matched: what it says about the reply, and the text that triggered it."""

    kind: str  # step | taboo | disc
    label: str  # step id, taboo kind, or DISC type
    text: str  # the reply's own words
    note: str = ""
    weight: float = 0.0
    rejected: str = ""  # why it did not count: negated | unless | unless_steps

    def to_dict(self) -> dict:
        out = {"kind": self.kind, "label": self.label, "text": self.text, "note": self.note}
        if self.kind == "disc":
            out["weight"] = self.weight
        if self.rejected:
            out["rejected"] = self.rejected
        return out


@dataclass
class ReplyScore:
    steps: tuple[str, ...] = ()
    taboo: bool = False
    taboo_kinds: tuple[str, ...] = ()
    disc_fit: float | None = None
    evidence: list[Evidence] = field(default_factory=list)
    rejected: list[Evidence] = field(default_factory=list)
    source: str = "rubric"  # rubric | scenario (a choice tagged by its author)

    def to_dict(self) -> dict:
        return {
            "steps": list(self.steps),
            "taboo": self.taboo,
            "taboo_kinds": list(self.taboo_kinds),
            "disc_fit": self.disc_fit,
            "evidence": [e.to_dict() for e in self.evidence],
        }


def score_reply(
    text: str,
    method: Method,
    citizen: str | None = None,
    extra_phrases: dict[str, tuple[str, ...]] | None = None,
) -> ReplyScore:
    """Judge a typed reply; deterministic and free of I/O."""
    norm = normalize(text)
    found: dict[str, list[tuple[int, int, str]]] = {}
    rejected: list[Evidence] = []

    candidates = {g.id: _matches(g, norm, method.negators) for g in method.steps}
    for step, phrases in (extra_phrases or {}).items():
        for phrase in phrases:
            key = normalize(phrase)
            at = norm.find(key) if key else -1
            if at >= 0 and step in candidates:
                candidates[step].append((at, at + len(key), phrase, None, ""))
    for step, hits in candidates.items():
        for start, end, note, _cue, why in hits:
            if why:
                rejected.append(Evidence("step", step, _quote(text, start, end), note, rejected=why))
            else:
                found.setdefault(step, []).append((start, end, note))
    steps = tuple(s for s in method.step_ids if s in found)

    taboo_found: dict[str, list[tuple[int, int, str]]] = {}
    for group in method.taboo:
        for start, end, note, cue, why in _matches(group, norm, method.negators):
            if not why and cue is not None and set(cue.unless_steps) & set(steps):
                why = "unless_steps"
            if why:
                rejected.append(Evidence("taboo", group.id, _quote(text, start, end), note, rejected=why))
            else:
                taboo_found.setdefault(group.id, []).append((start, end, note))

    evidence = [
        Evidence("step", step, _quote(text, s, e), note)
        for step in steps
        for s, e, note in found[step]
    ]
    evidence += [
        Evidence("taboo", kind, _quote(text, s, e), note)
        for kind, hits in taboo_found.items()
        for s, e, note in hits
    ]
    score = ReplyScore(steps=steps, taboo=bool(taboo_found), taboo_kinds=tuple(taboo_found), rejected=rejected)
    if citizen:
        score.disc_fit, disc_evidence = disc_fit(text, norm, method, citizen, score.taboo)
        evidence += disc_evidence
    score.evidence = evidence
    return score


def disc_fit(text: str, norm: str, method: Method, citizen: str, taboo: bool) -> tuple[float, list[Evidence]]:
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
    for group in (rule.plus, rule.minus):
        if group is None:
            continue
        seen = set()
        for start, end, note, cue, why in _matches(group, norm, ()):
            if why or cue is None or id(cue) in seen:
                continue
            seen.add(id(cue))  # each feature counts once
            fit += cue.weight
            evidence.append(Evidence("disc", citizen, _quote(text, start, end), note, cue.weight))
    if taboo and fit > TABOO_FIT_CAP:
        evidence.append(Evidence("disc", citizen, "", "taboo", TABOO_FIT_CAP - fit))
        fit = TABOO_FIT_CAP
    return round(min(1.0, max(0.0, fit)), 2), evidence


def _quote(text: str, start: int, end: int) -> str:
    return original_span(text, start, end).strip(" ,.!?;~，。！？；、")


def _matches(group: CueGroup, norm: str, negators: tuple[str, ...]):
    """Yield (start, end, note, cue, rejected-why) for each cue match in the text."""
    out = []
    if group.regex is None:
        return out
    for m in group.regex.finditer(norm):
        cue = group.cues[int(m.lastgroup[1:])]
        start, end = m.span()
        why = ""
        clause_start = _clause_start(norm, start)
        if cue.unless is not None:
            clause_end = _clause_end(norm, end)
            if cue.unless.search(norm, clause_start, clause_end):
                why = "unless"
        if not why and cue.negatable and negators and _negated(norm[clause_start:start], negators):
            why = "negated"
        out.append((start, end, cue.note, cue, why))
    return out


def _clause_start(norm: str, at: int) -> int:
    for i in range(at - 1, -1, -1):
        if norm[i] in ",.!?;~":
            return i + 1
    return 0


def _clause_end(norm: str, at: int) -> int:
    m = _CLAUSE_END.search(norm, at)
    return m.start() if m else len(norm)


def _negated(prefix: str, negators: tuple[str, ...]) -> bool:
    trimmed = prefix.rstrip(_FILLER) if prefix else prefix
    for candidate in {prefix, trimmed}:
        if candidate.endswith(negators):
            return True
    return False
