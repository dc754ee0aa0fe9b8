"""Class report benchmark: a class of 40 trainees with 100,000 recorded turns, reported as JSON and HTML.

    python -m benchmarks.report                      # a temporary SQLite file
    python -m benchmarks.report --db postgresql://…  # an empty PostgreSQL database or schema
    python -m benchmarks.report --turns 20000 --runs 3

The sessions are real: every scripted path of the built-in scenarios played through the engine and scored,
then copied across trainees and days until the class holds the wanted number of turns. Prints the
figures that docs/performance.md quotes.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from simulator.library import builtin_dir
from simulator.loader import load_scenario
from simulator.scoring.card import score_session
from simulator.selftest import method_for, play_script
from simulator.store import open_store
from simulator.store.classes import open_class
from simulator.store.report import board, class_report
from simulator.store.schema import session_steps, sessions, taboo_phrases, turns
from simulator.store.sessions import _row, _turn_rows, make_record
from simulator.ui.html import render_html

TRAINEES = 40
BATCH = 2000


def templates() -> list:
    """Every scripted path of every built-in scenario, played and scored once."""
    out = []
    for path in sorted(builtin_dir().glob("*.yaml")):
        scenario = load_scenario(path)
        method = method_for(scenario)
        for test in scenario.tests:
            session = play_script(scenario, method, test.replies, test.mode)
            if session.finished:
                out.append((session, score_session(session.state, method, scenario.citizen.type)))
    return out


def fill(store, code: str, want_turns: int, seed: int = 5) -> tuple[int, int]:
    """Copy played sessions into the class until it holds `want_turns` turns; returns (sessions, turns)."""
    rng = random.Random(seed)
    pool = templates()
    names = [f"学员{i:02d}" for i in range(1, TRAINEES + 1)]
    base = time.time() - 30 * 86400
    rows, turn_rows, step_rows, phrase_rows = [], [], [], []
    count = made = 0
    sid = 0
    while count < want_turns:
        session, card = rng.choice(pool)
        sid += 1
        record = make_record(session, card, trainee=names[sid % TRAINEES], class_code=code, coach=True)
        record.started = base + sid * 60
        record.ended = record.started + 300
        row = _row(record, record.ended)
        row["id"] = sid
        rows.append(row)
        these, phrases = _turn_rows(sid, record)
        turn_rows += these
        phrase_rows += phrases
        step_rows += [{"session_id": sid, "step": s, "points": p} for s, p in card.steps.items()]
        count += len(these)
        made += 1
        if len(turn_rows) >= BATCH:
            _flush(store, rows, turn_rows, step_rows, phrase_rows)
    _flush(store, rows, turn_rows, step_rows, phrase_rows)
    if store.dialect == "postgresql":
        with store.write() as conn:
            conn.exec_driver_sql("SELECT setval('sessions_id_seq', (SELECT max(id) FROM sessions))")
    return made, count


def _flush(store, *batches) -> None:
    with store.write() as conn:
        for table, batch in zip((sessions, turns, session_steps, taboo_phrases), batches):
            if batch:
                conn.execute(table.insert(), batch)
    for batch in batches:
        batch.clear()


def timed(func, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a database URL (default: a temporary SQLite file)")
    parser.add_argument("--turns", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or str(Path(tmp) / "bench.db")
        store = open_store(url)
        code = open_class(store, "基准测试班")
        start = time.perf_counter()
        made, count = fill(store, code, args.turns)
        filled = time.perf_counter() - start

        store.close()

        def as_json() -> str:
            s = open_store(url)
            try:
                return json.dumps(class_report(s, code), ensure_ascii=False)
            finally:
                s.close()

        def as_html() -> str:
            s = open_store(url)
            try:
                return render_html(class_report(s, code))
            finally:
                s.close()

        def live_board() -> dict:
            s = open_store(url)
            try:
                return board(s, code)
            finally:
                s.close()

        as_html()  # warm: the method files and the templates' imports load once per process
        t_json, out = timed(as_json, args.runs)
        t_html, page = timed(as_html, args.runs)
        t_board, _ = timed(live_board, args.runs)
        cli = [sys.executable, "-m", "simulator", "--db", url, "class", "report", code, "--json"]
        t_cli, _ = timed(lambda: subprocess.run(cli, check=True, capture_output=True), max(1, args.runs // 2))
        data = json.loads(out)
        print(f"backend            {open_store(url, migrate=False).dialect}")
        print(f"class              {TRAINEES} trainees, {made} sessions, {count} turns "
              f"(filled in {filled:.1f} s; the report counts {data['counts']['turns']} turns)")
        print(f"report, JSON       {t_json * 1000:7.0f} ms  (median of {args.runs}, in process)")
        print(f"report, HTML       {t_html * 1000:7.0f} ms  ({len(page) // 1024} KB, median of {args.runs})")
        print(f"board              {t_board * 1000:7.0f} ms  (one poll of the live board)")
        print(f"govsim class report --json  {t_cli * 1000:7.0f} ms  (a whole process, start-up included)")
        verdict = "under" if max(t_json, t_html) < 1.0 else "OVER"
        print(f"goal: a report over {count} turns renders in under a second: {verdict}")


if __name__ == "__main__":
    main()
