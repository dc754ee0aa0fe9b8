"""Choice paths through a scenario: a bounded enumeration, and each path played to a scorecard.

A choice path is what a trainee in choice mode can do: a pick at every node from the start
to an ending. Loops make the number of paths infinite, so a node may be entered at most
`max_visits` times on one path, and the enumeration stops after `limit` paths.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.model import Scenario
from simulator.scoring.card import ScoreCard, score_session
from simulator.scoring.rubric import Method

DEFAULT_LIMIT = 20_000
DEFAULT_VISITS = 2


@dataclass(frozen=True)
class ChoicePath:
    picks: tuple[int, ...]  # 1-based choice numbers, as a script writes them (#N)
    nodes: tuple[str, ...]  # every node entered, from the start to the last

    @property
    def last(self) -> str:
        return self.nodes[-1]

    @property
    def turns(self) -> int:
        return len(self.picks)

    def replies(self) -> list[str]:
        return [f"#{p}" for p in self.picks]

    def script(self) -> str:
        return " ".join(self.replies())


@dataclass
class PathSet:
    """The enumerated paths and how the bounds shaped them."""

    paths: list[ChoicePath] = field(default_factory=list)
    stuck: list[ChoicePath] = field(default_factory=list)  # ended at a node with no choices
    limit: int = DEFAULT_LIMIT
    max_visits: int = DEFAULT_VISITS
    truncated: bool = False  # `limit` was reached: there are more paths
    cut: int = 0  # branches not followed because they would enter a node once too often

    @property
    def complete(self) -> bool:
        return not self.truncated


@dataclass
class PlayedPath:
    path: ChoicePath
    card: ScoreCard

    @property
    def ending(self) -> str:
        return self.path.last


def enumerate_paths(scenario: Scenario, limit: int = DEFAULT_LIMIT, max_visits: int = DEFAULT_VISITS) -> PathSet:
    """Every choice path from the start to an ending, depth first, in choice order, within the bounds."""
    out = PathSet(limit=limit, max_visits=max_visits)
    nodes = scenario.nodes
    if scenario.start not in nodes:
        return out
    visits = {scenario.start: 1}
    picks: list[int] = []
    trail: list[str] = [scenario.start]
    # an explicit stack of (node id, next choice index to try): no recursion limit on long paths
    stack: list[list] = [[scenario.start, 0]]
    while stack:
        frame = stack[-1]
        node = nodes[frame[0]]
        if frame[1] == 0 and (node.is_end or not node.choices):
            target = out.paths if node.is_end else out.stuck
            if len(out.paths) >= limit:
                out.truncated = True
                break
            target.append(ChoicePath(tuple(picks), tuple(trail)))
            frame[1] = len(node.choices)  # nothing to expand
        if frame[1] >= len(node.choices):
            stack.pop()
            if picks:
                picks.pop()
            left = trail.pop()
            visits[left] -= 1
            continue
        index = frame[1]
        frame[1] += 1
        target_id = node.choices[index].next
        if target_id not in nodes:
            continue
        if visits.get(target_id, 0) >= max_visits:
            out.cut += 1
            continue
        visits[target_id] = visits.get(target_id, 0) + 1
        picks.append(index + 1)
        trail.append(target_id)
        stack.append([target_id, 0])
    return out


def play_path(scenario: Scenario, method: Method, path: ChoicePath) -> PlayedPath:
    from simulator.selftest import play_script

    session = play_script(scenario, method, path.replies())
    return PlayedPath(path, score_session(session.state, method, scenario.citizen.type))


def play_paths(scenario: Scenario, method: Method, paths: list[ChoicePath]) -> list[PlayedPath]:
    return [play_path(scenario, method, p) for p in paths]
