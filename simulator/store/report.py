"""What a trainer reads: the live board, the class report and a trainee's history, aggregated in SQL."""

from __future__ import annotations

import json
import time
from collections import defaultdict

from sqlalchemy import and_, func, literal_column, select

from simulator.store.classes import require_class
from simulator.store.db import Store
from simulator.store.schema import session_steps, sessions, taboo_phrases

RECENT = 5  # latest grades on the board
WEAKEST = 3  # trainees named per step
TOP_PHRASES = 10
PLAYING_FRESH = 30 * 60  # a `playing` row untouched for longer is a crashed session, not a live one
SOLO = "solo"


def _f(value, digits: int = 1) -> float | None:
    """AVG is a Decimal on PostgreSQL and a float on SQLite; round here rather than in SQL."""
    return None if value is None else round(float(value), digits)


def _finished(code: str):
    return and_(sessions.c.class_code == code, sessions.c.status == "finished", sessions.c.seat == SOLO)


def _step_sums(conn, code: str) -> list[tuple[str, str, str, int, int]]:
    """(trainee, scenario, step, sum of points, sessions): one pass over the points, every mean derives from it."""
    rows = conn.execute(
        select(sessions.c.trainee, sessions.c.scenario, session_steps.c.step, func.sum(session_steps.c.points),
               func.count())
        .join(session_steps, session_steps.c.session_id == sessions.c.id)
        .where(_finished(code)).group_by(sessions.c.trainee, sessions.c.scenario, session_steps.c.step))
    return [(trainee, scenario, step, int(total), int(n)) for trainee, scenario, step, total, n in rows]


def _means(sums: list[tuple], key) -> dict:
    """Exact means per key(trainee, scenario) and step, from the sums."""
    acc: dict = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for trainee, scenario, step, total, n in sums:
        cell = acc[key(trainee, scenario)][step]
        cell[0] += total
        cell[1] += n
    return {k: {step: _f(t / n) for step, (t, n) in steps.items()} for k, steps in acc.items()}


def _trainee_steps(sums: list[tuple]) -> dict[str, dict[str, float]]:
    return _means(sums, lambda trainee, _scenario: trainee)


def _recent(conn, code: str, count: int) -> dict[str, list[dict]]:
    rank = func.row_number().over(partition_by=sessions.c.trainee,
                                  order_by=(sessions.c.ended.desc(), sessions.c.id.desc())).label("rank")
    inner = (select(sessions.c.trainee, sessions.c.grade, sessions.c.total, sessions.c.scenario,
                    sessions.c.ended, rank).where(_finished(code)).subquery())
    rows = conn.execute(select(inner).where(inner.c.rank <= count).order_by(inner.c.trainee, inner.c.rank))
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows.mappings():
        out[r["trainee"]].append({"grade": r["grade"], "total": r["total"], "scenario": r["scenario"],
                                  "ended": r["ended"]})
    return out


def _step_order(conn, code: str) -> list[str]:
    """Step ids in the order of the methods the class used, the five-step method first."""
    from simulator.errors import SimulatorError
    from simulator.scoring.rubric import load_method

    methods = {m for (m,) in conn.execute(select(sessions.c.method).where(sessions.c.class_code == code).distinct())}
    order: list[str] = []
    for name in ("five-step", *sorted(methods - {"five-step", None})):
        try:
            order += [s for s in load_method(name).step_ids if s not in order]
        except SimulatorError:  # a trainer's own method, not among the built-ins: its steps come last
            pass
    seen = {s for (s,) in conn.execute(
        select(session_steps.c.step).join(sessions, session_steps.c.session_id == sessions.c.id)
        .where(sessions.c.class_code == code).distinct())}
    if not seen:
        return list(load_method("five-step").step_ids)
    return [s for s in order if s in seen] + sorted(seen - set(order))


def board(store: Store, code: str, now: float | None = None) -> dict:
    """Per trainee: finished sessions, mean and best total, mean points per step, latest grades, playing now."""
    now = time.time() if now is None else now
    cls = require_class(store, code)
    code = cls["code"]
    with store.read() as conn:
        rows = conn.execute(
            select(sessions.c.trainee, func.count(), func.avg(sessions.c.total), func.max(sessions.c.total),
                   func.max(sessions.c.ended))
            .where(_finished(code)).group_by(sessions.c.trainee)).all()
        steps = _trainee_steps(_step_sums(conn, code))
        recent = _recent(conn, code, RECENT)
        playing = conn.execute(
            select(sessions.c.trainee, sessions.c.scenario, sessions.c.turn_count, sessions.c.updated)
            .where(sessions.c.class_code == code, sessions.c.status == "playing",
                   sessions.c.updated >= now - PLAYING_FRESH).order_by(sessions.c.updated)).all()
        order = _step_order(conn, code)
    people: dict[str, dict] = {}
    for trainee, count, mean, best, last in rows:
        people[trainee] = {"trainee": trainee, "sessions": count, "mean": _f(mean), "best": best, "last": last,
                           "steps": steps.get(trainee, {}), "recent": recent.get(trainee, []), "playing": None}
    for trainee, scenario, turn_count, _updated in playing:
        entry = people.setdefault(trainee, {"trainee": trainee, "sessions": 0, "mean": None, "best": None,
                                            "last": None, "steps": {}, "recent": [], "playing": None})
        entry["playing"] = {"scenario": scenario, "turn": (turn_count or 0) + 1}
    ranked = sorted(people.values(), key=lambda p: (p["mean"] is None, -(p["mean"] or 0), -(p["best"] or 0),
                                                      p["trainee"]))
    return {"class": cls, "steps": order, "trainees": ranked, "sessions": sum(p["sessions"] for p in ranked),
            "updated": now}


def class_report(store: Store, code: str, now: float | None = None) -> dict:
    """Everything the report shows, as JSON-ready data."""
    cls = require_class(store, code)
    code = cls["code"]
    with store.read() as conn:
        order = _step_order(conn, code)
        trainees = _report_trainees(conn, code)
        sums = _step_sums(conn, code)
        steps = _trainee_steps(sums)
        for row in trainees:
            row["steps"] = steps.get(row["trainee"], {})
        class_steps = _means(sums, lambda _trainee, _scenario: "").get("", {})
        totals = dict(conn.execute(select(sessions.c.total, func.count()).where(_finished(code))
                                   .group_by(sessions.c.total)).all())
        phrases = conn.execute(
            select(taboo_phrases.c.phrase, taboo_phrases.c.kind, func.count().label("n"),
                   func.count(sessions.c.trainee.distinct()))
            .join(sessions, taboo_phrases.c.session_id == sessions.c.id)
            .where(sessions.c.class_code == code)
            .group_by(taboo_phrases.c.phrase, taboo_phrases.c.kind)
            .order_by(literal_column("n").desc(), taboo_phrases.c.phrase).limit(TOP_PHRASES)).all()
        solo = and_(sessions.c.class_code == code, sessions.c.seat == SOLO)
        counts = dict(conn.execute(select(sessions.c.status, func.count()).where(solo)
                                   .group_by(sessions.c.status)).all())
        turn_total = conn.execute(select(func.coalesce(func.sum(sessions.c.turn_count), 0)).where(solo)).scalar()
        scenarios = _report_scenarios(conn, code, _means(sums, lambda _trainee, scenario: scenario))
        rounds = _report_rounds(conn, code)
    step_rows = []
    for step in order:
        ranked = sorted((row for row in trainees if step in row["steps"]), key=lambda r: (r["steps"][step], r["trainee"]))
        step_rows.append({"step": step, "mean": class_steps.get(step),
                          "weakest": [{"trainee": r["trainee"], "mean": r["steps"][step]} for r in ranked[:WEAKEST]]})
    buckets = [0] * 10
    for total, n in totals.items():
        buckets[min(9, int(total) // 10)] += n
    return {
        "class": cls,
        "generated": time.time() if now is None else now,
        "steps": order,
        "counts": {"finished": counts.get("finished", 0), "interrupted": counts.get("interrupted", 0),
                   "playing": counts.get("playing", 0), "trainees": len(trainees), "turns": int(turn_total)},
        "trainees": trainees,
        "step_summary": step_rows,
        "taboo": [{"phrase": p, "kind": k, "count": n, "trainees": who} for p, k, n, who in phrases],
        "distribution": [{"from": i * 10, "to": 100 if i == 9 else i * 10 + 9, "count": c} for i, c in enumerate(buckets)],
        "scenarios": scenarios,
        "hotseat": rounds,
    }


def _report_trainees(conn, code: str) -> list[dict]:
    rows = conn.execute(
        select(sessions.c.trainee, func.count(), func.avg(sessions.c.total), func.max(sessions.c.total),
               func.sum(sessions.c.taboo_count), func.avg(sessions.c.disc), func.sum(sessions.c.turn_count))
        .where(_finished(code)).group_by(sessions.c.trainee)).all()
    grades: dict[str, dict[str, int]] = defaultdict(dict)
    for trainee, grade, n in conn.execute(select(sessions.c.trainee, sessions.c.grade, func.count())
                                          .where(_finished(code)).group_by(sessions.c.trainee, sessions.c.grade)):
        grades[trainee][grade] = n
    interrupted = dict(conn.execute(
        select(sessions.c.trainee, func.count())
        .where(sessions.c.class_code == code, sessions.c.status == "interrupted", sessions.c.seat == SOLO)
        .group_by(sessions.c.trainee)).all())
    latest = _recent(conn, code, 1)
    out = []
    for trainee, n, mean, best, taboo, disc, turn_count in rows:
        last = latest.get(trainee, [{}])[0]
        out.append({"trainee": trainee, "sessions": n, "interrupted": interrupted.pop(trainee, 0),
                    "mean": _f(mean), "best": best, "latest_grade": last.get("grade"), "latest_total": last.get("total"),
                    "grades": grades.get(trainee, {}), "taboo": int(taboo or 0), "disc": _f(disc, 2),
                    "turns": int(turn_count or 0)})
    for trainee, n in interrupted.items():  # trainees who never finished still show up
        out.append({"trainee": trainee, "sessions": 0, "interrupted": n, "mean": None, "best": None,
                    "latest_grade": None, "latest_total": None, "grades": {}, "taboo": 0, "disc": None, "turns": 0})
    out.sort(key=lambda r: (r["mean"] is None, -(r["mean"] or 0), r["trainee"]))
    return out


def _report_scenarios(conn, code: str, steps: dict[str, dict[str, float]]) -> list[dict]:
    rows = conn.execute(
        select(sessions.c.scenario, func.max(sessions.c.title), func.count(), func.count(sessions.c.trainee.distinct()),
               func.avg(sessions.c.total), func.max(sessions.c.total), func.sum(sessions.c.taboo_count))
        .where(_finished(code)).group_by(sessions.c.scenario).order_by(sessions.c.scenario)).all()
    outcomes: dict[str, dict[str, int]] = defaultdict(dict)
    for scenario, outcome, n in conn.execute(select(sessions.c.scenario, sessions.c.outcome, func.count())
                                             .where(_finished(code)).group_by(sessions.c.scenario, sessions.c.outcome)):
        outcomes[scenario][outcome] = n
    return [{"scenario": s, "title": title, "sessions": n, "trainees": who, "mean": _f(mean), "best": best,
             "taboo": int(taboo or 0), "outcomes": outcomes.get(s, {}), "steps": steps.get(s, {})}
            for s, title, n, who, mean, best, taboo in rows]


def _report_rounds(conn, code: str) -> list[dict]:
    rows = conn.execute(
        select(sessions.c.round_id, sessions.c.seat, sessions.c.scenario, sessions.c.title, sessions.c.trainee,
               sessions.c.points,
               sessions.c.turn_count, sessions.c.taboo_count, sessions.c.total, sessions.c.grade, sessions.c.status,
               sessions.c.started)
        .where(sessions.c.class_code == code, sessions.c.seat != SOLO)
        .order_by(sessions.c.started, sessions.c.round_id, sessions.c.id)).mappings()
    rounds: dict[str, dict] = {}
    for r in rows:
        entry = rounds.setdefault(r["round_id"], {"round": r["round_id"], "seat": r["seat"], "scenario": r["scenario"],
                                                  "title": r["title"],
                                                  "total": r["total"], "grade": r["grade"], "status": r["status"],
                                                  "started": r["started"], "trainees": []})
        entry["trainees"].append({"trainee": r["trainee"], "points": r["points"], "turns": r["turn_count"],
                                  "taboo": r["taboo_count"]})
    return list(rounds.values())


def history(store: Store, trainee: str, class_code: str | None = None) -> list[dict]:
    """A trainee's own sessions (finished and interrupted), oldest first."""
    query = (select(sessions.c.id, sessions.c.class_code, sessions.c.scenario, sessions.c.title, sessions.c.mode,
                    sessions.c.status, sessions.c.total, sessions.c.grade, sessions.c.steps, sessions.c.started,
                    sessions.c.seat, sessions.c.points, sessions.c.turn_count)
             .where(sessions.c.trainee == trainee, sessions.c.status.in_(("finished", "interrupted")))
             .order_by(sessions.c.started, sessions.c.id))
    if class_code:
        query = query.where(sessions.c.class_code == class_code.strip().upper())
    with store.read() as conn:
        rows = [dict(r) for r in conn.execute(query).mappings()]
    for r in rows:
        r["steps"] = json.loads(r["steps"]) if r["steps"] else {}
    return rows
