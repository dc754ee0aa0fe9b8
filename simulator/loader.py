"""YAML scenario files to the model; every object keeps where it was written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from simulator.errors import Diagnostic, ScenarioError, SimulatorError, Span
from simulator.model import (
    COMPLAINTS,
    DISC_TYPES,
    MODES,
    OUTCOMES,
    Choice,
    Citizen,
    Condition,
    Node,
    Route,
    Scenario,
    ScriptTest,
)
from simulator.schema import Reader
from simulator.yamlsrc import MAX_BYTES, compose, decode

TOP_KEYS = ("id", "title", "summary", "tags", "difficulty", "method", "citizen", "start", "nodes", "tests")
CITIZEN_KEYS = ("name", "type", "complaint", "mood", "background")
NODE_KEYS = ("say", "expect", "hint", "phrases", "choices", "routes", "end")
CHOICE_KEYS = ("reply", "steps", "taboo", "mood", "feedback", "next", "disc")
ROUTE_KEYS = ("when", "next", "mood", "feedback")
WHEN_KEYS = ("steps", "any_steps", "taboo", "mood_above", "mood_below", "phrases")
TEST_KEYS = ("name", "replies", "mode", "expect")
TEST_EXPECT_KEYS = ("outcome", "grade", "total")
# keys a mapping must have (the JSON Schema in simulator/json_schema.py is built from these lists too)
TOP_REQUIRED = ("id", "title", "citizen", "start", "nodes")
CITIZEN_REQUIRED = ("name", "type")
NODE_REQUIRED = ("say",)
CHOICE_REQUIRED = ("reply", "next")
ROUTE_REQUIRED = ("next",)
TEST_REQUIRED = ("name", "replies")


def read_source(path: str | Path) -> tuple[str | None, list[Diagnostic], bytes]:
    """Read a file's text; problems with the bytes themselves become diagnostics."""
    path = Path(path)
    diags: list[Diagnostic] = []
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            diags.append(Diagnostic("Y006", "Y006", {"what": f"{size // 1024 // 1024} MB > 20 MB"}, Span(str(path))))
            return None, diags, b""
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise SimulatorError("error.cannot_read", path=str(path), reason=exc.strerror) from None
    except FileNotFoundError:
        raise SimulatorError("error.no_such_path", path=str(path)) from None
    except OSError as exc:
        raise SimulatorError("error.cannot_read", path=str(path), reason=exc.strerror or str(exc)) from None
    return decode(str(path), data, diags), diags, data


def parse_scenario(path: str | Path) -> tuple[Scenario | None, list[Diagnostic]]:
    """Load without raising: the scenario (if it could be built) and every diagnostic."""
    text, diags, data = read_source(path)
    if text is None:
        return None, diags
    root = compose(str(path), text, diags)
    if root is None or any(d.severity == "error" for d in diags):
        return None, diags
    reader = Reader(str(path))
    scenario = _scenario(reader, root)
    diags.extend(reader.diags)
    if scenario is not None:
        scenario.path = str(path)
        scenario.digest = hashlib.sha256(data).hexdigest()[:16]
        scenario.spans = reader.spans
    return scenario, diags


def load_scenario(path: str | Path) -> Scenario:
    """Load and validate one scenario; raise ScenarioError listing every problem."""
    from simulator.validate import validate_scenario

    scenario, diags = parse_scenario(path)
    if scenario is not None and not any(d.severity == "error" for d in diags):
        diags.extend(validate_scenario(scenario))
    if scenario is None or any(d.severity == "error" for d in diags):
        raise ScenarioError(str(path), diags)
    return scenario


def _scenario(r: Reader, root: yaml.Node) -> Scenario | None:
    top = r.mapping(root, "scenario", TOP_KEYS, TOP_REQUIRED)
    if top is None:
        return None
    get = {k: v for k, (_, v) in top.items()}
    for key, (_, value_node) in top.items():
        r.spans[key] = r.span(value_node)
    sid = r.ident(get["id"], "id", "-") if "id" in get else None
    title = r.text(get["title"], "title") if "title" in get else None
    citizen = _citizen(r, get["citizen"]) if "citizen" in get else None
    start = r.text(get["start"], "start") if "start" in get else None
    nodes = _nodes(r, get["nodes"]) if "nodes" in get else None
    scenario = Scenario(
        id=sid or "",
        title=title or "",
        citizen=citizen or Citizen("", "D"),
        start=start or "",
        nodes=nodes or {},
    )
    if "summary" in get:
        scenario.summary = r.text(get["summary"], "summary", allow_empty=True) or ""
    if "tags" in get:
        scenario.tags = r.text_list(get["tags"], "tags")
    if "difficulty" in get:
        scenario.difficulty = r.integer(get["difficulty"], "difficulty", 1, 5) or 1
    if "method" in get:
        scenario.method = r.ident(get["method"], "method", "-") or "five-step"
    if "tests" in get:
        scenario.tests = _tests(r, get["tests"])
    if None in (sid, title, citizen, start, nodes):
        return None if any(d.severity == "error" for d in r.diags) else scenario
    return scenario


def _citizen(r: Reader, node: yaml.Node) -> Citizen | None:
    m = r.mapping(node, "citizen", CITIZEN_KEYS, CITIZEN_REQUIRED)
    if m is None:
        return None
    get = {k: v for k, (_, v) in m.items()}
    name = r.text(get["name"], "citizen.name") if "name" in get else None
    ctype = r.choice(get["type"], "citizen.type", DISC_TYPES) if "type" in get else None
    if "type" in get:
        r.spans["citizen.type"] = r.span(get["type"])
    citizen = Citizen(name or "", ctype or "D")
    if "complaint" in get:
        citizen.complaint = r.choice(get["complaint"], "citizen.complaint", COMPLAINTS) or "reasonable"
    if "mood" in get:
        mood = r.integer(get["mood"], "citizen.mood", 0, 100)
        citizen.mood = 50 if mood is None else mood
    if "background" in get:
        citizen.background = r.text(get["background"], "citizen.background", allow_empty=True) or ""
    return citizen


def _nodes(r: Reader, node: yaml.Node) -> dict[str, Node] | None:
    if not isinstance(node, yaml.MappingNode):
        r.mapping(node, "nodes", ())
        return None
    nodes: dict[str, Node] = {}
    for key_node, value_node in node.value:
        node_id = r.ident(key_node, "nodes", "_")
        if node_id is None or node_id in nodes:
            continue
        built = _node(r, node_id, value_node)
        if built is not None:
            built.span = r.span(key_node)
            nodes[node_id] = built
    if not node.value:
        r.error("S111", node, key="nodes")
    return nodes


def _node(r: Reader, node_id: str, node: yaml.Node) -> Node | None:
    where = f"nodes.{node_id}"
    m = r.mapping(node, where, NODE_KEYS, NODE_REQUIRED)
    if m is None:
        return None
    get = {k: v for k, (_, v) in m.items()}
    say = r.text(get["say"], f"{where}.say") if "say" in get else None
    if "say" in get:
        r.spans[f"{where}.say"] = r.span(get["say"])
    out = Node(id=node_id, say=say or "")
    if "expect" in get:
        out.expect = r.text_list(get["expect"], f"{where}.expect")
        r.spans[f"{where}.expect"] = r.span(get["expect"])
    if "hint" in get:
        out.hint = r.text(get["hint"], f"{where}.hint", allow_empty=True) or ""
    if "phrases" in get:
        out.phrases = _phrases(r, get["phrases"], f"{where}.phrases")
    if "choices" in get:
        items = r.sequence(get["choices"], f"{where}.choices") or []
        out.choices = [c for i, item in enumerate(items) if (c := _choice(r, item, f"{where}.choices.{i}"))]
    if "routes" in get:
        items = r.sequence(get["routes"], f"{where}.routes") or []
        out.routes = [x for i, item in enumerate(items) if (x := _route(r, item, f"{where}.routes.{i}"))]
    if "end" in get:
        out.end = r.choice(get["end"], f"{where}.end", OUTCOMES)
        for key in ("choices", "routes", "expect"):
            if key in m:
                r.error("S109", m[key][0], node=node_id, key=key)
    return out


def _phrases(r: Reader, node: yaml.Node, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(node, yaml.MappingNode):
        r.mapping(node, where, ())
        return {}
    out = {}
    for key_node, value_node in node.value:
        step = r.text(key_node, where)
        if step is None:
            continue
        r.spans[f"{where}.{step}"] = r.span(key_node)
        out[step] = r.text_list(value_node, f"{where}.{step}")
    return out


def _choice(r: Reader, node: yaml.Node, where: str) -> Choice | None:
    m = r.mapping(node, where, CHOICE_KEYS, CHOICE_REQUIRED)
    if m is None or "reply" not in m or "next" not in m:
        return None
    get = {k: v for k, (_, v) in m.items()}
    reply = r.text(get["reply"], f"{where}.reply")
    target = r.text(get["next"], f"{where}.next")
    if reply is None or target is None:
        return None
    choice = Choice(reply=reply, next=target, span=r.span(node))
    r.spans[f"{where}.next"] = r.span(get["next"])
    if "steps" in get:
        choice.steps = r.text_list(get["steps"], f"{where}.steps")
        r.spans[f"{where}.steps"] = r.span(get["steps"])
    if "taboo" in get:
        choice.taboo = bool(r.boolean(get["taboo"], f"{where}.taboo"))
    if "mood" in get:
        choice.mood = r.integer(get["mood"], f"{where}.mood", -100, 100) or 0
        r.spans[f"{where}.mood"] = r.span(get["mood"])
    if "feedback" in get:
        choice.feedback = r.text(get["feedback"], f"{where}.feedback", allow_empty=True) or ""
    if "disc" in get:
        choice.disc = r.number(get["disc"], f"{where}.disc", 0.0, 1.0)
    return choice


def _route(r: Reader, node: yaml.Node, where: str) -> Route | None:
    m = r.mapping(node, where, ROUTE_KEYS, ROUTE_REQUIRED)
    if m is None or "next" not in m:
        return None
    get = {k: v for k, (_, v) in m.items()}
    target = r.text(get["next"], f"{where}.next")
    if target is None:
        return None
    route = Route(next=target, span=r.span(node))
    r.spans[f"{where}.next"] = r.span(get["next"])
    if "when" in get:
        route.when = _condition(r, get["when"], f"{where}.when")
        if route.when == Condition():  # `when: {}` always holds: it is a default route
            route.when = None
    if "mood" in get:
        route.mood = r.integer(get["mood"], f"{where}.mood", -100, 100)
        r.spans[f"{where}.mood"] = r.span(get["mood"])
    if "feedback" in get:
        route.feedback = r.text(get["feedback"], f"{where}.feedback", allow_empty=True) or ""
    return route


def _condition(r: Reader, node: yaml.Node, where: str) -> Condition:
    m = r.mapping(node, where, WHEN_KEYS) or {}
    get = {k: v for k, (_, v) in m.items()}
    cond = Condition()
    for key in ("steps", "any_steps", "phrases"):
        if key in get:
            setattr(cond, key, r.text_list(get[key], f"{where}.{key}"))
            r.spans[f"{where}.{key}"] = r.span(get[key])
    if "taboo" in get:
        cond.taboo = r.boolean(get["taboo"], f"{where}.taboo")
    for key in ("mood_above", "mood_below"):
        if key in get:
            setattr(cond, key, r.integer(get[key], f"{where}.{key}", 0, 100))
    return cond


def _tests(r: Reader, node: yaml.Node) -> list[ScriptTest]:
    out = []
    for i, item in enumerate(r.sequence(node, "tests") or []):
        where = f"tests.{i}"
        m = r.mapping(item, where, TEST_KEYS, TEST_REQUIRED)
        if m is None or "name" not in m or "replies" not in m:
            continue
        get = {k: v for k, (_, v) in m.items()}
        name = r.text(get["name"], f"{where}.name") or f"#{i + 1}"
        replies = list(r.text_list(get["replies"], f"{where}.replies"))
        for reply_node in r.sequence(get["replies"], f"{where}.replies") or []:
            value = reply_node.value if isinstance(reply_node, yaml.ScalarNode) else ""
            if value.startswith("#") and not value[1:].strip().isdigit():
                r.error("S112", reply_node, reply=value)
        test = ScriptTest(name=name, replies=replies, span=r.span(item))
        if "mode" in get:
            test.mode = r.choice(get["mode"], f"{where}.mode", MODES) or "choice"
        if "expect" in get:
            e = r.mapping(get["expect"], f"{where}.expect", TEST_EXPECT_KEYS) or {}
            ge = {k: v for k, (_, v) in e.items()}
            if "outcome" in ge:
                test.outcome = r.text(ge["outcome"], f"{where}.expect.outcome")
            if "grade" in ge:
                test.grade = r.text(ge["grade"], f"{where}.expect.grade")
            if "total" in ge:
                test.total = _total_range(r, ge["total"], f"{where}.expect.total")
        out.append(test)
    return out


def _total_range(r: Reader, node: yaml.Node, where: str) -> tuple[int, int] | None:
    items = r.sequence(node, where)
    if items is None or len(items) != 2:
        if items is not None:
            r.error("S104", node, key=where, value=len(items), range="[min, max]")
        return None
    lo, hi = (r.integer(x, where, 0, 100) for x in items)
    return None if lo is None or hi is None else (lo, hi)
