"""Errors a user can fix, and the diagnostics that locate them in a file."""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.messages import t


@dataclass(frozen=True)
class Span:
    """A place in a file; line and column are 1-based."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column}"
        return self.path


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a scenario or rubric file."""

    code: str
    key: str  # message catalogue key
    args: dict = field(default_factory=dict, compare=False)
    span: Span | None = None
    severity: str = "error"  # error | warning

    @property
    def message(self) -> str:
        return t(self.key, **self.args)

    def format(self) -> str:
        where = f"{self.span}: " if self.span else ""
        return f"{where}{t('diag.' + self.severity)}[{self.code}]: {self.message}"

    def to_dict(self) -> dict:
        span = self.span or Span("")
        return {
            "file": span.path,
            "line": span.line,
            "column": span.column,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
        }


class SimulatorError(Exception):
    """A mistake the user can fix: shown as one message, exit code 2."""

    def __init__(self, key: str, /, **args):
        self.key = key
        self.args_ = args
        super().__init__(key)

    def __str__(self) -> str:
        return t(self.key, **self.args_)


class ScenarioError(SimulatorError):
    """A scenario or rubric file has errors; carries every diagnostic found."""

    def __init__(self, path: str, diagnostics: list[Diagnostic]):
        self.path = path
        self.diagnostics = diagnostics
        super().__init__("error.scenario_invalid", path=path, count=len(diagnostics))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


class UnknownScenarioError(SimulatorError):
    """No scenario has the given id or path."""


class ScriptError(SimulatorError):
    """A scripted play (--script) cannot go on."""


class PlayError(SimulatorError):
    """A reply or choice the engine cannot accept."""
