"""govsim class …: open, list, close and delete classes; the live board and the class report."""

from __future__ import annotations

import json

import typer

from simulator.cli.common import _, dirs, guarded
from simulator.errors import SimulatorError

app = typer.Typer(help=_("help.class"), no_args_is_help=True, add_completion=False, rich_markup_mode=None,
                  pretty_exceptions_show_locals=False)

BOARD_INTERVAL = 2.0


def register(root: typer.Typer) -> None:
    from simulator.cli import hotseat

    hotseat.register(app)
    root.add_typer(app, name="class", help=_("help.class"))


def _store(ctx: typer.Context):
    from simulator.cli.play import db_option
    from simulator.store import open_store

    return open_store(db_option(ctx))


def _echo(renderable) -> None:
    from simulator.ui.text import make_console

    make_console().print(renderable)


@app.command("open", help=_("help.class_open"))
@guarded
def open_(
    ctx: typer.Context,
    name: str = typer.Argument(..., help=_("help.class_name")),
    scenario: list[str] = typer.Option([], "--scenario", help=_("help.class_scenario")),
    as_json: bool = typer.Option(False, "--json", help=_("help.json")),
) -> None:
    from simulator.library import find_scenario, search_dirs
    from simulator.store.classes import open_class

    ids = []
    for item in scenario:
        found = find_scenario(item, search_dirs(dirs(ctx)))
        if found.id not in ids:
            ids.append(found.id)
    with _store(ctx) as store:
        code = open_class(store, name, ids)
    if as_json:
        typer.echo(json.dumps({"code": code, "name": name.strip(), "scenarios": ids}, ensure_ascii=False))
        return
    from simulator.ui.classes import opened

    _echo(opened(code, name.strip(), ids))


@app.command("list", help=_("help.class_list"))
@guarded
def list_(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help=_("help.json")),
    open_only: bool = typer.Option(False, "--open", help=_("help.class_open_only")),
) -> None:
    from simulator.store.classes import list_classes

    with _store(ctx) as store:
        rows = list_classes(store, open_only)
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from simulator.ui.classes import class_table

    _echo(class_table(rows))


@app.command("close", help=_("help.class_close"))
@guarded
def close(ctx: typer.Context, code: str = typer.Argument(..., help=_("help.class_code"))) -> None:
    from simulator.messages import t
    from simulator.store.classes import close_class

    with _store(ctx) as store:
        found = close_class(store, code)
    typer.echo(t("class.closed_done", code=found["code"], name=found["name"]))


@app.command("delete", help=_("help.class_delete"))
@guarded
def delete(
    ctx: typer.Context,
    code: str = typer.Argument(..., help=_("help.class_code")),
    yes: bool = typer.Option(False, "--yes", "-y", help=_("help.yes")),
) -> None:
    from simulator.messages import t
    from simulator.store.classes import delete_class, require_class

    store = _store(ctx)
    try:
        found = require_class(store, code)
        if not yes:
            from simulator.store.sessions import count_sessions

            count = count_sessions(store, found["code"])
            try:
                sure = typer.confirm(t("class.delete_confirm", code=found["code"], name=found["name"], sessions=count),
                                     default=False)
            except typer.Abort:
                sure = False
            if not sure:
                typer.echo(t("class.delete_cancelled"), err=True)
                raise typer.Exit(1)
        gone = delete_class(store, found["code"])
    finally:
        store.close()
    typer.echo(t("class.deleted", code=found["code"], sessions=gone))


@app.command("board", help=_("help.class_board"))
@guarded
def board_(
    ctx: typer.Context,
    code: str = typer.Argument(..., help=_("help.class_code")),
    once: bool = typer.Option(False, "--once", help=_("help.once")),
    interval: float = typer.Option(BOARD_INTERVAL, "--interval", min=0.2, help=_("help.interval")),
) -> None:
    from simulator.store import StoreError
    from simulator.store.report import board
    from simulator.ui.board import board_table, live_board
    from simulator.ui.text import make_console

    store = _store(ctx)
    console = make_console()
    try:
        data = board(store, code)  # an unknown code fails here, before the screen is taken
        if once or not console.is_terminal:
            console.print(board_table(data, width=console.width))
            return
        try:
            live_board(lambda: board(store, code), console, interval, error_type=StoreError)
        except KeyboardInterrupt:
            raise typer.Exit(0) from None
    finally:
        store.close()


@app.command("report", help=_("help.class_report"))
@guarded
def report(
    ctx: typer.Context,
    code: str = typer.Argument(..., help=_("help.class_code")),
    as_json: bool = typer.Option(False, "--json", help=_("help.json")),
    csv_path: str = typer.Option(None, "--csv", help=_("help.csv")),
    html_path: str = typer.Option(None, "--html", help=_("help.html")),
) -> None:
    from simulator.messages import t
    from simulator.store.report import class_report

    if sum(bool(x) for x in (as_json, csv_path, html_path)) > 1:
        raise SimulatorError("creport.one_format")
    with _store(ctx) as store:
        data = class_report(store, code)
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    if csv_path or html_path:
        from simulator.ui.csvexport import write_csv
        from simulator.ui.html import render_html

        path = csv_path or html_path
        try:
            if csv_path:
                write_csv(data, path)
            else:
                with open(path, "w", encoding="utf-8") as fh:
                    fh.write(render_html(data))
        except OSError as exc:
            raise SimulatorError("creport.cannot_write", path=path, reason=exc.strerror or str(exc)) from None
        typer.echo(t("creport.written", path=path))
        return
    from simulator.ui.classreport import class_report as view

    _echo(view(data))

