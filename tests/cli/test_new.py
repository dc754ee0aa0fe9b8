"""`govsim new`: the skeleton validates, lints clean and passes its own tests with no edits."""

from __future__ import annotations

import itertools
import os
import shutil
import sys
from pathlib import Path

import pexpect
import pytest

from simulator.lint import lint_scenario
from simulator.loader import load_scenario
from simulator.model import DISC_TYPES
from simulator.selftest import run_tests

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
ALL = ["--title", "婚姻登记：预约了却被告知材料不全", "--area", "婚姻登记", "--citizen", "李女士",
       "--type", "I", "--complaint", "reasonable", "--difficulty", "3", "--method", "five-step",
       "--id", "hunyin-dengji"]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_all_flags_ask_nothing_and_write_the_file(run, tmp_path):
    result = run("new", *ALL)
    assert result.exit_code == 0, result.stderr
    path = tmp_path / "hunyin-dengji.yaml"
    assert result.stdout.splitlines()[0] == "已生成 hunyin-dengji.yaml：5 个步骤节点、3 个结局和 5 条测试（five-step）"
    text = path.read_text(encoding="utf-8")
    assert "title: 婚姻登记：预约了却被告知材料不全" in text and "name: 李女士" in text and "type: I" in text
    assert "mood: 60" in text  # difficulty 3


def test_new_then_validate_then_test_pass_with_no_edits(run, tmp_path):
    assert run("new", *ALL).exit_code == 0
    validated = run("validate", "--strict", "hunyin-dengji.yaml")
    assert validated.exit_code == 0, validated.stdout
    assert validated.stdout.splitlines() == ["hunyin-dengji.yaml：通过", "1 个文件全部有效（0 个警告）"]
    tested = run("test", "hunyin-dengji.yaml", "--random", "50", "--seed", "1")
    assert tested.exit_code == 0, tested.stdout
    assert tested.stdout.splitlines()[-1] == "5 passed, 0 failed；随机路径 50 条，0 条失败（种子 1）"


COMBOS = list(itertools.product(DISC_TYPES, ("reasonable", "unreasonable"), ("five-step", "six-step")))


@pytest.mark.parametrize(("ctype", "complaint", "method"), COMBOS, ids=["-".join(c) for c in COMBOS])
def test_every_combination_is_clean_and_best_is_excellent(run, tmp_path, ctype, complaint, method):
    result = run("new", "--yes", "--type", ctype, "--complaint", complaint, "--method", method,
                 "--citizen", "小李", "--out", "case.yaml")
    assert result.exit_code == 0, result.stderr
    scenario = load_scenario(tmp_path / "case.yaml")
    assert scenario.id == "case" and scenario.citizen.type == ctype and scenario.method == method
    assert lint_scenario(scenario) == []  # among others L408: the best replies fit the type
    outcomes = run_tests(scenario)
    assert [o.name for o in outcomes] == ["best", "taboo", "partial", "free-best", "free-taboo"]
    assert all(o.passed for o in outcomes), [(o.name, o.problems) for o in outcomes]
    best = outcomes[0].card
    assert best.grade == "excellent" and best.disc >= 0.6
    # one node per step of the method, then the three endings
    steps = [n.expect for n in scenario.nodes.values() if not n.is_end]
    assert [s[0] for s in steps] == list(scenario.nodes)[: len(steps)]
    assert sorted(n.end for n in scenario.endings()) == ["escalated", "partial", "resolved"]


def test_defaults_golden(run, tmp_path, update_golden):
    assert run("new", "--yes").exit_code == 0
    text = (tmp_path / "new-scenario.yaml").read_text(encoding="utf-8")
    golden = GOLDEN / "new.defaults.yaml"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_refuses_to_overwrite_without_force(run, tmp_path):
    (tmp_path / "new-scenario.yaml").write_text("keep me", encoding="utf-8")
    result = run("new", "--yes")
    assert result.exit_code == 2
    assert "new-scenario.yaml 已经存在；要覆盖请加 --force" in result.stderr
    assert (tmp_path / "new-scenario.yaml").read_text(encoding="utf-8") == "keep me"
    assert run("new", "--yes", "--force").exit_code == 0
    assert (tmp_path / "new-scenario.yaml").read_text(encoding="utf-8").startswith("# ")


def test_without_a_terminal_missing_flags_are_named(run):
    result = run("new", "--title", "x", "--area", "y", env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert "--citizen, --type, --complaint, --difficulty, --method, --id" in result.stderr
    assert "--yes" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(("args", "says"), [
    (["--id", "Hunyin_Dengji"], "Hunyin_Dengji"),
    (["--type", "X"], "'X'"),
    (["--complaint", "angry"], "angry"),
    (["--method", "seven-step"], "seven-step"),
    (["--id", "a", "--out", "b.yaml"], "不一致"),
    (["--out", "我的剧本.yaml"], "我的剧本.yaml"),
])
def test_bad_values_are_one_message(run, args, says):
    result = run("new", "--yes", *args)
    assert result.exit_code == 2, result.stdout
    assert says in result.stderr and "Traceback" not in result.stderr


def test_out_in_a_folder_names_the_id(run, tmp_path):
    result = run("new", "--yes", "--out", "my/hukou-qianru.yaml")
    assert result.exit_code == 0
    assert load_scenario(tmp_path / "my" / "hukou-qianru.yaml").id == "hukou-qianru"


def test_schema_line_is_added_when_the_schema_sits_next_to_the_file(run, tmp_path):
    assert run("schema", "--out", "govsim.schema.json").exit_code == 0
    assert run("new", "--yes").exit_code == 0
    first = (tmp_path / "new-scenario.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=govsim.schema.json"


def test_quotes_what_yaml_would_misread(run, tmp_path):
    result = run("new", "--yes", "--title", "#1: yes", "--area", "a, [b]", "--citizen", "- no")
    assert result.exit_code == 0
    scenario = load_scenario(tmp_path / "new-scenario.yaml")
    assert (scenario.title, scenario.tags, scenario.citizen.name) == ("#1: yes", ("a, [b]",), "- no")


# -- the wizard in a real terminal ---------------------------------------------------------------
def _spawn(cwd: Path, *args):
    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm-256color", COLUMNS="100", LINES="40")
    env.pop("NO_COLOR", None)
    govsim = shutil.which("govsim")
    command, argv = (govsim, list(args)) if govsim else (sys.executable, ["-m", "simulator", *args])
    return pexpect.spawn(command, argv, env=env, cwd=str(cwd), dimensions=(40, 100), timeout=20,
                         encoding="utf-8")


def test_interactive_wizard(tmp_path):
    child = _spawn(tmp_path, "new")
    child.expect("业务领域")
    child.send("\x15婚姻登记\r")  # Ctrl-U clears the suggested answer
    child.expect("群众的称呼")
    child.send("\x15王阿姨\r")
    child.expect("DISC 类型")
    child.send("\x1b[B\x1b[B\r")  # down twice: S
    child.expect("投诉性质")
    child.send("\r")
    child.expect("难度")
    child.send("\r")
    child.expect("评分方法")
    child.send("\r")
    child.expect("剧本标题")
    child.send("\r")  # keep the suggestion
    child.expect("剧本编号")
    child.send("\x15hunyin-dengji\r")
    child.expect("已生成 hunyin-dengji.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    scenario = load_scenario(tmp_path / "hunyin-dengji.yaml")
    assert scenario.citizen.name == "王阿姨" and scenario.citizen.type == "S"
    assert scenario.title == "婚姻登记：群众等不到结果来窗口" and scenario.tags == ("婚姻登记",)
    assert all(o.passed for o in run_tests(scenario))


def test_interactive_wizard_ctrl_c_writes_nothing(tmp_path):
    child = _spawn(tmp_path, "new", "--area", "婚姻登记")
    child.expect("群众的称呼")
    child.sendintr()
    child.expect("已取消，没有写文件")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert list(tmp_path.glob("*.yaml")) == []
