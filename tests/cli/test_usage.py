"""Mistakes on the command line itself: one line, in the interface's language, exit code 2."""

import pytest


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["play", "--foo"], "没有选项 --foo。用法见 govsim play --help"),
        (["plya"], "没有命令 'plya'（是不是 'play'？）"),
        (["play"], "缺少 SCENARIO"),
        (["class", "open"], "缺少 NAME"),
        (["class", "opne"], "（是不是 'open'？）"),
        (["new", "--difficulty", "9", "--yes"], "--difficulty 的值不对"),
    ],
)
def test_usage_error_is_one_chinese_line(run, args, expected):
    result = run(*args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0]
    assert "Traceback" not in result.stderr and "Usage:" not in result.stderr


def test_usage_error_in_english(run):
    result = run("--lang", "en", "play", "--foo")
    assert result.exit_code == 2
    assert result.stderr.strip() == "no such option --foo. See govsim play --help"


@pytest.mark.parametrize("args", [["--help"], ["score", "--help"], ["class", "--help"], ["class", "board", "--help"]])
def test_the_help_option_speaks_the_interface_language(run, args):
    zh = run(*args).stdout
    assert "显示本帮助并退出" in zh and "Show this message" not in zh
    assert zh.startswith("用法：govsim") and "选项" in zh and "Options" not in zh and "Usage" not in zh
    if args != ["--help"]:  # the root's own help is printed before --lang is read, except by `govsim` itself
        en = run("--lang", "en", *args).stdout
        assert "Show this message and exit." in en and en.startswith("Usage: govsim") and "Options" in en


def test_the_root_help_in_english():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "simulator", "--lang", "en", "--help"], capture_output=True,
                         text=True, encoding="utf-8", check=True).stdout
    assert "Show this message and exit." in out and "显示本帮助并退出" not in out
    assert out.startswith("Usage: govsim") and "Commands" in out and "命令" not in out
