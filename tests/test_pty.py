"""Interactive play in a real pseudo-terminal, from the first line to the report."""

import os
import shutil
import sys

import pexpect
import pytest

TIMEOUT = 20


def _spawn(*args):
    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm-256color", COLUMNS="100", LINES="40")
    env.pop("NO_COLOR", None)
    govsim = shutil.which("govsim")
    command, argv = (govsim, list(args)) if govsim else (sys.executable, ["-m", "simulator", *args])
    return pexpect.spawn(command, argv, env=env, dimensions=(40, 100), timeout=TIMEOUT, encoding="utf-8")


def test_interactive_choice_play_from_first_line_to_report():
    child = _spawn("play", "shebao-card-photo")
    best = ["2", "1", "3", "1", "2", "3"]
    for key in best:
        child.expect("请选择你的回复")
        child.send(key)
        child.send("\r")
        child.expect("教练点评")
    child.expect("练习报告")
    child.expect("优秀")
    child.expect("改进建议")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_interactive_free_text_and_ctrl_c():
    child = _spawn("play", "shebao-card-photo", "--mode", "free", "--exam")
    child.expect("请输入你的回复")
    child.send("王师傅您别着急，我直接帮您处理\r")
    child.expect("第 2 轮")
    child.expect("请输入你的回复")
    child.sendintr()
    child.expect("练习已中断")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


@pytest.mark.parametrize("lang_args", [[], ["--lang", "en"]])
def test_menu_leads_to_play(lang_args):
    child = _spawn(*lang_args)
    child.expect("筛选剧本" if not lang_args else "Filter scenarios")
    child.send("\r")  # all scenarios
    child.expect("选择剧本" if not lang_args else "Choose a scenario")
    child.send("\r")  # the first one
    child.expect("作答方式" if not lang_args else "Mode")
    child.send("\r")  # choice
    child.expect("点评方式" if not lang_args else "Feedback")
    child.send("\r")  # coach
    child.expect("请选择你的回复" if not lang_args else "Choose your reply")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
