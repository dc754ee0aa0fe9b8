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
