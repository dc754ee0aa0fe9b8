"""The scenario library as a table."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from simulator.messages import t
from simulator.ui.render import disc_badge
from simulator.ui.text import plain


def scenario_table(scenarios: list[dict]) -> Table:
    """The library as a table, from the summaries `simulator.library.summaries` returns."""
    table = Table(title=t("list.title", count=len(scenarios)), title_justify="left", expand=False)
    table.add_column(t("list.col.id"), style="cyan", no_wrap=True)
    table.add_column(t("list.col.title"), ratio=2, overflow="fold")
    table.add_column(t("list.col.citizen"), no_wrap=True)
    table.add_column(t("list.col.difficulty"), justify="center", no_wrap=True)
    table.add_column(t("list.col.tags"), ratio=1, overflow="fold")
    for s in scenarios:
        citizen = Text.assemble(plain(s["citizen"]), "\n", disc_badge(s["citizen_type"]))
        stars = Text("★" * s["difficulty"], style="yellow")
        table.add_row(plain(s["id"]), plain(s["title"]), citizen, stars, plain(t("list.sep").join(s["tags"])))
    return table
