"""`govsim stats`: the table a trainer reads, and the JSON behind it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from rich.cells import cell_len

TESTS = Path(__file__).parents[1]
CLEAN = TESTS / "scenarios" / "valid" / "lint-clean.yaml"


def test_json_has_the_figures(run):
    result = run("stats", "shebao-card-photo", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["nodes"], data["decisions"], data["choices"]) == (12, 9, 28)
    assert data["paths"] == {"count": 850, "limit": 20000, "max_visits": 2, "truncated": False,
                             "cut_by_visits": 36, "stuck": 0}
    # the paths depend on the scenario alone; the totals also on the rubric, which may be tuned
    assert data["best"] == {**data["best"], "path": "#2 #1 #3 #1 #2 #3", "grade": "优秀", "ending": "resolved"}
    assert data["best"]["total"] >= 85 and data["best"]["nodes"][0] == "opening"
    assert data["worst"]["total"] == 0 and data["shortest"]["turns"] == 2 and data["longest"]["turns"] == 13
    assert set(data["grades"]["优秀"]) == {"resolved"}
    assert set(data["grades"]["需改进"]) == {"resolved", "partial", "escalated"}
    assert sum(sum(ends.values()) for ends in data["grades"].values()) == 850


def test_limit_is_reported(run):
    data = json.loads(run("stats", "shebao-card-photo", "--json", "--limit", "5").stdout)
    assert data["paths"]["count"] == 5 and data["paths"]["truncated"] is True
    text = run("stats", "shebao-card-photo", "--limit", "5").stdout
    assert "已达到上限 5 条" in text


def test_table_whole_output(run):
    result = run("stats", str(CLEAN), env={"COLUMNS": "80"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].rstrip() == "剧本统计：测试"
    body = [line for line in lines if line.startswith("│")]
    assert body[0].startswith("│ 节点     │ 8 个（对话节点 5，结局 3）")
    assert any(re.search(r"│ 最高分   │ 5 轮 · \d+ 分 优秀 → resolved", line) for line in body)
    assert any("#1 #1 #1 #1 #1" in line for line in body)
    assert any(line.startswith("│ 优秀   │ resolved（1）") for line in lines)


def test_table_lines_align_in_chinese_at_60_columns(run):
    for width in ("60", "80"):
        out = run("stats", "canji-butie", env={"COLUMNS": width}).stdout
        widths = {cell_len(line) for line in out.splitlines() if line.startswith(("│", "┌", "└", "┏", "┃", "┡"))}
        assert len(widths) <= 2 and max(widths) <= int(width), widths  # two tables, each aligned


def test_english(run):
    out = run("--lang", "en", "stats", str(CLEAN)).stdout
    assert "Statistics: 测试" in out and "best total" in out and "excellent" in out


def test_unknown_scenario_is_one_message(run):
    result = run("stats", "no-such-thing")
    assert result.exit_code == 2 and "no-such-thing" in result.stderr and "Traceback" not in result.stderr
