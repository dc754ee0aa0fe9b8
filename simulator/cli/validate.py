"""govsim validate: check scenario files the way a compiler checks code."""

from __future__ import annotations

import typer

from simulator.cli.common import EXIT_USER, _, check_choice, guarded

FORMATS = ("text", "json")


def register(app: typer.Typer) -> None:
    @app.command("validate", help=_("help.validate"))
    @guarded
    def validate(
        paths: list[str] = typer.Argument(..., help=_("help.paths")),
        fmt: str = typer.Option("text", "--format", help=_("help.validate_format")),
        strict: bool = typer.Option(False, "--strict", help=_("help.strict")),
        lint: bool = typer.Option(True, "--lint/--no-lint", help=_("help.lint")),
    ) -> None:
        from simulator.library import yaml_files

        check_choice("--format", fmt, FORMATS)
        files = yaml_files(paths)
        results = [(path, diagnose(path, lint)) for path in files]
        errors = sum(1 for _, diags in results for d in diags if d.severity == "error")
        warnings = sum(1 for _, diags in results for d in diags if d.severity != "error")
        failed = bool(errors) or (strict and bool(warnings))
        if fmt == "json":
            import json

            rows = [d.to_dict() for _, diags in results for d in diags]
            typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            _print_text(results, errors, warnings, strict)
        if failed:
            raise typer.Exit(EXIT_USER)


def diagnose(path, lint: bool = True) -> list:
    """Schema, graph and (when those pass) lint diagnostics of one file."""
    from simulator.loader import parse_scenario
    from simulator.validate import validate_scenario

    scenario, diags = parse_scenario(path)
    if scenario is None or any(d.severity == "error" for d in diags):
        return diags
    diags += validate_scenario(scenario)
    if lint and not any(d.severity == "error" for d in diags):
        from simulator.lint import lint_scenario

        diags += lint_scenario(scenario)
    return diags


def _print_text(results, errors: int, warnings: int, strict: bool) -> None:
    from simulator.messages import t
    from simulator.ui.diagnostics import render_diagnostic
    from simulator.ui.text import make_console, plain

    out = make_console()
    bad = 0
    for path, diags in results:
        bad += any(d.severity == "error" or strict for d in diags)
        for diag in diags:
            out.print(render_diagnostic(diag), soft_wrap=True)
        if not diags:
            out.print(plain(t("validate.ok_file", path=str(path)), "green"))
    files = len(results)
    if errors:
        out.print(plain(t("validate.summary_bad", files=files, bad=bad, errors=errors, warnings=warnings), "bold red"))
    elif strict and warnings:
        out.print(plain(t("validate.summary_strict", files=files, bad=bad, warnings=warnings), "bold red"))
    else:
        out.print(plain(t("validate.summary_ok", files=files, warnings=warnings), "bold green"))
