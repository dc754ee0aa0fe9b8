"""Reading a method file (YAML) into a Method: the slow path, used when the cache has no fresh copy.

Every mistake becomes a located diagnostic (R301 for a bad pattern, R304 for one that can backtrack
for minutes, R302 for a missing method, the S1xx codes for the shape of the file). See docs/scoring.md, section 4, for the format.
"""

from __future__ import annotations

import re
from pathlib import Path

from simulator.errors import ScenarioError, SimulatorError
from simulator.scoring import compiled
from simulator.scoring.normalize import normalize_phrase
from simulator.scoring.rubric import DISC_KEYS, Cue, CueGroup, DiscRule, Method, load_method

# Clause edges, for authors' patterns: {BEG} and {END}
_MACROS = {"BEG": r"(?:^|(?<=[,.!?;~]))", "END": r"(?=[,.!?;~]|$)"}
_META = set(".^$*+?{}[]\\|()")
_DEFINE = r"\{([A-Za-z_][A-Za-z0-9_]*)\}"


def join_patterns(patterns: list[str], named: bool = False) -> str:
    """One alternation of several patterns: (?P<c0>…)|(?P<c1>…) or (?:…)|(?:…) (the `question:` lists).

    A pattern's own numbered back-references (\\1) are renumbered for its place in the whole.
    """
    parts = []
    offset = 0
    for i, pattern in enumerate(patterns):
        if named:
            offset += 1
        try:
            groups = re.compile(pattern).groups
        except (re.error, RecursionError):
            groups = 0
        if groups:
            pattern = _shift_backrefs(pattern, offset)
        parts.append(f"(?P<c{i}>{pattern})" if named else f"(?:{pattern})")
        offset += groups
    return "|".join(parts)


def _shift_backrefs(pattern: str, offset: int) -> str:
    out = []
    i = 0
    in_class = False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            if not in_class and nxt in "123456789":
                j = i + 1
                while j < len(pattern) and pattern[j].isdigit() and j < i + 3:
                    j += 1
                out.append(f"(?:\\{int(pattern[i + 1:j]) + offset})")
                i = j
                continue
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)


def expand(source: str, defines: dict[str, str]) -> str:
    """Replace {NAME} by the method's `define:` entries (and {BEG}/{END} by clause edges)."""
    for _ in range(8):  # defines may use earlier defines
        new = re.sub(_DEFINE, lambda m: _lookup(m, defines), source)
        if new == source:
            break
        source = new
    return source


def _lookup(m: re.Match, defines: dict[str, str]) -> str:
    name = m.group(1)
    if name in _MACROS:
        return _MACROS[name]
    if name in defines:
        return f"(?:{defines[name]})"
    return m.group(0)


def normalize_pattern(source: str, defines: dict[str, str] | None = None) -> str:
    """Authors write patterns as they write Chinese; match them against normalised text."""
    source = expand(source, defines or {})
    out = []
    escaped = False
    header = 0  # inside "(?P<name>" or "(?P=name)": leave ASCII alone
    for i, ch in enumerate(source):
        if escaped:
            out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            out.append(ch)
            escaped = True
            continue
        if source.startswith(("(?P<", "(?P="), i):
            header = source.find(">" if source[i + 3] == "<" else ")", i) - i
        if header > 0:
            header -= 1
            out.append(ch)
            continue
        if ch.isascii():
            out.append(ch.lower())
            continue
        new = normalize_phrase(ch)
        if not new:
            continue
        # a full-width ？ or （ is a literal character, never regex syntax
        out.append("\\" + new if new in _META else new)
    return "".join(out)


_LOADING: list[str] = []  # the method files being parsed, outermost first: a cycle is a mistake, not a hang


def parse_method_file(path: Path) -> tuple[Method, list[Path]]:
    key = str(Path(path).resolve())
    if key in _LOADING:
        raise SimulatorError("R303", method=Path(path).stem)
    _LOADING.append(key)
    try:
        return _parse_method_file(path)
    finally:
        _LOADING.pop()


def _parse_method_file(path: Path) -> tuple[Method, list[Path]]:
    from simulator.loader import read_source
    from simulator.schema import Reader
    from simulator.yamlsrc import compose

    text, diags, _ = read_source(path)
    root = compose(str(path), text, diags) if text is not None else None
    if root is None or any(d.severity == "error" for d in diags):
        raise ScenarioError(str(path), diags)
    r = Reader(str(path))
    r.deps = [path]  # every method file this one reads (extends, include), for the cache
    method = _method(r, root)
    if method is None or any(d.severity == "error" for d in r.diags):
        raise ScenarioError(str(path), diags + r.diags)
    method.path = str(path)
    return method, r.deps


def _method(r, root) -> Method | None:
    keys = ("id", "name", "extends", "define", "steps", "taboo", "disc", "negation", "question", "model")
    m = r.mapping(root, "method", keys, ("id", "steps"))
    if m is None:
        return None
    get = {k: v for k, (_, v) in m.items()}
    mid = r.ident(get["id"], "id", "-") if "id" in get else None
    base = _base_method(r, get["extends"], "extends") if "extends" in get else None
    defines = dict(base.defines) if base else {}
    if "define" in get:
        defines.update(_defines(r, get["define"]))
    r.defines = defines
    r.renames = {}
    steps = [g for item in (r.sequence(get["steps"], "steps") or []) if (g := _group(r, item, "steps"))] if "steps" in get else []
    taboo = [g for item in (r.sequence(get["taboo"], "taboo") or []) if (g := _group(r, item, "taboo"))] if "taboo" in get else []
    disc = _disc(r, get["disc"]) if "disc" in get else {}
    name = _texts(r, get["name"], "name") if "name" in get else {}
    if mid is None:
        return None
    method = Method(mid, name, steps, taboo, disc, ())
    if base is not None:
        method.taboo = taboo or [_renamed_group(g, r.renames) for g in base.taboo]
        method.disc = disc or base.disc
        method.negators, method.negators_after = base.negators, base.negators_after
        method.negation_except = base.negation_except
        method.negation_skip, method.negation_window = base.negation_skip, base.negation_window
        method.question, method.not_question = base.question, base.not_question
        if base.ngram:
            method.ngram = _renamed_ngram(base.ngram, r.renames)
    if "model" in get:
        method.ngram = _ngram(r, get["model"], method)
    if "negation" in get:
        _negation(r, get["negation"], method)
    if "question" in get:
        _question(r, get["question"], method)
    method.defines = defines
    return method


def _defines(r, node) -> dict[str, str]:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        r.mapping(node, "define", ())  # reports the wrong type
        return {}
    out = {}
    for key_node, value_node in node.value:
        key = getattr(key_node, "value", None)
        if not isinstance(key, str) or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            r.error("R301", key_node, problem=f"define: '{key}' is not a name (letters, digits, _)")
            continue
        value = r.text(value_node, f"define.{key}")
        if value is not None:
            out[key] = value
    return out


def _negation(r, node, method: Method) -> None:
    n = r.mapping(node, "negation", ("window", "words", "after", "skip", "except")) or {}
    if "words" in n:
        words = (normalize_phrase(w) for w in r.text_list(n["words"][1], "negation.words"))
        method.negators = tuple(sorted(words, key=len, reverse=True))
    if "after" in n:
        words = (normalize_phrase(w) for w in r.text_list(n["after"][1], "negation.after"))
        method.negators_after = tuple(sorted(words, key=len, reverse=True))
    if "except" in n:
        method.negation_except = tuple(normalize_phrase(w) for w in r.text_list(n["except"][1], "negation.except"))
    if "skip" in n:
        method.negation_skip = normalize_phrase(r.text(n["skip"][1], "negation.skip") or "")
    if "window" in n:
        method.negation_window = r.integer(n["window"][1], "negation.window", 0, 20) or 0


def _ngram(r, node, method: Method) -> dict | None:
    """`model:` the n-gram model behind the cues (simulator/scoring/ngram.py), or `false`."""
    import yaml

    from simulator.scoring import ngram

    if isinstance(node, yaml.ScalarNode):
        if r.boolean(node, "model"):  # only `false` (no model) is a scalar that means something
            r.error("S103", node, key="model", expected="false", actual="true")
        return None
    m = r.mapping(node, "model", ("file", "taboo", "steps"), ("file",)) or {}
    if "file" not in m:
        return None
    name = r.text(m["file"][1], "model.file")
    path = ngram.find_model(name, (str(Path(r.path).parent),)) if name else None
    if path is None:
        if name:
            r.choice(m["file"][1], "model.file", tuple(ngram.builtin_models()))
        return None
    _add_dep(r, str(path))
    config = {"path": str(path.resolve()), "aliases": {new: old for old, new in r.renames.items()},
              "taboo": None, "steps": None}
    if "taboo" in m:
        t = r.mapping(m["taboo"][1], "model.taboo", ("threshold", "dismiss", "min_chars", "unless_steps",
                                                              "overrule")) or {}
        threshold = r.number(t["threshold"][1], "model.taboo.threshold", 0.0, 1.0) if "threshold" in t else None
        dismiss = r.number(t["dismiss"][1], "model.taboo.dismiss", 0.0, 1.0) if "dismiss" in t else None
        items = (r.sequence(t["unless_steps"][1], "model.taboo.unless_steps") or []) if "unless_steps" in t else []
        steps = (r.choice(item, "model.taboo.unless_steps", method.step_ids) for item in items)
        min_chars = r.integer(t["min_chars"][1], "model.taboo.min_chars", 0, 1000) if "min_chars" in t else None
        overrule = r.number(t["overrule"][1], "model.taboo.overrule", 0.0, 1.0) if "overrule" in t else None
        config["taboo"] = {"threshold": 0.5 if threshold is None else threshold, "dismiss": dismiss or 0.0,
                           "min_chars": min_chars or 0, "unless_steps": tuple(s for s in steps if s),
                           "overrule": 1.01 if overrule is None else overrule}
    if "steps" in m:
        st = r.mapping(m["steps"][1], "model.steps", ("keep", "add", "keep_for")) or {}
        keep = r.number(st["keep"][1], "model.steps.keep", 0.0, 1.0) if "keep" in st else None
        add = r.number(st["add"][1], "model.steps.add", 0.0, 1.0) if "add" in st else None
        keep_for = {}
        if "keep_for" in st:  # a step's own `keep`
            for step, (_key, value) in (r.mapping(st["keep_for"][1], "model.steps.keep_for", method.step_ids) or {}).items():
                number = r.number(value, f"model.steps.keep_for.{step}", 0.0, 1.0)
                if number is not None:
                    keep_for[step] = number
        config["steps"] = {"keep": keep or 0.0, "add": 1.01 if add is None else add, "keep_for": keep_for}
    return config


def _renamed_ngram(config: dict, renames: dict[str, str]) -> dict:
    """A base method's `model:` under the step names of a method that `include`s its steps."""
    out = dict(config)
    out["aliases"] = {**config["aliases"], **{new: old for old, new in renames.items()}}
    if config["taboo"]:
        out["taboo"] = {**config["taboo"], "unless_steps": tuple(renames.get(s, s) for s in config["taboo"]["unless_steps"])}
    if config["steps"]:
        keep_for = config["steps"].get("keep_for", {})
        out["steps"] = {**config["steps"], "keep_for": {renames.get(s, s): v for s, v in keep_for.items()}}
    return out


def _question(r, node, method: Method) -> None:
    q = r.mapping(node, "question", ("yes", "no")) or {}
    for key, attr in (("yes", "question"), ("no", "not_question")):
        if key in q:
            sources = r.text_list(q[key][1], f"question.{key}")
            parts = [_checked(r, q[key][1], normalize_pattern(s, r.defines)) for s in sources]
            setattr(method, attr, join_patterns([p for p in parts if p]))


def _base_method(r, node, key: str) -> Method | None:
    name = r.ident(node, key, "-")
    if name is None:
        return None
    try:
        base = _other_method(r, name)
    except SimulatorError as exc:
        r.error(_load_error(exc), node, method=name)
        return None
    _add_dep(r, base.path)
    return base


def _load_error(exc: SimulatorError) -> str:
    """R303 when loading the other method led back to a file being loaded, else R302."""
    cycle = exc.key == "R303" or any(d.code == "R303" for d in getattr(exc, "diagnostics", ()))
    return "R303" if cycle else "R302"


def _other_method(r, name: str) -> Method:
    """The method `name` as this file sees it: its own folder first, then the built-ins, never itself.

    A trainer's `methods/five-step.yaml` that `extends: five-step` means the built-in five-step.
    """
    from simulator.scoring.rubric import find_method_file

    dirs = (str(Path(r.path).parent),)
    found = find_method_file(name, dirs)
    if found is not None and found.resolve() == Path(r.path).resolve():
        dirs = ()
    return load_method(name, dirs)


def _add_dep(r, path: str) -> None:
    if path and Path(path) not in r.deps:
        r.deps.append(Path(path))


def _texts(r, node, key: str) -> dict:
    import yaml

    if isinstance(node, yaml.ScalarNode):
        return {"zh": r.text(node, key) or ""}
    m = r.mapping(node, key, ("zh", "en")) or {}
    return {lang: r.text(v, f"{key}.{lang}") or "" for lang, (_, v) in m.items()}


def _group(r, node, where: str) -> CueGroup | None:
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
        group.cues += _included(r, ref_node, gid)
    if "name" in get:
        group.name = _texts(r, get["name"], f"{where}.{gid}.name")
    if "course" in get:
        group.course = r.text(get["course"], f"{where}.{gid}.course") or ""
    if "tip" in get:
        group.tip = _texts(r, get["tip"], f"{where}.{gid}.tip")
    group.compile()
    return group


def _included(r, node, into: str) -> list[Cue]:
    """`include: [five-step.receive]` borrows another method's cues for a step."""
    ref = r.text(node, "include") or ""
    method_name, _, step = ref.partition(".")
    try:
        source = _other_method(r, method_name)
        cues = source.step(step).cues
    except SimulatorError as exc:
        r.error(_load_error(exc), node, method=ref)
        return []
    except StopIteration:
        r.error("R302", node, method=ref)
        return []
    _add_dep(r, source.path)
    # the borrowed cues name the other method's steps (yields: [agree]); this method may call them otherwise
    r.renames[step] = into
    return [_renamed_cue(c, r.renames) for c in cues]


def _renamed_cue(cue: Cue, renames: dict[str, str]) -> Cue:
    if not renames:
        return cue
    return cue.copy(yields=tuple(_renamed_target(s, renames) for s in cue.yields),
                    unless_steps=tuple(renames.get(s, s) for s in cue.unless_steps))


def _renamed_target(entry: str, renames: dict[str, str]) -> str:
    """A yields entry, "agree" or "agree@sentence", with the step renamed."""
    target, at, scope = entry.partition("@")
    return renames.get(target, target) + at + scope


def _renamed_group(group: CueGroup, renames: dict[str, str]) -> CueGroup:
    if not renames:
        return group
    new = CueGroup(group.id, [_renamed_cue(c, renames) for c in group.cues], group.name, group.course, group.tip)
    new.compile()
    return new


_CUE_KEYS = ("pattern", "phrase", "note", "unless", "unless_scope", "unless_steps", "negatable", "clause", "yields",
             "yields_scope", "weak", "firm", "weight", "repeat")


def _cues(r, node, where: str) -> list[Cue]:
    import yaml

    out: list[Cue] = []
    for item in (r.sequence(node, where) or []) if node is not None else []:
        if isinstance(item, yaml.ScalarNode):
            phrase = r.text(item, where)
            if phrase:
                out.append(Cue(re.escape(normalize_phrase(phrase)), note=phrase, source=phrase))
            continue
        m = r.mapping(item, where, _CUE_KEYS)
        if m is None or not ({"pattern", "phrase"} & m.keys()):
            if m is not None:
                r.error("S102", item, key="pattern", where=where)
            continue
        get = {k: v for k, (_, v) in m.items()}
        if "pattern" in get:
            source = r.text(get["pattern"], f"{where}.pattern") or ""
            pattern = _checked(r, get["pattern"], normalize_pattern(source, r.defines))
        else:
            source = r.text(get["phrase"], f"{where}.phrase") or ""
            pattern = re.escape(normalize_phrase(source))
        if not pattern:
            continue
        cue = Cue(pattern, note=source, source=source)
        if "note" in get:
            cue.note = r.text(get["note"], f"{where}.note") or source
        if "unless" in get:
            cue.unless = _checked(r, get["unless"], normalize_pattern(r.text(get["unless"], f"{where}.unless") or "", r.defines))
        if "unless_scope" in get:
            cue.unless_scope = r.choice(get["unless_scope"], f"{where}.unless_scope", ("clause", "sentence", "reply")) or "clause"
        if "unless_steps" in get:
            cue.unless_steps = r.text_list(get["unless_steps"], f"{where}.unless_steps")
        if "negatable" in get:
            cue.negatable = bool(r.boolean(get["negatable"], f"{where}.negatable"))
        if "clause" in get:
            cue.clause = r.choice(get["clause"], f"{where}.clause", ("question", "statement")) or ""
        if "yields" in get:
            cue.yields = r.text_list(get["yields"], f"{where}.yields")
        if "yields_scope" in get:
            cue.yields_scope = r.choice(get["yields_scope"], f"{where}.yields_scope", ("words", "clause", "sentence")) or "words"
        if "weak" in get:
            cue.weak = bool(r.boolean(get["weak"], f"{where}.weak"))
        if "firm" in get:
            cue.firm = bool(r.boolean(get["firm"], f"{where}.firm"))
        if "weight" in get:
            cue.weight = r.number(get["weight"], f"{where}.weight", -1.0, 1.0) or 0.0
        if "repeat" in get:
            cue.repeat = r.integer(get["repeat"], f"{where}.repeat", 1, 20) or 1
        out.append(cue)
    return out


def _checked(r, node, pattern: str) -> str:
    if not pattern:
        return pattern
    try:
        re.compile(pattern)
    except re.error as exc:
        r.error("R301", node, problem=str(exc))
        return ""
    except RecursionError:  # pragma: no cover - absurdly nested patterns
        r.error("R301", node, problem="too deeply nested")
        return ""
    part = nested_repeat(pattern)
    if part:
        r.error("R304", node, part=part)
        return ""
    return pattern


def nested_repeat(pattern: str) -> str:
    """The first unbounded repeat inside another unbounded repeat ((a+)+, (?:\\w+\\s?)*), as text; else "".

    Python's regular expressions backtrack: such a pattern can take exponential time on a reply that
    almost matches. A method file is data a trainer writes, so it may not hang the scorer.
    """
    try:
        from re import _constants as sc
        from re import _parser as sp
    except ImportError:  # pragma: no cover - Python < 3.11
        import sre_constants as sc
        import sre_parse as sp

    repeats = (sc.MAX_REPEAT, sc.MIN_REPEAT)

    def walk(items, inside: bool) -> bool:
        for op, av in items:
            if op in repeats:
                _lo, hi, sub = av
                unbounded = hi == sc.MAXREPEAT
                if inside and unbounded:
                    return True
                if walk(sub, inside or unbounded):
                    return True
            elif op == sc.SUBPATTERN:
                if walk(av[-1], inside):
                    return True
            elif op == sc.BRANCH:
                if any(walk(branch, inside) for branch in av[1]):
                    return True
            elif op in (sc.ASSERT, sc.ASSERT_NOT) and walk(av[1], inside):
                return True
        return False

    try:
        found = walk(sp.parse(pattern), False)
    except Exception:  # noqa: BLE001 - compiled above; the engine's internals are not an API
        return ""
    return (pattern if len(pattern) <= 40 else pattern[:40] + "…") if found else ""


def _disc(r, node) -> dict[str, DiscRule]:
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
                group.compile(split=False)
                setattr(rule, key, group)
        out[dtype] = rule
    return out


# -- prefilter: the strings a match must contain --------------------------------------------------
_MAX_SET = 40


def required_literals(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Sets of strings such that any match of `pattern` contains a string of every set.

    () when nothing is known. The scorer skips a cue when a reply lacks every string of one set
    (looked for by their rarest characters), so most cues never run their regular expression.
    Worked out once, when a method is compiled.
    """
    if not compiled.ENGINE:
        return ()
    try:
        found = _required(compiled._sre_parse.parse(pattern, 0))
    except Exception:  # noqa: BLE001 - an unusual construct: no prefilter, the regex always runs
        return ()
    best = sorted(found, key=compiled.cost)[:3]
    return tuple(tuple(sorted(s)) for s in best)


def alternatives(pattern: str) -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    """The top-level alternatives of `pattern` with their own prefilters, or () when not worth it.

    A reply that holds the strings of only some alternatives runs only those; the matches are the
    ones the whole pattern finds (the scorer takes the leftmost, and at one place the first
    alternative, as the regex engine does). Patterns with back-references, named groups or inline
    flags, or with an alternative that can match nothing, are run whole.
    """
    parts = _top_level_split(pattern)
    if len(parts) < 2 or not compiled.ENGINE:
        return ()
    try:
        parse = compiled._sre_parse.parse
        whole = parse(pattern, 0)
        if whole.state.groupdict or whole.state.flags & ~(re.UNICODE | re.ASCII) or _has_backref(whole):
            return ()
        out = []
        for part in parts:
            if parse(part, 0).getwidth()[0] == 0:
                return ()
            out.append((part, required_literals(part)))
    except Exception:  # noqa: BLE001 - anything unusual: the pattern is run whole
        return ()
    return tuple(out) if any(needs for _part, needs in out) else ()


def _top_level_split(pattern: str) -> list[str]:
    """`pattern` cut at the `|` outside any group or character class."""
    parts, depth, start, in_class, i = [], 0, 0, False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 + (pattern[i + 1 : i + 2] == "^")
            i += pattern[i : i + 1] == "]"  # a ] first in the class is a literal
            continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _has_backref(node) -> bool:
    """Does a parsed pattern refer back to a group (\\1, (?P=name), (?(1)…))?"""
    consts = compiled._sre_parse
    if isinstance(node, consts.SubPattern):
        return any(op in (consts.GROUPREF, consts.GROUPREF_EXISTS) or _has_backref(av) for op, av in node)
    return isinstance(node, (list, tuple)) and any(_has_backref(x) for x in node)


def _required(items) -> list[set[str]]:
    """All the sets a match of this sequence must contain a string of (a conjunction)."""
    consts = compiled._sre_parse  # the opcode constants are re-exported by the parser module
    candidates: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is consts.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append({"".join(run)})
            run = []
        if op is consts.SUBPATTERN:
            candidates += _required(av[-1])
        elif op is getattr(consts, "ATOMIC_GROUP", None):
            candidates += _required(av)
        elif op in (consts.MAX_REPEAT, consts.MIN_REPEAT) or op is getattr(consts, "POSSESSIVE_REPEAT", None):
            if av[0] >= 1:
                candidates += _required(av[2])
        elif op is consts.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                sets = _required(branch)
                if not sets:
                    union = set()
                    break
                union |= min(sets, key=compiled.cost)
            if union:
                candidates.append(union)
        elif op is consts.IN:
            chars: set[str] | None = set()
            for kind, value in av:
                if kind is consts.LITERAL:
                    chars.add(chr(value))
                elif kind is consts.RANGE and value[1] - value[0] < 20:
                    chars.update(chr(x) for x in range(value[0], value[1] + 1))
                else:
                    chars = None
                    break
            if chars:
                candidates.append(chars)
    if run:
        candidates.append({"".join(run)})
    return [s for s in candidates if len(s) <= _MAX_SET]


