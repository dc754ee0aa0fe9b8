"""The n-gram model behind the cues: when the scorer follows it, how it is explained, how a method sets it."""

from __future__ import annotations

import json

import pytest

from simulator.errors import ScenarioError, SimulatorError
from simulator.scoring import ngram
from simulator.scoring.normalize import normalize
from simulator.scoring.reply import MODEL_PATTERN, score_reply
from simulator.scoring.rubric import load_method, load_method_file

TARGETS = ["taboo", "ask", "offer"]
KINDS = ["shirk", "blame"]


def _tiny_model(**grams: list[float]) -> dict:
    """A model whose only n-grams are `grams`; a row is idf, taboo, ask, offer, shirk, blame."""
    names = sorted(grams)
    return {"format": ngram.FORMAT, "sizes": [1, 2], "fold": {"您": "你"}, "targets": TARGETS, "kinds": KINDS,
            "bias": [-3.0, -3.0, -3.0, 0, 0], "grams": "\n".join(names),
            "weights": ngram.pack([grams[g] for g in names])}


MINI = """
id: mini
steps:
  - id: ask
    cues:
      - {pattern: '吗', note: 提问}
  - id: offer
    cues:
      - {pattern: '帮你', note: 帮忙}
taboo:
  - kind: blame
    cues:
      - {pattern: '办不了', note: 拒绝}
negation:
  words: [不能]
model:
  file: tiny
  taboo: {threshold: 0.5, unless_steps: [ask]}
  steps: {keep: 0.3, add: 0.9}
"""

# 芒果 pushes hard towards taboo (kind: blame); 香蕉 is known and neutral; 苹果 says "offer"; 梨 says "not ask"
ROWS = {
    "芒果": [1.0, 20.0, 0, 0, 0, 5.0],
    "香蕉": [1.0, 0, 0, 0, 0, 0],
    "苹果": [1.0, 0, 0, 20.0, 0, 0],
    "梨": [1.0, 0, -20.0, 3.0, 0, 0],
    "吗": [1.0, 0, 6.0, 0, 0, 0],
    "帮你": [1.0, 0, 0, 6.0, 0, 0],
}


@pytest.fixture
def mini(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVSIM_NO_CACHE", "1")
    (tmp_path / "tiny.json").write_text(json.dumps(_tiny_model(**ROWS)), encoding="utf-8")
    path = tmp_path / "mini.yaml"
    path.write_text(MINI, encoding="utf-8")
    return load_method_file(path)


# -- taboo ---------------------------------------------------------------------------------------
def test_model_flags_a_reply_no_cue_found(mini):
    result = score_reply("芒果", mini)
    assert result.taboo and result.taboo_kinds == ("blame",)
    [found] = [e for e in result.evidence if e.pattern == MODEL_PATTERN]
    assert (found.kind, found.text) == ("taboo", "芒果") and "1.00" in found.note
    assert result.model.used and result.model.probability > 0.99
    assert result.to_dict()["model"]["used"] is True


def test_model_quotes_the_reply_as_typed(mini):
    result = score_reply("ＯＫ，芒果  ！", mini)  # full-width letters, stray spaces: quoted as typed
    assert result.taboo
    assert [e.text for e in result.evidence if e.pattern == MODEL_PATTERN] == ["芒果"]


def test_model_is_not_followed_when_the_reply_does_an_unless_step(mini):
    result = score_reply("芒果吗", mini)
    assert not result.taboo and result.steps == ("ask",)
    assert not result.model.used and (result.model.why, result.model.detail) == ("steps", "ask")


def test_a_model_all_but_certain_overrules_the_unless_steps(tmp_path, mini):
    (tmp_path / "sure.yaml").write_text(MINI.replace("id: mini", "id: sure").replace(
        "unless_steps: [ask]", "unless_steps: [ask], overrule: 0.9"), encoding="utf-8")
    sure = load_method_file(tmp_path / "sure.yaml")
    result = score_reply("芒果吗", sure)  # taboo 0.99 or more: asking something does not save it
    assert result.taboo and result.steps == ("ask",) and result.model.used
    assert result.model.detail == "ask"  # the step it overruled, for --explain
    assert not score_reply("香蕉吗", sure).taboo  # below the threshold: nothing to overrule


def test_model_below_its_threshold_does_not_count(mini):
    result = score_reply("香蕉", mini)
    assert not result.taboo and result.model.why == "below"
    assert result.model.probability == pytest.approx(1 / (1 + 2.718281828 ** 3), abs=1e-3)
    assert "model" not in result.to_dict()  # JSON names the model only when it changed the verdict


def test_a_cue_taboo_needs_no_second_opinion(mini):
    result = score_reply("办不了", mini)
    assert result.taboo_kinds == ("blame",) and result.model.why == "rubric"
    assert not any(e.pattern == MODEL_PATTERN for e in result.evidence)


def test_a_way_forward_still_counts_when_the_model_judges_taboo(mini):
    result = score_reply("芒果，我帮你", mini)
    assert result.taboo and "offer" in result.steps


def test_model_sure_of_civility_dismisses_a_cue_taboo(tmp_path, mini):
    (tmp_path / "lenient.yaml").write_text(MINI.replace("id: mini", "id: lenient").replace(
        "threshold: 0.5,", "threshold: 0.5, dismiss: 0.1,"), encoding="utf-8")
    lenient = load_method_file(tmp_path / "lenient.yaml")
    result = score_reply("办不了", lenient)  # the model gives taboo 0.05 (its bias alone)
    assert not result.taboo and result.model.why == "dismissed" and result.to_dict()["model"]["why"] == "dismissed"
    [why] = [e for e in result.rejected if e.kind == "taboo"]
    assert why.rejected == "model" and why.detail == "0.05"
    assert score_reply("办不了芒果", lenient).taboo  # the model does not find it civil: the cue stands


def test_a_firm_cue_is_never_dismissed(tmp_path, mini):
    body = MINI.replace("id: mini", "id: firm").replace("threshold: 0.5,", "threshold: 0.5, dismiss: 0.1,")
    body = body.replace("{pattern: '办不了', note: 拒绝}", "{pattern: '办不了', firm: true, note: 拒绝}")
    (tmp_path / "firm.yaml").write_text(body, encoding="utf-8")
    result = score_reply("办不了", load_method_file(tmp_path / "firm.yaml"))
    assert result.taboo_kinds == ("blame",) and result.model.why == "rubric"


def test_the_course_examples_stay_taboo_whatever_follows():
    five = load_method("five-step")
    for text in ("这不归我管，您可以在App上申请，三个工作日内办好。", "跟我没关系，您去三楼问问，那边能办。"):
        assert score_reply(text, five).taboo, text


def test_model_does_not_judge_a_very_short_reply(tmp_path, mini):
    (tmp_path / "strict.yaml").write_text(MINI.replace("id: mini", "id: strict").replace(
        "threshold: 0.5,", "threshold: 0.5, min_chars: 6,"), encoding="utf-8")
    strict = load_method_file(tmp_path / "strict.yaml")
    short = score_reply("芒果", strict)
    assert not short.taboo and short.model.why == "short"
    assert score_reply("芒果芒果芒果芒果", strict).taboo


# -- steps ---------------------------------------------------------------------------------------
def test_model_adds_a_step_no_cue_looked_at(mini):
    result = score_reply("苹果", mini)
    assert result.steps == ("offer",) and result.model.added == ["offer"]
    [found] = [e for e in result.evidence if e.pattern == MODEL_PATTERN]
    assert (found.kind, found.label, found.text) == ("step", "offer", "苹果")


def test_model_does_not_add_a_step_the_rules_set_aside(mini):
    # 我不能帮你 has a cue for `offer`, negated by the rules: the model may not overrule that
    result = score_reply("我不能帮你，苹果", mini)
    assert "offer" not in result.steps and result.model.added == []


def test_model_drops_a_step_it_finds_unlikely(mini):
    result = score_reply("梨吗", mini)
    assert "ask" not in result.steps and result.model.dropped == ["ask"]
    [why] = [e for e in result.rejected if e.label == "ask"]
    assert why.rejected == "model" and float(why.detail) < 0.3


def test_a_step_is_judged_near_its_words_in_a_long_reply(mini):
    # 梨 far away in the same reply does not cancel the question asked here
    text = "吗，香蕉，香蕉，香蕉，香蕉，梨梨梨梨"
    assert "ask" in score_reply(text, mini).steps
    assert "ask" not in score_reply("梨梨梨梨吗", mini).steps


def test_a_scene_phrase_is_never_dropped(mini):
    assert "ask" in score_reply("梨吗", mini, extra_phrases={"ask": ("梨吗",)}).steps


def test_a_step_can_have_a_keep_of_its_own(tmp_path, mini):
    assert score_reply("香蕉吗", mini).model.probabilities["ask"] == pytest.approx(0.776, abs=1e-3)
    body = MINI.replace("id: mini", "id: strict").replace("keep: 0.3,", "keep: 0.3, keep_for: {ask: 0.9},")
    (tmp_path / "strict.yaml").write_text(body, encoding="utf-8")
    strict = load_method_file(tmp_path / "strict.yaml")
    result = score_reply("香蕉吗", strict)
    assert "ask" not in result.steps and result.model.dropped == ["ask"] and result.model.keep_for == {"ask": 0.9}
    assert "offer" in score_reply("香蕉帮你", strict).steps  # the other steps keep the method's keep
    # a step cue marked firm is never dropped by the model
    firm = body.replace("id: strict", "id: firm").replace("{pattern: '吗', note: 提问}", "{pattern: '吗', firm: true, note: 提问}")
    (tmp_path / "firm.yaml").write_text(firm, encoding="utf-8")
    assert "ask" in score_reply("香蕉吗", load_method_file(tmp_path / "firm.yaml")).steps


def test_keep_for_names_steps_of_the_method(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVSIM_NO_CACHE", "1")
    (tmp_path / "tiny.json").write_text(json.dumps(_tiny_model()), encoding="utf-8")
    body = MINI.replace("keep: 0.3,", "keep: 0.3, keep_for: {ask: 2, aks: 0.5},")
    (tmp_path / "bad.yaml").write_text(body.replace("id: mini", "id: bad"), encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_method_file(tmp_path / "bad.yaml")
    codes = sorted(d.code for d in info.value.diagnostics)
    assert codes == ["S101", "S104"]
    assert any("ask" in d.message for d in info.value.diagnostics if d.code == "S101")  # did you mean ask?


# -- the method file -----------------------------------------------------------------------------
def test_method_can_turn_the_model_off(tmp_path, mini):
    (tmp_path / "nomodel.yaml").write_text("id: nomodel\nextends: mini\nsteps: []\nmodel: false\n", encoding="utf-8")
    off = load_method_file(tmp_path / "nomodel.yaml")
    assert off.ngram is None
    assert not score_reply("芒果", off).taboo


def test_unknown_model_is_reported_with_its_place(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVSIM_NO_CACHE", "1")
    body = MINI.replace("file: tiny", "file: nosuch")
    (tmp_path / "bad.yaml").write_text(body.replace("id: mini", "id: bad"), encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_method_file(tmp_path / "bad.yaml")
    [d] = info.value.diagnostics
    line = body.splitlines().index("  file: nosuch") + 1
    assert (d.code, d.span.line, d.span.column) == ("S105", line, 9)
    assert "reply-ngram" in d.message  # the built-in models are offered


def test_unknown_unless_step_and_bad_threshold_are_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVSIM_NO_CACHE", "1")
    (tmp_path / "tiny.json").write_text(json.dumps(_tiny_model()), encoding="utf-8")
    body = MINI.replace("[ask]", "[ask, nope], overrule: 1.5").replace("keep: 0.3", "keep: 3")
    (tmp_path / "bad.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_method_file(tmp_path / "bad.yaml")
    assert sorted(d.code for d in info.value.diagnostics) == ["S104", "S104", "S105"]


def test_a_damaged_model_file_is_one_clear_error(tmp_path, mini):
    ngram.load_model.cache_clear()
    (tmp_path / "tiny.json").write_text('{"format": "govsim-ngram/1", "grams": "a"}', encoding="utf-8")
    try:
        with pytest.raises(SimulatorError) as info:
            score_reply("芒果", mini)
        assert info.value.key == "error.bad_model"
    finally:
        ngram.load_model.cache_clear()


def test_pack_round_trip():
    model = ngram.NgramModel(_tiny_model(**{"甲": [1.5, -2.25, 0, 0, 0, 0.5], "乙丙": [2.0, 3.0, 1, 2, 3, 4]}))
    for gram, row in (("甲", [1.5, -2.25, 0, 0, 0, 0.5]), ("乙丙", [2.0, 3.0, 1, 2, 3, 4])):
        i = model.index[gram]
        assert [model.idf[i], *(column[i] for column in model.columns)] == row


def test_six_step_reads_the_model_under_its_own_step_names():
    six = load_method("six-step")
    assert six.ngram["taboo"]["unless_steps"] == ("soothe", "follow_up")
    assert six.ngram["steps"]["keep_for"] == {"cause": 0.6, "follow_up": 0.3}
    result = score_reply("您好，请坐，您慢慢说", six)
    assert "soothe" in result.model.probabilities and "receive" not in result.model.probabilities
    assert "expectation" not in result.model.probabilities  # a step the model was not trained on: rules only


# -- the shipped model ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def shipped():
    return ngram.load_model(str(ngram.find_model("reply-ngram")))


@pytest.mark.parametrize("text", ["你烦不烦啊，一天到晚就知道来闹", "跟我说有什么用，我又不管这个", "再闹我就叫人把你请出去"])
def test_shipped_model_finds_plain_rudeness(shipped, text):
    assert shipped.probabilities(normalize(text))["taboo"] > 0.8


@pytest.mark.parametrize(("text", "step"), [("您好，请坐，您慢慢说", "receive"), ("您是哪一年开始交的？", "confirm"),
                                            ("材料齐了，今天就能办，十个工作日出证", "propose"),
                                            ("您看这样安排行吗？", "agree"), ("办好了我给您打电话", "follow_up")])
def test_shipped_model_knows_each_step(shipped, text, step):
    probs = shipped.probabilities(normalize(text))
    assert probs[step] > 0.5 and probs["taboo"] < 0.3


def test_shipped_model_is_what_training_gives():
    """benchmarks/train_model.py, run on the corpus, gives the model that ships (retrain after changing either)."""
    from benchmarks.train_model import describe, difference, dump, train, training_rows

    rows = training_rows()
    trained = json.loads(dump(train(rows, about=describe(rows))))
    shipped = json.loads(ngram.find_model("reply-ngram").read_text(encoding="utf-8"))
    assert difference(shipped, trained) == ""
    assert shipped["about"] == trained["about"]


# -- the command line ----------------------------------------------------------------------------
@pytest.mark.parametrize(("lang", "words"), [("zh", "字词模型：禁忌可能性"), ("en", "n-gram model: taboo probability")])
def test_explain_says_what_the_model_said(run, lang, words):
    result = run("--lang", lang, "score", "--explain", "您好，请坐")
    assert result.exit_code == 0, result.output
    assert words in result.output


def test_explain_says_when_the_model_overrules_a_soothing_reply(run):
    result = run("score", "--explain", "对不起，我们只受理本市户籍的法律援助申请，您这个不在范围内。")
    assert result.exit_code == 0, result.output
    overrule = load_method("five-step").ngram["taboo"]["overrule"]
    assert f"回复虽做到了「接待受理」，但模型判断的可能性达到{overrule:.2f}，仍算禁忌" in result.output.replace("\n", "")


def test_json_explain_reports_the_model_verdict(run):
    out = json.loads(run("score", "--json", "--explain", "您好，请坐").stdout)
    assert out["model"]["used"] is False and out["model"]["why"] in ("below", "steps")
    assert set(out["model"]["probabilities"]) == {"taboo", "receive", "confirm", "propose", "agree", "follow_up"}
