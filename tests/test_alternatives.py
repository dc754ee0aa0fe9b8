"""A cue's top-level alternatives run one by one, only those a reply may hold: the matches must not change."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from simulator.scoring.compiled import grams
from simulator.scoring.methodfile import alternatives
from simulator.scoring.normalize import normalize
from simulator.scoring.reply import _all_hits, _finditer, _Reply
from simulator.scoring.rubric import Cue, load_method

DATA = Path(__file__).parent.parent / "benchmarks" / "data"


def _cue(pattern: str) -> Cue:
    cue = Cue(pattern)
    cue.branches = alternatives(pattern)
    return cue


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_a_pattern_is_cut_at_its_top_level_bars_only():
    found = alternatives(r"去(?:办|找)|到[^,|]{0,3}窗口|\|号|\d+天")
    assert [p for p, _needs in found] == [r"去(?:办|找)", r"到[^,|]{0,3}窗口", r"\|号", r"\d+天"]
    assert found[0][1] == (("去",), ("办", "找"))  # each alternative has its own prefilter
    assert found[3][1] == (("天",),)


@pytest.mark.parametrize("pattern", [
    r"(办|补)了就是\1|不行",  # a back-reference: group numbers would change
    r"(?P<x>办)|补",  # a named group
    r"(?i)ok|好",  # inline flags
    r"补?|办",  # an alternative that can match nothing
    r"办理",  # no alternation at all
    r"[^,]{2}|\d+",  # no alternative has a prefilter: nothing to gain
])
def test_patterns_that_are_run_whole(pattern):
    assert alternatives(pattern) == ()


@pytest.mark.parametrize(("pattern", "text"), [
    ("bc|bcd|xyz", "abcd abcd"),  # the first alternative wins where two start
    ("bcd|bc|xyz", "abcd abc"),
    ("bcd|abc", "abcd"),  # the leftmost match wins, whatever its order
    ("b|ab", "ab ab"),
    ("x[^y]{0,3}z|qz", "xqqz qz xz"),
    ("(?<=a)b|bb", "abb bb"),  # a look-behind sees the text before where the search resumes
])
def test_matches_are_those_of_the_whole_pattern(pattern, text):
    cue = _cue(pattern)
    assert cue.branches
    assert _spans(_finditer(cue, text, grams(text))) == _spans(cue.regex.finditer(text))


def test_only_the_alternatives_a_reply_may_hold_are_run():
    cue = _cue("去窗口|到大厅")
    text = "到大厅"
    live = [regex.pattern for triggers, regex in cue.alternatives() if all(not t.isdisjoint(grams(text)) for t in triggers)]
    assert live == ["到大厅"]
    assert _spans(_finditer(cue, text, grams(text))) == [(0, 3)]
    assert list(_finditer(cue, "您好", grams("您好"))) == []


def test_every_builtin_cue_finds_what_its_whole_pattern_finds():
    texts = []
    for name in ("dev", "extra"):
        path = DATA / f"replies-{name}.jsonl"
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for name in ("five-step", "six-step"):
        method = load_method(name)
        cues = method.flat()
        assert sum(1 for _gid, _triggers, cue in cues if cue.branches) > 50  # most long cues are worth cutting
        for text in texts:
            norm = normalize(text)
            found = _all_hits(method, _Reply(norm, method, text))
            for gid, _triggers, cue in cues:
                spans = [(h.start, h.end) for h in found[gid] if h.cue is cue]
                assert spans == [s for s in _spans(re.compile(cue.pattern).finditer(norm)) if s[0] != s[1]], (cue.source, text)


@pytest.fixture
def five_step(tmp_path, monkeypatch):
    """The built-in five-step method file, freshly parsed, with a method cache of this test's own."""
    from simulator.scoring.rubric import BUILTIN_DIR, load_method_file

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("GOVSIM_NO_CACHE", raising=False)
    path = BUILTIN_DIR / "five-step.yaml"
    return path, load_method_file(path)


def test_the_cache_keeps_the_alternatives(five_step):
    from simulator.scoring import cache

    path, fresh = five_step
    cache.store(path, (), fresh, [path])
    cached = cache.load(path, ())
    assert cached is not None
    assert [c.branches for _g, _t, c in cached.flat()] == [c.branches for _g, _t, c in fresh.flat()]
    assert [c.pattern for _g, _t, c in cached.flat()] == [c.pattern for _g, _t, c in fresh.flat()]
    assert cached.runs() == json.loads(json.dumps(fresh.runs()))  # the cut into runs comes from the cache


def test_a_damaged_plan_of_runs_leaves_the_cache_unused(five_step):
    from simulator.scoring import cache

    path, method = five_step
    method.runs()["runs"][0][0] = 10**6  # a cue that is not there
    cache.store(path, (), method, [path])
    assert cache.load(path, ()) is None


def test_a_cache_file_of_the_old_format_is_removed_when_the_method_is_cached_again(five_step):
    from simulator.scoring import cache

    path, method = five_step
    cache.store(path, (), method, [path])
    (current,) = cache.cache_dir().glob("five-step-*.cache")
    old = current.with_suffix(".json")
    old.write_text("{}", encoding="utf-8")
    cache.store(path, (), method, [path])
    assert current.exists() and not old.exists()


def test_the_plan_is_the_same_in_every_process():
    """Prefilters and the index do not depend on the order Python happens to iterate a set in."""
    import os
    import subprocess
    import sys

    code = ("import hashlib, json\n"
            "from simulator.scoring.rubric import load_method\n"
            "m = load_method('five-step')\n"
            "print(hashlib.sha256(json.dumps([m.runs(), [c.needs for _g, _t, c in m.flat()]]).encode()).hexdigest())")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "GOVSIM_NO_CACHE": "1", "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2", "3")}
    assert len(outs) == 1
