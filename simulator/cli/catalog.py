"""govsim list: the scenario library."""

from __future__ import annotations

import json

import typer

from simulator.cli.common import _, dirs, err_console, guarded


def register(app: typer.Typer) -> None:
    @app.command("list", help=_("help.list"))
    @guarded
    def list_scenarios(
        ctx: typer.Context,
        as_json: bool = typer.Option(False, "--json", help=_("help.json")),
    ) -> None:
        from simulator.library import cache_file, search_dirs, summaries

        scenarios, broken = summaries(search_dirs(dirs(ctx)), cache_file())
        if broken:
            from simulator.cli.common import report_error

            for exc in broken:
                report_error(exc)
        if as_json:
            typer.echo(json.dumps(scenarios, ensure_ascii=False, indent=2))
            return
        from simulator.ui.catalog import scenario_table
        from simulator.ui.text import make_console

        make_console().print(scenario_table(scenarios))
        if not scenarios:
            err_console().print(_("error.no_scenarios"))
