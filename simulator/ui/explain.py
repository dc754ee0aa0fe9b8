"""`govsim score`: what the rubric found in one reply, and why.

Plain `govsim score TEXT` shows the judgement and the words behind it. With `--explain` it also
shows, for every step, taboo kind and style feature, the rule (phrase or pattern) that matched,
every match that did not count and why (a negation before it, an `unless` exception, a question
where a statement was needed, the same words taken by another step, a way forward that cancels
a taboo), the steps for which no phrase was found, and how the DISC fit adds up.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from simulator.messages import pick, t
from simulator.scoring.reply import MODEL_PATTERN, Evidence, ReplyScore
from simulator.scoring.rubric import Method
from simulator.ui.render import step_names
from simulator.ui.text import plain

_RULE_WIDTH = 36


def explanation(text: str, result: ReplyScore, method: Method, citizen: str | None, detailed: bool) -> RenderableType:
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold", no_wrap=True)
    head.add_column(overflow="fold")
    head.add_row(t("help.text"), plain(text))
    head.add_row(t("score.steps"), Text(step_names(method, result.steps)))
    taboo = t("score.yes") + t("ui.paren", text=t("list.sep").join(_label(method, "taboo", k) for k in result.taboo_kinds))
    head.add_row(t("score.taboo"), Text(taboo if result.taboo else t("score.no"), style="red" if result.taboo else "green"))
    if citizen and result.disc_fit is not None:
        head.add_row(t("score.fit"), Text(f"{t('disc.' + citizen)}  {result.disc_fit:.2f}"))
    parts: list[RenderableType] = [head]
    shown = result.evidence if detailed else [e for e in result.evidence if e.kind != "disc"]
    if shown:
        parts.append(_table(t("score.evidence"), shown, method, detailed=detailed))
    if detailed and citizen and result.disc_fit is not None:
        parts.append(Text(t("explain.disc.sum", formula=_disc_formula(method, citizen, result)), style="dim"))
    if detailed and result.rejected:
        parts.append(_table(t("score.rejected"), result.rejected, method, detailed=True, rejected=True))
    if detailed and result.model is not None:
        parts.extend(Text(line, style="dim") for line in _model_lines(method, result))
    if detailed:
        tried = {e.label for e in result.rejected if e.kind == "step"}
        for step in method.step_ids:
            if step in result.steps:
                continue
            why = t("explain.no_cue_rejected") if step in tried else t("explain.no_cue")
            parts.append(Text(f"· {pick(method.step(step).name)}：{why}", style="dim"))
    return Group(*parts)


def _table(title: str, items: list[Evidence], method: Method, detailed: bool, rejected: bool = False) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(t("score.col.kind"), no_wrap=True)
    table.add_column(t("score.col.label"), no_wrap=True)
    table.add_column(t("score.col.match"), overflow="fold")
    table.add_column(t("score.col.why"), overflow="fold")
    if detailed:
        table.add_column(t("explain.col.cue"), overflow="fold", style="dim")
    for e in items:
        why = e.note
        if rejected:
            why = f"{e.note} — {_reason(method, e)}"
        elif detailed and e.kind == "disc":
            why = f"{e.note} ({e.weight:+.2f})"
        row = [t("explain.kind." + e.kind), _label(method, e.kind, e.label), plain(e.text), plain(why)]
        if detailed:
            row.append(plain(t("explain.model.rule") if e.pattern == MODEL_PATTERN else _short(e.pattern)))
        table.add_row(*row)
    return table


def _model_lines(method: Method, result: ReplyScore) -> list[str]:
    """What the n-gram model said, and what the scorer took from it."""
    m = result.model
    lines = []
    if m.threshold is not None:
        args = {"p": f"{m.probability:.2f}", "threshold": f"{m.threshold:.2f}"}
        if m.why == "dismissed":
            lines.append(t("explain.model.dismissed", **args, dismiss=f"{m.dismiss:.2f}"))
        elif m.used:
            lines.append(t("explain.model.used", label=_label(method, "taboo", m.label), text=m.quote, **args))
            if m.detail:
                lines.append(t("explain.model.overruled", step=_label(method, "step", m.detail),
                               overrule=f"{method.ngram['taboo']['overrule']:.2f}"))
        elif m.why == "steps":
            lines.append(t("explain.model.steps", label=_label(method, "step", m.detail), **args))
        else:
            lines.append(t("explain.model." + m.why, **args))
    if m.keep is not None:
        probs = t("list.sep").join(t("explain.model.prob", label=_label(method, "step", s), p=f"{p:.2f}")
                                   for s, p in m.probabilities.items() if s != "taboo")
        keep = f"{m.keep:.2f}"
        if m.keep_for:
            steps = t("list.sep").join(t("explain.model.prob", label=_label(method, "step", s), p=f"{p:.2f}")
                                       for s, p in m.keep_for.items())
            keep = t("explain.model.keep_for", keep=keep, steps=steps)
        lines.append(t("explain.model.steps_all", probs=probs, keep=keep, add=f"{m.add:.2f}"))
    return lines


def _reason(method: Method, e: Evidence) -> str:
    """Why a match did not count, in the trainer's words."""
    if e.rejected == "yields" and e.detail:
        kind = "taboo" if e.detail == "taboo" or e.detail in {g.id for g in method.taboo} else "step"
        label = t("score.taboo") if e.detail == "taboo" else _label(method, kind, e.detail)
        return t("explain.rejected.yields", label=label)
    if e.rejected == "model":
        return t("explain.rejected.model_taboo" if e.kind == "taboo" else "explain.rejected.model", p=e.detail)
    if e.rejected == "unless_steps" and e.detail:
        return t("explain.rejected.unless_steps_named", label=_label(method, "step", e.detail))
    return t("explain.rejected." + e.rejected)


def _disc_formula(method: Method, citizen: str, result: ReplyScore) -> str:
    rule = method.disc.get(citizen)
    terms = [f"{t('explain.disc.base')} {rule.base:.2f}" if rule else ""]
    for e in result.evidence:
        if e.kind != "disc":
            continue
        name = {"length": t("explain.disc.length") + e.text, "taboo": t("explain.disc.cap")}.get(e.note, e.note)
        terms.append(f"{'+' if e.weight >= 0 else '−'} {name} {abs(e.weight):.2f}")
    return " ".join(x for x in terms if x) + f" = {result.disc_fit:.2f}"


def _short(pattern: str) -> str:
    return pattern if len(pattern) <= _RULE_WIDTH else pattern[: _RULE_WIDTH - 1] + "…"


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
