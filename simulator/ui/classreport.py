"""The class report in the terminal: trainees, steps, taboo phrases, distribution, scenarios, hot-seat rounds."""

from __future__ import annotations

from rich import box
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
    taboo_label,
    total_style,
    when,
)
from simulator.ui.text import plain

BAR = 20


def bar(value: float | None, width: int = BAR, top: float = 100) -> Text:
    filled = 0 if value is None else round(min(value, top) / top * width)
    return Text.assemble(("█" * filled, points_style(value)), ("░" * (width - filled), "dim"))


def class_report(data: dict) -> RenderableType:
    cls, counts = data["class"], data["counts"]
    head = Text.assemble((t("creport.title") + " · ", "bold"), plain(cls["name"], "bold"), (t("ui.paren", text=cls["code"]), "bold cyan"))
    facts = Text(t("creport.counts", trainees=counts["trainees"], finished=counts["finished"],
                   interrupted=counts["interrupted"], turns=counts["turns"], time=when(data["generated"])), style="dim")
    parts: list[RenderableType] = [head, facts, Text("")]
    if not data["trainees"]:
        return Group(*parts, Text(t("board.empty", code=cls["code"]), style="dim"))
    parts += [trainee_table(data), Text(""), step_table(data), Text(""), distribution(data)]
    if data["taboo"]:
        parts += [Text(""), taboo_table(data)]
    parts += [Text(""), scenario_table(data)]
    if data["hotseat"]:
        parts += [Text(""), hotseat_table(data)]
    return Group(*parts)


def trainee_table(data: dict) -> Table:
    table = Table(title=t("creport.trainees"), title_justify="left", expand=False, box=box.SIMPLE_HEAD,
                  padding=(0, 0))
    table.add_column(t("board.col.trainee"), no_wrap=True)
    table.add_column(t("board.col.sessions"), justify="right", no_wrap=True)
    table.add_column(t("board.col.mean"), justify="right", no_wrap=True)
    table.add_column(t("board.col.best"), justify="right", no_wrap=True)
    table.add_column(t("creport.col.grade"), no_wrap=True)
    for step in data["steps"]:
        header = step_header(step, False)
        table.add_column(header, justify="right", min_width=header_width(header), overflow="fold")
    table.add_column(t("creport.col.taboo"), justify="right", no_wrap=True)
    table.add_column(t("creport.col.fit"), justify="right", no_wrap=True)
    for row in data["trainees"]:
        sessions = str(row["sessions"]) + (f"+{row['interrupted']}" if row["interrupted"] else "")
        table.add_row(
            plain(row["trainee"], "bold"), sessions, Text(number(row["mean"]), style=total_style(row["mean"])),
            number(row["best"]), Text(grade_word(row["latest_grade"]), style=GRADE_STYLE.get(row["latest_grade"], "dim")),
            *[Text(number(row["steps"].get(s)), style=points_style(row["steps"].get(s))) for s in data["steps"]],
            Text(str(row["taboo"]), style="red" if row["taboo"] else "green"), number(row["disc"], 2),
        )
    if any(r["interrupted"] for r in data["trainees"]):
        table.caption = t("creport.interrupted_note")
    return table


def step_table(data: dict) -> Table:
    table = Table(title=t("creport.steps"), title_justify="left", expand=False)
    table.add_column(t("report.col.steps"), no_wrap=True)
    table.add_column(t("creport.col.class_mean"), no_wrap=True)
    table.add_column(t("creport.col.weakest"), overflow="fold")
    for row in data["step_summary"]:
        weakest = Text(t("list.sep")).join(Text.assemble(plain(w["trainee"]), (f" {number(w['mean'])}", points_style(w["mean"])))
                                 for w in row["weakest"])
        table.add_row(step_label(row["step"]), Text.assemble(bar(row["mean"]), f" {number(row['mean'])}"), weakest)
    return table


def taboo_table(data: dict) -> Table:
    table = Table(title=t("creport.taboo"), title_justify="left", expand=False)
    table.add_column(t("creport.col.phrase"), overflow="fold")
    table.add_column(t("creport.col.kind"), no_wrap=True)
    table.add_column(t("creport.col.count"), justify="right", no_wrap=True)
    table.add_column(t("creport.col.who"), justify="right", no_wrap=True)
    for row in data["taboo"]:
        kind = taboo_label(row["kind"]) if row["kind"] else t("play.tagged")
        table.add_row(plain(row["phrase"], "red"), kind, str(row["count"]), str(row["trainees"]))
    return table


def distribution(data: dict) -> Table:
    top = max((b["count"] for b in data["distribution"]), default=0) or 1
    grid = Table(title=t("creport.distribution"), title_justify="left", box=None, expand=False, padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    for b in data["distribution"]:
        width = round(b["count"] / top * BAR)
        grid.add_row(f"{b['from']}–{b['to']}", Text("█" * width, style=total_style(b["from"] + 5)), str(b["count"]))
    return grid


def scenario_table(data: dict) -> Table:
    table = Table(title=t("creport.scenarios"), title_justify="left", expand=False)
    table.add_column(t("list.col.title"), overflow="fold")
    table.add_column(t("board.col.sessions"), justify="right", no_wrap=True)
    table.add_column(t("class.col.trainees"), justify="right", no_wrap=True)
    table.add_column(t("board.col.mean"), justify="right", no_wrap=True)
    table.add_column(t("creport.col.outcomes"), overflow="fold")
    table.add_column(t("creport.col.weak_step"), overflow="fold")
    for row in data["scenarios"]:
        outcomes = " ".join(f"{t('outcome.' + k)} {n}" for k, n in sorted(row["outcomes"].items()))
        weak = min(row["steps"].items(), key=lambda kv: kv[1], default=None)
        weak_text = Text(f"{step_label(weak[0])} {number(weak[1])}", style=points_style(weak[1])) if weak else Text("")
        table.add_row(plain(row["title"] or row["scenario"]), str(row["sessions"]), str(row["trainees"]),
                      Text(number(row["mean"]), style=total_style(row["mean"])), outcomes, weak_text)
    return table


def hotseat_table(data: dict) -> Table:
    table = Table(title=t("creport.hotseat"), title_justify="left", expand=False)
    table.add_column(t("creport.col.round"), no_wrap=True)
    table.add_column(t("list.col.title"), overflow="fold")
    table.add_column(t("creport.col.team"), justify="right", no_wrap=True)
    table.add_column(t("creport.col.members"), overflow="fold")
    for r in data["hotseat"]:
        kind = t("hotseat.kind." + r["seat"])
        team = (Text(f"{number(r['total'])} {grade_word(r['grade'])}", style=GRADE_STYLE.get(r["grade"], ""))
                if r["status"] == "finished" else Text(t("outcome.interrupted"), style="dim"))
        members = Text(t("list.sep")).join(Text.assemble(plain(m["trainee"]), f" {number(m['points'])}") for m in r["trainees"])
        table.add_row(f"{when(r['started'])} {kind}", plain(r["title"] or r["scenario"]), team, members)
    return table
