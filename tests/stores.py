"""Store fixtures for both backends: a SQLite file per test, and a PostgreSQL schema per test.

PostgreSQL comes from GOVSIM_TEST_PG (`.ci/run` starts a server and sets it). Without it the
PostgreSQL cases skip, except in CI (CI=true), where a skipped PostgreSQL test is a failure.
"""

from __future__ import annotations

import os
import uuid
from urllib.parse import quote

import pytest

PG_ENV = "GOVSIM_TEST_PG"
BACKENDS = ["sqlite", "postgresql"]


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def pg_base_url() -> str:
    url = os.environ.get(PG_ENV, "")
    if not url:
        if _in_ci():
            pytest.fail(f"{PG_ENV} is not set: CI must run the store tests on PostgreSQL too")
        pytest.skip(f"PostgreSQL not configured ({PG_ENV} unset)")
    return url


def _pg_admin(base: str):
    from sqlalchemy import create_engine

    return create_engine("postgresql+psycopg://" + base.split("://", 1)[1], isolation_level="AUTOCOMMIT")


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """A fresh, empty database URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'govsim.db'}"
        return
    base = pg_base_url()
    schema = "t_" + uuid.uuid4().hex[:12]
    try:
        admin = _pg_admin(base)
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    except Exception as exc:  # the server named by GOVSIM_TEST_PG is down
        if _in_ci():
            pytest.fail(f"PostgreSQL at {PG_ENV} is unreachable: {exc}")
        pytest.skip(f"PostgreSQL unreachable: {exc}")
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options={quote('-csearch_path=' + schema)}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    admin.dispose()


@pytest.fixture
def store(db_url):
    from simulator.store import open_store

    s = open_store(db_url)
    yield s
    s.close()
