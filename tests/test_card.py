"""The session scorecard: the formula in docs/scoring.md, and the grade rules."""

from pathlib import Path

import pytest

from simulator.loader import load_scenario
from simulator.scoring.card import score_session
from simulator.scoring.rubric import load_method
from simulator.selftest import play_script

COUNTER = Path(__file__).parent / "scenarios" / "engine" / "counter.yaml"


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(COUNTER)


def card_for(scenario, replies, mode="choice"):
    method = load_method("five-step")
    session = play_script(scenario, method, replies, mode)
    return score_session(session.state, method, scenario.citizen.type)


def test_best_path_scores_every_step(scenario):
    card = card_for(scenario, ["#1", "#1", "#1", "#1"])
    assert card.steps == {"receive": 100, "confirm": 100, "propose": 100, "agree": 100, "follow_up": 100}
    assert card.order == 1.0 and card.taboo_count == 0 and card.outcome == "resolved"
    assert card.total >= 85
    assert card.grade == "excellent" or card.disc < 0.6


def test_taboo_caps_the_grade(scenario):
    card = card_for(scenario, ["#2"])
    assert card.taboo_count == 1 and card.grade == "poor"
    assert card.tips[0].kind == "taboo"


def test_skipping_confirm_loses_points_and_order(scenario):
    card = card_for(scenario, ["#1", "#2", "#1", "#1"])
    assert card.steps["confirm"] < 50
    assert card.late == ["propose"] or "confirm" in card.missed
    assert card.grade != "excellent"


def test_partial_outcome_is_not_excellent(scenario):
    card = card_for(scenario, ["#1", "#1", "#1", "#2"])
    assert card.outcome == "partial" and card.grade != "excellent"
    assert "follow_up" in card.missed


def test_total_is_bounded(scenario):
    for path in (["#2"], ["#1", "#1", "#2"], ["#3", "#2", "#2"]):
        assert 0 <= card_for(scenario, path).total <= 100


def test_tips_are_at_most_three_and_ranked(scenario):
    card = card_for(scenario, ["#3", "#2", "#2"])
    assert 1 <= len(card.tips) <= 3
    assert [t.weight for t in card.tips] == sorted((t.weight for t in card.tips), reverse=True)
