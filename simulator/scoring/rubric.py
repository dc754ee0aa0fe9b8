"""Method files (the rubric as data): the compiled form the scorer uses, and how to get it.

A method is read from YAML once per process (`simulator.scoring.methodfile`, the slow part) and
its compiled form kept in the user's cache directory (`simulator.scoring.cache`), so later
processes start without parsing YAML or compiling regular expressions. `GOVSIM_NO_CACHE=1`
turns the cache off.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

from simulator.errors import SimulatorError
from simulator.scoring import compiled

BUILTIN_DIR = Path(__file__).parent / "methods"
DISC_KEYS = ("D", "I", "S", "C")
CLAUSE_MARKS = ",.!?;~"
DEFAULT_SKIP = "能会可以再太就也都还给帮马上立刻现在"


class Cue:
    """One phrase or pattern of a step, taboo kind or style feature, and when it counts."""

    FIELDS = ("pattern", "note", "unless", "unless_scope", "unless_steps", "negatable", "clause", "yields",
              "yields_scope", "weight", "repeat", "source", "needs", "weak", "firm", "branches")
    __slots__ = (*FIELDS, "compiled", "compiled_unless", "_branches")

    def __init__(self, pattern: str, note: str = "", unless: str = "", unless_scope: str = "clause",
                 unless_steps: tuple[str, ...] = (), negatable: bool = True, clause: str = "",
                 yields: tuple[str, ...] = (), yields_scope: str = "words", weight: float = 0.0, repeat: int = 1,
                 source: str = "", needs: tuple[tuple[str, ...], ...] = (), weak: bool = False, firm: bool = False,
                 branches: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = ()):
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
        self.weak = weak  # counts for its step, but is no way forward that cancels a taboo's unless_steps
        self.firm = firm  # taboo: the n-gram model may not dismiss it (这不归我管 is taboo whatever follows)
        # the pattern's top-level alternatives with their own prefilters (pattern, needs), when worth it:
        # only those whose strings the reply holds are run (simulator.scoring.reply._finditer); steps
        # and taboo kinds only, as DISC features are run whole
        self.branches = branches
        self.compiled: re.Pattern | None = None
        self.compiled_unless: re.Pattern | None = None
        self._branches: tuple | None = None

    def copy(self, **changes) -> Cue:
        new = Cue(self.pattern)
        for name in self.FIELDS:
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

    def alternatives(self) -> tuple[tuple[tuple[frozenset[str], ...], re.Pattern], ...]:
        """(prefilter, compiled pattern) for each of `branches`."""
        if self._branches is None:
            self._branches = tuple((prefilter(needs), compiled.regex(pattern)) for pattern, needs in self.branches)
        return self._branches


def prefilter(needs: tuple[tuple[str, ...], ...]) -> tuple[frozenset[str], ...]:
    """The character sets a match touches, one per set of strings it holds one of (Cue.needs)."""
    return tuple(frozenset(compiled.trigger(s) for s in strings) for strings in needs)


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
            plan = [(prefilter(cue.needs), cue) for cue in self.cues]
            self._plan = plan
        return plan

    def compile(self, split: bool = True) -> None:
        """Work out each cue's prefilter (the strings any match contains), and with `split` its alternatives."""
        from simulator.scoring.methodfile import alternatives, required_literals

        for cue in self.cues:
            if not cue.needs and cue.pattern:
                cue.needs = required_literals(cue.pattern)
            if split and cue.pattern and not cue.branches:
                cue.branches = alternatives(cue.pattern)


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
                 not_question: str = "", defines: dict[str, str] | None = None, ngram: dict | None = None):
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
        # the n-gram model behind the cues (ngram.py, the method file's `model:`):
        # {"path", "aliases": {step: model target}, "taboo": {"threshold", "unless_steps"} | None,
        #  "steps": {"keep", "add"} | None}
        self.ngram = ngram

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

    def runs(self) -> dict[str, list]:
        """The step and taboo cues cut into what is run on a reply, as plain data the method cache keeps.

        "runs" holds [cue, alternative, prefilter] in order: `cue` counts the step and taboo cues in
        method order; `alternative` is the cue's top-level alternative (Cue.branches), or -1 for its
        whole pattern; `prefilter` numbers the alternative's own character sets and its cue's in
        "sets", the most selective first: the set fewest replies hold (`compiled.share`). Working this
        out takes longer than a first reply may.
        """
        plan = self.__dict__.get("_runs")
        if plan is None:
            sets: dict[frozenset[str], int] = {}
            runs = []
            for n, (_gid, triggers, cue) in enumerate(self.flat()):
                parts = [prefilter(needs) for _pattern, needs in cue.branches] if cue.branches else [()]
                for k, own in enumerate(parts):
                    ranked = sorted(dict.fromkeys((*own, *triggers)),
                                    key=lambda s: (math.fsum(map(compiled.share, s)), compiled.selectivity(s)))
                    runs.append([n, k if cue.branches else -1, [sets.setdefault(s, len(sets)) for s in ranked]])
            plan = self._runs = {"sets": [sorted(s) for s in sets], "runs": runs}
        return plan

    def index(self) -> tuple[list[tuple], list[int], dict[str, list[int]], frozenset[str]]:
        """`runs`, found by the characters (and pairs) a reply holds.

        Returns each run as (cue number, group id, cue, the rest of its prefilter, pattern); the runs
        to try on every reply; character (pair) -> the runs whose most selective set holds it; and those
        characters as a set (a reply's few characters are intersected with it, not the other way).
        """
        index = self.__dict__.get("_index")
        if index is None:
            cues = [(g.id, cue) for g in (*self.steps, *self.taboo) for cue in g.cues]
            plan = self.runs()
            sets = [frozenset(s) for s in plan["sets"]]
            runs: list[tuple] = []
            always: list[int] = []
            by_gram: dict[str, list[int]] = {}
            for j, (n, k, prefilter_) in enumerate(plan["runs"]):
                gid, cue = cues[n]
                if prefilter_:
                    for gram in sets[prefilter_[0]]:
                        by_gram.setdefault(gram, []).append(j)
                else:
                    always.append(j)
                runs.append((n, gid, cue, tuple(sets[i] for i in prefilter_[1:]),
                             cue.branches[k][0] if k >= 0 else cue.pattern))
            index = self._index = (runs, always, by_gram, frozenset(by_gram))
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
                if cue.branches:  # the scorer runs its alternatives, never the whole pattern
                    yield from (pattern for pattern, _needs in cue.branches)
                else:
                    yield cue.pattern
                if cue.unless:
                    yield cue.unless
        for pattern in (self.question, self.not_question):
            if pattern:
                yield pattern


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
    """A method file's compiled form: from the cache when it is fresh, else parsed and compiled."""
    from simulator.scoring import cache

    hit = cache.load(path, dirs)
    if hit is not None:
        return hit
    from simulator.scoring.methodfile import parse_method_file

    method, deps = parse_method_file(path)
    compiled.precompile(method.patterns())
    cache.store(path, dirs, method, deps)
    return method


def normalize_pattern(source: str, defines: dict[str, str] | None = None) -> str:
    """Authors write patterns as they write Chinese; match them against normalised text."""
    from simulator.scoring.methodfile import normalize_pattern as _normalize

    return _normalize(source, defines)
