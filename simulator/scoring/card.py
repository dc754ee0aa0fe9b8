"""The session scorecard: points per step, order, taboo, DISC fit, outcome, total and grade.

The formula is written out in docs/scoring.md; keep the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.engine import SessionState
from simulator.scoring.rubric import Method

GRADES = ("excellent", "good", "pass", "poor")
GRADE_ZH = {"excellent": "优秀", "good": "良好", "pass": "合格", "poor": "需改进"}
OUTCOME_VALUE = {"resolved": 1.0, "partial": 0.5}
TABOO_PENALTY = 15
EXCELLENT, GOOD, PASS = 85, 70, 55
EXCELLENT_DISC = 0.6
EXCELLENT_HITS = 0.85  # share of turns whose reply did what the node expected


@dataclass
class Tip:
    """Why a tip applies; the terminal layer turns it into words."""

    kind: str  # taboo | step | order | disc | outcome
    step: str | None = None
    weight: float = 0.0


@dataclass
class ScoreCard:
    steps: dict[str, int]
    order: float
    taboo_count: int
    disc: float
    final_mood: int
    outcome: str
    total: int
    grade: str
    hits: float = 1.0
    missed: list[str] = field(default_factory=list)
    late: list[str] = field(default_factory=list)
    tips: list[Tip] = field(default_factory=list)

    @property
    def grade_zh(self) -> str:
        return GRADE_ZH[self.grade]


def score_session(state: SessionState, method: Method, citizen_type: str | None = None) -> ScoreCard:
    turns = state.turns
    clean = [t for t in turns if not t.taboo]
    first_turn: dict[str, int] = {}
    for i, t in enumerate(clean):
        for s in t.steps:
            first_turn.setdefault(s, i)
    faulted = {s for t in clean for s in t.order_faults}
    first_faulted = set()
    for i, t in enumerate(clean):
        for s in t.order_faults:
            if first_turn.get(s) == i:
                first_faulted.add(s)

    steps: dict[str, int] = {}
    for s in method.step_ids:
        performed = s in first_turn
        expected_turns = [t for t in turns if s in t.expected]
        if expected_turns:
            timing = sum(1 for t in expected_turns if s in t.steps and not t.taboo) / len(expected_turns)
        else:
            timing = 1.0 if performed else 0.0
        points = (60 if performed else 0) + (20 if performed and s not in first_faulted else 0) + 20 * timing
        steps[s] = round(points)

    stepped = [t for t in clean if t.steps]
    order = 1.0 - (sum(1 for t in stepped if t.order_faults) / len(stepped)) if stepped else 0.0
    fits = [t.disc_fit for t in turns if t.disc_fit is not None]
    disc = sum(fits) / len(fits) if fits else 0.0
    taboo_count = sum(1 for t in turns if t.taboo)
    outcome = state.outcome or "interrupted"
    raw = (
        0.6 * (sum(steps.values()) / len(steps) if steps else 0)
        + 15 * disc
        + 15 * OUTCOME_VALUE.get(outcome, 0.0)
        + 10 * (1 - state.mood / 100)
        - TABOO_PENALTY * taboo_count
    )
    total = max(0, min(100, round(raw)))
    expecting = [t for t in turns if t.expected]
    hits = (sum(1 for t in expecting if not t.taboo and set(t.expected) & set(t.steps)) / len(expecting)
            if expecting else 1.0)
    missed = [s for s in method.step_ids if s not in first_turn]
    late = [s for s in method.step_ids if s in first_faulted]
    in_order = not missed and not late
    if taboo_count:
        grade = "poor"
    elif (total >= EXCELLENT and outcome == "resolved" and in_order and disc >= EXCELLENT_DISC
          and hits >= EXCELLENT_HITS):
        grade = "excellent"
    elif total >= GOOD:
        grade = "good"
    elif total >= PASS:
        grade = "pass"
    else:
        grade = "poor"
    card = ScoreCard(steps, round(order, 2), taboo_count, round(disc, 2), state.mood, outcome, total, grade,
                     round(hits, 2), missed, late)
    card.tips = _tips(card, method, faulted, citizen_type)
    return card


def _tips(card: ScoreCard, method: Method, faulted: set[str], citizen_type: str | None) -> list[Tip]:
    """The three most useful tips: ranked by how many points each would have saved."""
    tips: list[Tip] = []
    if card.taboo_count:
        tips.append(Tip("taboo", weight=100 + TABOO_PENALTY * card.taboo_count))
    for s in method.step_ids:
        lost = 100 - card.steps[s]
        if lost >= 20:
            tips.append(Tip("step", s, weight=0.6 * lost / len(card.steps) + (5 if s in card.missed else 0)))
    if faulted:
        tips.append(Tip("order", weight=15 * (1 - card.order) + 3))
    if citizen_type and card.disc < 0.65:
        tips.append(Tip("disc", citizen_type, weight=15 * (0.8 - card.disc) + 2))
    if card.outcome != "resolved":
        tips.append(Tip("outcome", weight=15 * (1 - OUTCOME_VALUE.get(card.outcome, 0.0))))
    tips.sort(key=lambda tip: -tip.weight)
    return tips[:3]
