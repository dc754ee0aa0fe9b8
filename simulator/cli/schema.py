"""govsim schema: the scenario format as a JSON Schema, for editors (completion, red underlines) and CI."""

from __future__ import annotations

import typer

from simulator.cli.common import _, guarded


def register(app: typer.Typer) -> None:
    @app.command("schema", help=_("help.schema"))
    @guarded
    def schema(
        out: str = typer.Option(None, "--out", help=_("help.schema_out")),
    ) -> None:
        import json

        from simulator.json_schema import scenario_schema

        text = json.dumps(scenario_schema(), ensure_ascii=False, indent=2) + "\n"
        if out is None:
            typer.echo(text, nl=False)
            return
        from pathlib import Path

        from simulator.errors import SimulatorError
        from simulator.messages import t
        from simulator.ui.text import make_console, plain

        try:
            Path(out).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise SimulatorError("error.cannot_write", path=out, reason=exc.strerror or str(exc)) from None
        make_console(stderr=True).print(plain(t("schema.written", path=out), "green"))
