"""The host: drives a Session from prompts or a script and renders what happens."""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console
from rich.text import Text

from simulator.engine import Session, Turn
from simulator.errors import ScriptError
from simulator.messages import t
from simulator.scoring.card import ScoreCard, score_session
from simulator.ui import render
from simulator.ui.text import clean


class ScriptSource:
    """Replies from a script: one a line, `#N` for choice N; blank lines are skipped."""

    interactive = False
    who: str | None = None

    def __init__(self, lines: Iterator[str]):
        self._lines = (line.rstrip("\r\n") for line in lines)

    def next_reply(self, session: Session) -> str:
        for line in self._lines:
            if line.strip():
                return line.strip()
        raise ScriptError("error.script_ended", turn=session.turn_number, node=session.state.node)


class PromptSource:
    """Replies from the trainee at a terminal, through questionary."""

    interactive = True

    def __init__(self, console: Console | None = None):
        self.console = console
        self.who: str | None = None  # in a hot-seat round, whose answer the prompt asks for

    def next_reply(self, session: Session) -> str:
        import questionary

        if session.mode == "choice":
            # the select list cuts long lines at the terminal's edge: show every option in full first
            if self.console is not None:
                self.console.print(render.choice_list(session.choices))
            choices = [questionary.Choice(title=clean(text), value=f"#{i}") for i, text in enumerate(session.choices, 1)]
            return questionary.select(self._ask(t("play.choose")), choices=choices, use_shortcuts=len(choices) <= 9,
                                      instruction=t("play.choose_keys")).unsafe_ask()
        while True:
            text = questionary.text(self._ask(t("play.type"))).unsafe_ask()
            if text and text.strip():
                return text
            node = session.node
            hint = node.hint or render.step_names(session.method, node.expect)
            print(t("play.hint", hint=clean(hint)))


    def _ask(self, question: str) -> str:
        return f"{clean(self.who)} · {question}" if self.who else question


def apply_reply(session: Session, reply: str) -> Turn:
    """`#N` picks choice N; anything else is typed text for the rubric."""
    if reply.startswith("#") and reply[1:].strip().isdigit():
        return session.choose(int(reply[1:].strip()) - 1)
    return session.reply(reply)


def play(session: Session, source, console: Console | None, coach: bool, on_turn=None) -> ScoreCard:
    """Play to an ending; KeyboardInterrupt and EOFError propagate after marking the session interrupted.

    `on_turn(session)` runs after every reply (the recorder's checkpoint).
    """
    scenario = session.scenario
    show = console.print if console is not None else (lambda *a, **k: None)
    show(render.intro(scenario, session.mode))
    if session.state.turns:  # a resumed session: what was said so far, then the same turn again
        show(render.transcript(scenario, session.method, session.state.turns, None))
        show(Text(t("resume.continuing", n=session.turn_number), style="bold cyan"))
    try:
        while not session.finished:
            node = session.node
            show(render.citizen_says(scenario, node.say, session.state.mood, session.turn_number))
            reply = source.next_reply(session)
            turn = apply_reply(session, reply)
            if on_turn is not None:
                on_turn(session)
            if not source.interactive:
                show(render.you_said(turn.reply))
            if coach:
                show(render.coach(turn, session.method, scenario.citizen.type, node.hint))
    except (KeyboardInterrupt, EOFError, ScriptError):
        session.interrupt()
        raise
    ending = session.node
    show(render.citizen_says(scenario, ending.say, session.state.mood, session.turn_number))
    card = score_session(session.state, session.method, scenario.citizen.type)
    show(render.report(scenario, session.method, card, session.state.turns))
    show(render.transcript(scenario, session.method, session.state.turns, ending.say))
    show(render.tips(card, session.method))
    return card
