"""`govsim validate --format json`, `--strict` and lint warnings in the compiler-style text."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SCENARIOS

TESTS = Path(__file__).parents[1]
LINT = TESTS / "scenarios" / "invalid" / "lint"
CLEAN = TESTS / "scenarios" / "valid" / "lint-clean.yaml"
V202 = TESTS / "scenarios" / "invalid" / "V202-next-names-no-node.yaml"
ENV = {"COLUMNS": "400", "NO_COLOR": "1"}
KEYS = {"file", "line", "column", "code", "severity", "message"}


def test_json_lists_every_diagnostic_with_its_place(run):
    result = run("validate", "--format", "json", str(LINT / "L404-duplicate-choice.yaml"), env=ENV)
    assert result.exit_code == 0, result.stdout
    rows = json.loads(result.stdout)
    assert all(set(row) == KEYS for row in rows)
    (lint,) = [row for row in rows if row["code"] == "L404"]
    assert (lint["line"], lint["column"], lint["severity"]) == (64, 9, "warning")
    assert lint["file"] == str(LINT / "L404-duplicate-choice.yaml")
    assert "#2" in lint["message"] and "#1" in lint["message"]
    assert result.stderr == ""


def test_json_for_errors_exits_2_and_is_still_json(run):
    result = run("validate", "--format", "json", str(V202), str(CLEAN), env=ENV)
    assert result.exit_code == 2
    rows = json.loads(result.stdout)
    assert [(r["code"], r["severity"]) for r in rows if r["code"] == "V202"] == [("V202", "error")]
    assert {r["file"] for r in rows} == {str(V202)}  # the clean file contributes nothing


def test_json_for_clean_files_is_an_empty_list(run):
    result = run("validate", "--format", "json", str(CLEAN))
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_strict_fails_on_warnings_only_files(run):
    path = str(LINT / "L407-long-line.yaml")
    assert run("validate", path, env=ENV).exit_code == 0
    strict = run("validate", "--strict", path, env=ENV)
    assert strict.exit_code == 2
    last = strict.stdout.strip().splitlines()[-1]
    assert last == "1 个文件中 1 个有警告，--strict 下按失败处理（2 个警告）"
    assert run("validate", "--strict", "--format", "json", path).exit_code == 2
    assert run("validate", "--strict", str(CLEAN)).exit_code == 0


def test_lint_warning_shows_source_line_and_caret(run):
    path = LINT / "L408-disc-never-fits.yaml"
    out = run("validate", str(path), env=ENV).stdout.splitlines()
    at = next(i for i, line in enumerate(out) if "[L408]" in line)
    assert out[at].startswith(f"{path}:7:9: 警告[L408]: 没有一个选项契合群众的类型 C 理性型")
    assert out[at + 1] == "    type: C"
    assert out[at + 2] == "  " + " " * 8 + "^"


def test_no_lint_skips_the_l_checks(run):
    result = run("validate", "--no-lint", "--format", "json", str(LINT))
    assert result.exit_code == 0
    assert {row["code"] for row in json.loads(result.stdout)} == {"S110"}


def test_bad_format_is_one_message(run):
    result = run("validate", "--format", "xml", str(CLEAN))
    assert result.exit_code == 2
    assert "xml" in result.stderr and "Traceback" not in result.stderr


def test_builtin_library_has_no_errors_and_only_known_warnings(run):
    result = run("validate", "--format", "json", str(SCENARIOS))
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r for r in rows if r["severity"] == "error"] == []
    assert {(Path(r["file"]).stem, r["code"]) for r in rows} == {("shuiwu-geshui-tuishui", "L407")}


def test_english_json_messages(run):
    result = run("--lang", "en", "validate", "--format", "json", str(LINT / "L406-taboo-calms.yaml"))
    (row,) = [r for r in json.loads(result.stdout) if r["code"] == "L406"]
    assert row["message"].startswith("node 'receive': #2 is marked taboo but calms the citizen (mood: -5)")
