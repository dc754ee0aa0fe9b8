"""The govsim command line: a thin typer layer over the core."""

from __future__ import annotations

import sys

import typer

from simulator.cli.common import _
from simulator.messages import set_lang


def _early_lang(argv: list[str]) -> None:
    """Help texts are built at import, so --lang must be known before the commands load."""
    for i, arg in enumerate(argv):
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in ("zh", "en"):
            set_lang(value)


def build_app() -> typer.Typer:
    from simulator.cli import catalog, classroom, history, play, resume, score, selftest, validate
    from simulator.cli.toolchain import register as register_toolchain
    from simulator.cli.usage import GovsimGroup

    _skip_text_coercion()
    _localize_help_option()
    _localize_typer_words()
    app = typer.Typer(
        cls=GovsimGroup,
        help=_("help.app"),
        no_args_is_help=False,
        add_completion=False,
        pretty_exceptions_show_locals=False,
        rich_markup_mode=None,
    )

    @app.callback(invoke_without_command=True)
    def main_options(
        ctx: typer.Context,
        lang: str = typer.Option(None, "--lang", metavar="zh|en", help=_("help.lang")),
        scenario_dir: list[str] = typer.Option([], "--dir", metavar="DIR", help=_("help.dir")),
        db: str = typer.Option(None, "--db", metavar="URL", envvar="GOVSIM_DB", show_envvar=False, help=_("help.db")),
    ) -> None:
        from simulator.cli.common import guarded

        guarded(lambda: set_lang(lang) if lang else None)()
        ctx.obj = {"dirs": scenario_dir, "db": db}
        if ctx.invoked_subcommand is None:
            from simulator.cli.menu import run_menu

            run_menu(ctx)

    catalog.register(app)
    validate.register(app)
    play.register(app)
    score.register(app)
    selftest.register(app)
    classroom.register(app)
    history.register(app)
    resume.register(app)
    register_toolchain(app)
    return app


class _Verbatim:
    """Coercion for text options and flags: the value as given.

    typer 0.2x converts every parameter through a pydantic TypeAdapter, and importing pydantic
    costs about 60 ms at every start, more than the rest of `govsim list`. Text and flags need no
    conversion, so they skip it; every other type (numbers with ranges) keeps typer's coercion.
    """

    def __init__(self, multi: bool):
        self.multi = multi

    def coerce(self, value, param=None, ctx=None):
        if value is None:
            return () if self.multi else None
        if self.multi:
            return list(value) if isinstance(value, (list, tuple)) else [value]
        if isinstance(value, str) and getattr(param, "is_flag", False):  # a flag set from the environment
            return value.strip().lower() in ("1", "true", "yes", "on", "y", "t")
        return value


def _skip_text_coercion() -> None:
    """Give text options and flags the verbatim coercion; leave typer alone if its internals differ."""
    try:
        from typer.core import _TyperParameter
    except ImportError:  # pragma: no cover - another typer
        return
    original = getattr(_TyperParameter, "get_runtime_param", None)
    if original is None or getattr(original, "_govsim", False):
        return

    def get_runtime_param(self):
        annotation = getattr(getattr(self, "type_descriptor", None), "annotation", None)
        if getattr(self, "_runtime_param", None) is None and annotation in (str, bool, list[str]):
            self._runtime_param = _Verbatim(annotation == list[str])
        return original(self)

    get_runtime_param._govsim = True
    _TyperParameter.get_runtime_param = get_runtime_param


def _localize_help_option() -> None:
    """`--help`'s own line in the catalogue's language (click writes it in English)."""
    from typer.core import TyperCommand, TyperGroup

    from simulator.messages import t

    for cls in (TyperCommand, TyperGroup):
        original = getattr(cls, "get_help_option", None)
        if original is None or getattr(original, "_govsim", False):
            continue

        def get_help_option(self, ctx, _original=original):
            option = _original(self, ctx)
            if option is not None:
                option.help = t("help.help")
            return option

        get_help_option._govsim = True
        cls.get_help_option = get_help_option


# the few words typer writes into a help page itself, and their keys in the catalogue
_TYPER_WORDS = {"Arguments": "help.word.arguments", "Options": "help.word.options", "Commands": "help.word.commands",
                "default: {default}": "help.word.default", "required": "help.word.required",
                "env var: {var}": "help.word.envvar", "Aborted!": "help.word.aborted"}


def _localize_typer_words() -> None:
    """Usage, Options, Commands, default: … in the catalogue's language; typer alone if its internals differ."""
    import typer.core

    from simulator.messages import t

    original = getattr(typer.core, "_", None)
    if callable(original) and not getattr(original, "_govsim", False):
        def translate(text: str) -> str:
            key = _TYPER_WORDS.get(text)
            return t(key) if key else original(text)

        translate._govsim = True
        typer.core._ = translate
    try:
        from typer._click.formatting import HelpFormatter
    except ImportError:  # pragma: no cover - a typer on click: its usage line stays as it is
        return
    write_usage = HelpFormatter.write_usage
    if getattr(write_usage, "_govsim", False):
        return

    def localized(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        return write_usage(self, prog, args, t("help.word.usage") if prefix is None else prefix)

    localized._govsim = True
    HelpFormatter.write_usage = localized


def main() -> None:
    _early_lang(sys.argv[1:])
    build_app()(prog_name="govsim")
