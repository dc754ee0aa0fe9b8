"""govsim play: practise one scenario, interactively or from a script."""

from __future__ import annotations

import json
import sys

import typer

from simulator.cli.common import EXIT_INTERRUPT, _, check_choice, dirs, guarded, need_tty


def register(app: typer.Typer) -> None:
    @app.command("play", help=_("help.play"))
    @guarded
    def play(
        ctx: typer.Context,
        scenario: str = typer.Argument(..., help=_("help.scenario")),
        mode: str = typer.Option("choice", "--mode", help=_("help.mode")),
        coach: bool = typer.Option(True, "--coach/--exam", help=_("help.coach")),
        script: str = typer.Option(None, "--script", help=_("help.script")),
        as_json: bool = typer.Option(False, "--json", help=_("help.json")),
    ) -> None:
        from simulator.library import find_scenario, search_dirs

        check_choice("--mode", mode, ("choice", "free"))
        found = find_scenario(scenario, search_dirs(dirs(ctx)))
        run_session(found, mode, coach, script, as_json)


def run_session(scenario, mode: str, coach: bool, script: str | None, as_json: bool) -> None:
    """Play a loaded scenario to the end and print the report (or JSON)."""
    from simulator.engine import Session
    from simulator.errors import SimulatorError
    from simulator.result import session_result
    from simulator.scoring.rubric import load_method
    from simulator.ui.play import PromptSource, ScriptSource, play
    from simulator.ui.text import make_console, plain

    console = None if as_json else make_console()
    if script is None:
        need_tty()
        source = PromptSource(console)
    else:
        source = ScriptSource(_script_lines(script))
    method = load_method(scenario.method, _method_dirs(scenario))
    session = Session(scenario, method, mode)
    try:
        card = play(session, source, console, coach)
    except (KeyboardInterrupt, EOFError):
        make_console(stderr=True).print(plain(_("play.interrupted"), "yellow"))
        raise typer.Exit(EXIT_INTERRUPT) from None
    except SimulatorError:
        raise
    if as_json:
        typer.echo(json.dumps(session_result(session, card), ensure_ascii=False))


def _method_dirs(scenario) -> tuple[str, ...]:
    from pathlib import Path

    folder = Path(scenario.path).parent / "methods"
    return (str(folder),) if folder.is_dir() else ()


def _script_lines(script: str):
    from simulator.errors import SimulatorError

    if script == "-":
        return iter(sys.stdin.readline, "")
    try:
        with open(script, encoding="utf-8-sig") as fh:
            return iter(fh.read().splitlines())
    except FileNotFoundError:
        raise SimulatorError("error.no_such_path", path=script) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SimulatorError("error.cannot_read", path=script, reason=str(exc)) from None
