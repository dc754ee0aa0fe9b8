"""Scenario self-tests: play each scripted path a scenario carries and compare with what it expects."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from simulator.engine import Session
from simulator.errors import PlayError
from simulator.model import Scenario, ScriptTest
from simulator.scoring.card import GRADE_ZH, ScoreCard, score_session
from simulator.scoring.rubric import Method, load_method

MAX_TURNS = 200  # a random walk this long has almost surely found a loop it cannot leave


@dataclass
class TestOutcome:
    scenario: str
    name: str
    passed: bool
    problems: list[tuple[str, dict]] = field(default_factory=list)  # (message key, args)
    card: ScoreCard | None = None
    path: list[str] = field(default_factory=list)  # nodes visited


def method_for(scenario: Scenario) -> Method:
    folder = Path(scenario.path).parent / "methods" if scenario.path else None
    dirs = (str(folder),) if folder is not None and folder.is_dir() else ()
    return load_method(scenario.method, dirs)


def play_script(scenario: Scenario, method: Method, replies: list[str], mode: str = "choice") -> Session:
    """Play replies (`#N` or text) until an ending or until they run out."""
    session = Session(scenario, method, mode, clock=lambda: 0.0)
    for reply in replies:
        if session.finished:
            break
        if reply.startswith("#") and reply[1:].strip().isdigit():
            session.choose(int(reply[1:].strip()) - 1)
        else:
            session.reply(reply)
    return session


def run_test(scenario: Scenario, test: ScriptTest, method: Method | None = None) -> TestOutcome:
    method = method or method_for(scenario)
    outcome = TestOutcome(scenario.id, test.name, True)
    try:
        session = play_script(scenario, method, test.replies, test.mode)
    except PlayError as exc:
        outcome.passed = False
        outcome.problems.append((exc.key, exc.args_))
        return outcome
    outcome.path = [t.node for t in session.state.turns]
    if not session.finished:
        outcome.passed = False
        outcome.problems.append(("test.no_ending", {"node": session.state.node}))
        return outcome
    card = score_session(session.state, method, scenario.citizen.type)
    outcome.card = card
    if test.outcome and card.outcome != test.outcome:
        outcome.problems.append(("test.outcome", {"want": test.outcome, "got": card.outcome}))
    if test.grade and test.grade not in (card.grade, GRADE_ZH[card.grade]):
        outcome.problems.append(("test.grade", {"want": test.grade, "got": GRADE_ZH[card.grade]}))
    if test.total and not test.total[0] <= card.total <= test.total[1]:
        outcome.problems.append(("test.total", {"want": f"{test.total[0]}..{test.total[1]}", "got": card.total}))
    outcome.passed = not outcome.problems
    return outcome


def run_tests(scenario: Scenario) -> list[TestOutcome]:
    method = method_for(scenario)
    return [run_test(scenario, test, method) for test in scenario.tests]


# -- random walks: seeded random choice paths that must end, and end well-formed -------------
@dataclass
class WalkFailure:
    """A random choice path that crashed, went round too long, or stopped short of an ending."""

    scenario: str
    walk: int  # 1-based number of the walk in this run
    seed: int
    kind: str  # crash | loop | nowhere
    picks: list[int]
    node: str
    detail: str = ""

    def script(self) -> str:
        return " ".join(f"#{p}" for p in self.picks)


def walk_rng(seed: int, scenario: Scenario) -> random.Random:
    """One generator per scenario, so adding a file does not change the paths of the others."""
    return random.Random(f"{seed}:{scenario.id}")


def random_walks(scenario: Scenario, count: int, seed: int, method: Method | None = None,
                 max_turns: int = MAX_TURNS) -> list[WalkFailure]:
    """Play `count` seeded random choice paths; return the ones that fail."""
    method = method or method_for(scenario)
    rng = walk_rng(seed, scenario)
    failures = []
    for walk in range(1, count + 1):
        failure = _walk(scenario, method, rng, max_turns)
        if failure is not None:
            failure.walk, failure.seed = walk, seed
            failures.append(failure)
    return failures


def _walk(scenario: Scenario, method: Method, rng: random.Random, max_turns: int) -> WalkFailure | None:
    picks: list[int] = []
    node = scenario.start

    def fail(kind: str, detail: str = "") -> WalkFailure:
        return WalkFailure(scenario.id, 0, 0, kind, picks, node, detail)

    try:
        session = Session(scenario, method, "choice", clock=lambda: 0.0)
        while not session.finished:
            node = session.state.node
            count = len(session.node.choices)
            if count == 0:
                return fail("nowhere")
            if len(picks) >= max_turns:
                return fail("loop", str(max_turns))
            pick = rng.randrange(count)
            picks.append(pick + 1)
            session.choose(pick)
        node = session.state.node
        score_session(session.state, method, scenario.citizen.type)
    except Exception as exc:  # noqa: BLE001 - finding crashes is the point; the report names the exception
        return fail("crash", f"{type(exc).__name__}: {exc}")
    return None
