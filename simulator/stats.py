"""What a scenario offers a trainee: its size, its choice paths, and the totals and grades they reach."""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.model import Scenario
from simulator.paths import DEFAULT_LIMIT, DEFAULT_VISITS, PlayedPath, enumerate_paths, play_paths
from simulator.scoring.card import GRADE_ZH, GRADES
from simulator.scoring.rubric import Method


@dataclass
class ScenarioStats:
    scenario: str
    title: str
    nodes: int
    decisions: int  # nodes where the trainee answers
    choices: int
    routes: int
    endings: dict[str, list[str]]  # outcome -> ending node ids
    paths: int
    limit: int
    max_visits: int
    truncated: bool
    cut: int
    stuck: int
    shortest: PlayedPath | None = None
    longest: PlayedPath | None = None
    best: PlayedPath | None = None
    worst: PlayedPath | None = None
    grades: dict[str, dict[str, int]] = field(default_factory=dict)  # grade -> ending id -> paths

    def to_dict(self) -> dict:
        def played(p: PlayedPath | None) -> dict | None:
            if p is None:
                return None
            return {"path": p.path.script(), "turns": p.path.turns, "nodes": list(p.path.nodes),
                    "ending": p.ending, "outcome": p.card.outcome, "total": p.card.total,
                    "grade": GRADE_ZH[p.card.grade], "grade_id": p.card.grade}

        return {
            "scenario": self.scenario,
            "title": self.title,
            "nodes": self.nodes,
            "decisions": self.decisions,
            "choices": self.choices,
            "routes": self.routes,
            "endings": self.endings,
            "paths": {"count": self.paths, "limit": self.limit, "max_visits": self.max_visits,
                      "truncated": self.truncated, "cut_by_visits": self.cut, "stuck": self.stuck},
            "shortest": played(self.shortest),
            "longest": played(self.longest),
            "best": played(self.best),
            "worst": played(self.worst),
            "grades": {GRADE_ZH[g]: ends for g, ends in self.grades.items()},
        }


def scenario_stats(scenario: Scenario, method: Method, limit: int = DEFAULT_LIMIT,
                   max_visits: int = DEFAULT_VISITS) -> ScenarioStats:
    found = enumerate_paths(scenario, limit, max_visits)
    played = play_paths(scenario, method, found.paths)
    endings: dict[str, list[str]] = {}
    for node in scenario.endings():
        endings.setdefault(node.end or "", []).append(node.id)
    stats = ScenarioStats(
        scenario=scenario.id,
        title=scenario.title,
        nodes=len(scenario.nodes),
        decisions=sum(1 for n in scenario.nodes.values() if not n.is_end),
        choices=sum(len(n.choices) for n in scenario.nodes.values()),
        routes=sum(len(n.routes) for n in scenario.nodes.values()),
        endings=endings,
        paths=len(found.paths),
        limit=limit,
        max_visits=max_visits,
        truncated=found.truncated,
        cut=found.cut,
        stuck=len(found.stuck),
    )
    if played:
        # ties go to the first path in choice order, so the answer is stable
        order = list(enumerate(played))
        stats.shortest = min(order, key=lambda x: (x[1].path.turns, x[0]))[1]
        stats.longest = min(order, key=lambda x: (-x[1].path.turns, x[0]))[1]
        stats.best = min(order, key=lambda x: (-x[1].card.total, x[1].path.turns, x[0]))[1]
        stats.worst = min(order, key=lambda x: (x[1].card.total, x[1].path.turns, x[0]))[1]
    for grade in GRADES:
        reach: dict[str, int] = {}
        for p in played:
            if p.card.grade == grade:
                reach[p.ending] = reach.get(p.ending, 0) + 1
        stats.grades[grade] = reach
    return stats
