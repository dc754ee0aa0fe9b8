"""govsim test: run the scripted paths that scenarios carry."""

from __future__ import annotations

import typer

from simulator.cli.common import EXIT_USER, _, guarded


def register(app: typer.Typer) -> None:
    @app.command("test", help=_("help.test"))
    @guarded
    def test(
        ctx: typer.Context,
        paths: list[str] = typer.Argument(None, help=_("help.paths")),
    ) -> None:
        from simulator.cli.common import report_error
        from simulator.errors import ScenarioError
        from simulator.library import builtin_dir, yaml_files
        from simulator.loader import load_scenario
        from simulator.messages import t
        from simulator.selftest import run_tests
        from simulator.ui.text import make_console, plain

        out = make_console()
        files = yaml_files(paths or [str(builtin_dir())])
        passed = failed = broken = 0
        failures = []
        for path in files:
            try:
                scenario = load_scenario(path)
            except ScenarioError as exc:
                report_error(exc)
                broken += 1
                continue
            results = run_tests(scenario)
            marks = "".join("." if r.passed else "F" for r in results)
            out.print(plain(f"{path} {marks}" if results else f"{path} " + t("test.none"),
                            "green" if all(r.passed for r in results) else "red"))
            for r in results:
                if r.passed:
                    passed += 1
                else:
                    failed += 1
                    failures.append(r)
        for r in failures:
            out.print(plain(t("test.failed", scenario=r.scenario, name=r.name), "bold red"))
            for key, args in r.problems:
                out.print(plain("  " + t(key, **args)))
            if r.path:
                out.print(plain("  " + t("test.path", path=" → ".join(r.path)), "dim"))
        summary = t("test.summary", passed=passed, failed=failed)
        out.print(plain(summary, "bold red" if failed or broken else "bold green"))
        if broken:
            raise typer.Exit(EXIT_USER)
        if failed:
            raise typer.Exit(1)
