"""Where govsim keeps its caches, and how a cache file is written so that readers never see half of it."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root(kind: str) -> Path | None:
    """`$XDG_CACHE_HOME/govsim/<kind>` (else `~/.cache/govsim/<kind>`); None when GOVSIM_NO_CACHE is set."""
    if os.environ.get("GOVSIM_NO_CACHE", "").strip() not in ("", "0"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "govsim" / kind


def write_atomic(file: Path, content: str | bytes) -> None:
    """Write beside the file, then rename over it: another process reads the old file or the new one."""
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_name(f"{file.name}.{os.getpid()}.tmp")
    tmp.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    os.replace(tmp, file)
