"""govsim class hotseat: several trainees answer one citizen on one projector, each reply scored to its author."""

from __future__ import annotations

import re
import secrets

import typer

from simulator.cli.common import EXIT_INTERRUPT, _, check_choice, dirs, guarded, need_tty
from simulator.errors import SimulatorError


def parse_trainees(raw: str) -> list[str]:
    """`张三,李四,王五`; Chinese commas and 、 separate too."""
    names = [n.strip() for n in re.split(r"[,，、;；]", raw or "") if n.strip()]
    if len(names) < 2:
        raise SimulatorError("hotseat.need_two")
    seen = set()
    for name in names:
        if name in seen:
            raise SimulatorError("hotseat.duplicate", name=name)
        seen.add(name)
    return names


def register(class_app: typer.Typer) -> None:
    @class_app.command("hotseat", help=_("help.hotseat"))
    @guarded
    def hotseat(
        ctx: typer.Context,
        scenario: str = typer.Argument(..., help=_("help.scenario")),
        trainees: str = typer.Option(..., "--trainees", help=_("help.trainees")),
        class_code: str = typer.Option(None, "--class", help=_("help.class_code")),
        panel: bool = typer.Option(False, "--panel", help=_("help.panel")),
        mode: str = typer.Option("choice", "--mode", help=_("help.mode")),
        coach: bool = typer.Option(True, "--coach/--exam", help=_("help.coach")),
        script: str = typer.Option(None, "--script", help=_("help.hotseat_script")),
        record: bool = typer.Option(True, "--record/--no-record", help=_("help.record")),
    ) -> None:
        from simulator.cli.play import _method_dirs, _script_lines, db_option
        from simulator.cli.recording import Recorder, check_trainee, hangups_interrupt, warn
        from simulator.engine import Session
        from simulator.hotseat import HotSeat
        from simulator.library import find_scenario, search_dirs
        from simulator.messages import t
        from simulator.scoring.rubric import load_method
        from simulator.ui.hotseat import run_round
        from simulator.ui.play import PromptSource, ScriptSource
        from simulator.ui.text import make_console

        check_choice("--mode", mode, ("choice", "free"))
        names = [check_trainee(n) for n in parse_trainees(trainees)]
        found = find_scenario(scenario, search_dirs(dirs(ctx)))
        if script is None:
            need_tty()
        console = make_console()
        source = PromptSource(console) if script is None else ScriptSource(_script_lines(script))
        recorder = Recorder(db_option(ctx), names[0], class_code, enabled=record)
        recorder.open(found.id)
        session = Session(found, load_method(found.method, _method_dirs(found)), mode)
        hs = HotSeat(session, names, panel)
        round_id = secrets.token_hex(4)
        seat = "panel" if panel else "hotseat"

        def save(card) -> list[int | None]:
            return [recorder.finish(session, card, coach, trainee=who, seat=seat, round_id=round_id, points=points,
                                    turns=turns)
                    for who, turns, points in hs.parts() if turns]

        try:
            with hangups_interrupt() as caught:
                try:
                    card = run_round(hs, source, console, coach)
                except BaseException as exc:
                    session.interrupt()
                    save(None)
                    if isinstance(exc, (KeyboardInterrupt, EOFError)) or caught:
                        warn(t("play.interrupted"))
                        raise typer.Exit(128 + caught["signum"] if caught else EXIT_INTERRUPT) from None
                    raise
                saved = save(card)
            if any(s is not None for s in saved):
                from simulator.cli.common import err_console
                from simulator.ui.text import plain

                err_console().print(plain(t("hotseat.saved", count=len(saved), round=round_id), "dim"))
        finally:
            recorder.close()
