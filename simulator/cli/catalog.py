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
        from simulator.library import load_all, search_dirs

        scenarios, broken = load_all(search_dirs(dirs(ctx)))
        if broken:
            from simulator.cli.common import report_error

            for exc in broken:
                report_error(exc)
        if as_json:
            rows = [
                {
                    "id": s.id,
                    "title": s.title,
                    "citizen": s.citizen.name,
                    "citizen_type": s.citizen.type,
                    "complaint": s.citizen.complaint,
                    "difficulty": s.difficulty,
                    "tags": list(s.tags),
                    "method": s.method,
                    "path": s.path,
                }
                for s in scenarios
            ]
            typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        from simulator.ui.catalog import scenario_table
        from simulator.ui.text import make_console

        make_console().print(scenario_table(scenarios))
        if not scenarios:
            err_console().print(_("error.no_scenarios"))
