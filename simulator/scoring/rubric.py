"""Method files (the rubric as data) loaded and compiled once per process.

Compiling a method's regular expressions is the slowest part of starting to score, so the
compiled form is kept in the user's cache directory (`$XDG_CACHE_HOME/govsim/methods`, else
`~/.cache/govsim/methods`), keyed by the method files' contents and the Python version.
The cache is plain JSON; anything wrong with it (missing, stale, unreadable, another Python)
falls back to reading the YAML. `GOVSIM_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from simulator.errors import ScenarioError, SimulatorError
from simulator.scoring import compiled
from simulator.scoring.normalize import normalize_phrase

BUILTIN_DIR = Path(__file__).parent / "methods"
DISC_KEYS = ("D", "I", "S", "C")
CLAUSE_MARKS = ",.!?;~"
# Clause edges, for authors' patterns: {BEG} and {END}
_MACROS = {"BEG": r"(?:^|(?<=[,.!?;~]))", "END": r"(?=[,.!?;~]|$)"}
_META = set(".^$*+?{}[]\\|()")
_DEFINE = r"\{([A-Za-z_][A-Za-z0-9_]*)\}"
DEFAULT_SKIP = "能会可以再太就也都还给帮马上立刻现在"


class Cue:
    """One phrase or pattern of a step, taboo kind or style feature, and when it counts."""

    __slots__ = ("pattern", "note", "unless", "unless_scope", "unless_steps", "negatable", "clause", "yields",
                 "yields_scope", "weight", "repeat", "source", "needs", "compiled", "trigger", "compiled_unless")

    def __init__(self, pattern: str, note: str = "", unless: str = "", unless_scope: str = "clause",
                 unless_steps: tuple[str, ...] = (), negatable: bool = True, clause: str = "",
                 yields: tuple[str, ...] = (), yields_scope: str = "words", weight: float = 0.0, repeat: int = 1,
                 source: str = "", needs: tuple[tuple[str, ...], ...] = ()):
        self.pattern = pattern
        self.note = note
        self.unless = unless  # a pattern that cancels the cue in the same clause (or sentence, reply: unless_scope)
        self.unless_scope = unless_scope
        self.unless_steps = unless_steps  # taboo: steps that cancel it anywhere in the reply
        self.negatable = negatable
        self.clause = clause  # "" | question | statement: the kind of clause the cue must stand in
        self.yields = yields  # steps or taboo kinds ("taboo": any) whose cue on the same words wins
        self.yields_scope = yields_scope  # words | clause | sentence: how close that cue must be
        self.weight = weight
        self.repeat = repeat  # DISC: how many times the feature may count
        self.source = source  # the pattern as the author wrote it, for explanations
        self.needs = needs  # a match holds a string of each of these sets (worked out at compile time)
        self.compiled: re.Pattern | None = None
        self.trigger: frozenset | None = None
        self.compiled_unless: re.Pattern | None = None

    def copy(self, **changes) -> Cue:
        new = Cue(self.pattern)
        for name in self.__slots__[:13]:
            setattr(new, name, changes.get(name, getattr(self, name)))
        return new

    def __repr__(self) -> str:
        return f"Cue({self.source or self.pattern!r})"

    @property
    def unless_regex(self) -> re.Pattern | None:
        if self.compiled_unless is None and self.unless:
            self.compiled_unless = compiled.regex(self.unless)
        return self.compiled_unless

    @property
    def regex(self) -> re.Pattern:
        if self.compiled is None:
            self.compiled = compiled.regex(self.pattern)
        return self.compiled

    def may_match(self, grams: set[str]) -> bool:
        """False when a text with these characters and pairs (compiled.grams) cannot hold a match."""
        if self.trigger is None:
            self.trigger = tuple(frozenset(compiled.trigger(s) for s in strings) for strings in self.needs)
        return not any(t.isdisjoint(grams) for t in self.trigger)


class CueGroup:
    """A step, a taboo kind or a DISC feature list, with its cues."""

    def __init__(self, id: str, cues: list[Cue], name: dict | None = None, course: str = "", tip: dict | None = None):  # noqa: A002
        self.id = id
        self.cues = cues
        self.name = name or {}
        self.course = course
        self.tip = tip or {}

    def __repr__(self) -> str:
        return f"CueGroup({self.id!r}, {len(self.cues)} cues)"

    def plan(self) -> list[tuple]:
        """(prefilter, cue) for each cue: the character sets a reply must touch before the regex runs."""
        plan = self.__dict__.get("_plan")
        if plan is None:
            plan = [(tuple(frozenset(compiled.trigger(s) for s in strings) for strings in cue.needs), cue)
                    for cue in self.cues]
            self._plan = plan
        return plan

    def compile(self) -> None:
        """Work out each cue's prefilter (the strings any match contains)."""
        for cue in self.cues:
            if not cue.needs and cue.pattern:
                cue.needs = compiled.required_literals(cue.pattern)


class DiscRule:
    def __init__(self, base: float = 0.5, short: tuple[int, float] | None = None,
                 long: tuple[int, float] | None = None, plus: CueGroup | None = None, minus: CueGroup | None = None):
        self.base = base
        self.short = short  # (max length, weight)
        self.long = long  # (min length, weight)
        self.plus = plus
        self.minus = minus


class Method:
    def __init__(self, id: str, name: dict, steps: list[CueGroup], taboo: list[CueGroup],  # noqa: A002
                 disc: dict[str, DiscRule], negators: tuple[str, ...], path: str = "",
                 negators_after: tuple[str, ...] = (), negation_except: tuple[str, ...] = (),
                 negation_skip: str = DEFAULT_SKIP, negation_window: int = 4, question: str = "",
                 not_question: str = "", defines: dict[str, str] | None = None):
        self.id = id
        self.name = name
        self.steps = steps
        self.taboo = taboo
        self.disc = disc
        self.negators = negators
        self.path = path
        self.negators_after = negators_after
        self.negation_except = negation_except  # 要不、不如: look like a negation word, are not one
        self.negation_skip = negation_skip
        self.negation_window = negation_window
        self.question = question  # a clause is a question when this matches it …
        self.not_question = not_question  # … and this does not
        self.defines = defines or {}

    def __repr__(self) -> str:
        return f"Method({self.id!r})"

    def kinds(self) -> dict[str, str]:
        """step or taboo kind id -> "step" | "taboo"."""
        kinds = self.__dict__.get("_kinds")
        if kinds is None:
            kinds = {g.id: "step" for g in self.steps}
            kinds.update({g.id: "taboo" for g in self.taboo})
            self._kinds = kinds
        return kinds

    def flat(self) -> list[tuple]:
        """(group id, prefilter, cue) for every step and taboo cue, in method order."""
        flat = self.__dict__.get("_flat")
        if flat is None:
            flat = [(g.id, triggers, cue) for g in (*self.steps, *self.taboo) for triggers, cue in g.plan()]
            self._flat = flat
        return flat

    def index(self) -> tuple[list[int], dict[str, list[int]]]:
        """Cues to try on every reply, and cues to try when the reply holds a given character (pair)."""
        index = self.__dict__.get("_index")
        if index is None:
            always: list[int] = []
            by_gram: dict[str, list[int]] = {}
            for n, (_gid, triggers, _cue) in enumerate(self.flat()):
                if not triggers:
                    always.append(n)
                    continue
                for gram in min(triggers, key=len):
                    by_gram.setdefault(gram, []).append(n)
            index = self._index = (always, by_gram)
        return index

    @property
    def step_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.steps)

    def step(self, step_id: str) -> CueGroup:
        return next(s for s in self.steps if s.id == step_id)

    @property
    def question_regex(self) -> re.Pattern | None:
        return compiled.regex(self.question) if self.question else None

    @property
    def not_question_regex(self) -> re.Pattern | None:
        return compiled.regex(self.not_question) if self.not_question else None

    def patterns(self):
        """Every regular expression the scorer may need, for the compiled cache."""
        groups = [*self.steps, *self.taboo]
        for rule in self.disc.values():
            groups += [g for g in (rule.plus, rule.minus) if g is not None]
        for group in groups:
            for cue in group.cues:
                yield cue.pattern
                if cue.unless:
                    yield cue.unless
        for pattern in (self.question, self.not_question):
            if pattern:
                yield pattern


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
    return load_method_file(path, dirs)


def load_method_file(path: Path, dirs: tuple[str, ...] = ()) -> Method:
    from simulator.scoring import cache

    hit = cache.load(path, dirs)
    if hit is not None:
        return hit
    method, deps = _parse_method_file(path)
    compiled.precompile(method.patterns())
    cache.store(path, dirs, method, deps)
    return method


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
    keys = ("id", "name", "extends", "define", "steps", "taboo", "disc", "negation", "question")
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
        base = load_method(name, (str(Path(r.path).parent),))
    except (SimulatorError, RecursionError):
        r.error("R302", node, method=name)
        return None
    _add_dep(r, base.path)
    return base


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
        source = load_method(method_name, (str(Path(r.path).parent),))
        cues = source.step(step).cues
    except (SimulatorError, StopIteration, RecursionError):
        r.error("R302", node, method=ref)
        return []
    _add_dep(r, source.path)
    # the borrowed cues name the other method's steps (yields: [agree]); this method may call them otherwise
    r.renames[step] = into
    return [_renamed_cue(c, r.renames) for c in cues]


def _renamed_cue(cue: Cue, renames: dict[str, str]) -> Cue:
    if not renames:
        return cue
    return cue.copy(yields=tuple(renames.get(s, s) for s in cue.yields),
                    unless_steps=tuple(renames.get(s, s) for s in cue.unless_steps))


def _renamed_group(group: CueGroup, renames: dict[str, str]) -> CueGroup:
    if not renames:
        return group
    new = CueGroup(group.id, [_renamed_cue(c, renames) for c in group.cues], group.name, group.course, group.tip)
    new.compile()
    return new


_CUE_KEYS = ("pattern", "phrase", "note", "unless", "unless_scope", "unless_steps", "negatable", "clause", "yields",
             "yields_scope", "weight", "repeat")


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
    return pattern


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
                group.compile()
                setattr(rule, key, group)
        out[dtype] = rule
    return out
