"""Method files (the rubric as data) loaded and compiled once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from simulator.errors import ScenarioError, SimulatorError
from simulator.loader import read_source
from simulator.schema import Reader
from simulator.scoring.normalize import _table
from simulator.yamlsrc import compose

BUILTIN_DIR = Path(__file__).parent / "methods"
DISC_KEYS = ("D", "I", "S", "C")
# Clause edges, for authors' patterns: {BEG} and {END}
_MACROS = {"{BEG}": r"(?:^|(?<=[,.!?;~]))", "{END}": r"(?=[,.!?;~]|$)"}
_META = set(".^$*+?{}[]\\|()")


@dataclass
class Cue:
    pattern: str
    note: str = ""
    unless: re.Pattern | None = None
    unless_steps: tuple[str, ...] = ()
    negatable: bool = True
    weight: float = 0.0


@dataclass
class CueGroup:
    """A step, a taboo kind or a DISC feature list: cues compiled into one alternation."""

    id: str
    cues: list[Cue]
    regex: re.Pattern | None = None
    name: dict = field(default_factory=dict)
    course: str = ""
    tip: dict = field(default_factory=dict)

    def compile(self) -> None:
        if self.cues:
            self.regex = re.compile("|".join(f"(?P<c{i}>{c.pattern})" for i, c in enumerate(self.cues)))


@dataclass
class DiscRule:
    base: float = 0.5
    short: tuple[int, float] | None = None  # (max length, weight)
    long: tuple[int, float] | None = None  # (min length, weight)
    plus: CueGroup | None = None
    minus: CueGroup | None = None


@dataclass
class Method:
    id: str
    name: dict
    steps: list[CueGroup]
    taboo: list[CueGroup]
    disc: dict[str, DiscRule]
    negators: tuple[str, ...]
    path: str = ""

    @property
    def step_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.steps)

    def step(self, step_id: str) -> CueGroup:
        return next(s for s in self.steps if s.id == step_id)


def normalize_pattern(source: str) -> str:
    """Authors write patterns as they write Chinese; match them against normalised text."""
    for macro, regex in _MACROS.items():
        source = source.replace(macro, regex)
    table = _table()
    out = []
    for ch in source:
        mapped = table.get(ord(ch), ord(ch))
        if mapped is None:
            continue
        new = chr(mapped)
        # a full-width ？ or （ is a literal character, never regex syntax
        out.append("\\" + new if ord(ch) > 127 and new in _META else new)
    return "".join(out)


def builtin_methods() -> list[str]:
    return sorted(p.stem for p in BUILTIN_DIR.glob("*.yaml"))


def find_method_file(name: str, dirs: tuple[str, ...] = ()) -> Path | None:
    for folder in (*dirs, str(BUILTIN_DIR)):
        path = Path(folder) / f"{name}.yaml"
        if path.is_file():
            return path
    return None


def available_methods(dirs: tuple[str, ...] = ()) -> list[str]:
    names = set(builtin_methods())
    for folder in dirs:
        names.update(p.stem for p in Path(folder).glob("*.yaml"))
    return sorted(names)


@lru_cache(maxsize=16)
def load_method(name: str = "five-step", dirs: tuple[str, ...] = ()) -> Method:
    """Load and compile a method by name, from `dirs` first, then the built-ins."""
    path = find_method_file(name, dirs)
    if path is None:
        raise SimulatorError("S108", method=name, allowed=", ".join(available_methods(dirs)))
    return load_method_file(path)


def load_method_file(path: Path) -> Method:
    text, diags, _ = read_source(path)
    root = compose(str(path), text, diags) if text is not None else None
    if root is None or any(d.severity == "error" for d in diags):
        raise ScenarioError(str(path), diags)
    r = Reader(str(path))
    method = _method(r, root)
    if method is None or any(d.severity == "error" for d in r.diags):
        raise ScenarioError(str(path), diags + r.diags)
    method.path = str(path)
    return method


def _method(r: Reader, root: yaml.Node) -> Method | None:
    m = r.mapping(root, "method", ("id", "name", "extends", "steps", "taboo", "disc", "negation"), ("id", "steps"))
    if m is None:
        return None
    get = {k: v for k, (_, v) in m.items()}
    mid = r.ident(get["id"], "id", "-") if "id" in get else None
    steps = [g for item in (r.sequence(get["steps"], "steps") or []) if (g := _group(r, item, "steps"))] if "steps" in get else []
    taboo = [g for item in (r.sequence(get["taboo"], "taboo") or []) if (g := _group(r, item, "taboo"))] if "taboo" in get else []
    disc = _disc(r, get["disc"]) if "disc" in get else {}
    negators: tuple[str, ...] = ()
    if "negation" in get:
        n = r.mapping(get["negation"], "negation", ("window", "words")) or {}
        if "words" in n:
            negators = tuple(sorted((w.translate(_table()) for w in r.text_list(n["words"][1], "negation.words")), key=len, reverse=True))
    name = _texts(r, get["name"], "name") if "name" in get else {}
    if mid is None:
        return None
    if "extends" in get:
        base = _base_method(r, get["extends"], "extends")
        if base is not None:
            taboo = taboo or base.taboo
            disc = disc or base.disc
            negators = negators or base.negators
    return Method(mid, name, steps, taboo, disc, negators)


def _base_method(r: Reader, node: yaml.Node, key: str) -> Method | None:
    name = r.ident(node, key, "-")
    if name is None:
        return None
    try:
        return load_method(name, (str(Path(r.path).parent),))
    except (SimulatorError, RecursionError):
        r.error("R302", node, method=name)
        return None


def _texts(r: Reader, node: yaml.Node, key: str) -> dict:
    if isinstance(node, yaml.ScalarNode):
        return {"zh": r.text(node, key) or ""}
    m = r.mapping(node, key, ("zh", "en")) or {}
    return {lang: r.text(v, f"{key}.{lang}") or "" for lang, (_, v) in m.items()}


def _group(r: Reader, node: yaml.Node, where: str) -> CueGroup | None:
    keys = ("id", "name", "course", "tip", "cues", "include") if where == "steps" else ("kind", "name", "cues")
    m = r.mapping(node, where, keys, (keys[0],))
    if m is None or keys[0] not in m:
        return None
    get = {k: v for k, (_, v) in m.items()}
    gid = r.ident(get[keys[0]], f"{where}.{keys[0]}", "_")
    if gid is None:
        return None
    group = CueGroup(gid, _cues(r, get.get("cues"), f"{where}.{gid}.cues"))
    for ref_node in (r.sequence(get["include"], "include") or []) if "include" in get else []:
        group.cues += _included(r, ref_node)
    if "name" in get:
        group.name = _texts(r, get["name"], f"{where}.{gid}.name")
    if "course" in get:
        group.course = r.text(get["course"], f"{where}.{gid}.course") or ""
    if "tip" in get:
        group.tip = _texts(r, get["tip"], f"{where}.{gid}.tip")
    group.compile()
    return group


def _included(r: Reader, node: yaml.Node) -> list[Cue]:
    """`include: [five-step.receive]` borrows another method's cues for a step."""
    ref = r.text(node, "include") or ""
    method_name, _, step = ref.partition(".")
    try:
        return list(load_method(method_name, (str(Path(r.path).parent),)).step(step).cues)
    except (SimulatorError, StopIteration, RecursionError):
        r.error("R302", node, method=ref)
        return []


def _cues(r: Reader, node: yaml.Node | None, where: str) -> list[Cue]:
    out: list[Cue] = []
    for item in (r.sequence(node, where) or []) if node is not None else []:
        if isinstance(item, yaml.ScalarNode):
            phrase = r.text(item, where)
            if phrase:
                out.append(Cue(re.escape(phrase.translate(_table())), note=phrase))
            continue
        m = r.mapping(item, where, ("pattern", "phrase", "note", "unless", "unless_steps", "negatable", "weight"))
        if m is None or not ({"pattern", "phrase"} & m.keys()):
            if m is not None:
                r.error("S102", item, key="pattern", where=where)
            continue
        get = {k: v for k, (_, v) in m.items()}
        if "pattern" in get:
            source = r.text(get["pattern"], f"{where}.pattern") or ""
            pattern = _checked(r, get["pattern"], normalize_pattern(source))
        else:
            source = r.text(get["phrase"], f"{where}.phrase") or ""
            pattern = re.escape(source.translate(_table()))
        if not pattern:
            continue
        cue = Cue(pattern, note=source)
        if "note" in get:
            cue.note = r.text(get["note"], f"{where}.note") or source
        if "unless" in get:
            unless = _checked(r, get["unless"], normalize_pattern(r.text(get["unless"], f"{where}.unless") or ""))
            cue.unless = re.compile(unless) if unless else None
        if "unless_steps" in get:
            cue.unless_steps = r.text_list(get["unless_steps"], f"{where}.unless_steps")
        if "negatable" in get:
            cue.negatable = bool(r.boolean(get["negatable"], f"{where}.negatable"))
        if "weight" in get:
            cue.weight = r.number(get["weight"], f"{where}.weight", -1.0, 1.0) or 0.0
        out.append(cue)
    return out


def _checked(r: Reader, node: yaml.Node, pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        r.error("R301", node, problem=str(exc))
        return ""
    return pattern


def _disc(r: Reader, node: yaml.Node) -> dict[str, DiscRule]:
    m = r.mapping(node, "disc", DISC_KEYS) or {}
    out = {}
    for dtype, (_, value) in m.items():
        where = f"disc.{dtype}"
        d = r.mapping(value, where, ("base", "short", "long", "plus", "minus")) or {}
        rule = DiscRule()
        if "base" in d:
            rule.base = r.number(d["base"][1], f"{where}.base", 0.0, 1.0) or 0.5
        for key in ("short", "long"):
            if key in d:
                lm = r.mapping(d[key][1], f"{where}.{key}", ("max", "min", "weight")) or {}
                bound = "max" if key == "short" else "min"
                if bound in lm and "weight" in lm:
                    n = r.integer(lm[bound][1], f"{where}.{key}.{bound}", 1, 10_000)
                    w = r.number(lm["weight"][1], f"{where}.{key}.weight", -1.0, 1.0)
                    if n is not None and w is not None:
                        setattr(rule, key, (n, w))
        for key in ("plus", "minus"):
            if key in d:
                group = CueGroup(f"{dtype}.{key}", _cues(r, d[key][1], f"{where}.{key}"))
                group.compile()
                setattr(rule, key, group)
        out[dtype] = rule
    return out
