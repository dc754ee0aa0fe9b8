"""The scenario format as a JSON Schema (draft 2020-12), for editors and CI.

Built from the loader's own key lists, so a key the loader learns without a schema entry
is a KeyError here (and a failing test), never a silent difference.
"""

from __future__ import annotations

from simulator import loader
from simulator.messages import t
from simulator.model import COMPLAINTS, DISC_TYPES, MODES, OUTCOMES

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCENARIO_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
NODE_ID = r"^[a-z0-9_]+$"
GRADES = ("优秀", "良好", "合格", "需改进", "excellent", "good", "pass", "poor")

_TEXT = {"type": ["string", "number"], "pattern": r"\S"}
_TEXT_OR_EMPTY = {"type": ["string", "number"]}
_TEXTS = {"type": "array", "items": _TEXT}
_STEPS = {"type": "array", "items": {"$ref": "#/$defs/step"}}
_NODE_REF = {"type": "string", "pattern": NODE_ID}


def _int(lo: int, hi: int) -> dict:
    return {"type": "integer", "minimum": lo, "maximum": hi}


# (section, key) -> the value's schema; every key of every loader list must be here
SPEC: dict[tuple[str, str], dict] = {
    ("scenario", "id"): {"type": "string", "pattern": SCENARIO_ID},
    ("scenario", "title"): _TEXT,
    ("scenario", "summary"): _TEXT_OR_EMPTY,
    ("scenario", "tags"): _TEXTS,
    ("scenario", "difficulty"): _int(1, 5),
    ("scenario", "method"): {"type": "string", "pattern": SCENARIO_ID},
    ("scenario", "citizen"): {"$ref": "#/$defs/citizen"},
    ("scenario", "start"): _NODE_REF,
    ("scenario", "nodes"): {"type": "object", "minProperties": 1, "propertyNames": {"pattern": NODE_ID},
                            "additionalProperties": {"$ref": "#/$defs/node"}},
    ("scenario", "tests"): {"type": "array", "items": {"$ref": "#/$defs/test"}},
    ("citizen", "name"): _TEXT,
    ("citizen", "type"): {"enum": list(DISC_TYPES)},
    ("citizen", "complaint"): {"enum": list(COMPLAINTS)},
    ("citizen", "mood"): _int(0, 100),
    ("citizen", "background"): _TEXT_OR_EMPTY,
    ("node", "say"): _TEXT,
    ("node", "expect"): _STEPS,
    ("node", "hint"): _TEXT_OR_EMPTY,
    ("node", "phrases"): {"type": "object", "propertyNames": {"$ref": "#/$defs/step"},
                          "additionalProperties": _TEXTS},
    ("node", "choices"): {"type": "array", "items": {"$ref": "#/$defs/choice"}},
    ("node", "routes"): {"type": "array", "items": {"$ref": "#/$defs/route"}},
    ("node", "end"): {"enum": list(OUTCOMES)},
    ("choice", "reply"): _TEXT,
    ("choice", "steps"): _STEPS,
    ("choice", "taboo"): {"type": "boolean"},
    ("choice", "mood"): _int(-100, 100),
    ("choice", "feedback"): _TEXT_OR_EMPTY,
    ("choice", "next"): _NODE_REF,
    ("choice", "disc"): {"type": "number", "minimum": 0, "maximum": 1},
    ("route", "when"): {"$ref": "#/$defs/when"},
    ("route", "next"): _NODE_REF,
    ("route", "mood"): _int(-100, 100),
    ("route", "feedback"): _TEXT_OR_EMPTY,
    ("when", "steps"): _STEPS,
    ("when", "any_steps"): _STEPS,
    ("when", "taboo"): {"type": "boolean"},
    ("when", "mood_above"): _int(0, 100),
    ("when", "mood_below"): _int(0, 100),
    ("when", "phrases"): _TEXTS,
    ("test", "name"): _TEXT,
    ("test", "replies"): {"type": "array", "items": {"type": ["string", "number"],
                                                     "pattern": r"^(?:[^#]|#\s*\d+\s*$)"}},
    ("test", "mode"): {"enum": list(MODES)},
    ("test", "expect"): {"$ref": "#/$defs/expect"},
    ("expect", "outcome"): {"enum": list(OUTCOMES)},
    ("expect", "grade"): {"enum": list(GRADES)},
    ("expect", "total"): {"type": "array", "items": _int(0, 100), "minItems": 2, "maxItems": 2},
}

# section -> (the loader's keys, the loader's required keys)
SECTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "scenario": (loader.TOP_KEYS, loader.TOP_REQUIRED),
    "citizen": (loader.CITIZEN_KEYS, loader.CITIZEN_REQUIRED),
    "node": (loader.NODE_KEYS, loader.NODE_REQUIRED),
    "choice": (loader.CHOICE_KEYS, loader.CHOICE_REQUIRED),
    "route": (loader.ROUTE_KEYS, loader.ROUTE_REQUIRED),
    "when": (loader.WHEN_KEYS, ()),
    "test": (loader.TEST_KEYS, loader.TEST_REQUIRED),
    "expect": (loader.TEST_EXPECT_KEYS, ()),
}


def step_ids() -> list[str]:
    """Every step of the built-in methods, in method order, each once."""
    from simulator.scoring.rubric import builtin_methods, load_method

    out: list[str] = []
    for name in ["five-step"] + [m for m in builtin_methods() if m != "five-step"]:
        out += [s for s in load_method(name).step_ids if s not in out]
    return out


def _object(section: str) -> dict:
    keys, required = SECTIONS[section]
    props = {}
    for key in keys:
        spec = dict(SPEC[(section, key)])
        spec["description"] = t(f"schema.{section}.{key}")
        props[key] = spec
    out = {"type": "object", "description": t(f"schema.{section}"), "properties": props,
           "additionalProperties": False}
    if required:
        out["required"] = list(required)
    return out


def scenario_schema() -> dict:
    defs = {section: _object(section) for section in SECTIONS if section != "scenario"}
    defs["step"] = {"enum": step_ids(), "description": t("schema.step")}
    # an ending says its last line and stops: no answers, no expectations
    defs["node"]["if"] = {"required": ["end"]}
    defs["node"]["then"] = {"not": {"anyOf": [{"required": [k]} for k in ("choices", "routes", "expect")]}}
    top = _object("scenario")
    return {"$schema": DIALECT, "$id": "urn:govsim:scenario", "title": t("schema.title"), **top, "$defs": defs}
