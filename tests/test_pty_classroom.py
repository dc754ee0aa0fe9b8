"""Recording in a real pseudo-terminal: Ctrl-C then resume, a closed terminal, play --class, the menu's
class question, and two terminals playing into one class while a third shows the live board."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys

import pexpect
import pytest

TIMEOUT = 30
BEST = ["2", "1", "3", "1", "2", "3"]


@pytest.fixture
def env(tmp_path):
    e = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm-256color", COLUMNS="100", LINES="40",
             GOVSIM_DB=str(tmp_path / "class.db"))
    e.pop("NO_COLOR", None)
    return e


def _command(*args):
    govsim = shutil.which("govsim")
    return (govsim, list(args)) if govsim else (sys.executable, ["-m", "simulator", *args])


def spawn(env, *args, dimensions=(40, 100)):
    command, argv = _command(*args)
    return pexpect.spawn(command, argv, env=env, dimensions=dimensions, timeout=TIMEOUT, encoding="utf-8")


def govsim(env, *args, input=None) -> subprocess.CompletedProcess:
    command, argv = _command(*args)
    return subprocess.run([command, *argv], env=dict(env, COLUMNS="100"), input=input, capture_output=True,
                          text=True, timeout=TIMEOUT)


def answer(child, keys):
    for key in keys:
        child.expect("请选择你的回复")
        child.send(key)
        child.send("\r")
        child.expect("教练点评")


def test_ctrl_c_saves_and_resume_continues_from_the_same_turn(env):
    child = spawn(env, "play", "shebao-card-photo", "--trainee", "张三")
    answer(child, BEST[:2])
    child.expect("请选择你的回复")
    child.sendintr()
    child.expect("练习已中断")
    child.expect(r"govsim resume (\d+)")
    sid = int(child.match.group(1))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    child = spawn(env, "resume")
    child.expect("可继续的练习")
    child.expect("继续哪一个")
    child.send("\r")
    child.expect("继续练习：从第 3 轮开始")
    answer(child, BEST[2:])
    child.expect("练习报告")
    child.expect("优秀")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    sessions = json.loads(govsim(env, "history", "--trainee", "张三", "--json").stdout)["sessions"]
    assert [(s["id"], s["status"], s["grade"]) for s in sessions] == [(sid, "finished", "excellent")]


@pytest.mark.parametrize(("how", "code"), [("hangup", 129), ("term", 143)])
def test_a_closed_terminal_or_sigterm_saves_the_session(env, how, code):
    child = spawn(env, "play", "shebao-card-photo", "--trainee", "李四")
    answer(child, BEST[:1])
    child.expect("请选择你的回复")
    if how == "hangup":
        os.close(child.child_fd)  # the terminal window closes: the kernel sends SIGHUP
        child.child_fd = -1
        child.closed = True
        status = child.ptyproc.wait()
    else:
        child.kill(signal.SIGTERM)
        child.expect(pexpect.EOF)
        child.close()
        status = child.exitstatus
    assert status == code
    listed = govsim(env, "resume")
    assert "李四" in listed.stdout and "中断" in listed.stdout
    [saved] = json.loads(govsim(env, "history", "--trainee", "李四", "--json").stdout)["sessions"]
    assert saved["status"] == "interrupted" and saved["turn_count"] == 1
    resumed = govsim(env, "resume", str(saved["id"]), "--script", "-", "--json",
                     input="\n".join("#" + k for k in BEST[1:]) + "\n")
    assert resumed.returncode == 0, resumed.stderr
    assert json.loads(resumed.stdout)["grade"] == "优秀"


def test_interactive_play_into_a_class(env):
    code = json.loads(govsim(env, "class", "open", "窗口一班", "--json").stdout)["code"]
    child = spawn(env, "play", "shebao-card-photo", "--class", code, "--trainee", "王五")
    answer(child, BEST)
    child.expect("优秀")
    child.expect(f"班级 {code}")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    board = govsim(env, "class", "board", code, "--once").stdout
    assert "王五" in board


def test_the_menu_asks_for_the_class_when_one_is_open(env):
    code = json.loads(govsim(env, "class", "open", "窗口二班", "--json").stdout)["code"]
    child = spawn(env)
    child.expect("班级代码")
    child.send("nope\r")
    child.expect("没有进行中的班级")
    child.send("\x7f" * 4 + code.lower() + "\r")
    child.expect("你的姓名")
    child.send("\x15赵六\r")  # Ctrl-U clears the default (the OS user name)
    child.expect("筛选剧本")
    child.send("\r")
    child.expect("选择剧本")
    child.send("\r")
    child.expect("作答方式")
    child.send("\r")
    child.expect("点评方式")
    child.send("\r")
    child.expect("请选择你的回复")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    report = json.loads(govsim(env, "class", "report", code, "--json").stdout)
    assert [(t["trainee"], t["interrupted"]) for t in report["trainees"]] == [("赵六", 1)]


def test_two_terminals_play_into_one_class_and_a_third_shows_them_live(env, tmp_path):
    code = json.loads(govsim(env, "class", "open", "窗口三班", "--json").stdout)["code"]
    board = spawn(env, "class", "board", code, "--interval", "0.5", dimensions=(40, 80))
    board.expect("班级看板")
    board.expect("还没有学员完成练习")
    replies = "\n".join("#" + k for k in BEST) + "\n"
    command, argv = _command("play", "shebao-card-photo", "--script", "-", "--class", code)
    plays = [subprocess.Popen([command, *argv, "--trainee", name], env=env, stdin=subprocess.PIPE,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for name in ("欧阳娜娜", "钱七")]
    for p in plays:
        p.communicate(replies, timeout=TIMEOUT)
        assert p.returncode == 0
    board.expect("欧阳娜娜|钱七")
    board.expect("2 名学员 · 2 场练习")
    board.sendintr()
    board.expect(pexpect.EOF)
    board.close()
    assert board.exitstatus == 0
    once = govsim(env, "class", "board", code, "--once").stdout
    assert "欧阳娜娜" in once and "钱七" in once
