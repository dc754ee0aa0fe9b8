"""The tables, and the ordered migrations that build them; `schema_version` records how far a database is.

Each migration is frozen once released: it spells out its own DDL rather than reusing the live table
definitions below, so that upgrading an old database replays exactly what happened to new ones.
"""

from __future__ import annotations

import json

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
)
from sqlalchemy.engine import Connection

metadata = MetaData()

schema_version = Table("schema_version", metadata, Column("version", Integer, nullable=False))

classes = Table(
    "classes", metadata,
    Column("code", String(8), primary_key=True),
    Column("name", Text, nullable=False),
    Column("scenarios", Text, nullable=False),  # JSON list of scenario ids; empty means any
    Column("status", String(8), nullable=False),  # open | closed
    Column("created", Float, nullable=False),
    Column("closed", Float),
)

sessions = Table(
    "sessions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("class_code", String(8), ForeignKey("classes.code")),
    Column("trainee", Text, nullable=False),
    Column("scenario", Text, nullable=False),
    Column("scenario_path", Text),
    Column("title", Text),
    Column("version", String(64)),  # Scenario.digest
    Column("method", Text),
    Column("mode", String(8)),
    Column("coach", Boolean),
    Column("status", String(12), nullable=False),  # playing | finished | interrupted
    Column("outcome", String(12)),
    Column("total", Integer),
    Column("grade", String(10)),
    Column("disc", Float),
    Column("taboo_count", Integer),
    Column("turn_count", Integer),
    Column("steps", Text),  # JSON {step: points}
    Column("started", Float),
    Column("ended", Float),
    Column("updated", Float),
    # version 2
    Column("seat", String(8)),  # solo | hotseat | panel
    Column("round_id", String(16)),  # a hot-seat round
    Column("points", Integer),  # the trainee's own points in a hot-seat round
)

# the engine's SessionState as JSON, so a session can resume; apart, so that scans of sessions stay narrow
session_states = Table(
    "session_states", metadata,
    Column("session_id", Integer, ForeignKey("sessions.id"), primary_key=True),
    Column("state", Text, nullable=False),
)

turns = Table(
    "turns", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("session_id", Integer, ForeignKey("sessions.id"), nullable=False),
    Column("n", Integer, nullable=False),
    Column("node", Text),
    Column("reply", Text),
    Column("choice", Integer),
    Column("expected", Text),  # comma-separated step ids
    Column("steps", Text),
    Column("taboo", Boolean),
    Column("taboo_kinds", Text),
    Column("disc_fit", Float),
    Column("mood_before", Integer),
    Column("mood", Integer),
    Column("order_faults", Text),
    Column("evidence", Text),  # JSON
    Column("source", String(10)),
    Column("picked", Boolean),  # version 2: in a panel round, the reply that carried the story on
)

session_steps = Table(
    "session_steps", metadata,
    Column("session_id", Integer, ForeignKey("sessions.id"), primary_key=True),
    Column("step", String(32), primary_key=True),
    Column("points", Integer, nullable=False),
    sqlite_with_rowid=False,  # the key is the table: one lookup per session when reports join it
)

taboo_phrases = Table(
    "taboo_phrases", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("session_id", Integer, ForeignKey("sessions.id"), nullable=False),
    Column("n", Integer, nullable=False),
    Column("kind", String(32)),
    Column("phrase", Text, nullable=False),
)

Index("ix_sessions_class", sessions.c.class_code, sessions.c.status)
Index("ix_sessions_trainee", sessions.c.trainee)
Index("ix_turns_session", turns.c.session_id)
Index("ix_taboo_session", taboo_phrases.c.session_id)

PHRASE_MAX = 40


def taboo_rows(session_id: int, n: int, evidence: list[dict], reply: str, kinds: list[str]) -> list[dict]:
    """The phrases that made a reply taboo: the rubric's evidence, or a tagged choice's own words."""
    rows = [{"session_id": session_id, "n": n, "kind": e.get("label"), "phrase": e["text"][:PHRASE_MAX]}
            for e in evidence if e.get("kind") == "taboo" and e.get("text") and not e.get("rejected")]
    if not rows:
        rows = [{"session_id": session_id, "n": n, "kind": kinds[0] if kinds else None,
                 "phrase": reply.strip()[:PHRASE_MAX]}]
    return rows


# -- migrations ------------------------------------------------------------------------------------

def _v1(conn: Connection) -> None:
    """Classes, sessions (with points per step as JSON), their resumable states, and turns."""
    m = MetaData()
    Table("classes", m,
          Column("code", String(8), primary_key=True), Column("name", Text, nullable=False),
          Column("scenarios", Text, nullable=False), Column("status", String(8), nullable=False),
          Column("created", Float, nullable=False), Column("closed", Float))
    Table("sessions", m,
          Column("id", Integer, primary_key=True, autoincrement=True),
          Column("class_code", String(8), ForeignKey("classes.code")),
          Column("trainee", Text, nullable=False), Column("scenario", Text, nullable=False),
          Column("scenario_path", Text), Column("title", Text), Column("version", String(64)),
          Column("method", Text), Column("mode", String(8)), Column("coach", Boolean),
          Column("status", String(12), nullable=False), Column("outcome", String(12)),
          Column("total", Integer), Column("grade", String(10)), Column("disc", Float),
          Column("taboo_count", Integer), Column("turn_count", Integer), Column("steps", Text),
          Column("started", Float), Column("ended", Float), Column("updated", Float))
    Table("session_states", m,
          Column("session_id", Integer, ForeignKey("sessions.id"), primary_key=True),
          Column("state", Text, nullable=False))
    Table("turns", m,
          Column("id", Integer, primary_key=True, autoincrement=True),
          Column("session_id", Integer, ForeignKey("sessions.id"), nullable=False),
          Column("n", Integer, nullable=False), Column("node", Text), Column("reply", Text),
          Column("choice", Integer), Column("expected", Text), Column("steps", Text),
          Column("taboo", Boolean), Column("taboo_kinds", Text), Column("disc_fit", Float),
          Column("mood_before", Integer), Column("mood", Integer), Column("order_faults", Text),
          Column("evidence", Text), Column("source", String(10)))
    m.create_all(conn)
    conn.exec_driver_sql("CREATE INDEX ix_sessions_class ON sessions (class_code, status)")
    conn.exec_driver_sql("CREATE INDEX ix_turns_session ON turns (session_id)")


def _v2(conn: Connection) -> None:
    """Hot-seat columns, and points per step and taboo phrases as rows so reports aggregate in SQL."""
    for ddl in ("ALTER TABLE sessions ADD COLUMN seat VARCHAR(8)",
                "ALTER TABLE sessions ADD COLUMN round_id VARCHAR(16)",
                "ALTER TABLE sessions ADD COLUMN points INTEGER",
                "ALTER TABLE turns ADD COLUMN picked BOOLEAN",
                "UPDATE sessions SET seat = 'solo'",
                "CREATE INDEX ix_sessions_trainee ON sessions (trainee)"):
        conn.exec_driver_sql(ddl)
    m = MetaData()
    Table("sessions", m, Column("id", Integer, primary_key=True))  # only so the foreign keys resolve
    steps = Table("session_steps", m,
                  Column("session_id", Integer, ForeignKey("sessions.id"), primary_key=True),
                  Column("step", String(32), primary_key=True), Column("points", Integer, nullable=False),
                  sqlite_with_rowid=False)
    phrases = Table("taboo_phrases", m,
                    Column("id", Integer, primary_key=True, autoincrement=True),
                    Column("session_id", Integer, ForeignKey("sessions.id"), nullable=False),
                    Column("n", Integer, nullable=False), Column("kind", String(32)),
                    Column("phrase", Text, nullable=False))
    m.create_all(conn, tables=[steps, phrases])
    conn.exec_driver_sql("CREATE INDEX ix_taboo_session ON taboo_phrases (session_id)")
    # backfill from the JSON that version 1 kept
    rows = [{"session_id": sid, "step": step, "points": int(points)}
            for sid, raw in conn.execute(select(sessions.c.id, sessions.c.steps).where(sessions.c.steps.is_not(None)))
            for step, points in json.loads(raw).items()]
    if rows:
        conn.execute(steps.insert(), rows)
    found = conn.execute(select(turns.c.session_id, turns.c.n, turns.c.evidence, turns.c.reply, turns.c.taboo_kinds)
                         .where(turns.c.taboo.is_(True)))
    rows = [r for sid, n, ev, reply, kinds in found
            for r in taboo_rows(sid, n, json.loads(ev or "[]"), reply or "", [k for k in (kinds or "").split(",") if k])]
    if rows:
        conn.execute(phrases.insert(), rows)


MIGRATIONS = [_v1, _v2]
LATEST = len(MIGRATIONS)
_PG_LOCK = 7_150_001  # an arbitrary key for pg_advisory_xact_lock


def current_version(conn: Connection) -> int:
    from sqlalchemy import inspect

    if not inspect(conn).has_table("schema_version"):
        return 0
    return conn.execute(select(schema_version.c.version)).scalar() or 0


def migrate(store, target: int = LATEST) -> int:
    """Bring the database up to `target`; concurrent callers wait for each other. Returns the version."""
    with store.read() as conn:
        if current_version(conn) >= target:
            return target
    with store.write() as conn:
        if store.dialect == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK})")
        version = current_version(conn)
        if version == 0:
            schema_version.create(conn, checkfirst=True)
            conn.execute(schema_version.insert().values(version=0))
        for number in range(version + 1, target + 1):
            MIGRATIONS[number - 1](conn)
        if target > version:
            conn.execute(schema_version.update().values(version=target))
        return max(version, target)
