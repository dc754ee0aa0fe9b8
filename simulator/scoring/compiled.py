"""Compiled regular expressions that can be kept on disk.

`re.compile` spends its time parsing the pattern and generating the matcher's code, in pure
Python. For a method of a few hundred cues that is tens of milliseconds at every start. Here the
generated code is recorded so the cache (`simulator.scoring.cache`) can store it, and a pattern
whose code is known is rebuilt with `_sre.compile`, which checks the code before using it.
Anything unexpected (another Python, a changed engine) falls back to `re.compile`.
"""

from __future__ import annotations

import math
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


def export(patterns) -> tuple[dict[str, list], bytes] | None:
    """The recorded code of these patterns: JSON-ready entries and the code itself, one byte string.

    An entry is [flags, offset, length, groups, groupindex, indexgroup], the code being the bytes
    [offset, offset + length) of the string. None if any pattern's code is missing.
    """
    if not ENGINE:
        return None
    out: dict[str, list] = {}
    chunks: list[bytes] = []
    size = 0
    for pattern in patterns:
        entry = _CODE.get(pattern)
        if entry is None:
            return None
        if pattern in out:
            continue
        flags, code, groups, groupindex, indexgroup = entry
        try:
            raw = bytes(code) if isinstance(code, memoryview) else _pack(code)
        except ValueError:
            return None
        out[pattern] = [flags, size, len(raw), groups, groupindex, indexgroup]
        chunks.append(raw)
        size += len(raw)
    return out, b"".join(chunks)


def install(data: dict, code: bytes) -> bool:
    """Take recorded code from the cache (`export`'s two parts); False if it does not look right."""
    if not ENGINE or not isinstance(data, dict):
        return False
    view = memoryview(code)
    try:
        entries = {}
        for pattern, (flags, offset, length, groups, groupindex, indexgroup) in data.items():
            if not (isinstance(pattern, str) and isinstance(flags, int) and isinstance(groups, int)
                    and isinstance(offset, int) and isinstance(length, int) and 0 <= offset
                    and offset + length <= len(view) and length % _sre.CODESIZE == 0
                    and isinstance(groupindex, dict) and isinstance(indexgroup, list)):
                return False
            # unpacked when first used
            entries[pattern] = (flags, view[offset : offset + length], groups, groupindex, indexgroup)
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
    if isinstance(code, memoryview):
        code = _unpack(code)
    if flags & re.UNICODE == 0 and flags & re.ASCII == 0:
        flags |= re.UNICODE
    built = _sre.compile(pattern, flags, list(code), groups, dict(groupindex), tuple(indexgroup))
    if built.pattern != pattern or built.groups != groups:
        raise ValueError("mismatch")
    return built


def _pack(code: list[int]) -> bytes:
    import array

    if array.array("I").itemsize != _sre.CODESIZE:
        raise ValueError("code size")
    return array.array("I", code).tobytes()


def _unpack(packed: memoryview) -> list[int]:
    import array

    values = array.array("I")
    if values.itemsize != _sre.CODESIZE:
        raise ValueError("code size")
    values.frombytes(packed)
    return values.tolist()


# -- prefilter: characters and pairs of characters a match needs ---------------------------------
_COMMON = set("您你我们的了是不在有这个就能可以好办吗吧呢啊说一天给帮看要,.!?;~:()\"")


def cost(strings: set[str]) -> float:
    """Lower is a better filter: few strings, each with an uncommon character or pair of characters."""
    return math.fsum(_gram_cost(trigger(s)) for s in strings)  # exact: the same whatever the set's order


def _gram_cost(gram: str) -> float:
    if len(gram) == 1:
        return 0.3 if gram in _COMMON else 0.1
    return 0.05 + 0.05 * ((gram[0] in _COMMON) + (gram[1] in _COMMON))


# the 150 characters most replies hold, most common first (share of replies in the labelled corpus,
# normalised text; benchmarks/data, 17,084 replies): a guess at how often a reply holds a character
_FREQUENT = (
    ",.您我的这了不个是一就来?上给在们下你办天能证好说要到有没以行可去先话那过还都人今看别也口回出再用"
    "吧着明事号请月时打问得记现后会把定么边电工年三份子补申交对接里户大自理儿哪系样两照帮公保1急跟直单作"
    "家完开:日发位按等分吗次0点窗带2前本料多录面报材拿十身3结提签经知实信心己通写核件收二查统房张机意"
)
_RANK = {ch: i for i, ch in enumerate(_FREQUENT)}
_RARE = 1.0 / (len(_FREQUENT) + 100)


def share(gram: str) -> float:
    """About how often a reply holds a character or pair (Zipf's law on the rank above); for ordering only."""
    first = 1.0 / (_RANK[gram[0]] + 5) if gram[0] in _RANK else _RARE
    if len(gram) == 1:
        return first
    return first * (1.0 / (_RANK[gram[1]] + 5) if gram[1] in _RANK else _RARE)


def selectivity(triggers: frozenset[str]) -> float:
    """`cost` of a prefilter set that is already characters and pairs (what `trigger` gives)."""
    return math.fsum(map(_gram_cost, triggers))


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
