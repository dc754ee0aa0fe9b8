"""Names for step ids and grades, shared by the class board, the report and the history."""

from __future__ import annotations

from functools import lru_cache

from simulator.messages import get_lang, pick, t

GRADE_STYLE = {"excellent": "bold green", "good": "bold cyan", "pass": "bold yellow", "poor": "bold red"}


@lru_cache(maxsize=8)
def _labels(lang: str) -> dict[str, str]:
    from simulator.errors import SimulatorError
    from simulator.scoring.rubric import available_methods, load_method

    out: dict[str, str] = {}
    for name in ["five-step", *available_methods(())]:
        try:
            method = load_method(name)
        except SimulatorError:
            continue
        for group in method.steps:
            out.setdefault(group.id, pick(group.name) or group.id)
        for group in method.taboo:
            out.setdefault("taboo:" + group.id, pick(group.name) or group.id)
    return out


def step_label(step: str) -> str:
    return _labels(get_lang()).get(step, step)


def taboo_label(kind: str | None) -> str:
    return _labels(get_lang()).get("taboo:" + kind, kind) if kind else ""


def grade_word(grade: str | None) -> str:
    return t("grade." + grade) if grade else "—"


def grade_short(grade: str | None) -> str:
    return t("grade.short." + grade) if grade else "·"


def points_style(points: float | None) -> str:
    if points is None:
        return "dim"
    return "green" if points >= 80 else "yellow" if points >= 50 else "red"


def total_style(total: float | None) -> str:
    if total is None:
        return "dim"
    return "green" if total >= 85 else "cyan" if total >= 70 else "yellow" if total >= 55 else "red"


def number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "—"
    return f"{value:.{digits}f}"


def when(ts: float | None) -> str:
    import time

    return time.strftime("%m-%d %H:%M", time.localtime(ts)) if ts else "—"


def step_header(step: str, narrow: bool = False) -> str:
    """A column heading: 接待受理 stands as two lines of two, `follow up` as two words, so five steps fit."""
    label = step_label(step)
    if len(label) == 4 and all("\u4e00" <= ch <= "\u9fff" for ch in label):
        return label[:2] + "\n" + label[2:]
    if narrow:
        return label[:4]
    return label.replace(" ", "\n")


def header_width(header: str) -> int:
    from rich.cells import cell_len

    return max(3, *(cell_len(line) for line in header.split("\n")))
