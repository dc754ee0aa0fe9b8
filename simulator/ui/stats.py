"""govsim stats as rich tables: the scenario's size, its paths and what each grade can reach."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from simulator.messages import t
from simulator.paths import PlayedPath
from simulator.stats import ScenarioStats
from simulator.ui.render import GRADE_STYLE, OUTCOME_STYLE
from simulator.ui.text import plain

_GRADE_ORDER = ("excellent", "good", "pass", "poor")


def stats_view(stats: ScenarioStats, outcome_of: dict[str, str]) -> RenderableType:
    """`outcome_of` maps an ending node id to its outcome, for colour."""
    facts = Table(title=Text(t("stats.title", title=stats.title), style="bold"), show_header=False,
                  expand=False, title_justify="left")
    facts.add_column(no_wrap=True, style="bold")
    facts.add_column(overflow="fold")
    ending_count = sum(len(v) for v in stats.endings.values())
    facts.add_row(t("stats.nodes"), t("stats.nodes_value", nodes=stats.nodes, decisions=stats.decisions,
                                      endings=ending_count))
    facts.add_row(t("stats.choices"), t("stats.choices_value", choices=stats.choices, routes=stats.routes))
    endings = Text()
    for outcome in ("resolved", "partial", "escalated"):
        for node_id in stats.endings.get(outcome, []):
            if endings:
                endings.append("  ")
            endings.append(node_id, style=OUTCOME_STYLE.get(outcome, ""))
            endings.append(t("ui.paren", text=t("outcome." + outcome)), style="dim")
    facts.add_row(t("stats.endings"), endings)
    paths = Text(t("stats.paths_value", count=stats.paths, visits=stats.max_visits))
    if stats.cut:
        paths.append(t("stats.paths_cut", cut=stats.cut), style="dim")
    if stats.truncated:
        paths.append("\n" + t("stats.paths_truncated", limit=stats.limit), style="bold yellow")
    if stats.stuck:
        paths.append("\n" + t("stats.paths_stuck", stuck=stats.stuck), style="bold red")
    facts.add_row(t("stats.paths"), paths)
    for key, played in (("shortest", stats.shortest), ("longest", stats.longest),
                        ("best", stats.best), ("worst", stats.worst)):
        facts.add_row(t("stats." + key), _played(played, outcome_of))

    grades = Table(title=Text(t("stats.grades_title"), style="bold"), title_justify="left")
    grades.add_column(t("stats.col.grade"), no_wrap=True)
    grades.add_column(t("stats.col.endings"), overflow="fold")
    for grade in _GRADE_ORDER:
        reach = stats.grades.get(grade, {})
        cell = Text()
        for node_id, count in sorted(reach.items(), key=lambda kv: -kv[1]):
            if cell:
                cell.append("  ")
            cell.append(node_id, style=OUTCOME_STYLE.get(outcome_of.get(node_id, ""), ""))
            cell.append(t("stats.path_count", count=count), style="dim")
        grades.add_row(Text(t("grade." + grade), style=GRADE_STYLE[grade]), cell or Text(t("score.none"), style="dim"))
    return Group(facts, Text(""), grades)


def _played(played: PlayedPath | None, outcome_of: dict[str, str]) -> RenderableType:
    if played is None:
        return Text(t("score.none"), style="dim")
    card = played.card
    out = Text()
    out.append(t("stats.turns", turns=played.path.turns))
    out.append(" · ")
    out.append(t("stats.total", total=card.total))
    out.append(" ")
    out.append(t("grade." + card.grade), style=GRADE_STYLE[card.grade])
    out.append(" → ")
    out.append(played.ending, style=OUTCOME_STYLE.get(outcome_of.get(played.ending, ""), ""))
    out.append("\n")
    out.append(plain(played.path.script(), "cyan"))
    return out
