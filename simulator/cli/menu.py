"""`govsim` with no arguments: join a class if one is open, pick a scenario, a mode and feedback, then play."""

from __future__ import annotations

import typer

from simulator.cli.common import EXIT_INTERRUPT, dirs, guarded, need_tty


@guarded
def run_menu(ctx: typer.Context) -> None:
    from simulator.cli.play import db_option, run_session
    from simulator.cli.recording import Recorder
    from simulator.library import load_all, search_dirs
    from simulator.ui.menu import ask_setup
    from simulator.ui.text import make_console, plain

    need_tty()
    scenarios, _broken = load_all(search_dirs(dirs(ctx)))
    try:
        code, trainee, allowed = _ask_class(db_option(ctx))
        if allowed:
            scenarios = [s for s in scenarios if s.id in allowed] or scenarios
        setup = ask_setup(scenarios)
    except (KeyboardInterrupt, EOFError):
        from simulator.messages import t

        make_console(stderr=True).print(plain(t("play.interrupted"), "yellow"))
        raise typer.Exit(EXIT_INTERRUPT) from None
    scenario, mode, coach = setup
    recorder = Recorder(db_option(ctx), trainee, code)
    recorder.open(scenario.id)
    try:
        run_session(scenario, mode, coach, None, False, recorder)
    finally:
        recorder.close()


def _ask_class(db: str | None) -> tuple[str | None, str | None, list[str]]:
    """When any class is open, ask for its code and the trainee's name; both can be skipped."""
    from simulator.cli.recording import default_trainee
    from simulator.store import StoreError, open_store
    from simulator.store.classes import list_classes
    from simulator.ui.menu import ask_class, ask_trainee

    try:
        store = open_store(db)
    except StoreError:
        return None, None, []  # the recorder says so once, when the session starts
    try:
        open_classes = {c["code"]: c for c in list_classes(store, open_only=True)}
    except StoreError:
        open_classes = {}
    finally:
        store.close()
    if not open_classes:
        return None, None, []
    code = ask_class(sorted(open_classes))
    if not code:
        return None, None, []
    return code, ask_trainee(default_trainee()), open_classes[code]["scenarios"]
