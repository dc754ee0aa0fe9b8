"""govsim play --script: every built-in scenario's best and taboo paths, and the script's edge cases."""

import json

import pytest
import yaml

from tests.conftest import builtin_files


def _paths(name):
    out = []
    for path in builtin_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for test in data.get("tests", []):
            if test["name"] == name:
                out.append(pytest.param(path, test, id=path.stem))
    return out


@pytest.mark.parametrize(("path", "test"), _paths("best"))
def test_best_path_grades_excellent(run, path, test):
    result = run("play", str(path), "--script", "-", "--json", input="\n".join(test["replies"]) + "\n")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["grade"] == "优秀" and out["outcome"] == "resolved"
    assert all(points == 100 for points in out["steps"].values())


@pytest.mark.parametrize(("path", "test"), _paths("taboo"))
def test_taboo_path_grades_needs_work(run, path, test):
    result = run("play", str(path), "--script", "-", "--json", input="\n".join(test["replies"]) + "\n")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["grade"] == "需改进"
    assert any(turn["taboo"] for turn in out["turns"])


def test_every_builtin_has_a_best_and_a_taboo_path():
    assert len(_paths("best")) == len(builtin_files()) >= 12
    assert len(_paths("taboo")) == len(builtin_files())


def test_json_result_has_the_contract_fields(run):
    result = run("play", "shebao-card-photo", "--script", "-", "--json", input="#2\n#1\n#3\n#1\n#2\n#3\n")
    out = json.loads(result.stdout)
    for key in ("scenario", "outcome", "total", "grade", "steps", "turns"):
        assert key in out
    for turn in out["turns"]:
        assert {"reply", "steps", "taboo", "disc_fit", "mood"} <= turn.keys()
    assert out["scenario"] == "shebao-card-photo"


def test_lines_after_the_ending_are_ignored(run):
    result = run("play", "shebao-card-photo", "--script", "-", "--json", input="#3\n#3\n#1\n#1\n#1\n")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["turns"]) == 2


def test_script_running_out_exits_2(run):
    result = run("play", "shebao-card-photo", "--script", "-", input="#2\n")
    assert result.exit_code == 2
    assert "脚本在第 2 轮用完了" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_bad_choice_number_exits_2(run):
    result = run("play", "shebao-card-photo", "--script", "-", input="#9\n")
    assert result.exit_code == 2
    assert "没有选项 9" in result.stderr


def test_typed_text_in_a_script_is_scored_by_the_rubric(run):
    script = "王师傅，您别着急，我直接帮您处理。\n"
    result = run("play", "shebao-card-photo", "--mode", "free", "--script", "-", "--json", input=script + "#1\n" * 8)
    turn = json.loads(result.stdout)["turns"][0]
    assert "receive" in turn["steps"]
    assert any(e["text"] == "别着急" for e in turn["evidence"])


def test_script_file(run, tmp_path):
    script = tmp_path / "replies.txt"
    script.write_text("#3\n#3\n", encoding="utf-8")
    result = run("play", "shebao-card-photo", "--script", str(script))
    assert result.exit_code == 0
    assert "需改进" in result.stdout


def test_no_terminal_and_no_script_exits_2(run):
    result = run("play", "shebao-card-photo", input="#1\n")
    assert result.exit_code == 2
    assert "标准输入不是终端" in result.stderr


def test_unknown_scenario_suggests_a_name(run):
    result = run("play", "shebao-card-phot", "--script", "-", input="")
    assert result.exit_code == 2
    assert "shebao-card-photo" in result.stderr


def test_bad_mode_exits_2(run):
    result = run("play", "shebao-card-photo", "--mode", "fast", "--script", "-", input="")
    assert result.exit_code == 2
    assert "--mode" in result.stderr


def test_english_interface(run):
    result = run("--lang", "en", "play", "shebao-card-photo", "--script", "-", input="#3\n#3\n")
    assert result.exit_code == 0
    assert "needs work" in result.stdout and "Transcript" in result.stdout


def test_markup_in_a_typed_reply_is_shown_as_typed(run):
    result = run("play", "shebao-card-photo", "--mode", "free", "--script", "-", input="[bold]您好[/bold]\x1b[2J\n" + "#1\n" * 8)
    assert "[bold]您好[/bold]" in result.stdout
    assert "\x1b[2J" not in result.stdout and "\\x1b[2J" in result.stdout


def test_the_coach_says_a_taboo_cancels_a_step_the_reply_did(run):
    result = run("play", "hukou-qianru-xinsheng", "--mode", "free", "--script", "-", "--no-record",
                 input="对不起，我们只受理本市户籍的，您这个不在范围内。\n")
    out = result.stdout.replace("│", "").replace("\n", "").replace(" ", "")
    assert "做到了：接待受理" in out and "说了禁忌的话，接待受理不算数" in out
    assert "漏掉了：接待受理" not in out  # it was done, not missed


def test_the_coach_quotes_a_short_clause_whole():
    from simulator.ui.render import _in_words

    assert _in_words("好的。您租房合同带了吗", "同带了吗") == "您租房合同带了吗"  # a cue may start mid-word
    long = "驳回原因我帮您调出来看一下再跟您细说"
    assert _in_words(long, "我帮您调") == "我帮您调"  # a long clause: the matched words alone
    assert _in_words("您好", "不在回复里") == "不在回复里"
