"""`govsim schema`: a draft 2020-12 JSON Schema built from the loader's key lists."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml

from simulator import loader
from simulator.json_schema import SECTIONS, SPEC, scenario_schema
from tests.conftest import builtin_files

jsonschema = pytest.importorskip("jsonschema")

TESTS = Path(__file__).parents[1]
CLEAN = TESTS / "scenarios" / "valid" / "lint-clean.yaml"


@pytest.fixture(scope="module")
def validator():
    schema = scenario_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _data(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_command_prints_the_schema(run):
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["citizen"]["description"].startswith("来办事的群众")
    assert schema["$defs"]["citizen"]["properties"]["type"]["enum"] == ["D", "I", "S", "C"]
    assert schema["$defs"]["node"]["properties"]["end"]["enum"] == ["resolved", "partial", "escalated"]
    assert {"receive", "follow_up", "soothe", "expectation"} <= set(schema["$defs"]["step"]["enum"])


def test_out_writes_a_file(run, tmp_path):
    target = tmp_path / "govsim.schema.json"
    result = run("schema", "--out", str(target))
    assert result.exit_code == 0 and json.loads(target.read_text(encoding="utf-8"))["title"]
    assert result.stdout == ""


def test_english_descriptions(run):
    schema = json.loads(run("--lang", "en", "schema").stdout)
    assert schema["$defs"]["choice"]["properties"]["taboo"]["description"].startswith("whether it is taboo")


def test_schema_follows_the_loader():
    """Every key the loader reads has a schema entry and nothing else does: they cannot drift apart."""
    schema = scenario_schema()
    tables = {"scenario": schema, **{k: v for k, v in schema["$defs"].items() if k in SECTIONS}}
    for section, (keys, required) in SECTIONS.items():
        assert list(tables[section]["properties"]) == list(keys)
        assert tables[section].get("required", []) == list(required)
        assert tables[section]["additionalProperties"] is False
    assert SECTIONS["node"][0] is loader.NODE_KEYS and SECTIONS["choice"][1] is loader.CHOICE_REQUIRED
    assert {s for s, _ in SPEC} == set(SECTIONS)
    assert len(SPEC) == sum(len(keys) for keys, _ in SECTIONS.values())


@pytest.mark.parametrize("path", builtin_files() + [CLEAN], ids=lambda p: p.stem)
def test_every_builtin_scenario_validates(validator, path):
    errors = [e.message for e in validator.iter_errors(_data(path))]
    assert errors == []


def test_generated_skeletons_validate(validator, run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for method in ("five-step", "six-step"):
        run("new", "--yes", "--id", method, "--method", method)
        assert list(validator.iter_errors(_data(tmp_path / f"{method}.yaml"))) == []


BROKEN = [
    ("unknown top key", lambda d: d.update(tittle="x"), "Additional properties"),
    ("missing start", lambda d: d.pop("start"), "'start' is a required property"),
    ("bad DISC type", lambda d: d["citizen"].update(type="X"), "is not one of"),
    ("mood out of range", lambda d: d["citizen"].update(mood=150), "greater than the maximum"),
    ("difficulty as text", lambda d: d.update(difficulty="easy"), "is not of type 'integer'"),
    ("bad id", lambda d: d.update(id="Shebao_Card"), "does not match"),
    ("misspelt say", lambda d: d["nodes"]["confirm"].update(sya=d["nodes"]["confirm"].pop("say")), "'say' is a required"),
    ("unknown step", lambda d: d["nodes"]["confirm"].update(expect=["confrim"]), "is not one of"),
    ("bad ending", lambda d: d["nodes"]["resolved"].update(end="resolve"), "is not one of"),
    ("ending with choices", lambda d: d["nodes"]["resolved"].update(choices=[]), "should not be valid"),
    ("taboo as text", lambda d: d["nodes"]["receive"]["choices"][1].update(taboo="yes please"), "is not of type 'boolean'"),
    ("choice without next", lambda d: d["nodes"]["receive"]["choices"][0].pop("next"), "'next' is a required"),
    ("disc over 1", lambda d: d["nodes"]["receive"]["choices"][0].update(disc=1.5), "greater than the maximum"),
    ("bad node name", lambda d: d["nodes"].update({"Bad-Name": {"say": "x", "end": "partial"}}), "does not match"),
    ("empty say", lambda d: d["nodes"]["confirm"].update(say="   "), "does not match"),
    ("bad script reply", lambda d: d.update(tests=[{"name": "t", "replies": ["#x"]}]), "does not match"),
    ("total of three", lambda d: d.update(tests=[{"name": "t", "replies": ["#1"], "expect": {"total": [1, 2, 3]}}]),
     "is too long"),
    ("bad grade", lambda d: d.update(tests=[{"name": "t", "replies": ["#1"], "expect": {"grade": "满分"}}]),
     "is not one of"),
]


@pytest.mark.parametrize(("what", "breaks", "says"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_scenarios_are_rejected(validator, what, breaks, says):
    data = copy.deepcopy(_data(CLEAN))
    assert list(validator.iter_errors(data)) == []
    breaks(data)
    messages = [e.message for e in validator.iter_errors(data)]
    assert messages and any(says in m for m in messages), messages
