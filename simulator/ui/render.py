"""Rich renderables for play: the citizen, their lines, coach feedback and the final report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from simulator.messages import pick, t
from simulator.ui.text import clean, plain

if TYPE_CHECKING:  # `govsim list` draws a badge from here, and needs neither the engine nor the scorer
    from simulator.engine import Turn
    from simulator.model import Scenario
    from simulator.scoring.card import ScoreCard, Tip
    from simulator.scoring.rubric import Method

DISC_STYLE = {"D": "bold red", "I": "bold yellow", "S": "bold green", "C": "bold blue"}
GRADE_STYLE = {"excellent": "bold green", "good": "bold cyan", "pass": "bold yellow", "poor": "bold red"}
OUTCOME_STYLE = {"resolved": "green", "partial": "yellow", "escalated": "red", "interrupted": "dim"}


def step_name(method: Method, step: str) -> str:
    try:
        return pick(method.step(step).name) or step
    except StopIteration:
        return step


def step_names(method: Method, steps) -> str:
    return t("list.sep").join(step_name(method, s) for s in steps) if steps else t("score.none")


def mood_word(mood: int) -> str:
    if mood < 30:
        return t("play.mood.calm")
    if mood < 60:
        return t("play.mood.uneasy")
    if mood < 85:
        return t("play.mood.angry")
    return t("play.mood.furious")


def mood_bar(mood: int, width: int = 10) -> Text:
    filled = round(mood / 100 * width)
    style = "green" if mood < 30 else "yellow" if mood < 60 else "red"
    return Text.assemble(
        (t("play.mood") + " ", "bold"),
        ("█" * filled, style),
        ("░" * (width - filled), "dim"),
        f" {mood} ",
        (mood_word(mood), style),
    )


def disc_badge(ctype: str) -> Text:
    return Text(f" {t('disc.' + ctype)} ", style=f"reverse {DISC_STYLE.get(ctype, '')}")


def citizen_header(scenario: Scenario, mood: int) -> RenderableType:
    c = scenario.citizen
    line = Text.assemble(plain(c.name, "bold"), " ", disc_badge(c.type), " ",
                         plain(t("complaint." + c.complaint), "dim"), "  ", mood_bar(mood))
    return line


def intro(scenario: Scenario, mode: str) -> RenderableType:
    body = [plain(scenario.summary)] if scenario.summary else []
    if scenario.citizen.background:
        body.append(Text(t("play.background", text=clean(scenario.citizen.background)), style="dim"))
    title = Text(t("play.start", title=clean(scenario.title)) + f" · {t('play.mode.' + mode)}", style="bold")
    return Panel(Group(*body) if body else Text(""), title=title, title_align="left", border_style="cyan")


def citizen_says(scenario: Scenario, text: str, mood: int, turn: int) -> RenderableType:
    title = Text.assemble(plain(scenario.citizen.name, "bold"), " ", disc_badge(scenario.citizen.type), " · ",
                          t("play.turn", n=turn))
    return Panel(plain(text), title=title, title_align="left", subtitle=mood_bar(mood), subtitle_align="right",
                 border_style=DISC_STYLE.get(scenario.citizen.type, "white").replace("bold ", ""))


def choice_list(choices: list[str]) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="bold cyan")
    grid.add_column(overflow="fold")
    for i, text in enumerate(choices, 1):
        grid.add_row(f"{i})", plain(text))
    return grid


def you_said(text: str) -> RenderableType:
    return Text.assemble((t("play.speaker", name=t("play.you")), "bold cyan"), plain(text))


def coach(turn: Turn, method: Method, citizen_type: str, hint: str = "") -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")

    def row(icon: str, text: str, style: str = "") -> None:
        grid.add_row(Text(icon, style=style), plain(text, style))

    if turn.taboo:
        kinds = t("list.sep").join(_taboo_name(method, k) for k in turn.taboo_kinds)
        row("✗", t("play.taboo", kinds=kinds) if kinds else t("play.taboo_plain"), "bold red")
    if turn.steps:
        row("✓", t("play.performed", steps=step_names(method, turn.steps)), "green")
    elif not turn.taboo:
        row("·", t("play.performed_none"), "yellow")
    quotes = _evidence_quotes(turn, method)
    if quotes:
        row("", t("play.evidence", items=quotes), "dim")
    if turn.expected:
        missed = [s for s in turn.expected if s not in turn.steps]
        voided = [s for s in turn.expected if s in turn.steps and turn.taboo]  # done, but the taboo cancels it
        row("→", t("play.expected", steps=step_names(method, turn.expected)))
        if missed:
            row("", t("play.missed", steps=step_names(method, missed)), "yellow")
        if voided:
            row("", t("play.voided", steps=step_names(method, voided)), "yellow")
        if hint and (missed or voided):
            row("", t("play.hint", hint=hint), "cyan")
    for step in turn.order_faults:
        order = method.step_ids
        missing = [s for s in order[: order.index(step)] if s not in turn.steps]
        row("↯", t("play.order_fault", step=step_name(method, step), missing=step_names(method, missing)), "yellow")
    if turn.disc_fit is not None:
        advice = t("disc." + citizen_type + ".advice")
        row("◆", t("play.disc_fit_advice", type=t("disc." + citizen_type), fit=f"{turn.disc_fit:.2f}", advice=advice))
    if turn.feedback:
        row("✎", t("play.scenario_note", text=turn.feedback), "magenta")
    return Panel(grid, title=Text(t("play.coach_title"), style="bold magenta"), title_align="left",
                 border_style="magenta")


def report(scenario: Scenario, method: Method, card: ScoreCard, turns: list[Turn]) -> RenderableType:
    grade = Text(t("report.total", total=card.total, grade=t("grade." + card.grade)),
                 style=GRADE_STYLE[card.grade])
    bars = Table.grid(padding=(0, 1))
    bars.add_column(no_wrap=True)
    bars.add_column(no_wrap=True)
    bars.add_column(justify="right", no_wrap=True)
    for step, points in card.steps.items():
        filled = round(points / 10)
        style = "green" if points >= 80 else "yellow" if points >= 50 else "red"
        bars.add_row(step_name(method, step), Text("█" * filled + "░" * (10 - filled), style=style), str(points))
    facts = Table.grid(padding=(0, 2))
    facts.add_column(no_wrap=True)
    facts.add_column(overflow="fold")
    facts.add_row(t("report.outcome"), Text(t("outcome." + card.outcome), style=OUTCOME_STYLE.get(card.outcome, "")))
    facts.add_row(t("report.order"), f"{card.order:.0%}")
    facts.add_row(t("report.disc"), f"{card.disc:.2f}")
    facts.add_row(t("report.taboo"), Text(str(card.taboo_count), style="red" if card.taboo_count else "green"))
    facts.add_row(t("report.mood"), mood_bar(card.final_mood))
    parts: list[RenderableType] = [grade, Text(""), Text(t("report.steps"), style="bold"), bars, Text(""), facts]
    title = Text(t("report.title", title=clean(scenario.title)), style="bold")
    return Panel(Group(*parts), title=title, title_align="left", border_style=GRADE_STYLE[card.grade])


def tips(card: ScoreCard, method: Method) -> RenderableType:
    body: RenderableType = Text(t("report.no_tips"), style="green")
    if card.tips:
        body = Table.grid(padding=(0, 1))
        body.add_column(no_wrap=True)
        body.add_column(overflow="fold")
        for i, tip in enumerate(card.tips, 1):
            body.add_row(f"{i}.", plain(tip_text(tip, method)))
    return Panel(body, title=Text(t("report.tips"), style="bold"), title_align="left", border_style="cyan")


def transcript(scenario: Scenario, method: Method, turns: list[Turn], ending: str | None) -> RenderableType:
    table = Table(title=t("report.transcript"), show_lines=True, expand=True)
    table.add_column(t("report.col.turn"), justify="right", no_wrap=True)
    table.add_column(t("report.col.text"), ratio=4, overflow="fold")
    table.add_column(t("report.col.steps"), ratio=1, min_width=4, overflow="fold")
    table.add_column(t("report.col.fit"), justify="right", no_wrap=True)
    table.add_column(t("report.col.mood"), justify="right", no_wrap=True)
    for i, turn in enumerate(turns, 1):
        said = Text.assemble(plain(t("play.speaker", name=scenario.citizen.name), "bold"), plain(turn.say), "\n",
                             (t("play.speaker", name=t("play.you")), "bold cyan"), plain(turn.reply))
        steps = Text(t("report.taboo_mark"), style="bold red") if turn.taboo else Text(step_names(method, turn.steps))
        fit = "" if turn.disc_fit is None else f"{turn.disc_fit:.2f}"
        table.add_row(str(i), said, steps, fit, str(turn.mood))
    if ending:
        table.add_row("", Text.assemble(plain(t("play.speaker", name=scenario.citizen.name), "bold"), plain(ending)), "", "", "")
    return table


def tip_text(tip: Tip, method: Method) -> str:
    if tip.kind == "step" and tip.step:
        group = method.step(tip.step)
        return pick(group.tip) or group.course
    if tip.kind == "disc" and tip.step:
        return t("tip.disc", type=t("disc." + tip.step), advice=t("disc." + tip.step + ".advice"))
    return t("tip." + tip.kind)


def _taboo_name(method: Method, kind: str) -> str:
    for group in method.taboo:
        if group.id == kind:
            return pick(group.name) or kind
    return kind


_CLAUSE_END = set("，。！？；：、,.!?;:~…\n")
_SHORT_CLAUSE = 12  # characters: a clause this short is quoted whole


def _in_words(reply: str, text: str) -> str:
    """The words a cue matched, as the trainee reads them: their whole clause when it is short.

    A cue may match from the middle of a word (同带了吗 in 您租房合同带了吗); the clause reads better.
    """
    at = reply.find(text)
    if at < 0:
        return text
    start, end = at, at + len(text)
    while start > 0 and reply[start - 1] not in _CLAUSE_END:
        start -= 1
    while end < len(reply) and reply[end] not in _CLAUSE_END:
        end += 1
    clause = reply[start:end].strip()
    return clause if len(clause) <= _SHORT_CLAUSE else text


def _evidence_quotes(turn: Turn, method: Method) -> str:
    if turn.source == "scenario":
        return t("play.tagged") if turn.steps or turn.taboo else ""
    seen = []
    for e in turn.evidence:
        if e["kind"] == "disc" or not e["text"]:
            continue
        label = step_name(method, e["label"]) if e["kind"] == "step" else _taboo_name(method, e["label"])
        item = t("play.quote", text=clean(_in_words(turn.reply, e["text"])), label=label)
        if item not in seen:
            seen.append(item)
    return t("list.sep2").join(seen[:6])
