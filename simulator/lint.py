"""Lint: warnings about a valid scenario that will still teach badly (codes L401..L408).

The validator answers "can this be played?"; lint answers "will it train the method?".
It runs only on a scenario without errors, and every finding is a warning.
"""

from __future__ import annotations

import re

from simulator.errors import Diagnostic, Span
from simulator.messages import pick, t
from simulator.model import Node, Scenario
from simulator.scoring.card import GRADES
from simulator.scoring.rubric import Method

LONG_LINE = 120  # characters; a citizen line longer than this fills a terminal screen
DISC_FIT = 0.6  # the scorecard's bar for 优秀 (card.EXCELLENT_DISC)
GOOD_ENOUGH = "good"  # a `resolved` ending should be reachable with at least this grade
PATH_LIMIT = 5_000  # L405 plays simple paths only, and gives up (silently) past this many


def lint_scenario(scenario: Scenario, method: Method | None = None) -> list[Diagnostic]:
    """Every lint warning for a scenario that already validates."""
    if method is None:
        from simulator.selftest import method_for

        method = method_for(scenario)
    out: list[Diagnostic] = []

    def add(code: str, where: Span | None, **args) -> None:
        out.append(Diagnostic(code, code, args, where or Span(scenario.path), "warning"))

    _expect_not_offered(scenario, method, add)
    _steps_skipped(scenario, method, add)
    _traps(scenario, add)
    _duplicate_choices(scenario, add)
    _resolved_without_good_grade(scenario, method, add)
    _taboo_calms(scenario, add)
    _long_lines(scenario, add)
    _disc_never_fits(scenario, method, add)
    return out


def step_label(method: Method, step: str) -> str:
    try:
        name = pick(method.step(step).name)
    except StopIteration:
        return step
    return f"{name}（{step}）" if name and name != step else step


def _labels(method: Method, steps) -> str:
    return "、".join(step_label(method, s) for s in steps)


# -- L401: a node expects a step that none of its choices performs --------------------
def _expect_not_offered(scenario: Scenario, method: Method, add) -> None:
    for node in scenario.nodes.values():
        if node.is_end or not node.choices:
            continue
        offered = {s for c in node.choices if not c.taboo for s in c.steps}
        missing = [s for s in node.expect if s not in offered]
        if missing:
            add("L401", scenario.spans.get(f"nodes.{node.id}.expect", node.span), node=node.id,
                steps=_labels(method, missing))


# -- L402: every choice path to a `resolved` ending skips a step of the method ------------
def _steps_skipped(scenario: Scenario, method: Method, add) -> None:
    for ending in scenario.endings():
        if ending.end != "resolved":
            continue
        skipped = [s for s in method.step_ids if _reachable_with(scenario, ending.id, s) == "without"]
        if skipped:
            add("L402", ending.span, ending=ending.id, steps=_labels(method, skipped))


def _reachable_with(scenario: Scenario, goal: str, step: str) -> str:
    """'with' if some choice path performs `step` (untainted by taboo) before `goal`, 'without' if
    paths reach `goal` but none does, '' if no choice path reaches it."""
    seen = {(scenario.start, False)}
    todo = [(scenario.start, False)]
    reached_without = False
    while todo:
        node_id, done = todo.pop()
        if node_id == goal:
            if done:
                return "with"
            reached_without = True
            continue
        node = scenario.nodes.get(node_id)
        for choice in node.choices if node else ():
            state = (choice.next, done or (step in choice.steps and not choice.taboo))
            if state not in seen and choice.next in scenario.nodes:
                seen.add(state)
                todo.append(state)
    return "without" if reached_without else ""


# -- L403: loops with no way out, in choice mode or in free-text mode ---------------------
def _traps(scenario: Scenario, add) -> None:
    for mode, edges in (("choice", lambda n: [c.next for c in n.choices]),
                        ("free", lambda n: [r.next for r in n.routes])):
        graph = {n.id: [x for x in edges(n) if x in scenario.nodes] for n in scenario.nodes.values()}
        if mode == "free" and not any(n.routes for n in scenario.nodes.values()):
            continue
        for component in _closed_loops(graph):
            first = next(n for n in scenario.nodes if n in component)
            names = ", ".join(n for n in scenario.nodes if n in component)
            add("L403", scenario.nodes[first].span, nodes=names, mode=t(f"lint.mode.{mode}"))


def _closed_loops(graph: dict[str, list[str]]) -> list[set[str]]:
    """Strongly connected sets that contain a cycle and have no edge leaving them."""
    reach = {n: _reach(graph, n) for n in graph}
    found: list[set[str]] = []
    done: set[str] = set()
    for n in graph:
        if n in done:
            continue
        component = {m for m in reach[n] if n in reach[m]}
        done |= component | {n}
        if not component:  # n is not on a cycle
            continue
        if all(t in component for m in component for t in graph[m]):
            found.append(component)
    return found


def _reach(graph: dict[str, list[str]], start: str) -> set[str]:
    """Nodes reachable from `start` by one or more edges (so `start` is in it only on a cycle)."""
    seen: set[str] = set()
    todo = list(graph[start])
    while todo:
        n = todo.pop()
        if n not in seen:
            seen.add(n)
            todo.extend(graph.get(n, ()))
    return seen


# -- L404: two choices of a node say the same thing ----------------------------------------
def _duplicate_choices(scenario: Scenario, add) -> None:
    from simulator.scoring.normalize import normalize

    for node in scenario.nodes.values():
        first: dict[str, int] = {}
        for i, choice in enumerate(node.choices, 1):
            text = re.sub(r"\s+", "", normalize(choice.reply))
            if text in first:
                add("L404", choice.span, node=node.id, choice=i, first=first[text])
            else:
                first[text] = i


# -- L405: a `resolved` ending that no choice path reaches with a good grade ---------------
def _resolved_without_good_grade(scenario: Scenario, method: Method, add) -> None:
    from simulator.paths import enumerate_paths, play_path

    resolved = [n for n in scenario.endings() if n.end == "resolved"]
    if not resolved:
        return
    bar = GRADES.index(GOOD_ENOUGH)
    wanted = {n.id for n in resolved}
    greedy = _greedy_path(scenario)
    if greedy is not None and len(wanted) == 1 and greedy.last in wanted:
        if GRADES.index(play_path(scenario, method, greedy).card.grade) <= bar:
            return  # the obvious good path is good enough: no need to play them all
    found = enumerate_paths(scenario, limit=PATH_LIMIT, max_visits=1)
    if found.truncated:
        return  # too many paths to be sure; `govsim stats` shows what it could play
    best: dict[str, tuple] = {}
    # Play the likeliest good paths first (no taboo, many tagged steps) and stop as soon as every
    # resolved ending has one that grades well enough: most scenarios need a handful of plays.
    for path in sorted((p for p in found.paths if p.last in wanted), key=lambda p: _promise(scenario, p)):
        played = play_path(scenario, method, path)
        rank = (-GRADES.index(played.card.grade), played.card.total)
        if played.ending not in best or rank > best[played.ending][0]:
            best[played.ending] = (rank, played)
        if all(e in best and GRADES.index(best[e][1].card.grade) <= bar for e in wanted):
            break
    for ending in resolved:
        if ending.id not in best:
            continue
        played = best[ending.id][1]
        if GRADES.index(played.card.grade) > bar:
            add("L405", ending.span, ending=ending.id, total=played.card.total, grade=played.card.grade_zh,
                path=played.path.script())


def _greedy_path(scenario: Scenario):
    """The path a careful trainee would take: at each node the non-taboo choice with the most steps."""
    from simulator.paths import ChoicePath

    picks: list[int] = []
    trail = [scenario.start]
    node = scenario.nodes.get(scenario.start)
    while node is not None and not node.is_end:
        options = [(c.taboo, -len(c.steps), c.mood, i) for i, c in enumerate(node.choices)
                   if c.next in scenario.nodes and c.next not in trail]
        if not options:
            return None
        index = min(options)[3]
        picks.append(index + 1)
        trail.append(node.choices[index].next)
        node = scenario.nodes[trail[-1]]
    return ChoicePath(tuple(picks), tuple(trail)) if node is not None else None


def _promise(scenario: Scenario, path) -> tuple[int, int]:
    """Sort key: taboo choices first to avoid, then the most tagged steps."""
    taboo = steps = 0
    for node_id, number in zip(path.nodes, path.picks):
        choice = scenario.nodes[node_id].choices[number - 1]
        taboo += choice.taboo
        steps += len(choice.steps)
    return taboo, -steps


# -- L406: a reply marked taboo that calms the citizen ----------------------------------------
def _taboo_calms(scenario: Scenario, add) -> None:
    for node in scenario.nodes.values():
        where = f"nodes.{node.id}"
        for i, choice in enumerate(node.choices):
            if choice.taboo and choice.mood < 0:
                add("L406", scenario.spans.get(f"{where}.choices.{i}.mood", choice.span), node=node.id,
                    mood=choice.mood, what=f"#{i + 1}")
        for i, route in enumerate(node.routes):
            if route.when is not None and route.when.taboo and route.mood is not None and route.mood < 0:
                add("L406", scenario.spans.get(f"{where}.routes.{i}.mood", route.span), node=node.id,
                    mood=route.mood, what=f"routes[{i + 1}]")


# -- L407: a citizen line too long to read at a glance -------------------------------------
def _long_lines(scenario: Scenario, add) -> None:
    for node in scenario.nodes.values():
        length = len(node.say.strip())
        if length > LONG_LINE:
            add("L407", scenario.spans.get(f"nodes.{node.id}.say", node.span), node=node.id, length=length,
                limit=LONG_LINE)


# -- L408: no choice speaks to the citizen's DISC type ---------------------------------------
def _disc_never_fits(scenario: Scenario, method: Method, add) -> None:
    fits = []
    # non-taboo choices first: the first one that fits settles it
    order = sorted(((node, i) for node in scenario.nodes.values() for i in range(len(node.choices))),
                   key=lambda pair: pair[0].choices[pair[1]].taboo)
    for node, i in order:
        fits.append(_choice_fit(scenario, method, node, i))
        if fits[-1] >= DISC_FIT:
            return
    if fits and max(fits) < DISC_FIT:
        ctype = scenario.citizen.type
        add("L408", scenario.spans.get("citizen.type", scenario.spans.get("citizen")), type=t(f"disc.{ctype}"),
            best=f"{max(fits):.2f}", bar=f"{DISC_FIT:.1f}", advice=t(f"disc.{ctype}.advice"))


def _choice_fit(scenario: Scenario, method: Method, node: Node, index: int) -> float:
    from simulator.scoring.normalize import normalize
    from simulator.scoring.reply import disc_fit

    choice = node.choices[index]
    if choice.disc is not None:
        return choice.disc
    fit, _ = disc_fit(choice.reply, normalize(choice.reply), method, scenario.citizen.type, choice.taboo)
    return fit
