"""A finished (or interrupted) session as one JSON-ready object."""

from __future__ import annotations

from simulator.engine import Session
from simulator.scoring.card import GRADE_ZH, ScoreCard, score_session


def session_result(session: Session, card: ScoreCard | None = None) -> dict:
    card = card or score_session(session.state, session.method, session.scenario.citizen.type)
    state = session.state
    return {
        "scenario": session.scenario.id,
        "title": session.scenario.title,
        "version": session.scenario.digest,
        "method": session.method.id,
        "mode": state.mode,
        "citizen_type": session.scenario.citizen.type,
        "outcome": card.outcome,
        "total": card.total,
        "grade": GRADE_ZH[card.grade],
        "grade_id": card.grade,
        "steps": card.steps,
        "order": card.order,
        "expectation_hits": card.hits,
        "taboo_count": card.taboo_count,
        "disc": card.disc,
        "final_mood": card.final_mood,
        "missed": card.missed,
        "late": card.late,
        "tips": [{"kind": tip.kind, "step": tip.step} for tip in card.tips],
        "turns": [
            {
                "node": turn.node,
                "say": turn.say,
                "reply": turn.reply,
                "choice": turn.choice,
                "expected": turn.expected,
                "steps": turn.steps,
                "taboo": turn.taboo,
                "taboo_kinds": turn.taboo_kinds,
                "disc_fit": turn.disc_fit,
                "mood": turn.mood,
                "order_faults": turn.order_faults,
                "evidence": turn.evidence,
            }
            for turn in state.turns
        ],
        "started": state.started,
        "ended": state.ended,
    }
