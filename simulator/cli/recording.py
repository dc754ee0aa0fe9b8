"""Recording a play: open the store, check the class, checkpoint every turn, save at the end.

A store that cannot be reached never costs the trainee a result silently: one line says so, the report
still prints, and the session goes to a JSON file in the data directory instead.
"""

from __future__ import annotations

import getpass
import json
import os
import signal
import time
from contextlib import contextmanager
from pathlib import Path

from simulator.errors import SimulatorError
from simulator.messages import t

NAME_MAX = 40


def default_trainee() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # a container user without a passwd entry
        return os.environ.get("USER") or "trainee"


def check_trainee(name: str | None) -> str:
    name = (name or "").strip() or default_trainee()
    if len(name) > NAME_MAX:
        raise SimulatorError("record.name_too_long", max=NAME_MAX)
    return name


def warn(message: str) -> None:
    """One line on stderr; a terminal that has gone away must not turn a warning into a crash."""
    from simulator.cli.common import err_console
    from simulator.ui.text import plain

    try:
        err_console().print(plain(message, "yellow"), soft_wrap=True)
    except OSError:
        pass


class Recorder:
    """Everything `play`, `resume` and the menu need from the store, with failures reduced to warnings."""

    def __init__(self, db: str | None, trainee: str | None = None, class_code: str | None = None,
                 enabled: bool = True, session_id: int | None = None, quiet: bool = False):
        self.db = db
        self.trainee = check_trainee(trainee)
        self.class_code = class_code.strip().upper() if class_code else None
        self.enabled = enabled
        self.session_id = session_id
        self.quiet = quiet
        self.store = None
        self.problem: str | None = None  # why the store could not be used
        self.saved_to: str | None = None

    def open(self, scenario_id: str | None = None) -> None:
        """Reach the store and check the class; an unknown or closed class is the user's mistake (exit 2)."""
        if not self.enabled:
            return
        from simulator.store import StoreError, open_store
        from simulator.store.classes import require_class

        try:
            self.store = open_store(self.db)
        except StoreError as exc:
            if exc.key == "store.bad_url":
                raise
            self._fail(str(exc))
            return
        if self.class_code:
            try:
                cls = require_class(self.store, self.class_code, open_only=self.session_id is None)
            except StoreError as exc:
                self._fail(str(exc))
                return
            if scenario_id and cls["scenarios"] and scenario_id not in cls["scenarios"]:
                raise SimulatorError("class.not_in_class", code=cls["code"], scenario=scenario_id,
                                     allowed=", ".join(cls["scenarios"]))

    def start(self, session, coach: bool) -> None:
        if self.store is None:
            return
        from simulator.store import StoreError
        from simulator.store.sessions import PLAYING, make_record, save_session

        record = make_record(session, None, trainee=self.trainee, class_code=self.class_code, coach=coach,
                             status=PLAYING)
        try:
            self.session_id = save_session(self.store, record, self.session_id)
        except StoreError as exc:
            self._fail(str(exc))

    def turn(self, session) -> None:
        if self.store is None or self.session_id is None:
            return
        from simulator.store import StoreError
        from simulator.store.sessions import checkpoint

        try:
            checkpoint(self.store, self.session_id, session)
        except StoreError as exc:
            self._fail(str(exc))

    def finish(self, session, card, coach: bool, **part) -> int | None:
        """Store the session as finished or interrupted; returns its id, or None when it went to a file."""
        if not self.enabled:
            return None
        from simulator.scoring.card import score_session
        from simulator.store.sessions import make_record

        if card is None and session.finished and session.state.outcome != "interrupted":
            card = score_session(session.state, session.method, session.scenario.citizen.type)
        record = make_record(session, card, trainee=part.pop("trainee", self.trainee), class_code=self.class_code,
                             coach=coach, **part)
        return self.save(record)

    def save(self, record) -> int | None:
        if self.store is not None:
            from simulator.store import StoreError
            from simulator.store.sessions import save_session

            try:
                self.session_id = save_session(self.store, record, self.session_id if record.seat == "solo" else None)
                return self.session_id
            except StoreError as exc:
                self._fail(str(exc))
        self._to_file(record)
        return None

    def close(self) -> None:
        if self.store is not None:
            self.store.close()

    def _fail(self, why: str) -> None:
        if self.problem is None and not self.quiet:
            warn(t("record.store_down", reason=why))
        self.problem = why
        if self.store is not None:
            self.store.close()
        self.store = None

    def _to_file(self, record) -> None:
        """The fallback: the whole record as JSON, named in one line."""
        from dataclasses import asdict

        from platformdirs import user_data_dir

        folder = Path(user_data_dir("govsim", appauthor=False)) / "unsaved"
        path = folder / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{record.trainee}.json"
        data = asdict(record)
        data["turns"] = [{"n": n, "picked": picked, **asdict(turn)} for n, turn, picked in record.turns]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        except OSError as exc:
            warn(t("record.lost", reason=str(exc)))
            return
        self.saved_to = str(path)
        warn(t("record.saved_to_file", path=path))


class Hangup(KeyboardInterrupt):
    """SIGHUP (the terminal closed) or SIGTERM while playing: save, then exit 128 + the signal."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextmanager
def hangups_interrupt():
    """Turn SIGHUP and SIGTERM into Hangup for the block.

    Once one arrives, SIGHUP, SIGTERM and SIGINT are ignored until the process exits, so that the save
    that follows is not cut short (a closing terminal emulator may send several).
    """
    caught: dict[str, int] = {}
    wanted = [s for s in (getattr(signal, "SIGHUP", None), signal.SIGTERM) if s is not None]

    def handler(signum, _frame):
        for s in (*wanted, signal.SIGINT):
            signal.signal(s, signal.SIG_IGN)
        caught["signum"] = signum
        raise Hangup(signum)

    try:
        old = {s: signal.signal(s, handler) for s in wanted}
    except ValueError:  # not the main thread: nothing to catch
        old = {}
    try:
        yield caught
    finally:
        if not caught:
            for s, previous in old.items():
                signal.signal(s, previous)
