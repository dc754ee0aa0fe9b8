"""govsim play: practise one scenario, interactively or from a script, and record it."""

from __future__ import annotations

import json
import sys

import typer

from simulator.cli.common import EXIT_INTERRUPT, _, check_choice, dirs, guarded, need_tty


def db_option(ctx: typer.Context) -> str | None:
    return (ctx.obj or {}).get("db")


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
        class_code: str = typer.Option(None, "--class", help=_("help.class_code")),
        trainee: str = typer.Option(None, "--trainee", help=_("help.trainee")),
        record: bool = typer.Option(True, "--record/--no-record", help=_("help.record")),
    ) -> None:
        from simulator.cli.recording import Recorder
        from simulator.library import find_scenario, search_dirs

        check_choice("--mode", mode, ("choice", "free"))
        found = find_scenario(scenario, search_dirs(dirs(ctx)))
        if script is None:
            need_tty()
        recorder = Recorder(db_option(ctx), trainee, class_code, enabled=record)
        recorder.open(found.id)
        try:
            run_session(found, mode, coach, script, as_json, recorder)
        finally:
            recorder.close()


def run_session(scenario, mode: str, coach: bool, script: str | None, as_json: bool, recorder=None,
                state=None) -> None:
    """Play a loaded scenario to the end, print the report (or JSON) and record the session.

    Ctrl-C, end of input, a closed terminal (SIGHUP) and SIGTERM all save the session as interrupted first.
    """
    from simulator.cli.recording import Recorder, hangups_interrupt, warn
    from simulator.engine import Session
    from simulator.messages import t
    from simulator.result import session_result
    from simulator.scoring.rubric import load_method
    from simulator.ui.play import PromptSource, ScriptSource, play
    from simulator.ui.text import make_console

    recorder = recorder or Recorder(None, enabled=False)
    console = None if as_json else make_console()
    if script is None:
        need_tty()
        source = PromptSource(console)
    else:
        source = ScriptSource(_script_lines(script))
    method = load_method(scenario.method, _method_dirs(scenario))
    session = Session(scenario, method, mode, state=state)
    recorder.start(session, coach)
    with hangups_interrupt() as caught:
        try:
            card = play(session, source, console, coach, on_turn=recorder.turn)
        except BaseException as exc:
            session.interrupt()
            saved = recorder.finish(session, None, coach)
            stopped = isinstance(exc, (KeyboardInterrupt, EOFError)) or caught
            if stopped:
                warn(t("play.interrupted"))
            if saved is not None and session.state.outcome == "interrupted":
                warn(t("record.resume_hint", id=saved))
            if stopped:
                raise typer.Exit(128 + caught["signum"] if caught else EXIT_INTERRUPT) from None
            raise
        saved = recorder.finish(session, card, coach)
    if as_json:
        out = session_result(session, card)
        out["session_id"] = saved
        typer.echo(json.dumps(out, ensure_ascii=False))
    elif saved is not None and not recorder.quiet:
        _say_recorded(recorder, saved)


def _say_recorded(recorder, saved: int) -> None:
    from simulator.cli.common import err_console
    from simulator.messages import t
    from simulator.ui.text import plain

    key = "record.saved_class" if recorder.class_code else "record.saved"
    err_console().print(plain(t(key, id=saved, trainee=recorder.trainee, code=recorder.class_code), "dim"), soft_wrap=True)


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
