"""The scenario model: plain data, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.errors import Span

DISC_TYPES = ("D", "I", "S", "C")
COMPLAINTS = ("reasonable", "unreasonable")
MODES = ("choice", "free")
OUTCOMES = ("resolved", "partial", "escalated")


@dataclass
class Citizen:
    name: str
    type: str
    complaint: str = "reasonable"
    mood: int = 50
    background: str = ""


@dataclass
class Condition:
    """When a free-text route applies; every given field must hold."""

    steps: tuple[str, ...] = ()
    any_steps: tuple[str, ...] = ()
    taboo: bool | None = None
    mood_above: int | None = None
    mood_below: int | None = None
    phrases: tuple[str, ...] = ()


@dataclass
class Choice:
    reply: str
    next: str
    steps: tuple[str, ...] = ()
    taboo: bool = False
    mood: int = 0
    feedback: str = ""
    disc: float | None = None
    span: Span | None = None


@dataclass
class Route:
    next: str
    when: Condition | None = None
    mood: int | None = None
    feedback: str = ""
    span: Span | None = None


@dataclass
class Node:
    id: str
    say: str
    expect: tuple[str, ...] = ()
    hint: str = ""
    phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    choices: list[Choice] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)
    end: str | None = None
    span: Span | None = None

    @property
    def is_end(self) -> bool:
        return self.end is not None

    def targets(self) -> list[str]:
        return [c.next for c in self.choices] + [r.next for r in self.routes]


@dataclass
class ScriptTest:
    """A scripted path a scenario carries to test itself."""

    name: str
    replies: list[str]
    mode: str = "choice"
    outcome: str | None = None
    grade: str | None = None
    total: tuple[int, int] | None = None
    span: Span | None = None


@dataclass
class Scenario:
    id: str
    title: str
    citizen: Citizen
    start: str
    nodes: dict[str, Node]
    summary: str = ""
    tags: tuple[str, ...] = ()
    difficulty: int = 1
    method: str = "five-step"
    tests: list[ScriptTest] = field(default_factory=list)
    path: str = ""
    digest: str = ""  # content hash of the file: the scenario's version
    spans: dict[str, Span] = field(default_factory=dict)  # key path -> where it stands

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]

    def endings(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.is_end]
