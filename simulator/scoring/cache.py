"""The compiled-method cache: a method file parsed and compiled once, reused by later processes.

One file per method file in `$XDG_CACHE_HOME/govsim/methods/` (else `~/.cache/govsim/methods/`),
named after the file's place on disk and rewritten when stale. It is used only if its key (a hash
of the method file's bytes, the scorer's format version and the Python engine) still matches and
every file the method read (`extends`, `include`) still has the recorded hash. The file is one line
of JSON (the method, and where each pattern's code lies), a line break, then the regular-expression
engine's code for every pattern as raw bytes, which loads much faster than the same in JSON. No
pickle: a damaged or foreign file is simply ignored. Set `GOVSIM_NO_CACHE=1` to bypass it.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from simulator.cachefiles import cache_root, write_atomic
from simulator.scoring import compiled
from simulator.scoring.rubric import Cue, CueGroup, DiscRule, Method

FORMAT = 22  # bump whenever the Method structure or the meaning of a field changes


def cache_dir() -> Path | None:
    return cache_root("methods")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _entry_path(path: Path, dirs: tuple[str, ...] = ()) -> tuple[Path, str] | None:
    """The cache file for a method file (one per place on disk) and the key its content must have."""
    folder = cache_dir()
    if folder is None or not compiled.ENGINE:
        return None
    try:
        data = path.read_bytes()
        where = str(path.resolve())
    except OSError:
        return None
    key = _digest(b"\0".join([data, f"{FORMAT}|{sys.version}|{compiled.ENGINE}|{sys.byteorder}".encode()]))
    return folder / f"{path.stem}-{_digest(where.encode())[:16]}.cache", key


def load(path: Path, dirs: tuple[str, ...]) -> Method | None:
    where = _entry_path(path, dirs)
    if where is None:
        return None
    file, key = where
    try:
        header, _, code = file.read_bytes().partition(b"\n")  # JSON has no raw line break
        data = json.loads(header)
        if data.get("key") != key:
            return None
        for dep, digest in data["deps"]:
            if _digest(Path(dep).read_bytes()) != digest:
                return None
        method = _method_from(data["method"])
        patterns = list(dict.fromkeys(method.patterns()))
        if (len(code) != data["code_bytes"] or len(patterns) != len(data["code"])
                or not compiled.install(dict(zip(patterns, data["code"])), code)):
            return None
        method._runs = data["method"]["runs"]
        method.index()  # a damaged plan fails here, where the cache is simply not used
    except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None
    method.path = str(path)
    return method


def store(path: Path, dirs: tuple[str, ...], method: Method, deps: list[Path]) -> None:
    where = _entry_path(path, dirs)
    if where is None:
        return
    file, key = where
    try:
        exported = compiled.export(method.patterns())
        if exported is None:
            return
        entries, code = exported
        data = {
            "key": key,
            "deps": [[str(Path(d).resolve()), _digest(Path(d).read_bytes())] for d in deps],
            "method": _method_to(method),
            "code": list(entries.values()),  # in the order of the method's patterns (no pattern twice)
            "code_bytes": len(code),
        }
        write_atomic(file, json.dumps(data, ensure_ascii=False).encode("utf-8") + b"\n" + code)
        file.with_suffix(".json").unlink(missing_ok=True)  # the same method in the cache's format before 18
    except (OSError, ValueError, TypeError):
        pass  # a read-only home still scores, just starts slower


# -- Method <-> JSON ----------------------------------------------------------------------------
_CUE_FIELDS = Cue.FIELDS
_PATTERN = _CUE_FIELDS.index("pattern")


def _cue_to(cue: Cue) -> list:
    values = [getattr(cue, f) for f in _CUE_FIELDS]
    if cue.branches:  # the whole pattern is its alternatives joined: not kept twice
        values[_PATTERN] = ""
    return values


def _cue_from(values: list) -> Cue:
    kw = dict(zip(_CUE_FIELDS, values, strict=True))
    kw["unless_steps"] = tuple(kw["unless_steps"])
    kw["yields"] = tuple(kw["yields"])
    kw["needs"] = tuple(tuple(s) for s in kw["needs"])
    kw["branches"] = tuple((p, tuple(tuple(s) for s in needs)) for p, needs in kw["branches"])
    if kw["branches"]:
        kw["pattern"] = "|".join(p for p, _needs in kw["branches"])
    return Cue(**kw)


def _group_to(group: CueGroup | None):
    if group is None:
        return None
    return {"id": group.id, "cues": [_cue_to(c) for c in group.cues], "name": group.name,
            "course": group.course, "tip": group.tip}


def _group_from(data) -> CueGroup | None:
    if data is None:
        return None
    # the cues' own patterns and prefilters are all the scorer needs: no alternation to rebuild
    return CueGroup(data["id"], [_cue_from(c) for c in data["cues"]], data["name"], data["course"], data["tip"])


def _method_to(method: Method) -> dict:
    return {
        "id": method.id,
        "name": method.name,
        "steps": [_group_to(g) for g in method.steps],
        "taboo": [_group_to(g) for g in method.taboo],
        "disc": {k: {"base": r.base, "short": r.short, "long": r.long, "plus": _group_to(r.plus),
                     "minus": _group_to(r.minus)} for k, r in method.disc.items()},
        "negators": list(method.negators),
        "negators_after": list(method.negators_after),
        "negation_except": list(method.negation_except),
        "negation_skip": method.negation_skip,
        "negation_window": method.negation_window,
        "question": method.question,
        "not_question": method.not_question,
        "defines": method.defines,
        "ngram": method.ngram,
        "runs": method.runs(),
    }


def _method_from(data: dict) -> Method:
    disc = {}
    for k, r in data["disc"].items():
        disc[k] = DiscRule(r["base"], tuple(r["short"]) if r["short"] else None, tuple(r["long"]) if r["long"] else None,
                           _group_from(r["plus"]), _group_from(r["minus"]))
    return Method(
        id=data["id"], name=data["name"],
        steps=[_group_from(g) for g in data["steps"]],
        taboo=[_group_from(g) for g in data["taboo"]],
        disc=disc,
        negators=tuple(data["negators"]),
        negators_after=tuple(data["negators_after"]),
        negation_except=tuple(data["negation_except"]),
        negation_skip=data["negation_skip"],
        negation_window=data["negation_window"],
        question=data["question"],
        not_question=data["not_question"],
        defines=data["defines"],
        ngram=_ngram_from(data["ngram"]),
    )


def _ngram_from(data: dict | None) -> dict | None:
    if data is None:
        return None
    taboo = data["taboo"]
    if taboo is not None:
        taboo = {**taboo, "unless_steps": tuple(taboo["unless_steps"])}
    return {"path": data["path"], "aliases": data["aliases"], "taboo": taboo, "steps": data["steps"]}
