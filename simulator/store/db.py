"""Where results live: one SQLAlchemy engine over SQLite (the default) or PostgreSQL.

SQLite gets WAL, a busy timeout and `BEGIN IMMEDIATE` for transactions that read then write,
so forty trainees finishing at once queue for the lock instead of failing with "database is locked".
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from simulator.errors import SimulatorError

BUSY_TIMEOUT_MS = 60_000
CONNECT_TIMEOUT_S = 5
_WRITE = "govsim_write"


class StoreError(SimulatorError):
    """The results store cannot be reached or used."""


def default_url() -> str:
    from platformdirs import user_data_dir

    return "sqlite:///" + str(Path(user_data_dir("govsim", appauthor=False)) / "govsim.db")


def resolve_url(explicit: str | None = None) -> str:
    """`--db`, else GOVSIM_DB, else a SQLite file in the user's data directory; a bare path means SQLite."""
    raw = (explicit or os.environ.get("GOVSIM_DB") or "").strip()
    if not raw:
        return default_url()
    if "://" not in raw:
        return "sqlite:///" + str(Path(raw).expanduser().resolve())
    scheme, rest = raw.split("://", 1)
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        return "postgresql+psycopg://" + rest
    if scheme == "sqlite":
        return raw
    raise StoreError("store.bad_url", url=_redact(raw))


def _redact(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.split("@")[-1]


def reason(exc: BaseException) -> str:
    """The first line of a driver's error, without SQLAlchemy's background link."""
    inner = getattr(exc, "orig", None) or exc
    text = str(inner).strip().splitlines()
    return text[0] if text else type(inner).__name__


class Store:
    """A connection factory: `write()` for transactions that change data, `read()` for queries."""

    def __init__(self, url: str):
        self.url = url
        self.where = _redact(url)
        try:
            if url.startswith("sqlite"):
                self.engine = _sqlite_engine(url)
            else:
                self.engine = create_engine(url, pool_pre_ping=True,
                                            connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
        except (ArgumentError, NoSuchModuleError) as exc:
            raise StoreError("store.bad_url", url=self.where) from exc
        self.dialect = self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction; on SQLite it takes the write lock up front (BEGIN IMMEDIATE)."""
        with self._translate(), self.engine.connect() as conn:
            conn.execution_options(**{_WRITE: True})
            with conn.begin():
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self._translate(), self.engine.connect() as conn, conn.begin():
            yield conn

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _translate(self) -> Iterator[None]:
        # only failures to reach or use the database become a user message; a wrong query is a bug
        from sqlalchemy.exc import InterfaceError, OperationalError

        try:
            yield
        except (OperationalError, InterfaceError) as exc:
            raise StoreError("store.unreachable", where=self.where, reason=reason(exc)) from exc
        except DBAPIError as exc:
            if exc.connection_invalidated:
                raise StoreError("store.unreachable", where=self.where, reason=reason(exc)) from exc
            raise


def _switch_to_wal(cur) -> None:
    """WAL is a property of the file, set once; SQLite does not wait on its busy timeout for that switch."""
    import sqlite3

    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.005
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(0.2, delay * 2)


def _sqlite_engine(url: str):
    database = make_url(url).database
    if database and database != ":memory:":
        try:
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError("store.unreachable", where=url, reason=str(exc)) from exc
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        # pysqlite's own BEGIN is deferred and comes too late for read-then-write: issue our own
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if cur.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            _switch_to_wal(cur)
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")

    return engine
