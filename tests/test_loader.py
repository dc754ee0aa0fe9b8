"""The loader and validator: every diagnostic code, where it points, and the hostile files.

Each fixture in tests/scenarios/invalid/ documents itself on its first line:

    # expect: V202 14:15

one or more `CODE line:column` pairs (1-based), the diagnostics the file must produce.
A fixture's file name cannot be its id (ids are lower-case, the names start with the
code), so every fixture also draws the S110 "id differs from file name" warning; it is
ignored unless the fixture expects it.

Codes covered elsewhere in this file rather than by a committed fixture, because they
are about bytes, not YAML text: Y005 (not UTF-8), Y008 (GB18030, a warning), Y009 (binary),
and Y006 for a file over 20 MB. A UTF-8 BOM and UTF-16 are also generated in tmp_path.

Codes that cannot be produced from a file:
  * S112 "scripted reply is invalid": nothing in simulator/ emits it. `tests[].replies` are
    read as plain text by loader._tests and never checked, so no scenario file can trigger it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from simulator.errors import Diagnostic, ScenarioError
from simulator.loader import load_scenario, parse_scenario
from simulator.messages import MESSAGES, get_lang, set_lang
from simulator.validate import validate_scenario

HERE = Path(__file__).parent
INVALID = HERE / "scenarios" / "invalid"
VALID = HERE / "scenarios" / "valid"
MINIMAL = VALID / "minimal.yaml"
FIXTURES = sorted(INVALID.glob("*.yaml"))
WARNINGS = {"S110", "V207", "Y008"}
UNREACHABLE: set[str] = set()
BYTE_LEVEL = {"Y005", "Y008", "Y009"}

KEY_ARG_CODES = {"Y002", "S101", "S102", "S103", "S104", "S105", "S109", "S111"}


@pytest.fixture(autouse=True)
def _english():
    before = get_lang()
    set_lang("en")
    yield
    set_lang(before)


def diagnose(path: str | Path) -> list[Diagnostic]:
    """What `govsim validate` finds in one file: schema problems, then graph problems."""
    scenario, diags = parse_scenario(path)
    if scenario is not None and not any(d.severity == "error" for d in diags):
        diags = diags + validate_scenario(scenario)
    return diags


def expected(path: Path) -> list[tuple[str, int, int]]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect:"), f"{path.name}: first line must be '# expect: CODE line:column'"
    found = re.findall(r"\b([YSV]\d{3}) (\d+):(\d+)", first)
    assert found, f"{path.name}: no 'CODE line:column' on the first line"
    return [(code, int(line), int(col)) for code, line, col in found]


def located(diags: list[Diagnostic], keep_s110: bool = False) -> list[tuple[str, int, int]]:
    return sorted((d.code, d.span.line, d.span.column) for d in diags if keep_s110 or d.code != "S110")


def fixture_params():
    return [pytest.param(path, id=path.stem) for path in FIXTURES]


# -- one fixture per code --------------------------------------------------------


def test_fixtures_cover_every_reachable_code():
    codes = {k for k in MESSAGES if re.fullmatch(r"[YSV]\d{3}", k)}
    covered = {code for path in FIXTURES for code, _, _ in expected(path)}
    assert codes - covered - BYTE_LEVEL - UNREACHABLE == set()


@pytest.mark.parametrize("path", fixture_params())
def test_fixture_reports_expected_code_at_line_and_column(path: Path):
    want = expected(path)
    diags = diagnose(path)
    assert located(diags, keep_s110=any(code == "S110" for code, _, _ in want)) == sorted(want)
    for d in diags:
        assert d.severity == ("warning" if d.code in WARNINGS else "error"), d


@pytest.mark.parametrize("path", fixture_params())
def test_load_scenario_raises_with_the_same_diagnostics(path: Path):
    want = expected(path)
    if all(code in WARNINGS for code, _, _ in want):
        scenario = load_scenario(path)  # warnings alone do not stop a scenario
        assert scenario.nodes
        return
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert info.value.path == str(path)
    assert located(info.value.diagnostics, keep_s110=True) == located(diagnose(path), keep_s110=True)
    assert info.value.errors


@pytest.mark.parametrize("path", fixture_params())
def test_every_diagnostic_renders_a_message(path: Path):
    for d in diagnose(path):
        text = d.format()
        assert f"[{d.code}]" in text
        assert "{" not in d.message  # every placeholder filled
        assert d.to_dict()["message"] == d.message


@pytest.mark.parametrize("code", sorted(KEY_ARG_CODES))
def test_messages_with_a_key_argument_can_be_formatted(code: str):
    args = {
        "key": "k",
        "first": 1,
        "where": "w",
        "hint": "",
        "expected": "e",
        "actual": "a",
        "value": "v",
        "range": "r",
        "allowed": "x",
        "node": "n",
    }
    assert "k" in Diagnostic(code, code, args).message


# -- the valid files ----------------------------------------------------------------


def test_minimal_valid_scenario_has_no_diagnostics():
    assert diagnose(MINIMAL) == []
    scenario = load_scenario(MINIMAL)
    assert scenario.id == "minimal"
    assert scenario.start in scenario.nodes
    assert len(scenario.nodes) <= 3


def test_builtin_example_is_valid():
    path = HERE.parent / "scenarios" / "shebao-card-photo.yaml"
    assert [d for d in diagnose(path) if d.severity == "error"] == []


# -- several problems at once, and the hints ------------------------------------------


def test_all_problems_of_a_file_are_reported_at_once():
    diags = diagnose(INVALID / "multi-three-mistakes.yaml")
    errors = [d for d in diags if d.severity == "error"]
    assert len(errors) == 3
    assert {d.code for d in errors} == {"S101", "S104", "S105"}
    with pytest.raises(ScenarioError) as info:
        load_scenario(INVALID / "multi-three-mistakes.yaml")
    assert len(info.value.errors) == 3


def test_all_graph_problems_are_reported_at_once(tmp_path: Path):
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace("next: done\n    routes", "next: don\n    routes")
    text = text.replace(
        "      - next: done\n", "      - next: done\n      - when: {taboo: true}\n        next: done\n"
    )
    text += "  orphan:\n    say: 没人来\n    end: partial\n"
    path = tmp_path / "minimal.yaml"
    path.write_text(text, encoding="utf-8")
    assert located(diagnose(path)) == [("V202", 14, 15), ("V203", 22, 3), ("V207", 17, 9)]


def test_did_you_mean_for_a_misspelt_key_is_computed():
    diags = diagnose(INVALID / "S101-sya-for-say.yaml")
    s101 = next(d for d in diags if d.code == "S101")
    assert s101.args["key"] == "sya"
    assert "'say'" in s101.args["hint"]


def test_did_you_mean_for_a_misspelt_key_is_shown():
    diags = diagnose(INVALID / "S101-sya-for-say.yaml")
    s101 = next(d for d in diags if d.code == "S101")
    assert "did you mean 'say'" in s101.message


def test_did_you_mean_for_a_misspelt_next_target():
    (d,) = [d for d in diagnose(INVALID / "V202-next-names-no-node.yaml") if d.code == "V202"]
    assert "'don'" in d.message
    assert "did you mean 'done'" in d.message
    (d,) = [d for d in diagnose(INVALID / "V201-start-names-no-node.yaml") if d.code == "V201"]
    assert "did you mean 'opening'" in d.message


def test_no_hint_when_nothing_is_close():
    (d,) = [d for d in diagnose(INVALID / "V202-route-next-names-no-node.yaml") if d.code == "V202"]
    assert "did you mean" not in d.message


# -- hostile and odd YAML ------------------------------------------------------------


def test_duplicate_keys_are_caught_where_pyyaml_keeps_the_last():
    path = INVALID / "Y002-duplicate-key.yaml"
    plain = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert plain["nodes"]["opening"]["say"] == "您好，我来办事"  # PyYAML silently drops the first
    (d,) = [d for d in diagnose(path) if d.code == "Y002"]
    assert (d.span.line, d.span.column) == (11, 5)
    assert d.args["key"] == "say"
    assert d.args["first"] == 10


def test_python_tag_is_rejected_and_never_executed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    calls = []
    monkeypatch.setattr(os, "system", lambda *a: calls.append(a) or 0)
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: calls.append(a))
    sentinel = tmp_path / "pwned"
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "say: 你好，我来办社保卡。", f'say: !!python/object/apply:os.system ["touch {sentinel}"]'
    )
    path = tmp_path / "minimal.yaml"
    path.write_text(text, encoding="utf-8")
    diags = diagnose(path)
    assert [(d.code, d.span.line, d.span.column) for d in diags] == [("Y003", 10, 10)]
    assert "python/object/apply:os.system" in diags[0].args["tag"]
    with pytest.raises(ScenarioError):
        load_scenario(path)
    assert calls == []
    assert not sentinel.exists()


def test_python_tag_fixture_is_y003():
    (d,) = diagnose(INVALID / "Y003-python-tag.yaml")
    assert d.code == "Y003"
    assert d.args["tag"] == "tag:yaml.org,2002:python/object/apply:os.system"


def test_billion_laughs_returns_y006_quickly():
    started = time.perf_counter()
    diags = diagnose(INVALID / "Y006-alias-bomb.yaml")
    elapsed = time.perf_counter() - started
    assert [d.code for d in diags] == ["Y006"]
    assert elapsed < 2.0


def test_deep_nesting_is_y006_at_the_first_node_too_deep(tmp_path: Path):
    path = tmp_path / "deep.yaml"
    path.write_text("[" * 100 + "]" * 100 + "\n", encoding="utf-8")
    assert located(diagnose(path)) == [("Y006", 1, 65)]


def test_very_deep_nesting_is_y006_not_a_crash(tmp_path: Path):
    path = tmp_path / "deep.yaml"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    code = (
        "import sys; from simulator.loader import parse_scenario; "
        "print([d.code for d in parse_scenario(sys.argv[1])[1]])"
    )
    run = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, f"exit {run.returncode}: {run.stderr[-500:]}"
    assert "Y006" in run.stdout


def test_file_over_20_mb_is_y006_without_reading_it(tmp_path: Path):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as f:
        f.truncate(21 * 1024 * 1024)  # sparse: nothing is written
    (d,) = diagnose(path)
    assert d.code == "Y006"
    assert d.span.line == 0  # the whole file, not a place in it


def test_empty_file_is_y004(tmp_path: Path):
    for name, data in (("empty.yaml", b""), ("blank.yaml", b"  \n\n"), ("comment.yaml", b"# nothing\n")):
        path = tmp_path / name
        path.write_bytes(data)
        assert located(diagnose(path)) == [("Y004", 1, 1)], name
        with pytest.raises(ScenarioError):
            load_scenario(path)


def test_top_level_list_is_s103(tmp_path: Path):
    path = tmp_path / "list.yaml"
    path.write_text("- id: x\n", encoding="utf-8")
    assert [d.code for d in diagnose(path)] == ["S103"]


# -- encodings -----------------------------------------------------------------------


def test_utf8_bom_loads(tmp_path: Path):
    path = tmp_path / "minimal.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.read_bytes())
    assert diagnose(path) == []
    assert load_scenario(path).title == "最小剧本"


def test_utf8_bom_does_not_shift_columns(tmp_path: Path):
    src = INVALID / "V202-next-names-no-node.yaml"
    path = tmp_path / src.name
    path.write_bytes(b"\xef\xbb\xbf" + src.read_bytes())
    assert located(diagnose(path)) == expected(src)


def test_utf16_with_bom_loads(tmp_path: Path):
    path = tmp_path / "minimal.yaml"
    path.write_bytes(MINIMAL.read_text(encoding="utf-8").encode("utf-16"))
    assert diagnose(path) == []


def test_gb18030_copy_loads_with_y008_warning(tmp_path: Path):
    path = tmp_path / "minimal.yaml"
    path.write_bytes(MINIMAL.read_text(encoding="utf-8").encode("gb18030"))
    diags = diagnose(path)
    assert [(d.code, d.severity, d.span.line, d.span.column) for d in diags] == [("Y008", "warning", 1, 1)]
    assert "GB18030" in diags[0].message
    scenario = load_scenario(path)
    assert scenario.title == "最小剧本"
    assert scenario.citizen.name == "张三"


def test_builtin_scenario_in_gb18030_loads_with_y008(tmp_path: Path):
    src = HERE.parent / "scenarios" / "shebao-card-photo.yaml"
    path = tmp_path / src.name
    path.write_bytes(src.read_text(encoding="utf-8").encode("gb18030"))
    assert [d.code for d in diagnose(path)] == ["Y008"]
    assert load_scenario(path).id == "shebao-card-photo"


def test_not_utf8_is_y005_at_the_bad_byte(tmp_path: Path):
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"# comment\ntitle: caf\xff\n")  # 0xFF is neither UTF-8 nor GB18030
    diags = diagnose(path)
    assert located(diags) == [("Y005", 2, 11)]
    assert "UTF-8" in diags[0].message
    with pytest.raises(ScenarioError):
        load_scenario(path)


def test_not_utf8_column_counts_characters(tmp_path: Path):
    path = tmp_path / "mixed.yaml"
    path.write_bytes("# comment\ntitle: 测试".encode() + b"\xff\n")
    assert located(diagnose(path)) == [("Y005", 2, 10)]


def test_binary_file_is_y009(tmp_path: Path):
    path = tmp_path / "image.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    assert located(diagnose(path)) == [("Y009", 1, 1)]
    with pytest.raises(ScenarioError):
        load_scenario(path)


def test_nul_in_utf8_text_is_y009_on_its_line(tmp_path: Path):
    path = tmp_path / "nul.yaml"
    path.write_bytes(b"id: x\ntitle: a\x00b\n")
    (d,) = diagnose(path)
    assert (d.code, d.span.line) == ("Y009", 2)


def test_nul_in_utf8_text_column(tmp_path: Path):
    path = tmp_path / "nul.yaml"
    path.write_bytes(b"id: x\ntitle: a\x00b\n")
    assert located(diagnose(path)) == [("Y009", 2, 9)]
