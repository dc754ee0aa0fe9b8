"""The results store on SQLite and PostgreSQL: migrations, classes, sessions, aggregates, concurrency."""

from __future__ import annotations

import json
import multiprocessing
import time

import pytest
from sqlalchemy import func, select, text

from simulator.engine import Session, SessionState
from simulator.errors import SimulatorError
from simulator.library import builtin_dir
from simulator.loader import load_scenario
from simulator.scoring.card import score_session
from simulator.selftest import method_for, play_script
from simulator.store import StoreError, open_store, resolve_url
from simulator.store import schema as sch
from simulator.store.classes import (
    ALPHABET,
    close_class,
    delete_class,
    list_classes,
    open_class,
    require_class,
)
from simulator.store.report import board, class_report, history
from simulator.store.sessions import (
    PLAYING,
    get_session,
    make_record,
    resumable,
    save_session,
)

BEST = ["#2", "#1", "#3", "#1", "#2", "#3"]
TABOO = ["#3", "#3"]
FREE_TABOO = ["照片不合格是您自己没弄好，谁让您不按要求拍。", "您再嚷嚷我就叫保安了。"]


def played(replies, scenario="shebao-card-photo", mode="choice", started=0.0):
    sc = load_scenario(builtin_dir() / f"{scenario}.yaml")
    session = play_script(sc, method_for(sc), replies, mode)
    session.state.started = started
    card = score_session(session.state, session.method, sc.citizen.type) if session.finished else None
    return session, card


def record(store, replies, trainee, code=None, started=0.0, **kw):
    session, card = played(replies, started=started, mode=kw.pop("mode", "choice"))
    if not session.finished:
        session.interrupt()
    rec = make_record(session, card, trainee=trainee, class_code=code, coach=True, **kw)
    return save_session(store, rec), session


# -- migrations ----------------------------------------------------------------------------------

def test_fresh_database_is_at_the_latest_version(store):
    with store.read() as conn:
        assert sch.current_version(conn) == sch.LATEST == 2
        if store.dialect == "sqlite":
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 30_000
    assert sch.migrate(store) == sch.LATEST  # idempotent


def test_upgrade_from_version_1_keeps_and_backfills_data(db_url):
    from simulator.store.db import Store

    old = Store(resolve_url(db_url))
    assert sch.migrate(old, target=1) == 1
    session, card = played(BEST)
    taboo, _ = played(FREE_TABOO, mode="free")
    with old.write() as conn:
        conn.execute(sch.classes.insert().values(code="ABCD", name="旧班", scenarios="[]", status="open", created=1.0))
        for sid, s, c in ((1, session, card), (2, taboo, score_session(taboo.state, taboo.method, "D"))):
            conn.execute(text(
                "INSERT INTO sessions (id, class_code, trainee, scenario, status, total, grade, steps, started)"
                " VALUES (:id, 'ABCD', '张三', :scenario, 'finished', :total, :grade, :steps, 1.0)"),
                {"id": sid, "scenario": s.scenario.id, "total": c.total, "grade": c.grade, "steps": json.dumps(c.steps)})
            conn.execute(text("INSERT INTO session_states (session_id, state) VALUES (:id, :state)"),
                         {"id": sid, "state": json.dumps(s.state.to_dict())})
            for n, turn in enumerate(s.state.turns, 1):
                conn.execute(sch.turns.insert().values(
                    session_id=sid, n=n, reply=turn.reply, steps=",".join(turn.steps), taboo=turn.taboo,
                    taboo_kinds=",".join(turn.taboo_kinds), evidence=json.dumps(turn.evidence, ensure_ascii=False)))
        if old.dialect == "postgresql":
            conn.exec_driver_sql("SELECT setval('sessions_id_seq', 2)")
    old.close()

    upgraded = open_store(db_url)
    try:
        with upgraded.read() as conn:
            assert sch.current_version(conn) == 2
            assert conn.execute(select(func.count()).select_from(sch.session_steps)).scalar() == 10
            seats = {r[0] for r in conn.execute(select(sch.sessions.c.seat))}
            phrases = [r[0] for r in conn.execute(select(sch.taboo_phrases.c.phrase))]
        assert seats == {"solo"}
        assert any("保安" in p for p in phrases)
        report = class_report(upgraded, "ABCD")
        assert report["trainees"][0]["sessions"] == 2
        assert report["step_summary"][0]["mean"] is not None
        new_id, _ = record(upgraded, BEST, "李四", "ABCD")
        assert new_id == 3
        assert SessionState.from_dict(get_session(upgraded, 1)["state"]) == session.state
    finally:
        upgraded.close()


# -- classes --------------------------------------------------------------------------------------

def test_class_codes_are_easy_to_read_aloud(store):
    codes = {open_class(store, f"班{i}") for i in range(30)}
    assert len(codes) == 30
    for code in codes:
        assert 4 <= len(code) <= 8
        assert set(code) <= set(ALPHABET)
        assert not set(code) & set("01OI")


def test_a_colliding_code_is_drawn_again(store):
    draws = iter(["AAAA", "AAAA", "BBBB"])
    assert open_class(store, "一班", code_factory=lambda n: next(draws)) == "AAAA"
    draws = iter(["AAAA", "AAAA", "BBBB"])
    assert open_class(store, "二班", code_factory=lambda n: next(draws)) == "BBBB"


def test_unknown_and_closed_classes_are_user_errors(store):
    code = open_class(store, "一班", ["shebao-card-photo"])
    assert require_class(store, code.lower())["scenarios"] == ["shebao-card-photo"]
    with pytest.raises(SimulatorError, match="ZZZZ"):
        require_class(store, "zzzz")
    close_class(store, code)
    assert require_class(store, code)["status"] == "closed"
    with pytest.raises(SimulatorError) as exc:
        require_class(store, code, open_only=True)
    assert exc.value.key == "class.closed"
    assert [c["code"] for c in list_classes(store, open_only=True)] == []


def test_delete_removes_every_record_of_the_class(store):
    keep = open_class(store, "留下")
    gone = open_class(store, "删除")
    record(store, BEST, "张三", keep)
    record(store, FREE_TABOO, "李四", gone, mode="free")
    record(store, BEST, "王五", gone)
    assert delete_class(store, gone) == 2
    with store.read() as conn:
        left = {t.name: conn.execute(select(func.count()).select_from(t)).scalar()
                for t in (sch.sessions, sch.turns, sch.session_steps, sch.taboo_phrases, sch.session_states)}
    assert left == {"sessions": 1, "turns": 6, "session_steps": 5, "taboo_phrases": 0, "session_states": 1}
    assert [c["code"] for c in list_classes(store)] == [keep]


# -- sessions ------------------------------------------------------------------------------------

def test_a_finished_session_round_trips_and_its_state_resumes(store):
    sid, session = record(store, BEST, "张三")
    row = get_session(store, sid)
    assert row["status"] == "finished" and row["grade"] == "excellent" and row["total"] >= 85
    assert row["version"] == session.scenario.digest and row["turn_count"] == 6
    assert row["steps"] == {"receive": 100, "confirm": 100, "propose": 100, "agree": 100, "follow_up": 100}
    state = SessionState.from_dict(row["state"])
    assert state == session.state
    with store.read() as conn:
        turns = conn.execute(select(sch.turns).where(sch.turns.c.session_id == sid).order_by(sch.turns.c.n)).mappings().all()
    assert [t["reply"] for t in turns] == [t.reply for t in session.state.turns]
    assert turns[0]["steps"] == ",".join(session.state.turns[0].steps)


def test_an_interrupted_session_keeps_its_state_but_no_score(store):
    sid, session = record(store, BEST[:3], "张三")
    row = get_session(store, sid)
    assert row["status"] == "interrupted" and row["total"] is None and row["grade"] is None
    state = SessionState.from_dict(row["state"])
    state.outcome = state.ended = None
    resumed = Session(session.scenario, session.method, state=state)
    for reply in BEST[3:]:
        resumed.choose(int(reply[1:]) - 1)
    assert resumed.finished and resumed.state.outcome == "resolved"
    card = score_session(resumed.state, resumed.method, "D")
    save_session(store, make_record(resumed, card, trainee="张三", class_code=None, coach=True), sid)
    row = get_session(store, sid)
    assert row["status"] == "finished" and row["turn_count"] == 6
    with store.read() as conn:
        assert conn.execute(select(func.count()).select_from(sch.turns)).scalar() == 6


def test_resumable_lists_interrupted_and_stale_playing_sessions(store):
    interrupted, _ = record(store, BEST[:2], "张三", started=10.0)
    record(store, BEST, "张三", started=20.0)
    session, _ = played(BEST[:1])
    stale = save_session(store, make_record(session, None, trainee="李四", class_code=None, coach=True, status=PLAYING),
                         clock=lambda: 100.0)
    save_session(store, make_record(session, None, trainee="王五", class_code=None, coach=True, status=PLAYING))
    ids = [r["id"] for r in resumable(store, now=time.time())]
    assert ids == [stale, interrupted]  # oldest first: the stale one started at 0, the other at 10
    assert [r["id"] for r in resumable(store, trainee="张三")] == [interrupted]


# -- aggregates ----------------------------------------------------------------------------------

def test_board_and_report_aggregate_per_trainee_and_step(store):
    code = open_class(store, "社保一班")
    record(store, BEST, "张三", code, started=1.0)
    record(store, BEST, "张三", code, started=2.0)
    record(store, TABOO, "李四", code, started=3.0)
    record(store, FREE_TABOO, "李四", code, started=4.0, mode="free")
    record(store, BEST[:2], "王五", code, started=5.0)
    record(store, BEST, "赵六", None, started=6.0)  # outside the class

    b = board(store, code)
    assert [r["trainee"] for r in b["trainees"]] == ["张三", "李四"]
    zhang = b["trainees"][0]
    assert zhang["sessions"] == 2 and zhang["steps"]["receive"] == 100.0
    assert [r["grade"] for r in zhang["recent"]] == ["excellent", "excellent"]
    assert b["steps"] == ["receive", "confirm", "propose", "agree", "follow_up"]

    r = class_report(store, code)
    assert r["counts"] == {"finished": 4, "interrupted": 1, "playing": 0, "trainees": 3, "turns": 18}
    by_name = {t["trainee"]: t for t in r["trainees"]}
    assert by_name["李四"]["taboo"] == 4 and by_name["李四"]["latest_grade"] == "poor"
    assert by_name["王五"]["sessions"] == 0 and by_name["王五"]["interrupted"] == 1
    receive = next(s for s in r["step_summary"] if s["step"] == "receive")
    assert receive["weakest"][0]["trainee"] == "李四"
    assert 0 < receive["mean"] < 100
    assert sum(b["count"] for b in r["distribution"]) == 4
    phrases = {p["phrase"]: p for p in r["taboo"]}
    assert any("保安" in p for p in phrases)  # from the rubric's evidence in free text
    assert all(p["trainees"] == 1 for p in r["taboo"])
    [scenario] = r["scenarios"]
    assert scenario["sessions"] == 4 and scenario["trainees"] == 2
    assert scenario["outcomes"]["resolved"] == 2


def test_history_is_oldest_first_and_per_trainee(store):
    record(store, TABOO, "张三", started=5.0)
    record(store, BEST, "张三", started=1.0)
    record(store, BEST, "李四", started=2.0)
    rows = history(store, "张三")
    assert [r["started"] for r in rows] == [1.0, 5.0]
    assert rows[0]["steps"]["receive"] == 100


# -- connections ---------------------------------------------------------------------------------

def test_urls(monkeypatch, tmp_path):
    assert resolve_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("GOVSIM_DB", str(tmp_path / "env.db"))
    assert resolve_url().endswith("env.db")
    monkeypatch.delenv("GOVSIM_DB")
    assert resolve_url().startswith("sqlite:///" + str(tmp_path / "home"))  # the isolated XDG data dir
    with pytest.raises(StoreError) as exc:
        resolve_url("mysql://u:secret@h/db")
    assert "secret" not in str(exc.value)


def test_an_unreachable_server_is_one_clear_error():
    start = time.monotonic()
    with pytest.raises(StoreError) as exc:
        open_store("postgresql://nobody:secret@127.0.0.1:9/govsim")
    assert time.monotonic() - start < 10
    assert "secret" not in str(exc.value) and "127.0.0.1" in str(exc.value)


# -- concurrency ---------------------------------------------------------------------------------

TRAINEES = 40


def _finish_at_once(url, code, index, barrier, errors):
    try:
        store = open_store(url)
        session, card = played(BEST if index % 2 else TABOO)
        rec = make_record(session, card, trainee=f"学员{index:02d}", class_code=code, coach=True)
        barrier.wait(timeout=60)
        save_session(store, rec)
        store.close()
    except BaseException as exc:  # reported to the parent, which fails the test
        errors.put(f"{index}: {type(exc).__name__}: {exc}")


def _open_at_once(url, barrier, errors):
    try:
        barrier.wait(timeout=60)
        open_store(url).close()
    except BaseException as exc:
        errors.put(f"{type(exc).__name__}: {exc}")


def _run(target, args_for):
    ctx = multiprocessing.get_context("fork")
    barrier, errors = ctx.Barrier(TRAINEES), ctx.Queue()
    procs = [ctx.Process(target=target, args=(*args_for(i), barrier, errors)) for i in range(TRAINEES)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    found = []
    while not errors.empty():
        found.append(errors.get())
    assert all(p.exitcode == 0 for p in procs)
    return found


def test_forty_trainees_finishing_at_once_lose_nothing(store, db_url):
    code = open_class(store, "并发班")
    store.close()  # no pooled connection may cross the fork
    errors = _run(_finish_at_once, lambda i: (db_url, code, i))
    assert errors == []
    with store.read() as conn:
        n = conn.execute(select(func.count()).select_from(sch.sessions).where(sch.sessions.c.class_code == code)).scalar()
        turns = conn.execute(select(func.count()).select_from(sch.turns)).scalar()
    assert n == TRAINEES
    assert turns == 20 * len(BEST) + 20 * len(TABOO)
    assert len(board(store, code)["trainees"]) == TRAINEES


def test_forty_processes_migrating_a_new_database_at_once(db_url):
    errors = _run(_open_at_once, lambda i: (db_url,))
    assert errors == []
    store = open_store(db_url)
    with store.read() as conn:
        assert conn.execute(select(func.count()).select_from(sch.schema_version)).scalar() == 1
        assert sch.current_version(conn) == sch.LATEST
    store.close()
