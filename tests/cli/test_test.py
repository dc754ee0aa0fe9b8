"""`govsim test --random N --seed S`: seeded random choice paths that must end, reported so they replay."""

from __future__ import annotations

import re
from pathlib import Path

from simulator.loader import load_scenario
from simulator.selftest import MAX_TURNS, random_walks
from tests.conftest import SCENARIOS

TESTS = Path(__file__).parents[1]
CLEAN = TESTS / "scenarios" / "valid" / "lint-clean.yaml"
TRAP = TESTS / "scenarios" / "invalid" / "lint" / "L403-trap-loop.yaml"
WIDE = {"COLUMNS": "2000"}


def test_builtins_survive_random_paths(run):
    result = run("test", "--random", "30", "--seed", "3")
    assert result.exit_code == 0, result.stdout
    lines = result.stdout.splitlines()
    count = len(list(SCENARIOS.glob("*.yaml")))
    assert lines[-1].endswith(f"；随机路径 {30 * count} 条，0 条失败（种子 3）")
    assert lines.count("  随机路径 30 条（种子 3）：0 条失败") == count


def test_a_trap_is_reported_with_seed_and_path(run):
    result = run("test", str(TRAP), "--random", "40", "--seed", "5", env=WIDE)
    assert result.exit_code == 1
    out = result.stdout
    failed = re.findall(r"失败：fixture · 随机路径 (\d+)（种子 5）", out)
    assert failed
    assert f"走了 {MAX_TURNS} 轮还没到结局，可能困在循环里" in out
    path = re.search(r"路径：((?:#\d+ ?)+)", out).group(1).split()
    assert len(path) == MAX_TURNS
    assert "govsim play " + str(TRAP) in out
    assert out.splitlines()[-1] == f"0 passed, 0 failed；随机路径 40 条，{len(failed)} 条失败（种子 5）"


def test_the_reported_path_replays(run):
    failure = random_walks(load_scenario(TRAP), 40, 5)[0]
    replay = run("play", str(TRAP), "--script", "-", "--json", input="\n".join(failure.script().split()) + "\n")
    assert replay.exit_code == 2  # the script runs out inside the loop, exactly where the walk was stopped
    assert f"'{failure.node}'" in replay.stderr


def test_same_seed_same_paths_other_seed_other_paths():
    scenario = load_scenario(TRAP)
    first = [(f.walk, f.picks) for f in random_walks(scenario, 20, 9)]
    assert first == [(f.walk, f.picks) for f in random_walks(scenario, 20, 9)]
    assert first != [(f.walk, f.picks) for f in random_walks(scenario, 20, 10)]


def test_a_node_without_choices_is_nowhere():
    """The validator refuses such a file (V208); a scenario built in code is walked anyway."""
    scenario = load_scenario(CLEAN)
    scenario.nodes["confirm"].choices.clear()
    failures = random_walks(scenario, 5, 1)
    assert failures and {f.kind for f in failures} == {"nowhere"}
    assert {f.node for f in failures} == {"confirm"} and failures[0].script() == "#1"


def test_a_crash_is_caught_and_named(monkeypatch):
    from simulator import engine

    def broken(self, index):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(engine.Session, "choose", broken)
    (failure, *_) = random_walks(load_scenario(CLEAN), 3, 1)
    assert failure.kind == "crash" and failure.detail == "ZeroDivisionError: boom" and failure.node == "receive"


def test_without_seed_one_is_chosen_and_shown(run):
    result = run("test", str(CLEAN), "--random", "3")
    assert result.exit_code == 0
    assert re.search(r"随机路径 3 条，0 条失败（种子 \d+）$", result.stdout.strip())


def test_max_turns_option(run):
    result = run("test", str(TRAP), "--random", "40", "--seed", "5", "--max-turns", "12", env=WIDE)
    assert "走了 12 轮还没到结局" in result.stdout
