"""govsim validate: check scenario files the way a compiler checks code."""

from __future__ import annotations

import typer

from simulator.cli.common import EXIT_USER, _, guarded


def register(app: typer.Typer) -> None:
    @app.command("validate", help=_("help.validate"))
    @guarded
    def validate(paths: list[str] = typer.Argument(..., help=_("help.paths"))) -> None:
        from simulator.library import yaml_files
        from simulator.loader import parse_scenario
        from simulator.messages import t
        from simulator.ui.diagnostics import render_diagnostic
        from simulator.ui.text import make_console, plain
        from simulator.validate import validate_scenario

        out = make_console()
        files = yaml_files(paths)
        bad = errors = warnings = 0
        for path in files:
            scenario, diags = parse_scenario(path)
            if scenario is not None and not any(d.severity == "error" for d in diags):
                diags += validate_scenario(scenario)
            file_errors = sum(1 for d in diags if d.severity == "error")
            errors += file_errors
            warnings += len(diags) - file_errors
            bad += bool(file_errors)
            for diag in diags:
                out.print(render_diagnostic(diag), soft_wrap=True)
            if not diags:
                out.print(plain(t("validate.ok_file", path=str(path)), "green"))
        if bad:
            out.print(plain(t("validate.summary_bad", files=len(files), bad=bad, errors=errors, warnings=warnings), "bold red"))
            raise typer.Exit(EXIT_USER)
        out.print(plain(t("validate.summary_ok", files=len(files), warnings=warnings), "bold green"))
