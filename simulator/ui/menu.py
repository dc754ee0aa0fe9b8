"""The questionary menu that sets up a practice session."""

from __future__ import annotations

from simulator.errors import SimulatorError
from simulator.messages import t
from simulator.model import DISC_TYPES, Scenario
from simulator.ui.text import clean


def ask_setup(scenarios: list[Scenario]) -> tuple[Scenario, str, bool]:
    """Ask filter, scenario, mode and feedback; KeyboardInterrupt propagates."""
    import questionary
    from questionary import Choice

    if not scenarios:
        raise SimulatorError("error.no_scenarios")

    def select(message: str, choices: list):
        return questionary.select(message, choices=choices, instruction=t("menu.arrows")).unsafe_ask()

    how = select(t("menu.filter"), [
        Choice(t("menu.filter.all"), "all"),
        Choice(t("menu.filter.disc"), "disc"),
        Choice(t("menu.filter.difficulty"), "difficulty"),
        Choice(t("menu.filter.tag"), "tag"),
    ])
    pool = scenarios
    if how == "disc":
        types = [d for d in DISC_TYPES if any(s.citizen.type == d for s in scenarios)]
        want = select(t("menu.pick_disc"), [Choice(t("disc." + d), d) for d in types])
        pool = [s for s in scenarios if s.citizen.type == want]
    elif how == "difficulty":
        levels = sorted({s.difficulty for s in scenarios})
        want = select(t("menu.pick_difficulty"), [Choice(t("menu.difficulty_n", n="★" * n), n) for n in levels])
        pool = [s for s in scenarios if s.difficulty == want]
    elif how == "tag":
        tags = sorted({tag for s in scenarios for tag in s.tags})
        want = select(t("menu.pick_tag"), [Choice(clean(tag), tag) for tag in tags])
        pool = [s for s in scenarios if want in s.tags]
    scenario = select(t("menu.scenario"), [
        # type and name first: a narrow terminal cuts the end of the line
        Choice(f"{s.citizen.type} {clean(s.citizen.name)} {'★' * s.difficulty} · {clean(s.title)}", s)
        for s in pool
    ])
    mode = select(t("menu.mode"), [
        Choice(t("menu.mode.choice"), "choice"),
        Choice(t("menu.mode.free"), "free"),
    ])
    coach = select(t("menu.feedback"), [
        Choice(t("menu.coach"), True),
        Choice(t("menu.exam"), False),
    ])
    return scenario, mode, coach


def ask_class(codes: list[str]) -> str | None:
    """The class code read out by the trainer; Enter alone practises outside any class."""
    import questionary

    def valid(text: str) -> bool | str:
        code = text.strip().upper()
        return not code or code in codes or t("menu.class_unknown", code=clean(code))

    answer = questionary.text(t("menu.class_code"), validate=valid, instruction=t("menu.class_skip")).unsafe_ask()
    return answer.strip().upper() or None


def ask_trainee(default: str) -> str:
    import questionary

    def valid(text: str) -> bool | str:
        return bool(text.strip()) or t("menu.trainee_empty")

    return questionary.text(t("menu.trainee"), default=default, validate=valid).unsafe_ask().strip()
