"""Diagnostics as a compiler shows them: location, code, message, the source line and a caret."""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len
from rich.text import Text

from simulator.errors import Diagnostic
from simulator.ui.text import clean


@lru_cache(maxsize=64)
def _lines(path: str) -> tuple[str, ...]:
    try:
        data = open(path, "rb").read(20 * 1024 * 1024)
    except OSError:
        return ()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return tuple(data.decode(encoding).splitlines())
        except UnicodeDecodeError:
            continue
    return ()


def render_diagnostic(diag: Diagnostic) -> Text:
    style = "bold red" if diag.severity == "error" else "bold yellow"
    out = Text()
    out.append(clean(diag.format()), style=style)
    span = diag.span
    if span and span.line:
        lines = _lines(span.path)
        if 0 < span.line <= len(lines):
            source = lines[span.line - 1].replace("\t", " ")
            if len(source) > 200:
                source = source[:200] + "…"
            prefix = source[: max(0, span.column - 1)]
            out.append("\n  " + clean(source), style="")
            out.append("\n  " + " " * cell_len(clean(prefix)) + "^", style=style)
    return out
