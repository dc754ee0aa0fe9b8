"""`govsim` with no arguments: pick a scenario, a mode and feedback, then play."""

from __future__ import annotations

import typer

from simulator.cli.common import EXIT_INTERRUPT, dirs, guarded, need_tty


@guarded
def run_menu(ctx: typer.Context) -> None:
    from simulator.library import load_all, search_dirs
    from simulator.ui.menu import ask_setup
    from simulator.ui.text import make_console, plain

    need_tty()
    scenarios, _broken = load_all(search_dirs(dirs(ctx)))
    try:
        setup = ask_setup(scenarios)
    except (KeyboardInterrupt, EOFError):
        from simulator.messages import t

        make_console(stderr=True).print(plain(t("play.interrupted"), "yellow"))
        raise typer.Exit(EXIT_INTERRUPT) from None
    from simulator.cli.play import run_session

    scenario, mode, coach = setup
    run_session(scenario, mode, coach, None, False)
