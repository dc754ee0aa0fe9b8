"""Lint (L401..L408): each warning on its fixture, at its line and column, and nowhere it should not be.

Each fixture in tests/scenarios/invalid/lint/ is tests/scenarios/valid/lint-clean.yaml with one
thing changed, and says on its first line what lint must report:

    # expect: L404 64:9

The fixtures sit in a subfolder so that the loader's own fixture tests (which read
tests/scenarios/invalid/*.yaml and know only the Y/S/V codes) do not pick them up.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulator.errors import Diagnostic
from simulator.lint import LONG_LINE, lint_scenario
from simulator.loader import load_scenario, parse_scenario
from simulator.messages import MESSAGES, set_lang
from simulator.validate import validate_scenario
from tests.conftest import builtin_files

HERE = Path(__file__).parent
LINT = HERE / "scenarios" / "invalid" / "lint"
CLEAN = HERE / "scenarios" / "valid" / "lint-clean.yaml"
FIXTURES = sorted(LINT.glob("*.yaml"))
CODES = sorted(k for k in MESSAGES if re.fullmatch(r"L\d{3}", k))

# Warnings the built-in library draws, each judged right (see the report of issue 4):
# the tax clerk's opening reads 148 characters, stage direction included.
BUILTIN_WARNINGS = {("shuiwu-geshui-tuishui", "L407", 107, 10)}


def expected(path: Path) -> list[tuple[str, int, int]]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    found = re.findall(r"\b(L\d{3}) (\d+):(\d+)", first)
    assert found, f"{path.name}: first line must be '# expect: CODE line:column'"
    return sorted((code, int(line), int(col)) for code, line, col in found)


def located(diags: list[Diagnostic]) -> list[tuple[str, int, int]]:
    return sorted((d.code, d.span.line, d.span.column) for d in diags)


def test_every_lint_code_has_a_fixture_named_after_it():
    covered = {code for path in FIXTURES for code, _, _ in expected(path)}
    assert covered == set(CODES)
    for path in FIXTURES:
        assert path.name.startswith(expected(path)[0][0] + "-")


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_draws_its_warning_at_line_and_column(path: Path):
    scenario, diags = parse_scenario(path)
    diags += validate_scenario(scenario)
    assert [d for d in diags if d.severity == "error"] == []  # lint is about scenarios that work
    found = lint_scenario(scenario)
    assert located(found) == expected(path)
    for d in found:
        assert d.severity == "warning"
        assert d.span.path == str(path)
        assert "{" not in d.message and f"[{d.code}]" in d.format()


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_messages_in_english(path: Path):
    set_lang("en")
    for d in lint_scenario(load_scenario(path)):
        assert "{" not in d.message
        assert not re.search(r"[\u4e00-\u9fff]{4,}", d.message.split("(")[0]), d.message


def test_clean_scenario_draws_nothing():
    scenario = load_scenario(CLEAN)
    assert validate_scenario(scenario) == []
    assert lint_scenario(scenario) == []


def test_builtin_library_has_only_the_known_warnings():
    found = set()
    for path in builtin_files():
        for d in lint_scenario(load_scenario(path)):
            found.add((path.stem, d.code, d.span.line, d.span.column))
    assert found == BUILTIN_WARNINGS


def test_long_line_counts_characters_not_bytes(tmp_path: Path):
    text = CLEAN.read_text(encoding="utf-8").replace("材料都交了。", "材" * LONG_LINE)
    path = tmp_path / "lint-clean.yaml"
    path.write_text(text, encoding="utf-8")
    assert lint_scenario(load_scenario(path)) == []  # exactly at the limit: fine
    path.write_text(text.replace("材" * LONG_LINE, "材" * (LONG_LINE + 1)), encoding="utf-8")
    assert [d.code for d in lint_scenario(load_scenario(path))] == ["L407"]


def test_trap_in_free_text_mode_too(tmp_path: Path):
    """Typed replies that always route back among the same nodes are a trap as well."""
    text = (LINT / "L403-trap-loop.yaml").read_text(encoding="utf-8")
    text = text.replace("        next: loop_b\n    routes:\n      - next: agree\n",
                        "        next: loop_b\n    routes:\n      - next: loop_b\n")
    text = text.replace("        next: loop_a\n    routes:\n      - next: agree\n",
                        "        next: agree\n    routes:\n      - next: loop_a\n")
    path = tmp_path / "fixture.yaml"
    path.write_text(text, encoding="utf-8")
    scenario, diags = parse_scenario(path)
    assert not [d for d in diags + validate_scenario(scenario) if d.severity == "error"]
    (trap,) = lint_scenario(scenario)
    assert trap.code == "L403" and "loop_a, loop_b" in trap.message and "自由作答" in trap.message


def test_a_taboo_route_that_calms_is_flagged_at_its_mood(tmp_path: Path):
    text = CLEAN.read_text(encoding="utf-8").replace(
        "      - when: {taboo: true}\n        next: escalated\n",
        "      - when: {taboo: true}\n        next: escalated\n        mood: -3\n")
    path = tmp_path / "lint-clean.yaml"
    path.write_text(text, encoding="utf-8")
    (d,) = lint_scenario(load_scenario(path))
    line = text.splitlines().index("        mood: -3") + 1
    assert (d.code, d.span.line, d.span.column) == ("L406", line, 15)


def test_author_disc_overrides_the_rubric(tmp_path: Path):
    """A choice's own `disc:` counts, so a trainer can vouch for a reply the rubric underrates."""
    text = (LINT / "L408-disc-never-fits.yaml").read_text(encoding="utf-8")
    text = text.replace("        steps: [receive]\n", "        steps: [receive]\n        disc: 0.8\n")
    path = tmp_path / "fixture.yaml"
    path.write_text(text, encoding="utf-8")
    assert "L408" not in {d.code for d in lint_scenario(load_scenario(path))}
