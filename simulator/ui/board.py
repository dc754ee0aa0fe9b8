"""The class leaderboard: a rich table, and a Live loop that redraws it as results arrive."""

from __future__ import annotations

import time
from collections.abc import Callable

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from simulator.messages import t
from simulator.ui.steps import (
    GRADE_STYLE,
    grade_short,
    header_width,
    number,
    points_style,
    step_header,
    total_style,
)
from simulator.ui.text import plain

NARROW = 72  # below this many columns the board drops the runs and best columns


def board_table(data: dict, problem: str | None = None, width: int = 80) -> RenderableType:
    cls = data["class"]
    wide = width >= NARROW
    recent_count = 5 if wide else 3
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1 if width >= 80 else 0), expand=False,
                  title=Text.assemble((t("board.title") + " · ", "bold"), plain(cls["name"], "bold"),
                                      (t("ui.paren", text=cls["code"]), "bold cyan")))
    table.add_column("#", justify="right", no_wrap=True, style="dim")
    table.add_column(t("board.col.trainee"), no_wrap=True, min_width=4)
    if wide:
        table.add_column(t("board.col.sessions"), justify="right", no_wrap=True)
    table.add_column(t("board.col.mean"), justify="right", no_wrap=True)
    if wide:
        table.add_column(t("board.col.best"), justify="right", no_wrap=True)
    for step in data["steps"]:
        header = step_header(step, narrow=width < 100)
        table.add_column(header, justify="right", min_width=header_width(header), overflow="fold")
    table.add_column(t("board.col.recent"), no_wrap=True)
    rank = 0
    for row in data["trainees"]:
        if row["mean"] is not None:
            rank += 1
        name = plain(row["trainee"], "bold")
        if row["playing"]:
            name = Text.assemble(name, (" ▶" + t("board.playing", turn=row["playing"]["turn"]), "cyan"))
        recent = Text(" ").join(Text(grade_short(r["grade"]), style=GRADE_STYLE.get(r["grade"], ""))
                                for r in reversed(row["recent"][:recent_count]))
        cells = [str(rank) if row["mean"] is not None else "", name]
        if wide:
            cells.append(str(row["sessions"]))
        cells.append(Text(number(row["mean"]), style=total_style(row["mean"])))
        if wide:
            cells.append(number(row["best"]))
        cells += [Text(number(row["steps"].get(s)), style=points_style(row["steps"].get(s))) for s in data["steps"]]
        table.add_row(*cells, recent)
    parts: list[RenderableType] = [table]
    if not data["trainees"]:
        parts.append(Text(t("board.empty", code=cls["code"]), style="dim"))
    status = t("board.footer", trainees=sum(1 for r in data["trainees"] if r["sessions"]),
               sessions=data["sessions"], time=time.strftime("%H:%M:%S", time.localtime(data["updated"])))
    if cls["status"] != "open":
        status += " · " + t("class.status.closed")
    parts.append(Text(status, style="dim"))
    if problem:
        parts.append(plain(problem, "yellow"))
    return Group(*parts)


def live_board(fetch: Callable[[], dict], console: Console, interval: float, error_type=Exception) -> None:
    """Redraw every `interval` seconds until Ctrl-C; a failed poll keeps the last board and says why.

    The board takes the whole screen (like `top`), so a resized window redraws cleanly; when it ends,
    the last board stays printed in the terminal.
    """
    from rich.live import Live

    data, problem = fetch(), None
    try:
        with Live(board_table(data, width=console.width), console=console, auto_refresh=False, screen=True) as live:
            while True:
                time.sleep(interval)
                try:
                    data, problem = fetch(), None
                except error_type as exc:
                    problem = str(exc)
                live.update(board_table(data, problem, console.width), refresh=True)
    finally:
        console.print(board_table(data, problem, console.width))
