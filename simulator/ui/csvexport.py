"""The class report's trainee table as CSV: UTF-8 with a BOM, so Excel shows the Chinese."""

from __future__ import annotations

import csv
from pathlib import Path

from simulator.messages import t
from simulator.ui.steps import grade_word, step_label


def write_csv(data: dict, path: str | Path) -> None:
    steps = data["steps"]
    head = [t("board.col.trainee"), t("board.col.sessions"), t("creport.col.interrupted"), t("board.col.mean"),
            t("board.col.best"), t("creport.col.latest"), *[step_label(s) for s in steps], t("creport.col.taboo"),
            t("creport.col.disc"), t("creport.col.turns")]
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(head)
        for r in data["trainees"]:
            out.writerow([_safe(r["trainee"]), r["sessions"], r["interrupted"], _v(r["mean"]), _v(r["best"]),
                          grade_word(r["latest_grade"]) if r["latest_grade"] else "",
                          *[_v(r["steps"].get(s)) for s in steps], r["taboo"], _v(r["disc"]), r["turns"]])


def _v(value) -> str:
    return "" if value is None else str(value)


def _safe(text: str) -> str:
    """A name starting with = + - @ would run as a formula in a spreadsheet: quote it."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
