"""Read a YAML file safely into PyYAML's node tree, keeping every position.

Composing (not constructing) lets us catch duplicate keys and foreign tags with their
line and column, and never builds an object a file asks for.
"""

from __future__ import annotations

import codecs
import re

import yaml

from simulator.errors import Diagnostic, Span

# Resolving every plain scalar against YAML 1.1's implicit types costs more than parsing.
# Plain scalars get a placeholder tag; the few fields that want a number or a boolean
# resolve their own value (scalar_value), exactly as PyYAML would.
_PLAIN = "tag:govsim,2024:plain"
_STR = "tag:yaml.org,2002:str"


class _LazyResolver(yaml.resolver.BaseResolver):
    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return super().resolve(kind, value, implicit)


try:  # the C parser is several times faster; fall back where libyaml is missing
    from yaml.cyaml import CParser

    class _Loader(CParser, yaml.constructor.SafeConstructor, _LazyResolver):
        def __init__(self, stream):
            CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            _LazyResolver.__init__(self)
except ImportError:  # pragma: no cover
    class _Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer,
                  yaml.constructor.SafeConstructor, _LazyResolver):
        def __init__(self, stream):
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            _LazyResolver.__init__(self)

MAX_BYTES = 20 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64

_STD_TAGS = {
    _PLAIN,
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:timestamp",
}
_scalar_constructor = yaml.constructor.SafeConstructor()
_resolver = yaml.resolver.Resolver()
_CONSTRUCT = {
    "tag:yaml.org,2002:null": lambda node: None,
    "tag:yaml.org,2002:bool": _scalar_constructor.construct_yaml_bool,
    "tag:yaml.org,2002:int": _scalar_constructor.construct_yaml_int,
    "tag:yaml.org,2002:float": _scalar_constructor.construct_yaml_float,
    "tag:yaml.org,2002:timestamp": _scalar_constructor.construct_yaml_timestamp,
}


def span_of(path: str, node: yaml.Node) -> Span:
    mark = node.start_mark
    return Span(path, mark.line + 1, mark.column + 1)


def decode(path: str, data: bytes, diags: list[Diagnostic]) -> str | None:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 with a warning."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        if b"\x00" not in data:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                text = None
            if text is not None:
                diags.append(Diagnostic("Y008", "Y008", {"encoding": "GB18030/GBK"}, Span(path, 1, 1), "warning"))
                return text
        diags.append(Diagnostic("Y009" if b"\x00" in data else "Y005", "Y009" if b"\x00" in data else "Y005",
                                {"encoding": str(exc.reason)}, Span(path, line, column)))
        return None
    if "\x00" in text:
        diags.append(Diagnostic("Y009", "Y009", {}, _offset_span(path, text, text.index("\x00"))))
        return None
    return text


def compose(path: str, text: str, diags: list[Diagnostic]) -> yaml.Node | None:
    """Text to a checked node tree, or None with diagnostics."""
    if not text.strip():
        diags.append(Diagnostic("Y004", "Y004", {}, Span(path, 1, 1)))
        return None
    too_deep = _too_deep(text)
    if too_deep is not None:
        # libyaml composes recursively in C: a deep enough file would crash the interpreter
        diags.append(Diagnostic("Y006", "Y006", {"what": f"depth > {MAX_DEPTH}"}, _offset_span(path, text, too_deep)))
        return None
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.composer.ComposerError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "single document" in f"{exc.context} {exc.problem}":
            diags.append(Diagnostic("Y007", "Y007", {}, _mark_span(path, mark)))
        else:
            diags.append(Diagnostic("Y001", "Y001", {"problem": _problem(exc)}, _mark_span(path, mark)))
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        code = "Y010" if _tab_at(text, mark) or "tab" in (exc.problem or "") else "Y001"
        args = {} if code == "Y010" else {"problem": _problem(exc)}
        diags.append(Diagnostic(code, code, args, _mark_span(path, mark)))
        return None
    except yaml.YAMLError as exc:
        diags.append(Diagnostic("Y001", "Y001", {"problem": str(exc).strip()}, Span(path, 1, 1)))
        return None
    except RecursionError:
        diags.append(Diagnostic("Y006", "Y006", {"what": f"depth > {MAX_DEPTH}"}, Span(path, 1, 1)))
        return None
    if root is None:
        diags.append(Diagnostic("Y004", "Y004", {}, Span(path, 1, 1)))
        return None
    _check_tree(path, root, diags)
    return root


def scalar_value(node: yaml.ScalarNode):
    """The Python value of a scalar with a standard tag, typed as YAML 1.1 would type it."""
    tag = node.tag
    if tag == _PLAIN:
        tag = _resolver.resolve(yaml.ScalarNode, node.value, (True, False))
    if tag == _STR:
        return node.value
    return _CONSTRUCT[tag](node)


def _check_tree(path: str, root: yaml.Node, diags: list[Diagnostic]) -> None:
    """Duplicate keys, foreign tags, size and depth: one pass, aliases counted each time they are used."""
    count = 0
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            diags.append(Diagnostic("Y006", "Y006", {"what": f"> {MAX_NODES} nodes"}, span_of(path, root)))
            return
        if depth > MAX_DEPTH:
            diags.append(Diagnostic("Y006", "Y006", {"what": f"depth > {MAX_DEPTH}"}, span_of(path, node)))
            return
        if node.tag not in _STD_TAGS:
            diags.append(Diagnostic("Y003", "Y003", {"tag": node.tag}, span_of(path, node)))
            continue
        if isinstance(node, yaml.MappingNode):
            seen: dict = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    name = key.value
                    if name in seen:
                        diags.append(Diagnostic("Y002", "Y002", {"key": name, "first": seen[name]}, span_of(path, key)))
                    else:
                        seen[name] = key.start_mark.line + 1
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)


_BRACKETS = re.compile(r"[\[\]{}]")
_DASHES = re.compile(r"(?:-[ \t]+){" + str(MAX_DEPTH) + ",}")


def _too_deep(text: str) -> int | None:
    """Offset where flow brackets or a run of `- - -` nest deeper than MAX_DEPTH, else None."""
    m = _DASHES.search(text)
    if m:
        return m.start()
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth = 0
    for m in _BRACKETS.finditer(text):
        if m.group() in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return m.start()
        elif depth:
            depth -= 1
    return None


def _offset_span(path: str, text: str, offset: int) -> Span:
    line = text.count("\n", 0, offset) + 1
    return Span(path, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def _tab_at(text: str, mark) -> bool:
    if mark is None:
        return False
    lines = text.splitlines()
    if mark.line >= len(lines):
        return False
    line = lines[mark.line]
    return "\t" in line[: mark.column + 1] and not line[: mark.column].strip(" \t")


def _mark_span(path: str, mark) -> Span:
    if mark is None:
        return Span(path, 1, 1)
    return Span(path, mark.line + 1, mark.column + 1)


def _problem(exc: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    return "; ".join(parts) or "invalid YAML"
