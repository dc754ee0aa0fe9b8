"""Typed reading of a YAML node tree: every mistake becomes a located Diagnostic."""

from __future__ import annotations

import difflib
import re

import yaml

from simulator.errors import Diagnostic, Span
from simulator.messages import t
from simulator.yamlsrc import scalar_value, span_of

_MISSING = object()


def did_you_mean(name: str, options) -> str:
    match = difflib.get_close_matches(str(name), [str(o) for o in options], n=1, cutoff=0.6)
    return t("hint.did_you_mean", name=match[0]) if match else ""


class Reader:
    """Collects diagnostics while converting nodes to values; never raises."""

    def __init__(self, path: str):
        self.path = path
        self.diags: list[Diagnostic] = []
        self.spans: dict[str, Span] = {}

    def span(self, node: yaml.Node) -> Span:
        return span_of(self.path, node)

    def error(self, code: str, node: yaml.Node | Span | None, severity: str = "error", /, **args) -> None:
        span = node if isinstance(node, Span) or node is None else self.span(node)
        self.diags.append(Diagnostic(code, code, args, span, severity))

    # -- containers -------------------------------------------------------
    def mapping(self, node: yaml.Node, where: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()):
        """Return {key: (key_node, value_node)} for a mapping; report unknown and missing keys."""
        if not isinstance(node, yaml.MappingNode):
            self._wrong_type(node, where, "mapping")
            return None
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self._wrong_type(key_node, where, "string")
                continue
            if key not in allowed:
                self.error("S101", key_node, key=key, where=where, hint=did_you_mean(key, allowed))
                continue
            out.setdefault(key, (key_node, value_node))
        for key in required:
            if key not in out:
                self.error("S102", node, key=key, where=where)
        return out

    def sequence(self, node: yaml.Node, key: str) -> list[yaml.Node] | None:
        if not isinstance(node, yaml.SequenceNode):
            self._wrong_type(node, key, "list")
            return None
        return list(node.value)

    # -- scalars ----------------------------------------------------------
    def scalar(self, node: yaml.Node, key: str, kinds: tuple[type, ...], expected: str):
        if not isinstance(node, yaml.ScalarNode):
            self._wrong_type(node, key, expected)
            return _MISSING
        try:
            value = scalar_value(node)
        except (ValueError, yaml.YAMLError):  # e.g. a date-like 2024-13-45: keep the text
            value = node.value
        # bool is an int in Python; a YAML `yes` must not pass as a number
        if isinstance(value, bool) and bool not in kinds:
            self._wrong_type(node, key, expected)
            return _MISSING
        if not isinstance(value, kinds):
            self._wrong_type(node, key, expected)
            return _MISSING
        return value

    def text(self, node: yaml.Node, key: str, allow_empty: bool = False) -> str | None:
        value = self.scalar(node, key, (str, int, float), "text")
        if value is _MISSING:
            return None
        if isinstance(value, (int, float)):
            value = node.value  # 12345 typed as a line of text is still text
        if not allow_empty and not value.strip():
            self.error("S111", node, key=key)
            return None
        return value

    def integer(self, node: yaml.Node, key: str, lo: int, hi: int) -> int | None:
        value = self.scalar(node, key, (int,), "integer")
        if value is _MISSING:
            return None
        if not lo <= value <= hi:
            self.error("S104", node, key=key, value=value, range=f"{lo}..{hi}")
            return None
        return value

    def number(self, node: yaml.Node, key: str, lo: float, hi: float) -> float | None:
        value = self.scalar(node, key, (int, float), "number")
        if value is _MISSING:
            return None
        if not lo <= value <= hi:
            self.error("S104", node, key=key, value=value, range=f"{lo}..{hi}")
            return None
        return float(value)

    def boolean(self, node: yaml.Node, key: str) -> bool | None:
        value = self.scalar(node, key, (bool,), "true/false")
        return None if value is _MISSING else value

    def choice(self, node: yaml.Node, key: str, allowed: tuple[str, ...]) -> str | None:
        value = self.scalar(node, key, (str, int), "text")
        if value is _MISSING:
            return None
        value = str(value)
        if value not in allowed:
            self.error("S105", node, key=key, value=value, allowed=", ".join(allowed), hint=did_you_mean(value, allowed))
            return None
        return value

    def ident(self, node: yaml.Node, key: str, sep: str) -> str | None:
        value = self.text(node, key)
        if value is None:
            return None
        pattern = r"[a-z0-9]+(?:-[a-z0-9]+)*" if sep == "-" else r"[a-z0-9_]+"
        if not re.fullmatch(pattern, value):
            self.error("S106", node, value=value, sep=sep)
            return None
        return value

    def text_list(self, node: yaml.Node, key: str) -> tuple[str, ...]:
        items = self.sequence(node, key)
        if items is None:
            return ()
        out = []
        for item in items:
            value = self.text(item, key)
            if value is not None:
                out.append(value)
        return tuple(out)

    def _wrong_type(self, node: yaml.Node, key: str, expected: str) -> None:
        actual = _describe(node)
        self.error("S103", node, key=key, expected=t("type." + expected), actual=t("type." + actual))


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    try:
        value = scalar_value(node)
    except Exception:  # noqa: BLE001 - a malformed timestamp and the like: call it text
        return "text"
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return "text"
