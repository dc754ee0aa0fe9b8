"""Console and safe text: nothing a user or a scenario wrote is read as markup or escape codes."""

from __future__ import annotations

import re
import sys

from rich.console import Console
from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(value: object) -> str:
    """Show control characters (ESC and friends) as \\xNN instead of sending them to the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))


def plain(value: object, style: str = "") -> Text:
    """User or scenario text as a literal Text: `[bold]` stays `[bold]`."""
    return Text(clean(value), style=style)


def make_console(stderr: bool = False) -> Console:
    # markup and highlighting off: every styled piece is built from Text objects
    return Console(file=sys.stderr if stderr else None, markup=False, highlight=False, emoji=False)
