"""The host for a hot-seat round on one projector: whose turn it is, the panel's answers, the team board."""

from __future__ import annotations

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from simulator.hotseat import Answer, HotSeat
from simulator.messages import t
from simulator.scoring.card import ScoreCard, score_session
from simulator.ui import render
from simulator.ui.play import apply_reply
from simulator.ui.steps import number, points_style
from simulator.ui.text import plain


def run_round(hs: HotSeat, source, console: Console | None, coach: bool) -> ScoreCard:
    """Play the round to an ending; an interruption propagates after marking the session interrupted."""
    session = hs.session
    scenario = session.scenario
    show = console.print if console is not None else (lambda *a, **k: None)
    show(render.intro(scenario, session.mode))
    show(Text.assemble((t("hotseat.team", kind=t("hotseat.kind." + ("panel" if hs.panel else "hotseat"))) + " ", "bold"),
                       plain(t("list.sep").join(hs.trainees), "bold cyan")))
    try:
        while not session.finished:
            show(render.citizen_says(scenario, session.node.say, session.state.mood, session.turn_number))
            if hs.panel:
                answers, replies = [], []
                for who in hs.trainees:
                    show(Text.assemble(("▶ ", "bold cyan"), plain(who, "bold cyan"), " " + t("hotseat.answers")))
                    source.who = who
                    reply = source.next_reply(session)
                    answers.append(hs.try_answer(who, reply, apply_reply))
                    replies.append(reply)
                best = hs.commit(answers, replies, apply_reply)
                show(panel_table(answers, session.method))
                show(Text.assemble(("★ ", "bold green"), t("hotseat.carried") + " ", plain(best.trainee, "bold")))
            else:
                who = hs.whose_turn()
                show(Text.assemble(("▶ ", "bold cyan"), t("hotseat.your_turn") + " ", plain(who, "bold cyan")))
                source.who = who
                reply = source.next_reply(session)
                answer = hs.answer(who, reply, apply_reply)
                if not source.interactive:
                    show(Text.assemble(plain(t("play.speaker", name=who), "bold cyan"), plain(answer.turn.reply)))
                if coach:
                    show(render.coach(answer.turn, session.method, scenario.citizen.type))
                    show(Text(t("hotseat.points", points=answer.points), style=points_style(answer.points)))
    except BaseException:
        session.interrupt()
        raise
    show(render.citizen_says(scenario, session.node.say, session.state.mood, session.turn_number))
    card = score_session(session.state, session.method, scenario.citizen.type)
    show(render.report(scenario, session.method, card, session.state.turns))
    show(team_board(hs))
    return card


def panel_table(answers: list[Answer], method) -> RenderableType:
    table = Table(title=t("hotseat.panel_title", n=answers[0].n if answers else 0), title_justify="left", expand=True)
    table.add_column("", no_wrap=True)
    table.add_column(t("board.col.trainee"), no_wrap=True)
    table.add_column(t("report.col.text"), ratio=3, overflow="fold")
    table.add_column(t("report.col.steps"), ratio=1, overflow="fold")
    table.add_column(t("report.col.fit"), justify="right", no_wrap=True)
    table.add_column(t("hotseat.col.points"), justify="right", no_wrap=True)
    for a in answers:
        turn = a.turn
        steps = Text(t("report.taboo_mark"), style="bold red") if turn.taboo else Text(render.step_names(method, turn.steps))
        table.add_row(Text("★", style="bold green") if a.picked else Text(""), plain(a.trainee, "bold"),
                      plain(turn.reply), steps, number(turn.disc_fit, 2),
                      Text(str(a.points), style=points_style(a.points)))
    return table


def team_board(hs: HotSeat) -> RenderableType:
    method = hs.session.method
    table = Table(title=t("hotseat.board_title"), title_justify="left")
    table.add_column(t("board.col.trainee"), no_wrap=True)
    table.add_column(t("hotseat.col.turns"), justify="right", no_wrap=True)
    if hs.panel:
        table.add_column(t("hotseat.col.picked"), justify="right", no_wrap=True)
    table.add_column(t("report.col.steps"), overflow="fold")
    table.add_column(t("creport.col.taboo"), justify="right", no_wrap=True)
    table.add_column(t("creport.col.disc"), justify="right", no_wrap=True)
    table.add_column(t("hotseat.col.points"), justify="right", no_wrap=True)
    for row in hs.board():
        cells = [plain(row["trainee"], "bold"), str(row["turns"])]
        if hs.panel:
            cells.append(str(row["picked"]))
        cells += [Text(render.step_names(method, row["steps"])),
                  Text(str(row["taboo"]), style="red" if row["taboo"] else "green"), number(row["disc"], 2),
                  Text(str(row["points"]), style=points_style(row["points"]))]
        table.add_row(*cells)
    table.caption = t("hotseat.points_note")
    return table
