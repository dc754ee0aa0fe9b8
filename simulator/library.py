"""Finding scenarios: the built-ins, plus folders from --dir or GOVSIM_SCENARIOS."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.errors import ScenarioError, UnknownScenarioError

if TYPE_CHECKING:
    from simulator.model import Scenario


def load_scenario(path):
    """A scenario from the cache of loaded scenarios, or from its file (then cached).

    The loader (and PyYAML) is imported only when a file really has to be read: a warm `govsim list`
    or `govsim play` never needs YAML.
    """
    from simulator import scenario_cache

    cached = scenario_cache.load(Path(path))
    if cached is not None:
        return cached
    from simulator.loader import load_scenario as load
    from simulator.selftest import method_for

    scenario = load(path)
    scenario_cache.store(Path(path), scenario, method_for(scenario).path)
    return scenario


def did_you_mean(name, options) -> str:
    from simulator.schema import did_you_mean as suggest

    return suggest(name, options)

_PACKAGE = Path(__file__).parent


def builtin_dir() -> Path:
    """Installed: package data `simulator/scenarios`; from a checkout: the top-level `scenarios/`."""
    installed = _PACKAGE / "scenarios"
    if installed.is_dir() and any(installed.glob("*.yaml")):
        return installed
    return _PACKAGE.parent / "scenarios"


def search_dirs(extra: list[str] | tuple[str, ...] = ()) -> list[Path]:
    dirs = [builtin_dir()]
    env = os.environ.get("GOVSIM_SCENARIOS", "")
    dirs += [Path(p) for p in env.split(os.pathsep) if p]
    dirs += [Path(p) for p in extra]
    return dirs


def scenario_files(dirs: list[Path]) -> list[Path]:
    files: list[Path] = []
    for folder in dirs:
        if folder.is_dir():
            files += sorted(folder.glob("*.yaml"))
    return files


def yaml_files(paths: list[str]) -> list[Path]:
    """Expand files and folders given on the command line into scenario files."""
    from simulator.errors import SimulatorError

    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.yaml") if "methods" not in p.parts[len(path.parts):])
            if not found:
                raise SimulatorError("validate.no_files", path=raw)
            out += found
        elif path.exists():
            out.append(path)
        else:
            raise SimulatorError("error.no_such_path", path=raw)
    return out


def load_all(dirs: list[Path]) -> tuple[list[Scenario], list[ScenarioError]]:
    """Every scenario in the search path; broken files are returned, not raised."""
    good: list[Scenario] = []
    bad: list[ScenarioError] = []
    seen: set[str] = set()
    for path in scenario_files(dirs):
        try:
            scenario = load_scenario(path)
        except ScenarioError as exc:
            bad.append(exc)
            continue
        if scenario.id not in seen:  # a later folder cannot shadow a scenario already found
            seen.add(scenario.id)
            good.append(scenario)
    return good, bad


SUMMARY_VERSION = 1


def summarize(scenario: Scenario) -> dict:
    """What the library table and menu show of a scenario."""
    return {
        "id": scenario.id,
        "title": scenario.title,
        "citizen": scenario.citizen.name,
        "citizen_type": scenario.citizen.type,
        "complaint": scenario.citizen.complaint,
        "difficulty": scenario.difficulty,
        "tags": list(scenario.tags),
        "method": scenario.method,
        "path": scenario.path,
    }


def summaries(dirs: list[Path], cache: Path | None) -> tuple[list[dict], list[ScenarioError]]:
    """Summaries of every valid scenario, reusing a cache keyed by each file's size and mtime.

    `govsim list` runs on every start of a class; parsing and validating every file each time
    would cost more than the rest of the start-up together.
    """
    import json

    cached: dict = {}
    if cache is not None:
        try:
            data = json.loads(cache.read_text(encoding="utf-8"))
            if data.get("version") == SUMMARY_VERSION:
                cached = data.get("files", {})
        except (OSError, ValueError):
            cached = {}
    fresh: dict = {}
    good: list[dict] = []
    bad: list[ScenarioError] = []
    seen: set[str] = set()
    for path in scenario_files(dirs):
        try:
            st = path.stat()
        except OSError:
            continue
        key = str(path.resolve())
        stamp = [st.st_size, st.st_mtime_ns]
        entry = cached.get(key)
        if entry is None or entry.get("stamp") != stamp:
            try:
                entry = {"stamp": stamp, "summary": summarize(load_scenario(path))}
            except ScenarioError as exc:
                bad.append(exc)
                continue
        fresh[key] = entry
        summary = entry["summary"]
        if summary["id"] not in seen:
            seen.add(summary["id"])
            good.append(summary)
    if cache is not None and fresh != cached:
        try:
            from simulator.cachefiles import write_atomic

            write_atomic(cache, json.dumps({"version": SUMMARY_VERSION, "files": fresh}, ensure_ascii=False))
        except OSError:
            pass  # a read-only home still lists, just slower
    return good, bad


def cache_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "govsim" / "library.json"


def find_scenario(name: str, dirs: list[Path]) -> Scenario:
    """A scenario by path or by id."""
    path = Path(name)
    if name.endswith((".yaml", ".yml")) or path.is_file():
        if not path.exists():
            from simulator.errors import SimulatorError

            raise SimulatorError("error.no_such_path", path=name)
        return load_scenario(path)
    for file in scenario_files(dirs):
        if file.stem == name:
            return load_scenario(file)
    ids = [p.stem for p in scenario_files(dirs)]
    raise UnknownScenarioError("error.unknown_scenario", name=name, hint=did_you_mean(name, ids))
