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
        walks: int = typer.Option(0, "--random", min=0, max=100_000, help=_("help.random")),
        seed: int = typer.Option(None, "--seed", help=_("help.seed")),
        max_turns: int = typer.Option(200, "--max-turns", min=1, max=100_000, help=_("help.max_turns")),
    ) -> None:
        from simulator.cli.common import report_error
        from simulator.errors import ScenarioError
        from simulator.library import builtin_dir, yaml_files
        from simulator.loader import load_scenario
        from simulator.messages import t
        from simulator.selftest import random_walks, run_tests
        from simulator.ui.text import make_console, plain

        out = make_console()
        files = yaml_files(paths or [str(builtin_dir())])
        passed = failed = broken = 0
        failures = []
        if walks and seed is None:
            import random

            seed = random.SystemRandom().randrange(1_000_000)
        walked = 0
        walk_failures = []
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
            if walks:
                found = random_walks(scenario, walks, seed, max_turns=max_turns)
                walked += walks
                walk_failures += [(path, f) for f in found]
                out.print(plain("  " + t("test.random_line", count=walks, seed=seed, failed=len(found)),
                                "red" if found else "green"))
        for r in failures:
            out.print(plain(t("test.failed", scenario=r.scenario, name=r.name), "bold red"))
            for key, args in r.problems:
                out.print(plain("  " + t(key, **args)))
            if r.path:
                out.print(plain("  " + t("test.path", path=" → ".join(r.path)), "dim"))
        for path, f in walk_failures:
            _print_walk_failure(out, path, f)
        summary = t("test.summary", passed=passed, failed=failed)
        if walks:
            summary += t("test.random_summary", count=walked, failed=len(walk_failures), seed=seed)
        out.print(plain(summary, "bold red" if failed or broken or walk_failures else "bold green"))
        if broken:
            raise typer.Exit(EXIT_USER)
        if failed or walk_failures:
            raise typer.Exit(1)


def _print_walk_failure(out, path, failure) -> None:
    from simulator.messages import t
    from simulator.ui.text import plain

    out.print(plain(t("test.random_failed", scenario=failure.scenario, walk=failure.walk, seed=failure.seed),
                    "bold red"))
    out.print(plain("  " + t(f"test.random.{failure.kind}", node=failure.node, detail=failure.detail)))
    out.print(plain("  " + t("test.random_path", path=failure.script() or "-")))
    out.print(plain("  " + t("test.random_replay", file=str(path)), "dim"))
