"""govsim stats: how big a scenario is, and what its choice paths can score."""

from __future__ import annotations

import typer

from simulator.cli.common import _, dirs, guarded


def register(app: typer.Typer) -> None:
    @app.command("stats", help=_("help.stats"))
    @guarded
    def stats(
        ctx: typer.Context,
        scenario: str = typer.Argument(..., help=_("help.scenario")),
        as_json: bool = typer.Option(False, "--json", help=_("help.json")),
        limit: int = typer.Option(20_000, "--limit", min=1, max=1_000_000, help=_("help.path_limit")),
        max_visits: int = typer.Option(2, "--max-visits", min=1, max=10, help=_("help.max_visits")),
    ) -> None:
        from simulator.library import find_scenario, search_dirs
        from simulator.selftest import method_for
        from simulator.stats import scenario_stats

        found = find_scenario(scenario, search_dirs(dirs(ctx)))
        result = scenario_stats(found, method_for(found), limit, max_visits)
        if as_json:
            import json

            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
            return
        from simulator.ui.stats import stats_view
        from simulator.ui.text import make_console

        outcome_of = {n.id: n.end or "" for n in found.endings()}
        make_console().print(stats_view(result, outcome_of))
