"""govsim graph: a scenario's branching as a terminal tree, or Mermaid / Graphviz text."""

from __future__ import annotations

import typer

from simulator.cli.common import _, check_choice, dirs, guarded

FORMATS = ("tree", "mermaid", "dot")


def register(app: typer.Typer) -> None:
    @app.command("graph", help=_("help.graph"))
    @guarded
    def graph(
        ctx: typer.Context,
        scenario: str = typer.Argument(..., help=_("help.scenario")),
        fmt: str = typer.Option("tree", "--format", help=_("help.graph_format")),
        routes: bool = typer.Option(False, "--routes", help=_("help.graph_routes")),
    ) -> None:
        from simulator.library import find_scenario, search_dirs
        from simulator.selftest import method_for
        from simulator.ui import graph as draw

        check_choice("--format", fmt, FORMATS)
        found = find_scenario(scenario, search_dirs(dirs(ctx)))
        method = method_for(found)
        if fmt == "tree":
            from simulator.ui.text import make_console

            make_console().print(draw.tree(found, method, routes))
            return
        text = draw.mermaid(found, method, routes) if fmt == "mermaid" else draw.dot(found, method, routes)
        typer.echo(text, nl=False)
