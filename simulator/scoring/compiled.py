"""Compiled regular expressions that can be kept on disk.

`re.compile` spends its time parsing the pattern and generating the matcher's code, in pure
Python. For a method of a few hundred cues that is tens of milliseconds at every start. Here the
generated code is recorded so the cache (`simulator.scoring.cache`) can store it, and a pattern
whose code is known is rebuilt with `_sre.compile`, which checks the code before using it.
Anything unexpected (another Python, a changed engine) falls back to `re.compile`.
"""

from __future__ import annotations

import re

_PATTERNS: dict[str, re.Pattern] = {}
_CODE: dict[str, tuple] = {}  # pattern -> (flags, code, groups, groupindex, indexgroup)

try:  # the engine's internals, as re.compile uses them
    import _sre

    try:
        from re import _compiler as _sre_compile
        from re import _parser as _sre_parse
    except ImportError:  # Python 3.10
        import sre_compile as _sre_compile  # type: ignore[no-redef]
        import sre_parse as _sre_parse  # type: ignore[no-redef]
    ENGINE = f"{_sre.MAGIC}-{_sre.CODESIZE}"
except Exception:  # noqa: BLE001 - any other interpreter: plain re.compile, no cache
    _sre = None
    ENGINE = ""


def regex(pattern: str) -> re.Pattern:
    """The compiled pattern, from memory, from recorded code, or compiled now."""
    found = _PATTERNS.get(pattern)
    if found is None:
        found = _from_code(pattern) or re.compile(pattern)
        _PATTERNS[pattern] = found
    return found


def precompile(patterns) -> None:
    """Compile patterns and record their code for the cache."""
    for pattern in patterns:
        if pattern in _CODE or not ENGINE:
            regex(pattern)
            continue
        try:
            parsed = _sre_parse.parse(pattern, 0)
            code = _sre_compile._code(parsed, 0)
            groupindex = dict(parsed.state.groupdict)
            indexgroup = [None] * parsed.state.groups
            for name, i in groupindex.items():
                indexgroup[i] = name
            entry = (parsed.state.flags, list(code), parsed.state.groups - 1, groupindex, indexgroup)
            compiled = _build(pattern, entry)
        except Exception:  # noqa: BLE001 - fall back to the public API
            regex(pattern)
            continue
        _CODE[pattern] = entry
        _PATTERNS.setdefault(pattern, compiled)


def export(patterns) -> dict[str, list] | None:
    """The recorded code of these patterns, as JSON-ready data (None if any is missing)."""
    if not ENGINE:
        return None
    out = {}
    for pattern in patterns:
        entry = _CODE.get(pattern)
        if entry is None:
            return None
        flags, code, groups, groupindex, indexgroup = entry
        try:
            packed = code if isinstance(code, str) else _pack(code)
        except ValueError:
            return None
        out[pattern] = [flags, packed, groups, groupindex, indexgroup]
    return out


def install(data: dict) -> bool:
    """Take recorded code from the cache; False if it does not look right."""
    if not ENGINE or not isinstance(data, dict):
        return False
    try:
        entries = {}
        for pattern, (flags, packed, groups, groupindex, indexgroup) in data.items():
            if not (isinstance(pattern, str) and isinstance(flags, int) and isinstance(groups, int)
                    and isinstance(packed, str) and isinstance(groupindex, dict) and isinstance(indexgroup, list)):
                return False
            entries[pattern] = (flags, packed, groups, groupindex, indexgroup)  # unpacked when first used
    except (TypeError, ValueError):
        return False
    for pattern, entry in entries.items():
        _CODE.setdefault(pattern, entry)
    return True


def _from_code(pattern: str) -> re.Pattern | None:
    entry = _CODE.get(pattern)
    if entry is None:
        return None
    try:
        return _build(pattern, entry)
    except Exception:  # noqa: BLE001 - bad or foreign code: compile from the pattern instead
        _CODE.pop(pattern, None)
        return None


def _build(pattern: str, entry: tuple) -> re.Pattern:
    flags, code, groups, groupindex, indexgroup = entry
    if isinstance(code, str):
        code = _unpack(code)
    if flags & re.UNICODE == 0 and flags & re.ASCII == 0:
        flags |= re.UNICODE
    built = _sre.compile(pattern, flags, list(code), groups, dict(groupindex), tuple(indexgroup))
    if built.pattern != pattern or built.groups != groups:
        raise ValueError("mismatch")
    return built


def _pack(code: list[int]) -> str:
    import array
    import binascii

    if array.array("I").itemsize != _sre.CODESIZE:
        raise ValueError("code size")
    return binascii.b2a_base64(array.array("I", code).tobytes(), newline=False).decode("ascii")


def _unpack(packed: str) -> list[int]:
    import array
    import binascii

    values = array.array("I")
    if values.itemsize != _sre.CODESIZE:
        raise ValueError("code size")
    values.frombytes(binascii.a2b_base64(packed))
    return values.tolist()


# -- literal prefilter ---------------------------------------------------------------------------
_MAX_SET = 40


def required_literals(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Sets of strings such that any match of `pattern` contains a string of every set.

    () when nothing is known. The scorer skips a cue when a reply lacks every string of one set
    (looked for by their rarest characters), so most cues never run their regular expression.
    Worked out once, when a method is compiled.
    """
    if not ENGINE:
        return ()
    try:
        found = _required(_sre_parse.parse(pattern, 0))
    except Exception:  # noqa: BLE001 - an unusual construct: no prefilter, the regex always runs
        return ()
    best = sorted(found, key=_cost)[:3]
    return tuple(tuple(sorted(s)) for s in best)


def _required(items) -> list[set[str]]:
    """All the sets a match of this sequence must contain a string of (a conjunction)."""
    consts = _sre_parse  # the opcode constants are re-exported by the parser module
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
                union |= min(sets, key=_cost)
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


_COMMON = set("您你我们的了是不在有这个就能可以好办吗吧呢啊说一天给帮看要,.!?;~:()\"")


def _cost(strings: set[str]) -> float:
    """Lower is a better filter: few strings, each with an uncommon character or pair of characters."""
    total = 0.0
    for s in strings:
        t = trigger(s)
        common = sum(ch in _COMMON for ch in t)
        total += (0.3 if common else 0.1) if len(t) == 1 else (0.05 + 0.05 * common)
    return total


def rarest_char(text: str) -> str:
    """The character of `text` least likely to be in a reply (the first uncommon one)."""
    for ch in text:
        if ch not in _COMMON:
            return ch
    return text[0]


def trigger(text: str) -> str:
    """What to look for in a reply's characters and character pairs (see `grams`) to know `text` may be there."""
    if len(text) == 1:
        return text
    pairs = [text[i : i + 2] for i in range(len(text) - 1)]
    return min(pairs, key=lambda p: (p[0] in _COMMON) + (p[1] in _COMMON))


def grams(text: str) -> set[str]:
    """The characters and adjacent character pairs of a text."""
    out = set(text)
    out.update(text[i : i + 2] for i in range(len(text) - 1))
    return out
