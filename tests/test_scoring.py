"""The reply scorer, case by case: steps, taboo, negation, DISC fit and the Chinese people really type."""

import pytest

from simulator.scoring.reply import score_reply
from simulator.scoring.rubric import load_method


@pytest.fixture(scope="module")
def five():
    return load_method("five-step")


@pytest.mark.parametrize(
    ("text", "steps"),
    [
        ("您先别着急，请坐，您慢慢说。", {"receive"}),
        ("您的意思是照片被退回了三次，对吧？", {"confirm"}),
        ("您是哪天交的材料", {"confirm"}),  # a question without a question mark
        ("我现在帮您现场拍照，今天就能办好。", {"propose"}),
        ("不用再跑了，我们给您寄过去。", {"propose"}),
        ("您看这样安排行吗？", {"agree"}),
        ("您是想邮寄还是自己来取？", {"agree"}),
        ("办好了我给您打电话，这是我的工号0231。", {"follow_up"}),
        ("您好，请坐。您是哪天交的材料？", {"receive", "confirm"}),
        ("我马上帮您补办，三个工作日内寄到，您看行吗？", {"propose", "agree"}),
        ("嗯。", set()),
        ("下一位。", set()),
    ],
)
def test_steps(five, text, steps):
    assert set(score_reply(text, five).steps) == steps


def test_steps_come_in_method_order(five):
    result = score_reply("办好了给您打电话。您看行吗？您好！", five)
    assert result.steps == ("receive", "agree", "follow_up")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("这不归我管。", "shirk"),
        ("跟我们没关系，你去找别的部门问。", "shirk"),
        ("谁让你不提前准备好材料？", "blame"),
        ("后面还有人排队，你快点说。", "impatience"),
        ("你再闹我就叫保安了。", "threat"),
        ("说了不行就是不行。", "refuse"),
        ("这个我没办法帮您办。", "refuse"),
    ],
)
def test_taboo(five, text, kind):
    result = score_reply(text, five)
    assert result.taboo
    assert kind in result.taboo_kinds


def test_taboo_stays_taboo_when_a_step_is_named(five):
    result = score_reply("谁让你不看清楚，我现在帮您重新办。", five)
    assert result.taboo
    assert "propose" in result.steps


def test_refusal_with_a_way_forward_is_not_taboo(five):
    result = score_reply("这个窗口我没办法直接改，不过您可以在App上申请更正。", five)
    assert not result.taboo
    assert "propose" in result.steps
    assert any(e.rejected == "unless_steps" for e in result.rejected)


def test_negation_cancels_a_proposal(five):
    assert "propose" not in score_reply("我不能帮您办。", five).steps
    assert "propose" in score_reply("我能帮您办。", five).steps


def test_traditional_and_full_width_are_read_like_simplified(five):
    simplified = score_reply("这不归我管，您可以在App上申请，三个工作日内办好。", five)
    traditional = score_reply("這不歸我管，您可以在ＡＰＰ上申請，三個工作日內辦好。", five)
    assert traditional.steps == simplified.steps
    assert traditional.taboo == simplified.taboo


def test_stray_spaces_do_not_hide_phrases(five):
    assert "receive" in score_reply("您 先 别 着 急 ， 请 坐", five).steps


def test_evidence_quotes_the_reply_as_typed(five):
    result = score_reply("這不歸我管", five)
    quotes = [e.text for e in result.evidence if e.kind == "taboo"]
    assert quotes == ["不歸我管"]


def test_very_long_reply_is_scored(five):
    text = "您好，请坐。" + "我跟您详细说一下这个情况，" * 300 + "办好了我给您打电话。"
    result = score_reply(text, five, "D")
    assert {"receive", "follow_up"} <= set(result.steps)
    assert result.disc_fit is not None and result.disc_fit < 0.5  # rambling does not suit a D citizen


def test_disc_fit_is_none_without_a_citizen(five):
    assert score_reply("您好", five).disc_fit is None


@pytest.mark.parametrize(
    ("citizen", "better", "worse"),
    [
        ("D", "直接说结论：今天就能办，二十分钟拿卡。",
         "这个情况呢，其实吧，可能要看一下，我也不太确定，大概要研究研究，回头再说吧，您别着急慢慢来。"),
        ("I", "王姐，太好了！您准备得真周到，我马上帮您办。", "根据规定，材料符合要求，按程序办理。"),
        ("S", "阿姨您别担心，咱们一步一步来，第一步先把身份证给我，不着急。", "赶紧决定，后面还有人，今天必须办完。"),
        ("C", "根据《办法》第十二条，审核需要3个工作日，一是核对材料，二是出具回执。", "很快的，差不多就好了，应该没问题。"),
    ],
)
def test_disc_fit_prefers_the_style_that_suits_the_type(five, citizen, better, worse):
    assert score_reply(better, five, citizen).disc_fit > score_reply(worse, five, citizen).disc_fit


def test_taboo_reply_fits_no_one(five):
    for citizen in "DISC":
        assert score_reply("谁让你不提前准备？", five, citizen).disc_fit <= 0.2


def test_scene_phrases_count_for_a_step(five):
    result = score_reply("免费补拍一张", five, extra_phrases={"propose": ("免费补拍",)})
    assert "propose" in result.steps


def test_six_step_method_scores_its_own_steps():
    six = load_method("six-step")
    assert six.step_ids == ("soothe", "cause", "expectation", "propose", "agree", "follow_up")
    result = score_reply("您别着急。审核一般需要3个工作日，结果可能会要求补材料。", six)
    assert {"soothe", "expectation"} <= set(result.steps)
    assert six.taboo, "six-step inherits the taboo rules of five-step"
    assert score_reply("这不归我管", six).taboo


@pytest.mark.parametrize("text", ["", " ", "\x00\x1b[2J", "🙂" * 50, "[bold]红[/bold]", "a" * 10000])
def test_any_text_gives_a_valid_result(five, text):
    result = score_reply(text, five, "C")
    assert isinstance(result.taboo, bool)
    assert 0.0 <= result.disc_fit <= 1.0
    assert set(result.steps) <= set(five.step_ids)
