"""A trainee's sessions over time, with a sparkline per step."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from simulator.messages import t
from simulator.ui.steps import (
    GRADE_STYLE,
    grade_word,
    header_width,
    number,
    points_style,
    step_header,
    step_label,
    total_style,
    when,
)
from simulator.ui.text import plain

SPARKS = "▁▂▃▄▅▆▇█"
RECENT = 40  # the trend shows this many latest sessions


def sparkline(values: list[float | None]) -> str:
    """0..100 mapped onto eight block heights; a missing value is a space."""
    return "".join(" " if v is None else SPARKS[min(7, max(0, int(v / 100 * 8)))] for v in values)


def history_view(trainee: str, rows: list[dict], steps: list[str]) -> RenderableType:
    head = Text.assemble((t("history.title") + " · ", "bold"), plain(trainee, "bold"))
    if not rows:
        return Group(head, Text(t("history.empty"), style="dim"))
    table = Table(expand=False)
    table.add_column("#", justify="right", no_wrap=True, style="dim")
    table.add_column(t("history.col.when"), no_wrap=True)
    table.add_column(t("list.col.title"), overflow="fold")
    table.add_column(t("history.col.how"), overflow="fold")
    table.add_column(t("board.col.total"), justify="right", no_wrap=True)
    table.add_column(t("creport.col.latest"), no_wrap=True)
    for step in steps:
        header = step_header(step, False)
        table.add_column(header, justify="right", min_width=header_width(header), overflow="fold")
    for r in rows:
        how = t("play.mode." + r["mode"]) if r["mode"] in ("choice", "free") else r["mode"] or ""
        if r["seat"] and r["seat"] != "solo":
            how = t("hotseat.kind." + r["seat"]) + f" {number(r['points'])}"
        if r["class_code"]:
            how += f" · {r['class_code']}"
        if r["status"] != "finished":
            grade = Text(t("outcome.interrupted"), style="dim")
        else:
            grade = Text(grade_word(r["grade"]), style=GRADE_STYLE.get(r["grade"], ""))
        table.add_row(str(r["id"]), when(r["started"]), plain(r["title"] or r["scenario"]), plain(how),
                      Text(number(r["total"]), style=total_style(r["total"])), grade,
                      *[Text(number(r["steps"].get(s)), style=points_style(r["steps"].get(s))) for s in steps])
    done = [r for r in rows if r["status"] == "finished" and (r["seat"] or "solo") == "solo"][-RECENT:]
    trend = Table(title=t("history.trend", count=len(done)), title_justify="left", box=None, padding=(0, 1))
    trend.add_column(no_wrap=True)
    trend.add_column(no_wrap=True)
    trend.add_column(justify="right", no_wrap=True)
    lines = [(t("board.col.total"), [r["total"] for r in done])]
    lines += [(step_label(s), [r["steps"].get(s) for r in done]) for s in steps]
    for label, values in lines:
        known = [v for v in values if v is not None]
        change = ""
        if len(known) >= 2:
            delta = known[-1] - known[0]
            change = f"{known[0]:.0f}→{known[-1]:.0f} ({delta:+.0f})"
        last = known[-1] if known else None
        trend.add_row(label, Text(sparkline(values), style=points_style(last)), change)
    return Group(head, table, Text(""), trend)
