"""The cache of loaded scenarios: the same scenario as a fresh load, never a stale one."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from simulator import scenario_cache
from simulator.library import builtin_dir, load_scenario
from simulator.loader import load_scenario as load_from_yaml


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("GOVSIM_NO_CACHE", raising=False)
    return tmp_path / "cache" / "govsim" / "scenarios"


@pytest.mark.parametrize("path", sorted(builtin_dir().glob("*.yaml")), ids=lambda p: p.stem)
def test_a_cached_scenario_is_the_scenario(cache, path):
    first = load_scenario(path)  # loads the YAML and keeps it
    assert len(list(cache.glob(f"{path.stem}-*.json"))) == 1
    again = load_scenario(path)  # from the cache
    assert again == first == load_from_yaml(path)


def test_an_edited_file_is_loaded_again(cache, tmp_path):
    path = tmp_path / "shebao-card-photo.yaml"
    shutil.copy(builtin_dir() / "shebao-card-photo.yaml", path)
    assert load_scenario(path).title.startswith("社保卡补办")
    path.write_text(path.read_text(encoding="utf-8").replace("title: 社保卡补办", "title: 社保卡换领", 1), encoding="utf-8")
    assert load_scenario(path).title.startswith("社保卡换领")


def test_a_damaged_entry_is_ignored(cache):
    path = builtin_dir() / "shebao-card-photo.yaml"
    load_scenario(path)
    [entry] = cache.glob("shebao-card-photo-*.json")
    entry.write_text('{"key": "x", "scenario": ', encoding="utf-8")
    assert scenario_cache.load(path) is None
    assert load_scenario(path) == load_from_yaml(path)


def test_a_changed_method_file_invalidates_the_entry(cache, tmp_path):
    from simulator.scoring.rubric import BUILTIN_DIR

    path = tmp_path / "shebao-card-photo.yaml"
    shutil.copy(builtin_dir() / "shebao-card-photo.yaml", path)
    (tmp_path / "methods").mkdir()
    method = tmp_path / "methods" / "five-step.yaml"  # the scenario's own copy of its method
    shutil.copy(BUILTIN_DIR / "five-step.yaml", method)
    load_scenario(path)
    assert scenario_cache.load(path) is not None
    method.write_text(method.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert scenario_cache.load(path) is None  # validated against another method: load it again


def test_no_cache_when_turned_off(cache, monkeypatch):
    monkeypatch.setenv("GOVSIM_NO_CACHE", "1")
    load_scenario(builtin_dir() / "shebao-card-photo.yaml")
    assert not cache.exists()


def test_a_warm_start_needs_no_yaml(cache):
    code = ("import sys\n"
            "from simulator.library import find_scenario, search_dirs\n"
            "find_scenario('shebao-card-photo', search_dirs())\n"
            "print('yaml' in sys.modules)")
    env = {**__import__("os").environ, "XDG_CACHE_HOME": str(cache.parent.parent)}
    run = [sys.executable, "-c", code]
    assert subprocess.run(run, capture_output=True, text=True, env=env, check=True).stdout.split() == ["True"]
    assert subprocess.run(run, capture_output=True, text=True, env=env, check=True).stdout.split() == ["False"]
    assert Path(cache).is_dir()
