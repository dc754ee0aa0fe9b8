"""govsim history: a trainee's sessions over time, with a trend per step."""

from __future__ import annotations

import json

import typer

from simulator.cli.common import _, guarded


def register(app: typer.Typer) -> None:
    @app.command("history", help=_("help.history"))
    @guarded
    def history(
        ctx: typer.Context,
        trainee: str = typer.Option(None, "--trainee", help=_("help.trainee_filter")),
        class_code: str = typer.Option(None, "--class", help=_("help.class_code")),
        as_json: bool = typer.Option(False, "--json", help=_("help.json")),
    ) -> None:
        from simulator.cli.play import db_option
        from simulator.cli.recording import check_trainee
        from simulator.store import open_store
        from simulator.store.report import history as fetch
        from simulator.store.sessions import trainees

        name = check_trainee(trainee)
        store = open_store(db_option(ctx))
        try:
            rows = fetch(store, name, class_code)
            others = trainees(store) if not rows else []
        finally:
            store.close()
        if as_json:
            typer.echo(json.dumps({"trainee": name, "sessions": rows}, ensure_ascii=False, indent=1))
            return
        from simulator.messages import t
        from simulator.ui.history import history_view
        from simulator.ui.text import make_console, plain

        console = make_console()
        steps = _steps(rows)
        console.print(history_view(name, rows, steps))
        if others:
            console.print(plain(t("history.known", names=t("list.sep").join(others[:20])), "dim"))


def _steps(rows: list[dict]) -> list[str]:
    from simulator.scoring.rubric import load_method

    order = list(load_method("five-step").step_ids)
    seen = {s for r in rows for s in r["steps"]}
    return [s for s in order if s in seen or not seen] + sorted(seen - set(order))
