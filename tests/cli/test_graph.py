"""`govsim graph`: the terminal tree, and Mermaid / DOT text that other tools can read."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from simulator.loader import load_scenario
from simulator.selftest import method_for
from simulator.ui.graph import dot, dot_quote, mermaid
from tests.conftest import builtin_files

TESTS = Path(__file__).parents[1]
CLEAN = TESTS / "scenarios" / "valid" / "lint-clean.yaml"
TRAP = TESTS / "scenarios" / "invalid" / "lint" / "L403-trap-loop.yaml"
NASTY = 'say: "\\"hi\\"<b>|#\\\\[b]"'  # "hi"<b>|#\\[b]


def _nasty(tmp_path: Path) -> Path:
    text = CLEAN.read_text(encoding="utf-8").replace("say: 材料都交了。", NASTY)
    text = text.replace("title: 测试", 'title: "标题 \\"带引号\\" {x}"')
    path = tmp_path / "lint-clean.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# -- the tree ------------------------------------------------------------------------------
def test_tree_whole_output(run):
    result = run("graph", str(CLEAN), env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "测试  (lint-clean)",
        "└── receive  接待受理",
        "    ├── #1 接待受理 「您别着急，我马上帮您…」 → confirm  需求确认",
        "    │   └── #1 需求确认 「明白。材料交齐了，对…」 → propose  提供方案",
        "    │       └── #1 提供方案 「我马上帮您催办，今天…」 → agree  达成共识",
        "    │           └── #1 达成共识 「就这么定，您看行吗？」 → follow_up  落实追踪",
        "    │               ├── #1 落实追踪 「办好了我马上打电话通…」 → ■ resolved 圆满解决",
        "    │               └── #2 「您走吧。」 → ■ partial 部分解决",
        "    └── #2 ✗禁忌 「你快点说。」 → ■ escalated 矛盾升级",
    ]


def test_tree_shows_a_node_reached_again_as_a_reference(run):
    out = run("graph", str(TRAP), env={"COLUMNS": "120"}).stdout
    assert out.count("loop_a") == 2 and "↺ loop_a（见上）" in out
    first, again = out.index("loop_a"), out.index("↺ loop_a")
    assert first < again  # "see above" is above


def test_tree_with_routes(run):
    out = run("graph", str(CLEAN), "--routes", env={"COLUMNS": "120"}).stdout
    assert "〜 自由作答：禁忌 → ■ escalated" in out
    assert "〜 自由作答：其他回复 → ↺ confirm（见上）" in out


def test_tree_keeps_scenario_text_literal(run, tmp_path):
    out = run("graph", str(_nasty(tmp_path)), env={"COLUMNS": "120"}).stdout
    assert '标题 "带引号" {x}' in out


@pytest.mark.parametrize("width", ["60", "80"])
def test_tree_of_every_builtin_fits_the_terminal(run, width):
    from rich.cells import cell_len

    for path in builtin_files():
        out = run("graph", path.stem, env={"COLUMNS": width}).stdout
        assert max(cell_len(line) for line in out.splitlines()) <= int(width)


# -- Mermaid ---------------------------------------------------------------------------------
_MERMAID_NODE = re.compile(r'^  (n_[a-z0-9_]+)(\["[^"]*"\]|\(\["[^"]*"\]\):::(resolved|partial|escalated))$')
_MERMAID_EDGE = re.compile(r'^  (n_[a-z0-9_]+) (-->|-\.->)\|"[^"|]*"\| (n_[a-z0-9_]+)$')


def _check_mermaid(text: str) -> None:
    lines = text.splitlines()
    assert lines[0] == "flowchart TD"
    nodes = set()
    for line in lines[1:]:
        if m := _MERMAID_NODE.match(line):
            nodes.add(m.group(1))
        elif m := _MERMAID_EDGE.match(line):
            assert m.group(1) in nodes and m.group(3) in nodes, line
        else:
            assert re.match(r"^  (classDef|linkStyle|style) ", line), line


def test_mermaid_of_every_builtin_is_well_formed(run):
    for path in builtin_files():
        result = run("graph", path.stem, "--format", "mermaid", "--routes")
        assert result.exit_code == 0
        _check_mermaid(result.stdout)


def test_mermaid_escapes_labels(tmp_path):
    scenario = load_scenario(_nasty(tmp_path))
    text = mermaid(scenario, method_for(scenario))
    _check_mermaid(text)
    assert "#quot;hi#quot;" in text and "#lt;b#gt;" in text and "#124;" in text and "#35;" in text
    assert "  n_confirm[" in text and "#35;1 " in text  # ids carry a prefix (Mermaid has an `end` keyword)


# -- DOT ----------------------------------------------------------------------------------------
_DOT_STRING = r'"(?:[^"\\]|\\.)*"'
_DOT_ATTRS = rf"\[(?:[a-z]+=(?:{_DOT_STRING}|[A-Za-z0-9_.#]+)(?:, )?)+\]"
_DOT_NODE = re.compile(rf"^  ({_DOT_STRING}) {_DOT_ATTRS};$")
_DOT_EDGE = re.compile(rf"^  ({_DOT_STRING}) -> ({_DOT_STRING}) {_DOT_ATTRS};$")
_DOT_DEFAULT = re.compile(rf"^  (graph|node|edge) {_DOT_ATTRS};$")


def _check_dot(text: str) -> None:
    lines = text.splitlines()
    assert re.fullmatch(rf"digraph {_DOT_STRING} \{{", lines[0]) and lines[-1] == "}"
    nodes = set()
    for line in lines[1:-1]:
        if _DOT_DEFAULT.match(line):
            continue
        if m := _DOT_NODE.match(line):
            nodes.add(m.group(1))
        elif m := _DOT_EDGE.match(line):
            assert m.group(1) in nodes and m.group(2) in nodes, line
        else:
            raise AssertionError(f"not a DOT statement: {line!r}")


def test_dot_of_every_builtin_is_well_formed(run):
    for path in builtin_files():
        result = run("graph", path.stem, "--format", "dot", "--routes")
        assert result.exit_code == 0
        _check_dot(result.stdout)


def test_dot_escapes_quotes_and_backslashes(tmp_path):
    assert dot_quote('a"b\\c') == '"a\\"b\\\\c"'
    assert dot_quote("line\nbreak\x1b") == '"line break "'
    scenario = load_scenario(_nasty(tmp_path))
    text = dot(scenario, method_for(scenario))
    _check_dot(text)
    assert '\\"hi\\"<b>|#\\\\[b]' in text


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_graphviz_accepts_the_output(run, tmp_path):
    for source in [p.stem for p in builtin_files()[:3]] + [str(_nasty(tmp_path))]:
        text = run("graph", source, "--format", "dot", "--routes").stdout
        done = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert "<svg" in done.stdout


def test_bad_format_is_one_message(run):
    result = run("graph", str(CLEAN), "--format", "png")
    assert result.exit_code == 2 and "png" in result.stderr
