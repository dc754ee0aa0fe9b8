"""The trainer toolchain's commands (new, stats, graph, schema), registered in one call from app.py."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    from simulator.cli import graph, new, schema, stats

    for command in (new, stats, graph, schema):
        command.register(app)
