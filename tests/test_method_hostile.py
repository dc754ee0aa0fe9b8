"""A trainer's method file is data: a pattern that could backtrack for minutes is refused, with its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.scoring.methodfile import nested_repeat
from simulator.scoring.rubric import load_method

ROOT = Path(__file__).parent.parent

SLOW_METHOD = """\
id: slow
name: {zh: 慢, en: slow}
extends: five-step
steps:
  - id: receive
    name: {zh: 接待受理, en: receive}
    include: [five-step.receive]
    cues:
      - {pattern: '(?:您好\\s?)+', note: fine}
      - {pattern: '(?:\\w+\\s?)*谢', note: slow}
"""


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(?:\w+\s?)*x", r"x(?:(?:a*)b)+", r"(?=(a+)+)b", r"a|(b*)*", r"(?:好.*)+了"])
def test_an_unbounded_repeat_inside_another_is_found(pattern):
    assert nested_repeat(pattern)


@pytest.mark.parametrize("pattern", [r"(a|b)*c", r"(?:ab)+", r"办理[^,]{0,6}(?:手续)?", r"(?:您好)+", r"(a{1,3}b)+", r"\d+天"])
def test_ordinary_patterns_pass(pattern):
    assert nested_repeat(pattern) == ""


@pytest.mark.parametrize("name", ["five-step", "six-step"])
def test_no_builtin_pattern_is_refused(name):
    assert not [p for p in load_method(name).patterns() if nested_repeat(p)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_slow_pattern_is_one_located_error(run, tmp_path, lang):
    (tmp_path / "methods").mkdir()
    (tmp_path / "methods" / "slow.yaml").write_text(SLOW_METHOD, encoding="utf-8")
    text = (ROOT / "scenarios" / "shebao-card-photo.yaml").read_text(encoding="utf-8")
    (tmp_path / "slow-hall.yaml").write_text(
        text.replace("id: shebao-card-photo", "id: slow-hall", 1).replace("method: five-step", "method: slow", 1), encoding="utf-8")
    result = run("--lang", lang, "--dir", str(tmp_path), "validate", str(tmp_path / "slow-hall.yaml"))
    assert result.exit_code == 2
    assert "slow.yaml:10:19" in result.stdout and "R304" in result.stdout  # validate reports on stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert ("不限次数的重复" if lang == "zh" else "unbounded repeat") in result.stdout
