"""govsim resume [ID]: list interrupted sessions and continue one from the turn where it stopped."""

from __future__ import annotations

import typer

from simulator.cli.common import _, dirs, guarded, stdin_is_tty
from simulator.errors import SimulatorError


def register(app: typer.Typer) -> None:
    @app.command("resume", help=_("help.resume"))
    @guarded
    def resume(
        ctx: typer.Context,
        session_id: int = typer.Argument(None, help=_("help.session_id")),
        trainee: str = typer.Option(None, "--trainee", help=_("help.trainee_filter")),
        script: str = typer.Option(None, "--script", help=_("help.script")),
        as_json: bool = typer.Option(False, "--json", help=_("help.json")),
    ) -> None:
        from simulator.cli.play import db_option
        from simulator.store import open_store
        from simulator.store.sessions import resumable

        store = open_store(db_option(ctx))
        try:
            if session_id is None:
                rows = resumable(store, trainee)
                session_id = _pick(rows, interactive=script is None and stdin_is_tty())
                if session_id is None:
                    return
            row = _resumable_row(store, session_id)
        finally:
            store.close()
        continue_session(ctx, row, script, as_json)


def _pick(rows: list[dict], interactive: bool) -> int | None:
    from simulator.messages import t
    from simulator.ui.resume import choice_label, resumable_table
    from simulator.ui.text import make_console

    console = make_console()
    if not rows:
        console.print(t("resume.none"))
        return None
    console.print(resumable_table(rows))
    if not interactive:
        console.print(t("resume.how"))
        return None
    import questionary

    choices = [questionary.Choice(choice_label(r), r["id"]) for r in reversed(rows)]
    choices.append(questionary.Choice(t("resume.cancel"), None))
    try:
        return questionary.select(t("resume.which"), choices=choices, instruction=t("menu.arrows")).unsafe_ask()
    except (KeyboardInterrupt, EOFError):
        return None


def _resumable_row(store, session_id: int) -> dict:
    from simulator.store.sessions import FINISHED, get_session

    row = get_session(store, session_id)
    if row["status"] == FINISHED:
        raise SimulatorError("resume.finished", id=session_id)
    if (row["seat"] or "solo") != "solo":
        raise SimulatorError("resume.hotseat", id=session_id)
    if not row["state"]:
        raise SimulatorError("resume.no_state", id=session_id)
    return row


def continue_session(ctx: typer.Context, row: dict, script: str | None, as_json: bool) -> None:
    """Same scenario (refused if its content changed), same trainee and class, from the same turn."""
    from pathlib import Path

    from simulator.cli.common import need_tty
    from simulator.cli.play import db_option, run_session
    from simulator.cli.recording import Recorder
    from simulator.engine import SessionState
    from simulator.library import find_scenario, search_dirs
    from simulator.loader import load_scenario

    scenario = None
    if row["scenario_path"] and Path(row["scenario_path"]).is_file():
        scenario = load_scenario(Path(row["scenario_path"]))
        if scenario.id != row["scenario"]:
            scenario = None
    if scenario is None:
        scenario = find_scenario(row["scenario"], search_dirs(dirs(ctx)))
    if scenario.digest != row["version"]:
        raise SimulatorError("resume.changed", id=row["id"], scenario=row["scenario"])
    state = SessionState.from_dict(row["state"])
    state.outcome = None
    state.ended = None
    if script is None:
        need_tty()
    recorder = Recorder(db_option(ctx), row["trainee"], row["class_code"], session_id=row["id"])
    recorder.open(scenario.id)
    try:
        run_session(scenario, state.mode, bool(row["coach"]) if row["coach"] is not None else True, script, as_json,
                    recorder, state=state)
    finally:
        recorder.close()
