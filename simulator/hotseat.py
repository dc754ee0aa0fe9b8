"""Hot-seat rounds: several trainees answer one citizen, each reply scored to its author.

Rotation: trainees take the turns in order. Panel: at every turn each trainee answers, every answer is
scored on a copy of the session, and the best one carries the story on. Pure: no I/O.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from simulator.engine import Session, SessionState, Turn

NEUTRAL_FIT = 0.5


@dataclass
class Answer:
    """One trainee's reply at one turn, scored."""

    trainee: str
    n: int  # turn number in the round
    turn: Turn
    picked: bool = True
    points: int = 0


@dataclass
class Seat:
    trainee: str
    answers: list[Answer] = field(default_factory=list)

    @property
    def points(self) -> int:
        return round(sum(a.points for a in self.answers) / len(self.answers)) if self.answers else 0

    def summary(self, order: tuple[str, ...] = ()) -> dict:
        fits = [a.turn.disc_fit for a in self.answers if a.turn.disc_fit is not None]
        return {
            "trainee": self.trainee,
            "turns": len(self.answers),
            "picked": sum(1 for a in self.answers if a.picked),
            "steps": sorted({s for a in self.answers if not a.turn.taboo for s in a.turn.steps},
                            key=lambda s: (order.index(s) if s in order else len(order), s)),
            "step_count": sum(len(a.turn.steps) for a in self.answers if not a.turn.taboo),
            "taboo": sum(1 for a in self.answers if a.turn.taboo),
            "disc": round(sum(fits) / len(fits), 2) if fits else None,
            "points": self.points,
        }


def reply_points(turn: Turn) -> int:
    """0..100 for one reply: 60 for doing what the node expected, 20 for keeping the order, 20 for DISC fit.

    A node that expects nothing gives the 60 to any step performed (30 for none); a taboo reply scores 0.
    """
    if turn.taboo:
        return 0
    if turn.expected:
        hit = 60 * sum(1 for s in turn.expected if s in turn.steps) / len(turn.expected)
    else:
        hit = 60 if turn.steps else 30
    order = 0 if turn.order_faults else 20
    fit = 20 * (turn.disc_fit if turn.disc_fit is not None else NEUTRAL_FIT)
    return round(hit + order + fit)


def rank_key(turn: Turn) -> tuple:
    """Best first: no taboo, most expected steps, best DISC fit, then most steps at all."""
    hits = sum(1 for s in turn.expected if s in turn.steps)
    return (turn.taboo, -hits, -(turn.disc_fit or 0.0), -len(turn.steps))


class HotSeat:
    """Drives one shared Session for a team; the host asks `whose_turn` or `panel_order` and feeds replies."""

    def __init__(self, session: Session, trainees: list[str], panel: bool = False):
        self.session = session
        self.panel = panel
        self.seats = [Seat(name) for name in trainees]

    @property
    def trainees(self) -> list[str]:
        return [s.trainee for s in self.seats]

    def whose_turn(self) -> str:
        """In rotation, the trainee answering the current turn."""
        return self.seats[(self.session.turn_number - 1) % len(self.seats)].trainee

    def answer(self, trainee: str, reply: str, apply) -> Answer:
        """Rotation: the reply goes straight into the shared session."""
        n = self.session.turn_number
        turn = apply(self.session, reply)
        answer = Answer(trainee, n, turn, True, reply_points(turn))
        self._seat(trainee).answers.append(answer)
        return answer

    def try_answer(self, trainee: str, reply: str, apply) -> Answer:
        """Panel: score the reply on a copy of the session, leaving the story where it is."""
        trial = Session(self.session.scenario, self.session.method, self.session.mode,
                        state=SessionState.from_dict(copy.deepcopy(self.session.state.to_dict())),
                        clock=self.session.clock)
        turn = apply(trial, reply)
        return Answer(trainee, self.session.turn_number, turn, False, reply_points(turn))

    def commit(self, answers: list[Answer], replies: list[str], apply) -> Answer:
        """Panel: record every answer, and let the best one move the shared session on."""
        best = min(range(len(answers)), key=lambda i: (rank_key(answers[i].turn), i))
        for i, answer in enumerate(answers):
            answer.picked = i == best
            self._seat(answer.trainee).answers.append(answer)
        apply(self.session, replies[best])
        return answers[best]

    def board(self) -> list[dict]:
        rows = [s.summary(self.session.method.step_ids) for s in self.seats]
        return sorted(rows, key=lambda r: (-r["points"], r["taboo"], r["trainee"]))

    def parts(self) -> list[tuple[str, list[tuple[int, Turn, bool]], int]]:
        """Per trainee: their numbered turns and their points, for the store."""
        return [(s.trainee, [(a.n, a.turn, a.picked) for a in s.answers], s.points) for s in self.seats]

    def _seat(self, trainee: str) -> Seat:
        return next(s for s in self.seats if s.trainee == trainee)
