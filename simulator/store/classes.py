"""Classes: a code trainees type to join, a name, the scenarios it practises, open or closed."""

from __future__ import annotations

import json
import secrets
import time

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from simulator.errors import SimulatorError
from simulator.store.db import Store
from simulator.store.schema import classes, session_states, session_steps, sessions, taboo_phrases, turns

# easy to read aloud and to type: no 0/O, no 1/I
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 5
MIN_CODE, MAX_CODE = 4, 8
_TRIES_PER_LENGTH = 8


def new_code(length: int = CODE_LENGTH) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def normalize_code(code: str) -> str:
    return code.strip().upper()


def open_class(store: Store, name: str, scenarios: list[str] = (), code_factory=new_code,
               clock=time.time) -> str:
    """Create a class and return its code; a collision draws again, and longer codes after a few."""
    if not name.strip():
        raise SimulatorError("class.empty_name")
    length = CODE_LENGTH
    tries = 0
    while True:
        code = code_factory(length)
        try:
            with store.write() as conn:
                conn.execute(classes.insert().values(code=code, name=name.strip(), scenarios=json.dumps(list(scenarios)),
                                                     status="open", created=clock()))
            return code
        except IntegrityError:
            tries += 1
            if tries % _TRIES_PER_LENGTH == 0:
                length = min(MAX_CODE, length + 1)


def get_class(store: Store, code: str) -> dict | None:
    with store.read() as conn:
        row = conn.execute(select(classes).where(classes.c.code == normalize_code(code))).mappings().first()
    return _class_dict(row) if row else None


def require_class(store: Store, code: str, open_only: bool = False) -> dict:
    """The class with this code; an unknown code (or a closed class, when joining) is the user's mistake."""
    found = get_class(store, code)
    if found is None:
        raise SimulatorError("class.unknown", code=normalize_code(code))
    if open_only and found["status"] != "open":
        raise SimulatorError("class.closed", code=found["code"], name=found["name"])
    return found


def list_classes(store: Store, open_only: bool = False) -> list[dict]:
    count = (select(sessions.c.class_code, func.count().label("sessions"),
                    func.count(sessions.c.trainee.distinct()).label("trainees"))
             .where(sessions.c.status == "finished").group_by(sessions.c.class_code).subquery())
    query = (select(classes, func.coalesce(count.c.sessions, 0).label("sessions"),
                    func.coalesce(count.c.trainees, 0).label("trainees"))
             .outerjoin(count, count.c.class_code == classes.c.code)
             .order_by(classes.c.created.desc()))
    if open_only:
        query = query.where(classes.c.status == "open")
    with store.read() as conn:
        return [_class_dict(row) for row in conn.execute(query).mappings()]


def close_class(store: Store, code: str, clock=time.time) -> dict:
    found = require_class(store, code)
    with store.write() as conn:
        conn.execute(update(classes).where(classes.c.code == found["code"]).values(status="closed", closed=clock()))
    return found


def delete_class(store: Store, code: str) -> int:
    """Remove a class and every record in it; returns how many sessions went."""
    found = require_class(store, code)
    mine = select(sessions.c.id).where(sessions.c.class_code == found["code"])
    with store.write() as conn:
        conn.execute(delete(turns).where(turns.c.session_id.in_(mine)))
        conn.execute(delete(session_steps).where(session_steps.c.session_id.in_(mine)))
        conn.execute(delete(taboo_phrases).where(taboo_phrases.c.session_id.in_(mine)))
        conn.execute(delete(session_states).where(session_states.c.session_id.in_(mine)))
        gone = conn.execute(delete(sessions).where(sessions.c.class_code == found["code"])).rowcount
        conn.execute(delete(classes).where(classes.c.code == found["code"]))
    return gone


def _class_dict(row) -> dict:
    out = {key: row[key] for key in ("code", "name", "status", "created", "closed")}
    out["scenarios"] = json.loads(row["scenarios"] or "[]")
    for key in ("sessions", "trainees"):
        if key in row:
            out[key] = int(row[key])
    return out
