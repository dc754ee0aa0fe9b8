"""Recording sessions: a row per session (with the engine's state, so it can resume) and a row per turn."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select, update

from simulator.engine import Session, Turn
from simulator.errors import SimulatorError
from simulator.scoring.card import ScoreCard
from simulator.store.db import Store
from simulator.store.schema import session_states, session_steps, sessions, taboo_phrases, taboo_rows, turns

FINISHED, INTERRUPTED, PLAYING = "finished", "interrupted", "playing"


@dataclass
class SessionRecord:
    """One trainee's part in one session, ready to store."""

    trainee: str
    class_code: str | None
    scenario: str
    scenario_path: str
    title: str
    version: str
    method: str
    mode: str
    coach: bool
    status: str
    state: dict
    started: float
    ended: float | None = None
    outcome: str | None = None
    total: int | None = None
    grade: str | None = None
    disc: float | None = None
    taboo_count: int = 0
    steps: dict[str, int] | None = None
    seat: str = "solo"
    round_id: str | None = None
    points: int | None = None
    turns: list[tuple[int, Turn, bool | None]] = field(default_factory=list)  # (number, turn, picked)


def make_record(session: Session, card: ScoreCard | None, *, trainee: str, class_code: str | None, coach: bool,
                seat: str = "solo", round_id: str | None = None, points: int | None = None,
                turns: list[tuple[int, Turn, bool | None]] | None = None, status: str | None = None) -> SessionRecord:
    """What to store for a session: scores only when it reached an ending, the state always."""
    state = session.state
    if status is None:
        status = FINISHED if session.finished and state.outcome != INTERRUPTED else INTERRUPTED
    own = turns if turns is not None else [(i, turn, None) for i, turn in enumerate(state.turns, 1)]
    record = SessionRecord(
        trainee=trainee, class_code=class_code, scenario=session.scenario.id, scenario_path=session.scenario.path,
        title=session.scenario.title, version=session.scenario.digest, method=session.method.id, mode=state.mode,
        coach=coach, status=status, state=state.to_dict(), started=state.started, ended=state.ended,
        outcome=state.outcome, taboo_count=sum(1 for _, turn, _ in own if turn.taboo), seat=seat,
        round_id=round_id, points=points, turns=own,
    )
    fits = [turn.disc_fit for _, turn, _ in own if turn.disc_fit is not None]
    record.disc = round(sum(fits) / len(fits), 3) if fits else None
    if status == FINISHED and card is not None:
        record.total, record.grade, record.steps = card.total, card.grade, dict(card.steps)
    return record


def _row(record: SessionRecord, now: float) -> dict:
    return {
        "class_code": record.class_code, "trainee": record.trainee, "scenario": record.scenario,
        "scenario_path": record.scenario_path, "title": record.title, "version": record.version,
        "method": record.method, "mode": record.mode, "coach": record.coach, "status": record.status,
        "outcome": record.outcome, "total": record.total, "grade": record.grade, "disc": record.disc,
        "taboo_count": record.taboo_count, "turn_count": len(record.turns),
        "steps": json.dumps(record.steps) if record.steps is not None else None,
        "started": record.started, "ended": record.ended, "updated": now, "seat": record.seat,
        "round_id": record.round_id, "points": record.points,
    }


def _csv(values) -> str:
    return ",".join(values)


def _turn_rows(session_id: int, record: SessionRecord) -> tuple[list[dict], list[dict]]:
    rows, phrases = [], []
    for n, turn, picked in record.turns:
        rows.append({
            "session_id": session_id, "n": n, "node": turn.node, "reply": turn.reply, "choice": turn.choice,
            "expected": _csv(turn.expected), "steps": _csv(turn.steps), "taboo": turn.taboo,
            "taboo_kinds": _csv(turn.taboo_kinds), "disc_fit": turn.disc_fit, "mood_before": turn.mood_before,
            "mood": turn.mood, "order_faults": _csv(turn.order_faults),
            "evidence": json.dumps(turn.evidence, ensure_ascii=False), "source": turn.source, "picked": picked,
        })
        if turn.taboo:
            phrases += taboo_rows(session_id, n, turn.evidence, turn.reply, list(turn.taboo_kinds))
    return rows, phrases


def start_session(store: Store, record: SessionRecord, clock=time.time) -> int:
    """A row marked `playing`, so a live board can show who is practising right now."""
    with store.write() as conn:
        return conn.execute(insert(sessions).values(**_row(record, clock()))).inserted_primary_key[0]


def checkpoint(store: Store, session_id: int, session: Session, clock=time.time) -> None:
    """After every turn: the state so far, so a crash loses at most the turn being typed."""
    with store.write() as conn:
        conn.execute(update(sessions).where(sessions.c.id == session_id).values(
            turn_count=len(session.state.turns), updated=clock()))
        conn.execute(update(session_states).where(session_states.c.session_id == session_id).values(
            state=json.dumps(session.state.to_dict(), ensure_ascii=False)))


def save_session(store: Store, record: SessionRecord, session_id: int | None = None, clock=time.time) -> int:
    """Write a session and its turns in one transaction; with an id, replace what that row held."""
    row = _row(record, clock())
    with store.write() as conn:
        if session_id is not None and conn.execute(select(sessions.c.id).where(sessions.c.id == session_id)).first():
            conn.execute(update(sessions).where(sessions.c.id == session_id).values(**row))
            for table in (turns, session_steps, taboo_phrases, session_states):
                conn.execute(delete(table).where(table.c.session_id == session_id))
        else:
            session_id = conn.execute(insert(sessions).values(**row)).inserted_primary_key[0]
        conn.execute(insert(session_states).values(session_id=session_id,
                                                   state=json.dumps(record.state, ensure_ascii=False)))
        rows, phrases = _turn_rows(session_id, record)
        if rows:
            conn.execute(insert(turns), rows)
        if phrases:
            conn.execute(insert(taboo_phrases), phrases)
        if record.steps:
            conn.execute(insert(session_steps), [{"session_id": session_id, "step": s, "points": p}
                                                 for s, p in record.steps.items()])
    return session_id


def get_session(store: Store, session_id: int) -> dict:
    with store.read() as conn:
        row = conn.execute(select(sessions, session_states.c.state)
                           .outerjoin(session_states, session_states.c.session_id == sessions.c.id)
                           .where(sessions.c.id == session_id)).mappings().first()
    if row is None:
        raise SimulatorError("resume.unknown", id=session_id)
    out = dict(row)
    out["state"] = json.loads(out["state"]) if out["state"] else None
    out["steps"] = json.loads(out["steps"]) if out["steps"] else None
    return out


def list_sessions(store: Store, status: str = INTERRUPTED, trainee: str | None = None,
                  class_code: str | None = None, seat: str | None = "solo") -> list[dict]:
    """Sessions without their state, oldest first."""
    query = select(sessions).where(sessions.c.status == status).order_by(sessions.c.started, sessions.c.id)
    if trainee is not None:
        query = query.where(sessions.c.trainee == trainee)
    if class_code is not None:
        query = query.where(sessions.c.class_code == class_code)
    if seat is not None:
        query = query.where(sessions.c.seat == seat)
    with store.read() as conn:
        rows = [dict(r) for r in conn.execute(query).mappings()]
    for r in rows:
        r["steps"] = json.loads(r["steps"]) if r["steps"] else None
    return rows


def trainees(store: Store) -> list[str]:
    with store.read() as conn:
        return [r[0] for r in conn.execute(select(sessions.c.trainee).distinct().order_by(sessions.c.trainee))]


def resumable(store: Store, trainee: str | None = None, now: float | None = None, stale: float = 30 * 60) -> list[dict]:
    """Interrupted sessions, and `playing` ones nobody has touched for a while (a crash or a killed terminal)."""
    now = time.time() if now is None else now
    rows = list_sessions(store, INTERRUPTED, trainee)
    rows += [r for r in list_sessions(store, PLAYING, trainee) if (r["updated"] or 0) < now - stale]
    return sorted(rows, key=lambda r: (r["started"] or 0, r["id"]))


def count_sessions(store: Store, class_code: str) -> int:
    from sqlalchemy import func

    with store.read() as conn:
        return conn.execute(select(func.count()).select_from(sessions).where(sessions.c.class_code == class_code)).scalar()
