"""A scenario's branching drawn three ways: a rich tree for the terminal, Mermaid and Graphviz DOT text."""

from __future__ import annotations

import re

from rich.text import Text
from rich.tree import Tree

from simulator.messages import t
from simulator.model import Condition, Node, Scenario
from simulator.scoring.rubric import Method
from simulator.ui.render import OUTCOME_STYLE, step_name
from simulator.ui.text import clean

STEP_STYLES = ("cyan", "blue", "magenta", "yellow", "green", "bright_cyan", "bright_magenta")
OUTCOME_FILL = {"resolved": "#d4edda", "partial": "#fff3cd", "escalated": "#f8d7da"}
EXCERPT = 14


def excerpt(text: str, size: int = EXCERPT) -> str:
    flat = re.sub(r"\s+", " ", clean(text)).strip()
    return flat if len(flat) <= size else flat[:size] + "…"


class _Labels:
    """Step names and colours for one scenario's method."""

    def __init__(self, method: Method):
        self.method = method
        self.style = {s: STEP_STYLES[i % len(STEP_STYLES)] for i, s in enumerate(method.step_ids)}

    def steps(self, steps) -> str:
        return t("list.sep").join(step_name(self.method, s) for s in steps)

    def steps_text(self, steps, taboo: bool = False) -> Text:
        out = Text()
        if taboo:
            out.append("✗" + t("graph.taboo"), style="bold red")
        for s in steps:
            if out:
                out.append(" ")
            out.append(step_name(self.method, s), style=self.style.get(s, ""))
        return out


# -- the terminal tree ---------------------------------------------------------------
def tree(scenario: Scenario, method: Method, routes: bool = False) -> Tree:
    """Pre-order, so the first time a node is drawn is where it is expanded; later visits say see above."""
    labels = _Labels(method)
    title = Text.assemble((clean(scenario.title), "bold"), (f"  ({scenario.id})", "dim"))
    root = Tree(title, guide_style="dim")
    start = scenario.nodes[scenario.start]
    seen = {start.id}
    # an explicit stack of (branch, outgoing edges, next index): deep scenarios must not hit the recursion limit
    stack = [(root.add(_node_label(start, labels)), _outgoing(start, labels, routes), 0)]
    while stack:
        branch, edges, index = stack.pop()
        if index >= len(edges):
            continue
        stack.append((branch, edges, index + 1))
        label, target_id = edges[index]
        target = scenario.nodes[target_id]
        child = branch.add(label + _target_label(target, labels, seen))
        if not target.is_end and target.id not in seen:
            seen.add(target.id)
            stack.append((child, _outgoing(target, labels, routes), 0))
    return root


def _outgoing(node: Node, labels: _Labels, routes: bool) -> list[tuple[Text, str]]:
    out = []
    for i, choice in enumerate(node.choices, 1):
        label = Text(f"#{i}", style="bold")
        steps = labels.steps_text(choice.steps, choice.taboo)
        if steps:
            label.append(" ")
            label.append(steps)
        label.append(f" 「{excerpt(choice.reply, 10)}」", style="dim")
        label.append(" → ")
        out.append((label, choice.next))
    if routes:
        for route in node.routes:
            out.append((Text.assemble(("〜 ", "dim"), (_condition(route.when, labels), "italic"), " → "), route.next))
    return out


def _node_label(node: Node, labels: _Labels) -> Text:
    out = Text(node.id, style="bold")
    if node.expect:
        out.append("  ")
        out.append(labels.steps_text(node.expect))
    return out


def _target_label(node: Node, labels: _Labels, seen: set[str]) -> Text:
    if node.is_end:
        outcome = node.end or ""
        return Text.assemble(("■ " + node.id, "bold " + OUTCOME_STYLE.get(outcome, "")),
                             (f" {t('outcome.' + outcome)}", OUTCOME_STYLE.get(outcome, "")))
    if node.id in seen:
        return Text("↺ " + node.id + t("graph.see_above"), style="dim")
    return _node_label(node, labels)


def _condition(when: Condition | None, labels: _Labels) -> str:
    if when is None:
        return t("graph.default_route")
    parts = []
    if when.taboo is not None:
        parts.append(t("graph.taboo") if when.taboo else t("graph.no_taboo"))
    if when.steps:
        parts.append(labels.steps(when.steps))
    if when.any_steps:
        parts.append(t("graph.any_of", steps=labels.steps(when.any_steps)))
    if when.phrases:
        parts.append(t("graph.phrases", phrases=t("list.sep").join(excerpt(p, 6) for p in when.phrases[:3])))
    if when.mood_above is not None:
        parts.append(f"mood>{when.mood_above}")
    if when.mood_below is not None:
        parts.append(f"mood<{when.mood_below}")
    return t("graph.free_text") + "：" + "，".join(parts)


# -- shared by the text formats: one edge per (from, to, kind), choices merged ------------
def _edges(scenario: Scenario, labels: _Labels, routes: bool) -> list[tuple[str, str, str, str]]:
    """(from, to, kind, label) with kind 'choice', 'taboo' or 'route'."""
    out: dict[tuple[str, str, str], list[str]] = {}
    for node in scenario.nodes.values():
        for i, choice in enumerate(node.choices, 1):
            kind = "taboo" if choice.taboo else "choice"
            what = t("graph.taboo") if choice.taboo else labels.steps(choice.steps)
            out.setdefault((node.id, choice.next, kind), []).append(f"#{i}" + (f" {what}" if what else ""))
        if routes:
            for route in node.routes:
                out.setdefault((node.id, route.next, "route"), []).append(_condition(route.when, labels))
    return [(a, b, kind, "；".join(parts)) for (a, b, kind), parts in out.items()]


def _node_text(node: Node, labels: _Labels) -> list[str]:
    if node.is_end:
        return [node.id, t("outcome." + (node.end or "")), excerpt(node.say)]
    lines = [node.id]
    if node.expect:
        lines.append(labels.steps(node.expect))
    lines.append(excerpt(node.say))
    return lines


# -- Mermaid -------------------------------------------------------------------------------
def _mermaid_escape(text: str) -> str:
    """Mermaid reads entity codes inside quoted labels; quote, angle brackets and # must be codes."""
    text = clean(text).replace("\n", " ")
    return (text.replace("#", "#35;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
            .replace("|", "#124;"))


def _mermaid_id(node_id: str) -> str:
    return "n_" + node_id  # `end` and friends are Mermaid keywords; a prefix keeps every id safe


def mermaid(scenario: Scenario, method: Method, routes: bool = False) -> str:
    labels = _Labels(method)
    lines = ["flowchart TD"]
    for node in scenario.nodes.values():
        label = "<br/>".join(_mermaid_escape(x) for x in _node_text(node, labels))
        if node.is_end:
            lines.append(f'  {_mermaid_id(node.id)}(["{label}"]):::{node.end}')
        else:
            lines.append(f'  {_mermaid_id(node.id)}["{label}"]')
    taboo_links = []
    for index, (a, b, kind, label) in enumerate(_edges(scenario, labels, routes)):
        arrow = "-.->" if kind == "route" else "-->"
        lines.append(f'  {_mermaid_id(a)} {arrow}|"{_mermaid_escape(label)}"| {_mermaid_id(b)}')
        if kind == "taboo":
            taboo_links.append(str(index))
    for outcome, fill in OUTCOME_FILL.items():
        lines.append(f"  classDef {outcome} fill:{fill},stroke:#555")
    if taboo_links:
        lines.append(f"  linkStyle {','.join(taboo_links)} stroke:#c00,color:#c00")
    lines.append(f"  style {_mermaid_id(scenario.start)} stroke-width:3px")
    return "\n".join(lines) + "\n"


# -- Graphviz DOT ---------------------------------------------------------------------------
def dot_quote(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, control characters gone."""
    text = re.sub(r"[\x00-\x1f\x7f]", " ", str(text))
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _dot_label(lines: list[str]) -> str:
    # join after quoting each part, so the \n line breaks stay DOT escapes
    return "".join(dot_quote(x)[1:-1] + "\\n" for x in lines)[:-2]


def dot(scenario: Scenario, method: Method, routes: bool = False) -> str:
    labels = _Labels(method)
    lines = [
        f"digraph {dot_quote(scenario.id)} {{",
        f'  graph [rankdir=TB, fontname="sans-serif", labelloc=t, label={dot_quote(clean(scenario.title))}];',
        '  node [shape=box, style="rounded", fontname="sans-serif"];',
        '  edge [fontname="sans-serif", fontsize=10];',
    ]
    for node in scenario.nodes.values():
        attrs = [f'label="{_dot_label(_node_text(node, labels))}"']
        if node.is_end:
            attrs += ['shape=box', 'style="rounded,filled"', f'fillcolor="{OUTCOME_FILL.get(node.end or "", "#eeeeee")}"']
        elif node.id == scenario.start:
            attrs.append("penwidth=2")
        lines.append(f"  {dot_quote(node.id)} [{', '.join(attrs)}];")
    for a, b, kind, label in _edges(scenario, labels, routes):
        attrs = [f"label={dot_quote(label)}"]
        if kind == "taboo":
            attrs += ["color=red", "fontcolor=red"]
        elif kind == "route":
            attrs += ["style=dashed", "color=gray40", "fontcolor=gray40"]
        lines.append(f"  {dot_quote(a)} -> {dot_quote(b)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
