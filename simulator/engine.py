"""The runtime: a session over a scenario's nodes, with all mutable state in one object.

The host pulls from it: read `node` and `choices`, then call `choose(i)` or `reply(text)`.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from simulator.errors import PlayError, SimulatorError
from simulator.model import Condition, Node, Scenario
from simulator.scoring.normalize import normalize
from simulator.scoring.reply import ReplyScore, disc_fit, score_reply
from simulator.scoring.rubric import Method

STATE_VERSION = 1
TABOO_MOOD = 20


@dataclass
class Turn:
    node: str
    say: str
    reply: str
    expected: list[str]
    steps: list[str]
    taboo: bool
    taboo_kinds: list[str]
    disc_fit: float | None
    mood_before: int
    mood: int
    next: str
    choice: int | None = None  # 1-based, in choice mode
    feedback: str = ""
    order_faults: list[str] = field(default_factory=list)  # steps that came before their turn
    evidence: list[dict] = field(default_factory=list)
    source: str = "rubric"

    @property
    def mood_change(self) -> int:
        return self.mood - self.mood_before


@dataclass
class SessionState:
    """Everything that changes while playing; saves as versioned JSON."""

    scenario: str
    digest: str
    method: str
    mode: str
    node: str
    mood: int
    turns: list[Turn] = field(default_factory=list)
    outcome: str | None = None
    started: float = 0.0
    ended: float | None = None
    version: int = STATE_VERSION

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> SessionState:
        if data.get("version") != STATE_VERSION:
            raise SimulatorError("error.state_version", version=data.get("version"))
        fields = dict(data)
        fields["turns"] = [Turn(**t) for t in data.get("turns", [])]
        return cls(**fields)


class Session:
    def __init__(self, scenario: Scenario, method: Method, mode: str = "choice",
                 state: SessionState | None = None, clock=time.time):
        self.scenario = scenario
        self.method = method
        self.clock = clock
        self.state = state or SessionState(
            scenario=scenario.id,
            digest=scenario.digest,
            method=method.id,
            mode=mode,
            node=scenario.start,
            mood=scenario.citizen.mood,
            started=clock(),
        )

    # -- what the host reads ---------------------------------------------
    @property
    def node(self) -> Node:
        return self.scenario.nodes[self.state.node]

    @property
    def mode(self) -> str:
        return self.state.mode

    @property
    def finished(self) -> bool:
        return self.state.outcome is not None

    @property
    def choices(self) -> list[str]:
        return [c.reply for c in self.node.choices]

    @property
    def turn_number(self) -> int:
        return len(self.state.turns) + 1

    # -- what the host calls ---------------------------------------------
    def choose(self, index: int) -> Turn:
        """Pick choice `index` (0-based) at the current node."""
        self._check_open()
        node = self.node
        if not 0 <= index < len(node.choices):
            raise PlayError("error.bad_choice", turn=self.turn_number, choice=index + 1, count=len(node.choices))
        choice = node.choices[index]
        fit = choice.disc
        disc_evidence: list[dict] = []
        if fit is None:
            fit, found = _choice_fit(self.method, choice.reply, self.scenario.citizen.type, choice.taboo)
            disc_evidence = [dict(e) for e in found]
        score = ReplyScore(steps=tuple(choice.steps), taboo=choice.taboo, disc_fit=fit, source="scenario")
        mood = _clamp(self.state.mood + choice.mood)
        turn = self._record(node, choice.reply, score, mood, choice.next, choice.feedback, index + 1)
        turn.evidence = disc_evidence
        return turn

    def reply(self, text: str) -> Turn:
        """Answer the current node with typed text; the rubric scores it and a route is taken."""
        self._check_open()
        if not text.strip():
            raise PlayError("error.empty_reply")
        node = self.node
        score = score_reply(text, self.method, self.scenario.citizen.type, node.phrases)
        route = None
        mood = self.state.mood
        for candidate in node.routes:
            delta = candidate.mood if candidate.mood is not None else self._free_mood(node, score)
            if candidate.when is None or _holds(candidate.when, score, _clamp(mood + delta), text):
                route = candidate
                mood = _clamp(mood + delta)
                break
        if route is None:  # the validator requires a default route; stay put rather than crash
            raise PlayError("error.session_over")
        turn = self._record(node, text, score, mood, route.next, route.feedback, None)
        turn.evidence = [e.to_dict() for e in score.evidence]
        return turn

    def interrupt(self) -> None:
        if not self.finished:
            self.state.outcome = "interrupted"
            self.state.ended = self.clock()

    # -- internals --------------------------------------------------------
    def _check_open(self) -> None:
        if self.finished:
            raise PlayError("error.session_over")

    def _record(self, node: Node, reply: str, score: ReplyScore, mood: int, target: str,
                feedback: str, choice: int | None) -> Turn:
        done = {s for t in self.state.turns if not t.taboo for s in t.steps}
        order = self.method.step_ids
        faults = []
        if not score.taboo:
            for step in score.steps:
                if step not in order:
                    continue
                before = order[: order.index(step)]
                if any(b not in done and b not in score.steps for b in before):
                    faults.append(step)
        turn = Turn(
            node=node.id, say=node.say, reply=reply, expected=list(node.expect), steps=list(score.steps),
            taboo=score.taboo, taboo_kinds=list(score.taboo_kinds), disc_fit=score.disc_fit,
            mood_before=self.state.mood, mood=mood, next=target, choice=choice, feedback=feedback,
            order_faults=faults, source=score.source,
        )
        self.state.turns.append(turn)
        self.state.mood = mood
        self.state.node = target
        if self.scenario.nodes[target].is_end:
            self.state.outcome = self.scenario.nodes[target].end
            self.state.ended = self.clock()
        return turn

    def _free_mood(self, node: Node, score: ReplyScore) -> int:
        """How a typed reply moves the citizen when the route does not say."""
        if score.taboo:
            return TABOO_MOOD
        hit = [s for s in node.expect if s in score.steps]
        delta = -8 * min(len(hit), 2) if hit else (6 if node.expect else 0)
        if not score.steps:
            delta += 4
        if score.disc_fit is not None:
            delta += -4 if score.disc_fit >= 0.7 else 4 if score.disc_fit <= 0.3 else 0
        return delta


@lru_cache(maxsize=8192)
def _choice_fit(method: Method, reply: str, citizen: str, taboo: bool) -> tuple[float, tuple[dict, ...]]:
    """A choice's DISC fit; the same choice is met on many paths (lint, stats), so it is judged once.

    The author's taboo flag, not the rubric's, decides whether the style can fit at all.
    """
    fit, found = disc_fit(reply, normalize(reply), method, citizen, taboo)
    return fit, tuple(e.to_dict() for e in found)


def _holds(cond: Condition, score: ReplyScore, mood: int, text: str) -> bool:
    if cond.steps and not all(s in score.steps for s in cond.steps):
        return False
    if cond.any_steps and not any(s in score.steps for s in cond.any_steps):
        return False
    if cond.taboo is not None and cond.taboo != score.taboo:
        return False
    if cond.mood_above is not None and not mood > cond.mood_above:
        return False
    if cond.mood_below is not None and not mood < cond.mood_below:
        return False
    if cond.phrases:
        norm = normalize(text)
        if not any(normalize(p) in norm for p in cond.phrases):
            return False
    return True


def _clamp(mood: int) -> int:
    return max(0, min(100, mood))
