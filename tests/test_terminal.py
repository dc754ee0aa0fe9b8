"""Terminals as trainees have them: narrow, colourless, dumb, or not a terminal at all."""

import os
import re
import shutil
import sys

import pexpect

TIMEOUT = 30
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _spawn(args, cols=100, **env_extra):
    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm-256color", COLUMNS=str(cols), LINES="40")
    env.pop("NO_COLOR", None)
    env.update(env_extra)
    govsim = shutil.which("govsim")
    command, argv = (govsim, list(args)) if govsim else (sys.executable, ["-m", "simulator", *args])
    return pexpect.spawn(command, argv, env=env, dimensions=(40, cols), timeout=TIMEOUT, encoding="utf-8")


def _play_best(child):
    for key in ["2", "1", "3", "1", "2", "3"]:
        child.expect("请选择你的回复")
        child.send(key + "\r")
    child.expect("改进建议")
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def test_sixty_columns_wraps_and_finishes():
    child = _spawn(["play", "shebao-card-photo"], cols=60)
    chunks = []
    child.logfile_read = _Collect(chunks)
    assert _play_best(child) == 0
    text = ANSI.sub("", "".join(chunks))
    assert "优秀" in text
    for line in text.splitlines():
        if line.startswith(("╭", "│", "╰")):
            assert _cells(line.rstrip("\r")) <= 60, line


def test_no_color_sends_no_colour_codes():
    child = _spawn(["play", "shebao-card-photo", "--mode", "free", "--exam"], NO_COLOR="1")
    chunks = []
    child.logfile_read = _Collect(chunks)
    child.expect("请输入你的回复")
    child.sendintr()
    child.expect(pexpect.EOF)
    rendered = "".join(chunks).split("?")[0]  # the panels before the first prompt
    assert not re.search(r"\x1b\[[0-9;]*3[0-9]m|\x1b\[38;", rendered)


def test_dumb_terminal_plays_to_the_end():
    child = _spawn(["play", "shebao-card-photo"], TERM="dumb")
    assert _play_best(child) == 0


def test_piped_stdin_without_script_is_one_line_and_exit_2():
    import subprocess

    args = [shutil.which("govsim") or "", "play", "shebao-card-photo"] if shutil.which("govsim") else [sys.executable, "-m", "simulator", "play", "shebao-card-photo"]
    proc = subprocess.run(args, input="#1\n", capture_output=True, text=True, timeout=TIMEOUT)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "--script" in proc.stderr


def test_scenario_text_cannot_inject_markup_or_escapes(tmp_path, run):
    src = (os.path.join(os.path.dirname(__file__), "scenarios", "engine", "counter.yaml"))
    text = open(src, encoding="utf-8").read()
    text = text.replace("我都跑三趟了！", '"[bold red]我都跑三趟了[/bold red]\\e[2J"')
    path = tmp_path / "counter.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("play", str(path), "--script", "-", input="#1\n#1\n#1\n#1\n")
    assert result.exit_code == 0, result.stderr
    assert "[bold red]我都跑三趟了[/bold red]" in result.stdout
    assert "\x1b[2J" not in result.stdout and "\\x1b[2J" in result.stdout


class _Collect:
    def __init__(self, chunks):
        self.chunks = chunks

    def write(self, data):
        self.chunks.append(data)

    def flush(self):
        pass


def _cells(line: str) -> int:
    from rich.cells import cell_len

    return cell_len(line)

