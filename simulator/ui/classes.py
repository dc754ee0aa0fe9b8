"""Class listings and the note a trainer reads when a class opens."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from simulator.messages import t
from simulator.ui.steps import when
from simulator.ui.text import plain


def class_table(rows: list[dict]) -> RenderableType:
    table = Table(title=t("class.list.title", count=len(rows)), expand=False)
    table.add_column(t("class.col.code"), no_wrap=True, style="bold cyan")
    table.add_column(t("class.col.name"), overflow="fold")
    table.add_column(t("class.col.status"), no_wrap=True)
    table.add_column(t("class.col.trainees"), justify="right", no_wrap=True)
    table.add_column(t("class.col.sessions"), justify="right", no_wrap=True)
    table.add_column(t("class.col.scenarios"), overflow="fold")
    table.add_column(t("class.col.created"), no_wrap=True)
    for row in rows:
        status = Text(t("class.status." + row["status"]), style="green" if row["status"] == "open" else "dim")
        scenarios = plain("\n".join(row["scenarios"])) if row["scenarios"] else Text(t("class.any_scenario"), style="dim")
        table.add_row(row["code"], plain(row["name"]), status, str(row.get("trainees", 0)),
                      str(row.get("sessions", 0)), scenarios, when(row["created"]))
    return table


def opened(code: str, name: str, scenarios: list[str]) -> RenderableType:
    example = scenarios[0] if scenarios else t("class.example_scenario")
    return Group(
        Text.assemble((t("class.opened") + " ", "bold"), plain(name, "bold"), "  ",
                      (t("class.code_is") + " ", ""), (code, "bold reverse cyan")),
        Text(t("class.join_hint", command=f"govsim play {example} --class {code} --trainee …"), style="dim"),
        Text(t("class.board_hint", command=f"govsim class board {code}"), style="dim"),
    )
