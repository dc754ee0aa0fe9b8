"""The list of sessions that can be resumed."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from simulator.messages import t
from simulator.ui.steps import when
from simulator.ui.text import plain


def resumable_table(rows: list[dict]) -> Table:
    table = Table(title=t("resume.title", count=len(rows)), expand=False)
    table.add_column("ID", justify="right", no_wrap=True, style="bold cyan")
    table.add_column(t("board.col.trainee"), no_wrap=True)
    table.add_column(t("class.col.code"), no_wrap=True)
    table.add_column(t("list.col.title"), overflow="fold", min_width=6, ratio=3)
    table.add_column(t("history.col.how"), overflow="fold", min_width=4, ratio=1)
    table.add_column(t("resume.col.turn"), justify="right", no_wrap=True)
    table.add_column(t("resume.col.when"), overflow="fold", min_width=5, ratio=1)
    for r in rows:
        state = t("outcome.interrupted") if r["status"] == "interrupted" else t("resume.stale")
        table.add_row(str(r["id"]), plain(r["trainee"], "bold"), r["class_code"] or "", plain(r["title"] or r["scenario"]),
                      t("play.mode." + r["mode"]) if r["mode"] in ("choice", "free") else "",
                      str((r["turn_count"] or 0) + 1),
                      Text(f"{when(r['ended'] or r['updated'])} {state}", style="dim"))
    return table


def choice_label(r: dict) -> str:
    from simulator.ui.text import clean

    return t("resume.choice", id=r["id"], trainee=clean(r["trainee"]), title=clean(r["title"] or r["scenario"]),
             turn=(r["turn_count"] or 0) + 1)
