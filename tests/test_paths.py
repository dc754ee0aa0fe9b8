"""Choice paths: the bounded enumeration behind `govsim stats` and lint L405."""

from __future__ import annotations

from pathlib import Path

from simulator.loader import load_scenario
from simulator.paths import enumerate_paths, play_paths
from simulator.selftest import method_for, play_script
from simulator.stats import scenario_stats
from tests.conftest import SCENARIOS

TESTS = Path(__file__).parent
CLEAN = TESTS / "scenarios" / "valid" / "lint-clean.yaml"
TRAP = TESTS / "scenarios" / "invalid" / "lint" / "L403-trap-loop.yaml"


def test_every_path_of_a_small_scenario():
    found = enumerate_paths(load_scenario(CLEAN))
    scripts = [p.script() for p in found.paths]
    # receive: #1 on / #2 taboo; follow_up: #1 resolved / #2 partial
    assert scripts == ["#1 #1 #1 #1 #1", "#1 #1 #1 #1 #2", "#2"]
    assert found.complete and found.cut == 0 and found.stuck == []
    assert [p.last for p in found.paths] == ["resolved", "partial", "escalated"]


def test_paths_replay_to_the_ending_they_name():
    scenario = load_scenario(SCENARIOS / "shebao-card-photo.yaml")
    method = method_for(scenario)
    found = enumerate_paths(scenario, max_visits=1)
    for path in found.paths[:50]:
        session = play_script(scenario, method, path.replies())
        assert session.finished and session.state.node == path.last
        assert [t.node for t in session.state.turns] == list(path.nodes[:-1])


def test_the_limit_is_reported_when_hit():
    scenario = load_scenario(SCENARIOS / "shebao-card-photo.yaml")
    found = enumerate_paths(scenario, limit=10)
    assert len(found.paths) == 10 and found.truncated
    assert not enumerate_paths(scenario).truncated


def test_loops_are_bounded_by_visits():
    scenario = load_scenario(TRAP)
    once = enumerate_paths(scenario, max_visits=1)
    twice = enumerate_paths(scenario, max_visits=2)
    assert once.cut > 0 and len(twice.paths) >= len(once.paths)
    for path in twice.paths:
        assert max(path.nodes.count(n) for n in path.nodes) <= 2


def test_stats_of_the_clean_scenario():
    scenario = load_scenario(CLEAN)
    stats = scenario_stats(scenario, method_for(scenario))
    assert (stats.nodes, stats.decisions, stats.choices, stats.paths) == (8, 5, 7, 3)
    assert stats.endings == {"resolved": ["resolved"], "partial": ["partial"], "escalated": ["escalated"]}
    assert stats.shortest.path.script() == "#2" and stats.longest.path.turns == 5
    assert stats.best.ending == "resolved" and stats.best.card.grade == "excellent"
    assert stats.worst.ending == "escalated" and stats.worst.card.total == 0
    assert stats.grades["excellent"] == {"resolved": 1} and stats.grades["poor"] == {"escalated": 1}
    data = stats.to_dict()
    assert data["best"]["grade"] == "优秀" and data["paths"]["truncated"] is False


def test_played_paths_keep_their_order():
    scenario = load_scenario(CLEAN)
    found = enumerate_paths(scenario)
    played = play_paths(scenario, method_for(scenario), found.paths)
    assert [p.path for p in played] == found.paths
