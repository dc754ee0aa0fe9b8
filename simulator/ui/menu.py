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
    how = questionary.select(t("menu.filter"), choices=[
        Choice(t("menu.filter.all"), "all"),
        Choice(t("menu.filter.disc"), "disc"),
        Choice(t("menu.filter.difficulty"), "difficulty"),
        Choice(t("menu.filter.tag"), "tag"),
    ]).unsafe_ask()
    pool = scenarios
    if how == "disc":
        types = [d for d in DISC_TYPES if any(s.citizen.type == d for s in scenarios)]
        want = questionary.select(t("menu.pick_disc"), choices=[Choice(t("disc." + d), d) for d in types]).unsafe_ask()
        pool = [s for s in scenarios if s.citizen.type == want]
    elif how == "difficulty":
        levels = sorted({s.difficulty for s in scenarios})
        want = questionary.select(t("menu.pick_difficulty"),
                                  choices=[Choice(t("menu.difficulty_n", n="★" * n), n) for n in levels]).unsafe_ask()
        pool = [s for s in scenarios if s.difficulty == want]
    elif how == "tag":
        tags = sorted({tag for s in scenarios for tag in s.tags})
        want = questionary.select(t("menu.pick_tag"), choices=[Choice(clean(tag), tag) for tag in tags]).unsafe_ask()
        pool = [s for s in scenarios if want in s.tags]
    scenario = questionary.select(t("menu.scenario"), choices=[
        Choice(f"{clean(s.title)}  ·  {clean(s.citizen.name)} {t('disc.' + s.citizen.type)}  {'★' * s.difficulty}", s)
        for s in pool
    ]).unsafe_ask()
    mode = questionary.select(t("menu.mode"), choices=[
        Choice(t("menu.mode.choice"), "choice"),
        Choice(t("menu.mode.free"), "free"),
    ]).unsafe_ask()
    coach = questionary.select(t("menu.feedback"), choices=[
        Choice(t("menu.coach"), True),
        Choice(t("menu.exam"), False),
    ]).unsafe_ask()
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
