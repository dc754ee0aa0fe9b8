"""Loaded scenarios kept on disk, so that `govsim play` starts without YAML.

Loading a scenario means importing PyYAML, composing the file, building the model and validating it
against its method: about 15 ms before the first line is shown. A scenario that loaded without an
error is kept as JSON in `$XDG_CACHE_HOME/govsim/scenarios/` (else `~/.cache/govsim/scenarios/`),
under a key made of the file's bytes, this format and the method file it was validated against; a
later load that finds the same key rebuilds the model from the JSON. Anything unexpected (a damaged
or foreign file, another version) is ignored and the file is loaded again. `GOVSIM_NO_CACHE=1`
turns it off, as it does the method cache.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from simulator.cachefiles import cache_root, write_atomic
from simulator.errors import Span
from simulator.model import Choice, Citizen, Condition, Node, Route, Scenario, ScriptTest

FORMAT = 1  # bump whenever the scenario model changes


def cache_dir() -> Path | None:
    return cache_root("scenarios")


def _where(path: Path, data: bytes) -> tuple[Path, str] | None:
    folder = cache_dir()
    if folder is None:
        return None
    key = hashlib.sha256(data + f"\0{FORMAT}".encode()).hexdigest()
    return folder / f"{path.stem}-{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]}.json", key


def load(path: Path) -> Scenario | None:
    """The cached scenario for this file, if its bytes and its method are what they were."""
    try:
        data = path.read_bytes()
        where = _where(path, data)
        if where is None:
            return None
        file, key = where
        entry = json.loads(file.read_text(encoding="utf-8"))
        if entry.get("key") != key or not _same_method(entry.get("method")):
            return None
        scenario = _scenario(entry["scenario"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    scenario.path = str(path)
    return scenario


def store(path: Path, scenario: Scenario, method_path: str) -> None:
    """Keep a scenario that loaded and validated; a read-only home only means a slower start."""
    try:
        data = path.read_bytes()
        where = _where(path, data)
        if where is None:
            return
        file, key = where
        method = [method_path, _digest(method_path)] if method_path else None
        entry = {"key": key, "method": method, "scenario": asdict(scenario)}
        write_atomic(file, json.dumps(entry, ensure_ascii=False))
    except (OSError, ValueError, TypeError):
        pass


def _digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _same_method(method) -> bool:
    """The method file the scenario was validated against is unchanged (its steps decide validity)."""
    if method is None:
        return True
    method_path, digest = method
    return _digest(method_path) == digest


def _span(d) -> Span | None:
    return Span(d["path"], d["line"], d["column"]) if d else None


def _condition(d) -> Condition | None:
    if d is None:
        return None
    return Condition(steps=tuple(d["steps"]), any_steps=tuple(d["any_steps"]), taboo=d["taboo"],
                     mood_above=d["mood_above"], mood_below=d["mood_below"], phrases=tuple(d["phrases"]))


def _node(d) -> Node:
    return Node(
        id=d["id"], say=d["say"], expect=tuple(d["expect"]), hint=d["hint"],
        phrases={k: tuple(v) for k, v in d["phrases"].items()},
        choices=[Choice(reply=c["reply"], next=c["next"], steps=tuple(c["steps"]), taboo=c["taboo"], mood=c["mood"],
                        feedback=c["feedback"], disc=c["disc"], span=_span(c["span"])) for c in d["choices"]],
        routes=[Route(next=r["next"], when=_condition(r["when"]), mood=r["mood"], feedback=r["feedback"],
                      span=_span(r["span"])) for r in d["routes"]],
        end=d["end"], span=_span(d["span"]),
    )


def _scenario(d) -> Scenario:
    return Scenario(
        id=d["id"], title=d["title"], citizen=Citizen(**d["citizen"]), start=d["start"],
        nodes={k: _node(v) for k, v in d["nodes"].items()},
        summary=d["summary"], tags=tuple(d["tags"]), difficulty=d["difficulty"], method=d["method"],
        tests=[ScriptTest(name=t["name"], replies=list(t["replies"]), mode=t["mode"], outcome=t["outcome"],
                          grade=t["grade"], total=tuple(t["total"]) if t["total"] else None, span=_span(t["span"]))
               for t in d["tests"]],
        path=d["path"], digest=d["digest"], spans={k: _span(v) for k, v in d["spans"].items()},
    )
