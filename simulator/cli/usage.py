"""Mistakes on the command line itself (a wrong flag, a missing argument) as one line in the catalogue's language."""

from __future__ import annotations

import re

from typer._click.exceptions import BadParameter, MissingParameter, NoSuchOption, UsageError, echo
from typer.core import TyperGroup

from simulator.messages import t


class LocalizedUsageError(UsageError):
    """A usage error already put into words: shown as one line on stderr, exit code 2."""

    def show(self, file=None) -> None:
        import sys

        echo(self.message, file=file or sys.stderr)


class GovsimGroup(TyperGroup):
    """The root group: every usage error below it is reworded before click prints it."""

    def make_context(self, *args, **kwargs):
        try:
            return super().make_context(*args, **kwargs)
        except UsageError as exc:
            raise localize(exc) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise localize(exc) from None


def localize(exc: UsageError) -> UsageError:
    if isinstance(exc, LocalizedUsageError):
        return exc
    from simulator.schema import did_you_mean

    ctx = exc.ctx
    command = ctx.command_path if ctx is not None else "govsim"
    if isinstance(exc, NoSuchOption):
        text = t("usage.no_such_option", option=exc.option_name, hint=did_you_mean(exc.option_name, exc.possibilities or ()))
    elif isinstance(exc, MissingParameter):
        text = t("usage.missing", name=_param_name(exc))
    elif isinstance(exc, BadParameter):
        text = t("usage.bad_value", name=_param_name(exc), message=(exc.message or "").rstrip(".。"))
    else:
        found = re.match(r"No such command '(.+?)'", exc.message or "")
        if found and ctx is not None:
            names = ctx.command.list_commands(ctx) if hasattr(ctx.command, "list_commands") else []
            text = t("usage.no_such_command", name=found.group(1), hint=did_you_mean(found.group(1), names))
        else:
            text = t("usage.generic", message=exc.format_message().rstrip(".。"))
    return LocalizedUsageError(text + t("usage.help", command=command), ctx)


def _param_name(exc: BadParameter) -> str:
    param = exc.param
    if param is None:
        return exc.param_hint if isinstance(exc.param_hint, str) else "?"
    opts = [o for o in getattr(param, "opts", []) if o.startswith("-")]
    return opts[0] if opts else (param.name or "?").upper()
