"""Score many replies at once, on every core: the engine behind `govsim score --jsonl`.

A reply takes about 0.2 ms, almost all of it in the regular expressions of the cues and the n-gram
model, so a large batch is split across worker processes. The workers are forked once the method
and its model are loaded (they inherit them: no reloading), each scores a slice and returns finished
JSON lines, and the lines are put back in input order. Small calls, `jobs=1`, and systems without
`fork` score in this process.
"""

from __future__ import annotations

import json
import multiprocessing
import os

from simulator.scoring.reply import score_reply
from simulator.scoring.rubric import Method

PARALLEL_FROM = 400  # fewer replies than this are scored here: forking would cost more than it saves
_METHOD: Method | None = None  # the method the forked workers inherit


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class BatchScorer:
    """Turns items ({"id", "text", "citizen"}) into JSON result lines, in order."""

    def __init__(self, method: Method, jobs: int | None = None):
        self.method = method
        self.jobs = default_jobs() if jobs is None else max(1, jobs)
        self._pool = None

    def score(self, items: list[dict]) -> list[str]:
        if self.jobs > 1 and len(items) >= PARALLEL_FROM and self._start():
            size = max(50, len(items) // (self.jobs * 4))
            return self._pool.map(_line, items, chunksize=size)
        return [line(self.method, item) for item in items]

    def _start(self) -> bool:
        global _METHOD
        if self._pool is None:
            if "fork" not in multiprocessing.get_all_start_methods():
                self.jobs = 1
                return False
            _METHOD = self.method
            self._pool = multiprocessing.get_context("fork").Pool(self.jobs)
        return True

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> BatchScorer:
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is not None and self._pool is not None:
            self._pool.terminate()
        self.close()


def line(method: Method, item: dict) -> str:
    """One result line of the JSONL contract."""
    result = score_reply(item["text"], method, item.get("citizen"))
    return json.dumps({"id": item.get("id"), **result.to_dict()}, ensure_ascii=False)


def _line(item: dict) -> str:
    return line(_METHOD, item)
