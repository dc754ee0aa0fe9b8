"""What every command shares: user errors become one message and exit code 2."""

from __future__ import annotations

import functools
import sys

import typer

from simulator.errors import ScenarioError, SimulatorError
from simulator.messages import t

EXIT_USER = 2
EXIT_INTERRUPT = 130


def err_console():
    from simulator.ui.text import make_console

    return make_console(stderr=True)


def report_error(exc: SimulatorError) -> None:
    from simulator.ui.diagnostics import render_diagnostic
    from simulator.ui.text import plain

    console = err_console()
    if isinstance(exc, ScenarioError):
        for diag in exc.diagnostics:
            console.print(render_diagnostic(diag), soft_wrap=True)
    console.print(plain(str(exc), "bold red"), soft_wrap=True)


def guarded(func):
    """Only the command line turns SimulatorError into a message; anything else is a bug."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except SimulatorError as exc:
            report_error(exc)
            raise typer.Exit(EXIT_USER) from None

    return wrapper


def dirs(ctx: typer.Context) -> list[str]:
    return list((ctx.obj or {}).get("dirs", []))


def stdin_is_tty() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def check_choice(option: str, value: str | None, allowed: tuple[str, ...]) -> str | None:
    if value is not None and value not in allowed:
        raise SimulatorError("error.bad_value", option=option, value=value, allowed=", ".join(allowed))
    return value


def need_tty() -> None:
    if not stdin_is_tty():
        raise SimulatorError("error.not_a_tty")


def _(key: str) -> str:
    """Help text from the catalogue."""
    return t(key)
