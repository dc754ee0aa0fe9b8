"""Semantic and graph checks on a loaded scenario."""

from __future__ import annotations

from pathlib import Path

from simulator.errors import Diagnostic, ScenarioError, SimulatorError, Span
from simulator.model import Scenario
from simulator.schema import did_you_mean


def validate_scenario(scenario: Scenario, method_dirs: tuple[str, ...] = ()) -> list[Diagnostic]:
    """Every problem a loaded scenario has beyond its schema."""
    out: list[Diagnostic] = []
    span = scenario.spans.get

    def add(code: str, where: Span | None, severity: str = "error", **args) -> None:
        out.append(Diagnostic(code, code, args, where or Span(scenario.path), severity))

    stem = Path(scenario.path).stem if scenario.path else ""
    if stem and scenario.id and stem != scenario.id:
        add("S110", span("id"), "warning", id=scenario.id, stem=stem)
    _check_steps(scenario, method_dirs, add, out)

    nodes = scenario.nodes
    names = list(nodes)
    if scenario.start not in nodes:
        add("V201", span("start"), target=scenario.start, hint=did_you_mean(scenario.start, names))
    for node in nodes.values():
        where = f"nodes.{node.id}"
        for i, choice in enumerate(node.choices):
            if choice.next not in nodes:
                add("V202", span(f"{where}.choices.{i}.next"), target=choice.next, hint=did_you_mean(choice.next, names))
        default_at = None
        for i, route in enumerate(node.routes):
            if route.next not in nodes:
                add("V202", span(f"{where}.routes.{i}.next"), target=route.next, hint=did_you_mean(route.next, names))
            if route.when is None and default_at is None:
                default_at = i
            elif default_at is not None:
                add("V207", route.span, "warning")
        if node.is_end:
            continue
        if not node.choices and not node.routes:
            add("V205", node.span, node=node.id)
            continue
        if not node.choices:
            add("V208", node.span, node=node.id)
        if default_at is None:
            add("V206", node.span, node=node.id)
    if not scenario.endings():
        add("V209", span("nodes"))
        return out
    if scenario.start in nodes:
        reached = _reachable(scenario, scenario.start)
        for node in nodes.values():
            if node.id not in reached:
                add("V203", node.span, node=node.id)
    can_end = _can_end(scenario)
    for node in nodes.values():
        if node.id not in can_end and not node.is_end:
            add("V204", node.span, node=node.id)
    return out


def _check_steps(scenario: Scenario, method_dirs: tuple[str, ...], add, out: list[Diagnostic]) -> None:
    from simulator.scoring.rubric import available_methods, load_method

    dirs = method_dirs or ((str(Path(scenario.path).parent / "methods"),) if scenario.path else ())
    dirs = tuple(d for d in dirs if Path(d).is_dir())
    try:
        method = load_method(scenario.method, dirs)
    except ScenarioError as exc:  # the method file is there but broken: its own problems, with their places
        out.extend(exc.diagnostics)
        return
    except SimulatorError:
        add("S108", scenario.spans.get("method"), method=scenario.method, allowed=", ".join(available_methods(dirs)))
        return
    allowed = method.step_ids

    def check(steps, where: str) -> None:
        for step in steps:
            if step not in allowed:
                add("S107", scenario.spans.get(where), step=step, method=method.id,
                    allowed=", ".join(allowed), hint=did_you_mean(step, allowed))

    for node in scenario.nodes.values():
        base = f"nodes.{node.id}"
        check(node.expect, f"{base}.expect")
        for step in node.phrases:
            check((step,), f"{base}.phrases.{step}")
        for i, choice in enumerate(node.choices):
            check(choice.steps, f"{base}.choices.{i}.steps")
        for i, route in enumerate(node.routes):
            if route.when:
                check(route.when.steps, f"{base}.routes.{i}.when.steps")
                check(route.when.any_steps, f"{base}.routes.{i}.when.any_steps")


def _reachable(scenario: Scenario, start: str) -> set[str]:
    seen = {start}
    todo = [start]
    while todo:
        node = scenario.nodes.get(todo.pop())
        if node is None:
            continue
        for target in node.targets():
            if target not in seen and target in scenario.nodes:
                seen.add(target)
                todo.append(target)
    return seen


def _can_end(scenario: Scenario) -> set[str]:
    """Nodes from which some ending is reachable (a backward search from the endings)."""
    parents: dict[str, set[str]] = {}
    for node in scenario.nodes.values():
        for target in node.targets():
            parents.setdefault(target, set()).add(node.id)
    done = {n.id for n in scenario.endings()}
    todo = list(done)
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in done:
                done.add(parent)
                todo.append(parent)
    return done
