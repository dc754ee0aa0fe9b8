"""`govsim validate`: compiler-style diagnostics, exit codes and the summary line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import simulator.messages
from simulator.cli.app import build_app

TESTS = Path(__file__).parents[1]
ROOT = TESTS.parent
INVALID = TESTS / "scenarios" / "invalid"
MINIMAL = TESTS / "scenarios" / "valid" / "minimal.yaml"
V202 = INVALID / "V202-next-names-no-node.yaml"
WARNING_ONLY = {"S110", "V207"}

# Rich wraps at 80 columns when the output is not a terminal; a wide console keeps each
# diagnostic on one line so the assertions see what a user's terminal shows.
ENV = {"COLUMNS": "400", "NO_COLOR": "1"}

CLI_BUGS: dict[str, str] = {}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def app():
    before = simulator.messages.get_lang()
    simulator.messages.set_lang("zh")
    yield build_app()
    simulator.messages.set_lang(before)  # --lang en changes the language for the process


def run(runner: CliRunner, app, *args: str):
    return runner.invoke(app, list(args), env=ENV)


def expected(path: Path) -> list[tuple[str, int, int]]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    return [
        (code, int(line), int(col)) for code, line, col in re.findall(r"\b([YSV]\d{3}) (\d+):(\d+)", first)
    ]


def no_crash(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stdout
    assert "Traceback" not in result.stderr


def assert_pointed(out: str, path: str, code: str, line: int, column: int) -> None:
    """The header `path:line:column: ...[CODE]`, then the source line, then a caret under the column."""
    from rich.cells import cell_len

    lines = out.splitlines()
    header = f"{path}:{line}:{column}: "
    at = next((i for i, text in enumerate(lines) if text.startswith(header) and f"[{code}]" in text), None)
    assert at is not None, f"no line starting {header!r} with [{code}] in:\n{out}"
    source = Path(path).read_bytes().decode("utf-8-sig").splitlines()[line - 1].replace("\t", " ")
    assert lines[at + 1] == "  " + source
    assert lines[at + 2] == "  " + " " * cell_len(source[: column - 1]) + "^"


def test_help_lists_validate(runner, app):
    result = run(runner, app, "--help")
    assert result.exit_code == 0
    assert "validate" in result.stdout


def test_builtin_scenarios_are_valid(runner, app):
    result = run(runner, app, "validate", str(ROOT / "scenarios"))
    no_crash(result)
    assert result.exit_code == 0, result.stdout
    last = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"\d+ 个文件全部有效（\d+ 个警告）", last), last
    assert result.stderr == ""


def test_relative_folder_argument(runner, app, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run(runner, app, "validate", "scenarios/")
    assert result.exit_code == 0, result.stdout
    assert "scenarios/shebao-card-photo.yaml：通过" in result.stdout


def test_valid_minimal_file(runner, app):
    result = run(runner, app, "validate", "--no-lint", str(MINIMAL))  # lint has its own tests
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [f"{MINIMAL}：通过", "1 个文件全部有效（0 个警告）"]


def test_invalid_file_exits_2_with_location_code_source_and_caret(runner, app, monkeypatch):
    monkeypatch.chdir(ROOT)
    rel = str(V202.relative_to(ROOT))
    result = run(runner, app, "validate", rel)
    no_crash(result)
    assert result.exit_code == 2
    out = result.stdout
    assert f"{rel}:14:15: 错误[V202]: next 指向的节点 'don' 不存在（是不是 'done'？）" in out
    assert "\n          next: don\n" in out
    assert "\n  " + " " * 14 + "^\n" in out
    assert_pointed(out, rel, "V202", 14, 15)
    assert out.strip().splitlines()[-1] == "1 个文件中 1 个无效：1 个错误，1 个警告"


def test_caret_is_under_the_column_after_chinese_text(runner, app):
    path = INVALID / "Y001-syntax-error.yaml"
    result = run(runner, app, "validate", str(path))
    no_crash(result)
    assert result.exit_code == 2
    assert "[Y001]" in result.stdout
    # `  name: 张三: 李四`: column 11 is the second colon; 张三 takes 4 terminal cells
    assert_pointed(result.stdout, str(path), "Y001", 5, 11)
    assert "\n  " + " " * 12 + "^" in result.stdout


def test_english_messages_with_lang_en(runner, app):
    result = run(runner, app, "--lang", "en", "validate", str(V202))
    no_crash(result)
    assert result.exit_code == 2
    assert f"{V202}:14:15: error[V202]: next names no node 'don' (did you mean 'done'?)" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "1 of 1 file(s) invalid: 1 error(s), 1 warning(s)"
    assert "错误" not in result.stdout


def test_missing_path_exits_2_with_one_message(runner, app):
    result = run(runner, app, "validate", "no/such/file.yaml")
    no_crash(result)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == ["路径不存在：no/such/file.yaml"]


def test_missing_path_in_english(runner, app):
    result = run(runner, app, "--lang", "en", "validate", "no/such/file.yaml")
    assert result.exit_code == 2
    assert result.stderr.strip() == "no such file or folder: no/such/file.yaml"


def test_folder_without_yaml_exits_2(runner, app, tmp_path):
    result = run(runner, app, "validate", "--no-lint", str(tmp_path))
    no_crash(result)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"没有找到 .yaml 剧本文件：{tmp_path}"]


def test_mixed_folder_exits_2_and_counts_files(runner, app, tmp_path):
    shutil.copy(MINIMAL, tmp_path / "minimal.yaml")  # valid, no warning
    shutil.copy(V202, tmp_path / V202.name)  # V202 error + S110 warning
    shutil.copy(INVALID / "V207-route-after-default.yaml", tmp_path)  # V207 + S110 warnings only
    result = run(runner, app, "validate", "--no-lint", str(tmp_path))
    no_crash(result)
    assert result.exit_code == 2
    out = result.stdout
    assert f"{tmp_path / 'minimal.yaml'}：通过" in out
    assert "[V202]" in out and "[V207]" in out
    assert out.strip().splitlines()[-1] == "3 个文件中 1 个无效：1 个错误，3 个警告"


def test_gb18030_file_validates_with_a_warning(runner, app, tmp_path):
    path = tmp_path / "minimal.yaml"
    path.write_bytes(MINIMAL.read_text(encoding="utf-8").encode("gb18030"))
    result = run(runner, app, "validate", "--no-lint", str(path))
    no_crash(result)
    assert result.exit_code == 0
    assert f"{path}:1:1: 警告[Y008]" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "1 个文件全部有效（1 个警告）"


def test_non_utf8_file_exits_2(runner, app, tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"# comment\ntitle: caf\xff\n")
    result = run(runner, app, "validate", str(path))
    no_crash(result)
    assert result.exit_code == 2
    assert f"{path}:2:11: 错误[Y005]" in result.stdout


def test_python_tag_is_reported_not_run(runner, app, tmp_path):
    sentinel = tmp_path / "pwned"
    path = tmp_path / "evil.yaml"
    path.write_text(
        f'id: evil\ntitle: !!python/object/apply:os.system ["touch {sentinel}"]\n', encoding="utf-8"
    )
    result = run(runner, app, "validate", str(path))
    no_crash(result)
    assert result.exit_code == 2
    assert f"{path}:2:8: 错误[Y003]" in result.stdout
    assert not sentinel.exists()


def _fixture_params():
    out = []
    for path in sorted(INVALID.glob("*.yaml")):
        marks = ()
        if path.name in CLI_BUGS:
            marks = pytest.mark.xfail(reason=CLI_BUGS[path.name], strict=True)
        out.append(pytest.param(path, id=path.stem, marks=marks))
    return out


@pytest.mark.parametrize("path", _fixture_params())
def test_every_invalid_fixture_is_pointed_at(runner, app, path: Path):
    want = expected(path)
    result = run(runner, app, "validate", str(path))
    no_crash(result)
    only_warnings = all(code in WARNING_ONLY for code, _, _ in want)
    assert result.exit_code == (0 if only_warnings else 2), result.stdout
    for code, line, column in want:
        assert_pointed(result.stdout, str(path), code, line, column)


def test_whole_fixture_folder_reports_without_a_traceback(runner, app):
    result = run(runner, app, "validate", str(INVALID))
    no_crash(result)
    assert result.exit_code == 2
