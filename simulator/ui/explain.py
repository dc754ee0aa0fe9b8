"""`govsim score`: what the rubric found in one reply, and why."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from simulator.messages import pick, t
from simulator.scoring.reply import ReplyScore
from simulator.scoring.rubric import Method
from simulator.ui.render import step_names
from simulator.ui.text import plain


def explanation(text: str, result: ReplyScore, method: Method, citizen: str | None, detailed: bool) -> RenderableType:
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold", no_wrap=True)
    head.add_column(overflow="fold")
    head.add_row(t("help.text"), plain(text))
    head.add_row(t("score.steps"), Text(step_names(method, result.steps)))
    taboo = t("score.yes") + "（" + "、".join(_label(method, "taboo", k) for k in result.taboo_kinds) + "）"
    head.add_row(t("score.taboo"), Text(taboo if result.taboo else t("score.no"), style="red" if result.taboo else "green"))
    if citizen:
        head.add_row(t("score.fit"), Text(f"{t('disc.' + citizen)}  {result.disc_fit:.2f}"))
    parts: list[RenderableType] = [head]
    shown = result.evidence if detailed else [e for e in result.evidence if e.kind != "disc"]
    if shown:
        parts.append(_table(t("score.evidence"), shown, method, with_weight=detailed))
    if detailed and result.rejected:
        parts.append(_table(t("score.rejected"), result.rejected, method, rejected=True))
    if detailed:
        missing = [s for s in method.step_ids if s not in result.steps]
        for step in missing:
            group = method.step(step)
            parts.append(Text(f"· {pick(group.name)}：{t('explain.no_cue')}", style="dim"))
    return Group(*parts)


def _table(title: str, items, method: Method, with_weight: bool = False, rejected: bool = False) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(t("score.col.kind"), no_wrap=True)
    table.add_column(t("score.col.label"), no_wrap=True)
    table.add_column(t("score.col.match"), overflow="fold")
    table.add_column(t("score.col.why"), overflow="fold")
    for e in items:
        why = e.note
        if rejected:
            why = f"{e.note} — {t('explain.rejected.' + e.rejected)}"
        elif with_weight and e.kind == "disc":
            why = f"{e.note} ({e.weight:+.2f})"
        table.add_row(t("explain.kind." + e.kind), _label(method, e.kind, e.label), plain(e.text), plain(why))
    return table


def _label(method: Method, kind: str, label: str) -> str:
    if kind == "step":
        return step_names(method, [label])
    if kind == "taboo":
        for group in method.taboo:
            if group.id == label:
                return pick(group.name) or label
    if kind == "disc":
        return t("disc." + label)
    return label
