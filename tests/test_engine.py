"""The engine: choices, free-text routes, mood, order faults; every test also runs after a JSON round trip."""

import json
from pathlib import Path

import pytest

from simulator.engine import STATE_VERSION, Session, SessionState
from simulator.errors import PlayError, SimulatorError
from simulator.loader import load_scenario
from simulator.scoring.rubric import load_method

COUNTER = Path(__file__).parent / "scenarios" / "engine" / "counter.yaml"


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(COUNTER)


@pytest.fixture(params=["live", "roundtrip"])
def fresh(request, scenario):
    """A factory for sessions; in the roundtrip variant, state is saved to JSON and restored after every move."""
    method = load_method("five-step")

    class Driver:
        def __init__(self, mode="choice"):
            self.session = Session(scenario, method, mode, clock=lambda: 1.0)

        def _cycle(self):
            if request.param == "roundtrip":
                data = json.loads(json.dumps(self.session.state.to_dict()))
                self.session = Session(scenario, method, state=SessionState.from_dict(data), clock=lambda: 1.0)

        def choose(self, i):
            turn = self.session.choose(i)
            self._cycle()
            return turn

        def reply(self, text):
            turn = self.session.reply(text)
            self._cycle()
            return turn

    return Driver


def test_choice_path_reaches_the_ending(fresh):
    d = fresh()
    for _ in range(4):
        d.choose(0)
    s = d.session
    assert s.finished and s.state.outcome == "resolved"
    assert [t.node for t in s.state.turns] == ["opening", "ask", "plan", "follow"]
    assert s.state.mood == 0  # 60 - 20 - 10 - 20 - 10


def test_choice_moves_mood_and_records_steps(fresh):
    d = fresh()
    turn = d.choose(0)
    assert turn.steps == ["receive"] and turn.mood_before == 60 and turn.mood == 40
    assert turn.choice == 1 and turn.feedback == "先安抚。"
    assert d.session.state.node == "ask"


def test_taboo_choice_escalates(fresh):
    d = fresh()
    turn = d.choose(1)
    assert turn.taboo and turn.disc_fit <= 0.2
    assert d.session.state.outcome == "escalated" and d.session.state.mood == 90


def test_proposing_before_confirming_is_an_order_fault(fresh):
    d = fresh()
    d.choose(0)  # receive
    turn = d.choose(1)  # propose at the confirm node
    assert turn.order_faults == ["propose"]


def test_free_text_takes_the_first_route_that_holds(fresh):
    d = fresh("free")
    turn = d.reply("您先别着急，请坐，慢慢说。")
    assert turn.steps == ["receive"] and turn.next == "ask"
    assert turn.mood < 60
    assert any(e["text"] == "别着急" for e in turn.evidence)


def test_free_text_taboo_route(fresh):
    d = fresh("free")
    turn = d.reply("你快点说，后面还有人排队。")
    assert turn.taboo and d.session.state.outcome == "escalated"
    assert turn.mood == 80  # +20 when a taboo route sets no mood


def test_free_text_phrase_route_and_route_mood(fresh):
    d = fresh("free")
    turn = d.reply("补办是吧")
    assert turn.next == "ask" and turn.mood == 60  # the phrase route sets mood: 0


def test_free_text_default_route(fresh):
    d = fresh("free")
    d.reply("嗯")
    assert d.session.state.node == "ask"


def test_free_text_best_path(fresh):
    d = fresh("free")
    d.reply("您先别着急，请坐。")
    d.reply("您的卡是哪天丢的？")
    d.reply("我现在帮您补办，今天就能拿，您看行吗？")
    d.reply("办好了我给您打电话。")
    assert d.session.state.outcome == "resolved"


def test_bad_choice_and_empty_reply_are_user_errors(fresh):
    d = fresh()
    with pytest.raises(PlayError):
        d.choose(7)
    with pytest.raises(PlayError):
        d.reply("   ")


def test_no_move_after_the_ending(fresh):
    d = fresh()
    d.choose(1)
    with pytest.raises(PlayError):
        d.choose(0)


def test_interrupt_marks_the_session(scenario):
    s = Session(scenario, load_method("five-step"), clock=lambda: 5.0)
    s.choose(0)
    s.interrupt()
    assert s.state.outcome == "interrupted" and s.state.ended == 5.0


def test_state_json_is_versioned(scenario):
    s = Session(scenario, load_method("five-step"))
    data = s.state.to_dict()
    assert data["version"] == STATE_VERSION
    data["version"] = 99
    with pytest.raises(SimulatorError):
        SessionState.from_dict(data)
