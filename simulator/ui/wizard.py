"""The questionary wizard behind `govsim new`: asks only what the flags left open."""

from __future__ import annotations

from simulator.messages import pick, t
from simulator.model import COMPLAINTS, DISC_TYPES
from simulator.skeleton import default_title, valid_id

# the title comes late so that its suggestion can follow the area and the kind of complaint
ORDER = ("area", "citizen", "type", "complaint", "difficulty", "method", "title", "id")


def ask_answers(known: dict, missing: list[str], defaults: dict, methods: list) -> dict:
    """Ask each missing field in a natural order; KeyboardInterrupt propagates."""
    import questionary
    from questionary import Choice

    out = dict(known)
    for field in (f for f in ORDER if f in missing):
        if field == "area":
            out["area"] = _text(questionary, "new.q.area", defaults["area"])
        elif field == "title":
            suggestion = default_title(out.get("area") or defaults["area"], out.get("complaint") or "reasonable")
            out["title"] = _text(questionary, "new.q.title", suggestion)
        elif field == "citizen":
            out["citizen"] = _text(questionary, "new.q.citizen", defaults["citizen"])
        elif field == "type":
            out["type"] = _select(questionary, "new.q.type", [
                Choice(f"{t('disc.' + d)} — {t('disc.' + d + '.advice')}", d) for d in DISC_TYPES
            ])
        elif field == "complaint":
            out["complaint"] = _select(questionary, "new.q.complaint", [
                Choice(t(f"new.complaint.{c}"), c) for c in COMPLAINTS
            ])
        elif field == "difficulty":
            levels = [Choice(t("new.difficulty_n", n=n, stars="★" * n), n) for n in range(1, 6)]
            out["difficulty"] = _select(questionary, "new.q.difficulty", levels, default=levels[1])
        elif field == "method":
            out["method"] = _select(questionary, "new.q.method", [
                Choice((pick(m.name) or m.id) + t("ui.paren", text=m.id), m.id) for m in methods
            ])
        elif field == "id":
            out["id"] = questionary.text(
                t("new.q.id"), default=defaults["id"],
                validate=lambda v: True if valid_id(v.strip()) else t("new.bad_id", value=v),
            ).unsafe_ask().strip()
    return out


def _text(questionary, key: str, default: str) -> str:
    answer = questionary.text(t(key), default=default,
                              validate=lambda v: True if v.strip() else t("new.empty")).unsafe_ask()
    return answer.strip()


def _select(questionary, key: str, choices: list, default=None):
    return questionary.select(t(key), choices=choices, default=default, use_shortcuts=len(choices) <= 9,
                              instruction=t("play.choose_keys")).unsafe_ask()
