"""The results store: classes, sessions and turns in SQLite or PostgreSQL (SQLAlchemy Core).

Importing this package imports SQLAlchemy, so only commands that record or report import it.
"""

from __future__ import annotations

from simulator.store.db import Store, StoreError, resolve_url


def open_store(url: str | None = None, migrate: bool = True) -> Store:
    """The store named by `url`, GOVSIM_DB or the default file, brought up to the latest schema."""
    store = Store(resolve_url(url))
    if migrate:
        from simulator.store.schema import migrate as run_migrations

        try:
            run_migrations(store)
        except BaseException:
            store.close()
            raise
    return store


__all__ = ["Store", "StoreError", "open_store", "resolve_url"]
