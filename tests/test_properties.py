"""Property-based tests: mutated scenarios load or fail with our own error; the scorer takes any text."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.errors import ScenarioError, SimulatorError
from simulator.loader import load_scenario, parse_scenario
from simulator.scoring.reply import score_reply
from simulator.scoring.rubric import load_method

# A fixed profile: the same examples every run, in CI and here.
settings.register_profile("govsim", max_examples=150, derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.load_profile("govsim")

SOURCES = [
    (Path(__file__).parent / "scenarios" / "engine" / "counter.yaml").read_text(encoding="utf-8"),
    (Path(__file__).parent.parent / "scenarios" / "shebao-card-photo.yaml").read_text(encoding="utf-8"),
]
NOISE = st.sampled_from(list(":-[]{}&*!|>'\"#%@`,?\t\n ") + ["  ", "\n  ", ": ", "- ", "!!python/object:os.system", "&a", "*a",
                                                               "null", "~", "yes", "1e9", "社保", "\x00", "\ufeff"])


@st.composite
def mutated(draw):
    text = draw(st.sampled_from(SOURCES))
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "duplicate", "insert", "indent", "truncate", "swap"]))
        i = draw(st.integers(0, len(lines) - 1))
        if kind == "delete" and len(lines) > 1:
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "insert":
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + draw(NOISE) + line[at:]
        elif kind == "indent":
            lines[i] = draw(st.sampled_from(["", " ", "  ", "    ", "\t"])) + lines[i].lstrip(" ")
        elif kind == "truncate":
            lines = lines[: i + 1]
        elif kind == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
    return "".join(lines)


@given(text=mutated())
def test_mutated_scenario_loads_or_raises_our_error(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("m") / "mutant.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    scenario, diags = parse_scenario(path)
    for d in diags:
        assert d.span is None or d.span.line >= 1
        assert d.message  # every diagnostic renders
    try:
        load_scenario(path)
    except ScenarioError as exc:
        assert exc.diagnostics
    except SimulatorError:
        pass


METHOD = load_method("five-step")


@given(text=st.text(max_size=400), citizen=st.sampled_from([None, "D", "I", "S", "C"]))
def test_scorer_returns_a_valid_result_for_any_text(text, citizen):
    result = score_reply(text, METHOD, citizen)
    assert set(result.steps) <= set(METHOD.step_ids)
    assert list(result.steps) == [s for s in METHOD.step_ids if s in result.steps]
    assert isinstance(result.taboo, bool)
    assert (result.disc_fit is None) == (citizen is None)
    if citizen:
        assert 0.0 <= result.disc_fit <= 1.0
    for e in result.evidence:
        assert e.kind in ("step", "taboo", "disc")
