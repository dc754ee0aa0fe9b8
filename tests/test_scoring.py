"""The reply scorer, case by case: steps, taboo, negation, DISC fit and the Chinese people really type."""

import copy

import pytest

from simulator.scoring.reply import score_reply
from simulator.scoring.rubric import load_method


@pytest.fixture(scope="module")
def five():
    """The five-step cues alone: these cases pin down the rubric's phrases. The n-gram model that backs
    them in the shipped method (`model:`) has its own tests in test_ngram_model.py."""
    method = copy.copy(load_method("five-step"))
    method.ngram = None
    return method


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



# -- the labelling guide, case by case ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "steps"),
    [
        # receive: greetings, openers, soothing anywhere, apology, taking it seriously
        ("你好", {"receive"}),
        ("老爷子您好！", {"receive"}),
        ("哇，恭喜恭喜，乔迁新居啊！", {"receive"}),
        ("您这资料准备得真齐全", {"receive"}),
        ("您的投诉已登记，我们非常重视", {"receive"}),
        ("是我们没通知到位，真对不住", {"receive"}),
        ("跟我说说，遇到啥难事了", {"receive"}),  # an open invitation, not a specific question
        ("好久不见，最近身体还好吧", {"receive"}),
        # confirm: questions with or without a question mark, paraphrase, lookups, info requests
        ("您是哪年开始交的", {"confirm"}),
        ("孩子户口落在哪儿了", {"confirm"}),
        ("您家老人的残疾证是几级的", {"confirm"}),
        ("贷款还清了没", {"confirm"}),
        ("单位名称？", {"confirm"}),
        ("您说的是公积金还是社保", {"confirm"}),  # a choice between facts
        ("你是要查缴费记录还是转关系", {"confirm"}),
        ("经营范围您想写哪些 餐饮还是零售", {"confirm"}),  # space as a pause, then the options of the question
        ("所以您是没收到短信，是这个意思吧", {"confirm"}),
        ("我先帮您查一下系统里的记录", {"confirm"}),
        ("麻烦把回执拿出来我看看", {"confirm"}),
        ("请提供以下信息以便核实：1）就诊医院；2）就诊日期。", {"confirm"}),
        # propose: actions, options, rules stated, materials listed, time and result
        ("能贷，最多六十万。", {"propose"}),
        ("贷款额度按缴存余额的十倍算", {"propose"}),
        ("满八十周岁就能申请，每月一百元", {"propose"}),
        ("小规模纳税人这个季度不用交", {"propose"}),
        ("需要户口本原件和复印件各一份", {"propose"}),
        ("带上身份证去二楼8号窗口办", {"propose"}),
        ("身份证给我，五分钟。", {"propose"}),  # a document asked for to do the transaction
        ("退税已提交，十个工作日到账。", {"propose"}),
        ("三天后来拿", {"propose"}),
        ("线上十分钟，线下半小时", {"propose"}),
        ("可能要补一份社区证明", {"propose"}),
        ("这部分自费药报不了，其余的今天就给您结算", {"propose"}),  # a partial no with the rest settled
        ("我建议您先办临时证", {"propose"}),
        # agree: consent, choice between offered options, satisfaction, abstract recap
        ("您看这样行吗", {"agree"}),
        ("这样安排您开心不", {"agree"}),
        ("您还满意吧", {"agree"}),
        ("邮寄还是自取？", {"agree"}),
        ("您选快递还是自己来拿", {"agree"}),
        ("今天办？", {"agree"}),
        ("您定。", {"agree"}),
        ("就按您刚才说的办，您觉得没问题吧", {"agree"}),  # the recap names no action: agree only
        ("您对这个处理结果还有什么意见吗", {"agree"}),
        # follow_up: callback, notice, number, contact, a time to hear back
        ("明天上午十点前给您准信。", {"follow_up"}),
        ("到账有短信提醒", {"follow_up"}),
        ("您的受理号写在回执上了，拿这个随时能查进度", {"follow_up"}),
        ("这是我们窗口的电话，有问题打这个号", {"follow_up"}),
        ("有进展我第一时间通知您", {"follow_up"}),
        # combinations
        ("两个办法：加急三天，普通七天。选哪个？", {"propose", "agree"}),
        ("契税可以现场刷卡，也可以扫码，您用哪个？", {"propose", "agree"}),
        ("我们就按您说的下周再来补材料，这样您心里踏实些吧？", {"propose", "agree"}),  # a concrete recap
        ("三天到账，到账我打电话通知您", {"propose", "follow_up"}),
        ("您好 是来办居住证的吧 租房合同带了的话今天就能办", {"receive", "confirm", "propose"}),
        ("您是城镇职工还是城乡居民？城镇职工的话可以直接在单位办", {"confirm", "propose"}),
        # no step at all
        ("我看看", set()),
        ("好吧", set()),
        ("哦，是吗", set()),
        ("小张，帮我拿一下打印纸", set()),
        ("今天是挺热的", set()),
    ],
)
def test_guide_steps(five, text, steps):
    assert set(score_reply(text, five).steps) == steps


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("我们这儿不管这个，你找民政局去", "shirk"),
        ("这不是我的工作范围", "shirk"),
        ("找我没用，得找上面", "shirk"),
        ("我也不清楚，你自己去网上查吧", "shirk"),
        ("你打12345吧，别在这儿问了", "shirk"),
        ("这么简单的表都填不好", "blame"),
        ("你怎么连身份证都不带就来了", "blame"),
        ("都告诉你多少次了，就是记不住", "blame"),
        ("这么重要的东西你都能弄丢", "blame"),
        ("你自己不按时缴费，现在来找我们有什么用", "blame"),
        ("行了行了，你别说了", "impatience"),
        ("一个问题问八遍", "impatience"),
        ("你到底办不办？不办下一个了", "impatience"),
        ("你再吵我就叫保安了", "threat"),
        ("你要是再闹，这个补贴就别想批了", "threat"),  # institutional threats count too
        ("再闹直接把你的业务退回去", "threat"),
        ("你这样的话，我们只能把你列入失信名单了", "threat"),
        ("不管怎么样都不行", "refuse"),
        ("你家有车，不符合条件，办不了", "refuse"),  # a reason alone is no way forward
        ("政策就是这么规定的，我也改变不了，你回去吧", "refuse"),
        ("规定就是规定，我也没办法", "refuse"),
    ],
)
def test_guide_taboo(five, text, kind):
    result = score_reply(text, five)
    assert kind in result.taboo_kinds


@pytest.mark.parametrize(
    "text",
    [
        "您赶紧决定吧，是迁还是不迁。",  # polite pressure is a poor fit for S, not taboo
        "您赶紧把表填了，今天不交就得等下个月了。",
        "不是您的错，是系统没提示",
        "报销的钱一分都不会少您的",
        "补办营业执照要先登报声明作废",
        "这个窗口办不了，不过您可以到三楼社保服务中心，我给您写个地址",
        "申请材料已收到，编号SB20240611037，7个工作日内短信通知",  # digits are not 110
        # words that taboo cues use, in replies that are not rude
        "不客气，这是我们应该做的",
        "您可以问门口的保安，他会带您过去",
        "您再试试，输完密码按确认",
        "今天可能办不成了，明天上午我第一时间给您办",
        "我快点给您办，您稍等",
        "您想好了再来也行，不着急",
        "又是您呀，快请坐",
        "这个表确实复杂，很多人都看不懂，我帮您填",
        "您先回去吧，办好了我给您打电话",
        "这个不是我们窗口能办的，不过我可以帮您联系社保局，让他们直接给您回电",
        "您找一下社区网格员吧，我已经跟他打过招呼了，他会帮您开证明",
        "系统不让重复提交，我帮您撤回再提交一次",
    ],
)
def test_not_taboo(five, text):
    assert not score_reply(text, five).taboo


def test_taboo_reply_keeps_the_steps_it_performs(five):
    result = score_reply("你再插队试试，我让保安请你出去。取号，排到你再来。", five)
    assert result.taboo_kinds == ("threat",)
    assert result.steps == ("propose",)


def test_rhetorical_question_in_a_taboo_is_no_clarifying_question(five):
    result = score_reply("我说了多少遍了，你怎么还问", five)
    assert result.taboo and "confirm" not in result.steps
    assert any(e.rejected == "yields" and e.detail == "taboo" for e in result.rejected)


def test_vague_redirection_is_shirking_not_a_proposal(five):
    result = score_reply("这事得街道出证明，你去问街道吧，我们这管不了", five)
    assert result.taboo_kinds == ("shirk",)
    assert "propose" not in result.steps


# -- negation ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "has_propose"),
    [
        ("我没办法帮您办", False),
        ("我不能马上帮您办", False),  # skipping 马上 between the negation and the action
        ("今天办不了", False),  # a negation just after the words: 办不了
        ("不用再跑了，我们寄给您", True),  # 不用再跑 is itself a proposal
        ("要不我先帮您把材料收下", True),  # 要不 looks like a negation and is not one
    ],
)
def test_negation(five, text, has_propose):
    assert ("propose" in score_reply(text, five).steps) is has_propose


def test_negated_cue_is_reported_as_negated(five):
    result = score_reply("我不能帮您办。", five)
    assert any(e.label == "propose" and e.rejected == "negated" for e in result.rejected)


# -- what people really type --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("simplified", "variant"),
    [
        ("您好，请问您要办理护照还是港澳通行证？", "您好，請問您要辦理護照還是港澳通行證？"),
        ("别着急，补办身份证很简单，带户口本来就行", "別著急，補辦身份證很簡單，帶戶口本來就行"),
        ("审核需要3个工作日，请您稍等。", "审核需要３个工作日，请您稍等."),
        ("您是哪天交的材料？", "您是哪天交的材料?"),
    ],
)
def test_traditional_full_and_half_width_score_alike(five, simplified, variant):
    a, b = score_reply(simplified, five, "C"), score_reply(variant, five, "C")
    assert (a.steps, a.taboo_kinds, a.disc_fit) == (b.steps, b.taboo_kinds, b.disc_fit)


def test_a_space_between_chinese_words_is_a_pause():
    from simulator.scoring.normalize import normalize

    assert normalize("您好 是办生育登记吗 第几个孩子") == "您好,是办生育登记吗,第几个孩子"
    assert normalize("您 先 别 着 急") == "您先别着急"  # spaced-out typing is noise
    assert normalize("OK 了") == "ok了"


def test_quotes_survive_pauses_and_full_width(five):
    result = score_reply("您好 請問 您的身份證號是多少", five)
    assert "confirm" in result.steps
    assert all(e.text in "您好 請問 您的身份證號是多少" for e in result.evidence)


def test_simplified_text_does_not_load_the_traditional_table():
    import subprocess
    import sys

    code = ("from simulator.scoring import normalize as n; n.normalize('您好，请坐。３个工作日'); "
            "print(n._TRAD is None); n.normalize('這不歸我管'); print(n._TRAD is None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "False"]


def test_long_rambling_reply_still_finds_its_steps(five):
    text = ("大爷您先坐先坐，" + "这个事情呢我跟您慢慢捋一捋，" * 20
            + "您是前年满的六十对吧，这三年可以一次性补上，补上以后每个月就能领，我一会儿算出来写在纸上给您。")
    result = score_reply(text, five, "D")
    assert {"receive", "confirm", "propose"} <= set(result.steps)
    assert result.disc_fit < 0.5


# -- DISC fit: general style features ----------------------------------------------------------
@pytest.mark.parametrize(
    ("citizen", "better", "worse"),
    [
        ("D", "能退，三天到账。", "退款的话得先走个流程，审核通过以后大概也许三天左右能到吧，具体我也不太好说。"),
        ("D", "好，直接办。", "嗯……这个，我试试看能不能给您办吧。"),
        ("D", "两个选项：今天加急，或者周五普通件。您选。", "可以加急也可以普通，各有各的好处，您自己慢慢考虑，怎么都行。"),
        ("I", "李阿姨，您这精神头真好！补贴的事交给我～", "补贴申请已受理，将按程序报送审核。"),
        ("I", "哈哈，您真会说话！放心，我这就给您办～", "好的，现在办理。"),
        ("S", "没关系，今天没带也不要紧，下次来我帮您补上。", "没带就没法办，您尽快回去拿，最好今天就送过来。"),
        ("S", "不急，您慢慢说。", "说快点，我听着呢。"),
        ("S", "第一步我先帮您填表，第二步您签个字，就这两步，不难的。", "填表签字，马上弄完，后面还有人等着。"),
        ("C", "3个工作日。", "很快，过几天就好。"),
        ("C", "您应补缴金额＝月缴费基数5,000元×24%×3个月＝3,600元。", "补缴的话三个月大概三四千块钱吧，具体以系统为准。"),
        ("C", "一是补齐收入证明；二是重新签字确认；三是5个工作日后复核。", "您把缺的补一补，弄好了再来看看。"),
    ],
)
def test_disc_general_features(five, citizen, better, worse):
    assert score_reply(better, five, citizen).disc_fit > score_reply(worse, five, citizen).disc_fit


def test_disc_feature_counts_up_to_its_repeat(five):
    one = score_reply("需提交1项材料。", five, "C").disc_fit
    three = score_reply("需提交3项材料，5个工作日，费用20元。", five, "C").disc_fit
    many = score_reply("1、2、3、4、5、6、7、8、9、10。", five, "C")
    assert three > one
    numbers = [e for e in many.evidence if e.kind == "disc" and e.note == "具体数字"]
    assert len(numbers) == 4  # `repeat: 4`


def test_disc_dash_is_not_rambling(five):
    result = score_reply("就卡在照片上——背景过不了审核。", five, "D")
    assert not any(e.note == "绕弯子" for e in result.evidence)


# -- the rubric format: define, yields, clause, weak, back-references ----------------------------
def _method_from(tmp_path, body: str, name: str = "mini"):
    from simulator.scoring.rubric import load_method_file

    path = tmp_path / f"{name}.yaml"
    path.write_text(body, encoding="utf-8")
    return load_method_file(path)


MINI = """
id: mini
define:
  YOU: '您|你'
steps:
  - id: ask
    cues:
      - {pattern: '(?:{YOU})(?:看)?[^,.!?]{0,6}(?:吗|么)', clause: question, yields: [offer], yields_scope: clause, note: 提问}
  - id: offer
    cues:
      - {pattern: '(?:行|可以)吗', note: 征求同意}
      - {pattern: '规定', weak: true, note: 规定}
      - {pattern: '([办补])不\\1', note: 回文}
taboo:
  - kind: refuse
    cues:
      - {pattern: '办不了', negatable: false, unless_steps: [offer], note: 拒绝}
question:
  yes: ['\\?$', '吗$']
"""


def test_define_clause_and_yields_scope(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVSIM_NO_CACHE", "1")
    mini = _method_from(tmp_path, MINI)
    assert score_reply("您要加急吗？", mini).steps == ("ask",)
    assert score_reply("您看这样行吗？", mini).steps == ("offer",)  # the clause is a consent question
    statement = score_reply("您要加急吗的事。", mini)
    assert statement.steps == () and statement.rejected[0].rejected == "statement"


def test_weak_cue_is_no_way_forward(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVSIM_NO_CACHE", "1")
    mini = _method_from(tmp_path, MINI)
    assert score_reply("规定如此，办不了。", mini).taboo  # a rule stated is no way forward
    assert not score_reply("办不了，可以吗？", mini).taboo


def test_back_references_work_inside_a_step(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVSIM_NO_CACHE", "1")
    mini = _method_from(tmp_path, MINI)
    assert score_reply("办不办", mini).steps == ("offer",)
    assert score_reply("办不补", mini).steps == ()


def test_bad_pattern_is_reported_with_its_place(tmp_path, monkeypatch):
    from simulator.errors import ScenarioError

    monkeypatch.setenv("GOVSIM_NO_CACHE", "1")
    with pytest.raises(ScenarioError) as info:
        _method_from(tmp_path, "id: bad\nsteps:\n  - id: a\n    cues:\n      - {pattern: '(unclosed'}\n")
    assert any(d.code == "R301" and d.span.line == 5 for d in info.value.diagnostics)


def test_required_literals_never_skip_a_real_match(five):
    """The prefilter may let a cue run for nothing, never skip one that matches."""
    import json
    from pathlib import Path

    from simulator.scoring.compiled import grams
    from simulator.scoring.normalize import normalize

    data = Path(__file__).parent.parent / "benchmarks" / "data"
    texts = [json.loads(line)["text"] for line in (data / "replies-dev.jsonl").read_text(encoding="utf-8").splitlines()]
    texts = texts[:150]
    if (data / "replies-extra.jsonl").exists():  # the taboo-heavy replies written to probe the rubric
        extra = (data / "replies-extra.jsonl").read_text(encoding="utf-8").splitlines()
        texts += [json.loads(line)["text"] for line in extra if line.strip()]
    for text in texts:
        norm = normalize(text)
        g = grams(norm)
        for group in five.steps + five.taboo:
            for triggers, cue in group.plan():
                if cue.regex.search(norm):
                    assert all(not trig.isdisjoint(g) for trig in triggers), (cue.note, text)


# -- the compiled-method cache ------------------------------------------------------------------
def _same(a, b, texts=("您好，请坐。您是哪天交的材料？我马上帮您办，三天到账，您看行吗？到账短信通知您。", "这不归我管")):
    for text in texts:
        ra, rb = score_reply(text, a, "C"), score_reply(text, b, "C")
        assert (ra.steps, ra.taboo_kinds, ra.disc_fit) == (rb.steps, rb.taboo_kinds, rb.disc_fit)


def test_cache_round_trip_scores_the_same(tmp_path, monkeypatch):
    from simulator.scoring import cache
    from simulator.scoring.rubric import BUILTIN_DIR, load_method_file

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = load_method_file(BUILTIN_DIR / "six-step.yaml")
    files = list((tmp_path / "govsim" / "methods").glob("six-step-*.cache"))
    assert len(files) == 1
    cached = cache.load(BUILTIN_DIR / "six-step.yaml", ())
    assert cached is not None and cached.step_ids == fresh.step_ids
    _same(fresh, cached)


def test_damaged_or_stale_cache_falls_back(tmp_path, monkeypatch):
    from simulator.scoring import cache
    from simulator.scoring.rubric import load_method_file

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "mini.yaml"
    path.write_text(MINI, encoding="utf-8")
    load_method_file(path)
    [file] = (tmp_path / "cache" / "govsim" / "methods").glob("mini-*.cache")
    whole = file.read_bytes()
    file.write_bytes(whole[:-4])  # the engine's code cut short
    assert cache.load(path, ()) is None
    file.write_bytes(whole.replace(b'"code_bytes": ', b'"code_bytes": 1'))  # it says there is more
    assert cache.load(path, ()) is None
    file.write_text("{not json", encoding="utf-8")
    assert cache.load(path, ()) is None
    file.write_bytes(whole)
    assert cache.load(path, ()) is not None
    assert load_method_file(path).step_ids == ("ask", "offer")  # rebuilt from the YAML
    path.write_text(MINI.replace("id: ask", "id: question"), encoding="utf-8")
    assert load_method_file(path).step_ids == ("question", "offer")  # an edited file is never served stale


def test_cache_can_be_turned_off(tmp_path, monkeypatch):
    from simulator.scoring.rubric import load_method_file

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("GOVSIM_NO_CACHE", "1")
    path = tmp_path / "mini.yaml"
    path.write_text(MINI, encoding="utf-8")
    load_method_file(path)
    assert not (tmp_path / "govsim").exists()


def test_included_cues_follow_the_renamed_steps():
    six = load_method("six-step")
    cause = six.step("cause")
    assert any("agree" in c.yields for c in cause.cues)
    assert all("confirm" not in c.yields and "receive" not in c.yields for g in six.steps for c in g.cues)
    result = score_reply("您看这样行吗？", six)
    assert result.steps == ("agree",)


def test_six_step_expectation_and_refusal():
    six = load_method("six-step")
    assert set(score_reply("大概十五个工作日出结果，也可能要补材料。", six).steps) >= {"expectation"}
    assert score_reply("办不了就是办不了", six).taboo_kinds == ("refuse",)


# -- explanations --------------------------------------------------------------------------------
def test_rejected_matches_say_why(five):
    result = score_reply("这个我没办法直接改，不过您可以在App上申请更正，您看行吗？", five)
    reasons = {(e.label, e.rejected, e.detail) for e in result.rejected}
    assert ("refuse", "unless_steps", "propose") in reasons
    assert any(label == "confirm" and why in ("unless", "yields") for label, why, _ in reasons)


def test_explain_renders_rules_reasons_and_the_disc_sum(five):
    from rich.console import Console

    from simulator.ui.explain import explanation

    text = "您别着急，这个我没办法直接改，不过您可以在App上申请更正，您看行吗？"
    result = score_reply(text, five, "S")
    console = Console(width=160, record=True, color_system=None)
    console.print(explanation(text, result, five, "S", detailed=True))
    out = console.export_text()
    assert "规则" in out and "(?:" in out  # the pattern behind each match
    assert "回复同时做到了「提供方案」" in out  # why the refusal did not count
    assert "计算：基础 0.45" in out and f"= {result.disc_fit:.2f}" in out
    assert "落实追踪：没有找到对应的说法" in out


# -- taboo families added from the extra corpus (benchmarks/data/replies-extra.jsonl) -------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # impatience: repetition complaints, cutting the citizen short, busy, dismissive
        ("不是刚跟你讲过了吗", "impatience"),
        ("这个问题你都问了四遍了", "impatience"),
        ("你先别插话，听我说", "impatience"),
        ("能不能别老打断我", "impatience"),
        ("你嚷什么嚷", "impatience"),
        ("没看我正忙着吗", "impatience"),
        ("还办不办了？", "impatience"),
        ("行吧行吧，随便你", "impatience"),
        ("你到底听没听？", "impatience"),
        ("说了半天也没说到点子上", "impatience"),
        # blame: group labels, belittling the citizen's ability, sarcasm, habitual failure
        ("你们这些外地来的就是麻烦", "blame"),
        ("像你这样的人我一天见好几个", "blame"),
        ("这么大人了还不会填表", "blame"),
        ("写个名字都能写错", "blame"),
        ("哟，现在知道着急了？", "blame"),
        ("早让你带户口本，你偏不听", "blame"),
        ("哭有什么用", "blame"),
        ("又忘带身份证了？", "blame"),
        ("这种东西也敢拿来办？", "blame"),
        ("你咋这么犟呢", "blame"),
        # shirk: not my business, not my knowledge, not my decision
        ("那是医院的事，跟我们医保没关系", "shirk"),
        ("谁给你开的证明你找谁去", "shirk"),
        ("这个我不清楚，你明天问别人吧", "shirk"),
        ("这事轮不到我们管", "shirk"),
        ("我就是个收材料的，别的一概不知道", "shirk"),
        ("你问的这些跟我有什么关系", "shirk"),
        # threat: recording, police, consequences, holding the case back
        ("我们这儿全程都有监控的", "threat"),
        ("再这样我就通知派出所", "threat"),
        ("你的补贴还想不想要了", "threat"),
        ("我可以把你的材料压着不报", "threat"),
        ("闹大了吃亏的是你", "threat"),
        ("我有权终止接待", "threat"),
        # refuse: tautologies, blanket refusals, "what can I do", dismissal
        ("不能退就是不能退", "refuse"),
        ("外地户口一律不受理", "refuse"),
        ("这个章我不能盖", "refuse"),
        ("系统就这样，我有什么办法", "refuse"),
        ("批不下来的，别折腾了", "refuse"),
        ("补缴？门都没有", "refuse"),
    ],
)
def test_taboo_families(five, text, kind):
    result = score_reply(text, five)
    assert kind in result.taboo_kinds, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    "text",
    [
        # near-misses: firm but polite, a rule explained, a concrete referral, a kind word
        "不客气，您慢走",
        "保安师傅就在门口，您问他，他带您上去",
        "后面还有人，我先叫个号，您稍等",
        "这个确实办不了，不过您可以先办临时身份证",
        "我刚才说得太快了，我再慢慢跟您讲一遍",
        "您别急，这种情况我们见多了，能补上",
        "不是我不帮您，是系统要求本人刷脸，您让孩子视频连线也行",
        "这个不是我们负责的，但我可以帮您联系负责的同事",
        "两种方式您自己掂量一下，选哪个都行",
        "不用再去别的地方盖章了，我们这边往上报",
        "这种情况不怪您，是系统出过问题",
        "真不好意思，让您白跑了一趟",
        "后面还有人在等，您这个比较复杂，咱们去接待室慢慢说",
    ],
)
def test_near_misses_are_not_taboo(five, text):
    result = score_reply(text, five)
    assert not result.taboo, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    ("text", "steps"),
    [
        # a question about what happened confirms; saying what to do proposes
        ("当时窗口给您开回执没有", {"confirm"}),
        ("单位给您开离职证明了吗", {"confirm"}),
        ("离职证明给我，我现在给您办", {"propose"}),
        ("我帮您打个电话问问单位，问清楚了告诉您", {"propose", "follow_up"}),
        ("我去问一下我们科长，您稍等", {"propose"}),
        ("我看一下系统里的记录", {"confirm"}),
        ("您说的那个证明是离职证明吗？", {"confirm"}),
        ("有进展了我第一时间打您电话", {"follow_up"}),
        ("您的意见我们会转给领导", {"receive"}),
        ("您是想一次性提完还是按月提？", {"agree"}),
        ("这么办您心里踏实了吧？", {"agree"}),
        ("户主得签字", {"propose"}),
        ("您稍等几分钟", set()),
        ("谢啥，这是我们该做的", set()),
    ],
)
def test_confirm_propose_and_other_new_families(five, text, steps):
    assert set(score_reply(text, five).steps) == steps


def test_praise_said_with_a_taboo_is_sarcasm(five):
    result = score_reply("您可真行，驾照过期两年了才想起来", five)
    assert result.taboo and "receive" not in result.steps


def test_negated_pressure_is_no_pressure_for_s(five):
    calm = score_reply("不用马上决定，什么时候想好了什么时候来办", five, "S").disc_fit
    pushed = score_reply("最好这周之内定下来，过了这周就不好说了", five, "S").disc_fit
    assert calm > pushed


# -- round 3: families written for the blind split, tested on other wordings -----------------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # shirk: "nothing to do with us", "not my job / I'm new here", "take it elsewhere", "not our powers"
        ("这跟我们办证窗口八竿子打不着", "shirk"),
        ("批不批不归我管", "shirk"),
        ("我新来的，这些我都不了解，你等组长回来再问她", "shirk"),
        ("有意见你去信访办", "shirk"),
        ("出了问题你找开发商，跟窗口没啥关系", "shirk"),
        ("别跟我这儿嚷嚷", "shirk"),
        ("这是国土那边的职权范围，我们没有权限", "shirk"),
        ("我们不替公司擦屁股", "shirk"),
        ("有事你打市长热线去", "shirk"),
        # blame: literacy and schooling, memory and age, sarcasm, contempt, group labels
        ("这么醒目的牌子你都看不到？", "blame"),
        ("你识字吗？上面写着呢", "blame"),
        ("亏你还是当老师的，这都填错", "blame"),
        ("都这岁数了，也该长点记性了", "blame"),
        ("你可真会挑时候，快下班了才来", "blame"),
        ("切，这都不会", "blame"),
        ("你们搞装修的就是不爱开发票", "blame"),
        ("我的话你都当耳边风了", "blame"),
        ("这字写得跟天书一样，我哪看得懂", "blame"),
        ("照片都能拍成这样，也是本事", "blame"),
        # impatience: closing time and meals, waiting for the citizen, hurry, "don't ask again"
        ("马上午休了，你下午再来", "impatience"),
        ("马上十二点了，我饭还没吃呢", "impatience"),
        ("我这儿等你二十分钟了，还没想好？", "impatience"),
        ("你能不能利落点", "impatience"),
        ("你倒是快点啊", "impatience"),
        ("嗓子都冒烟了，你自己看墙上", "impatience"),
        ("我一天要接两百个号，没空一个个陪你聊", "impatience"),
        ("就这么办，别再来回问了", "impatience"),
        # threat: conditional consequences, recording, "let's see who wins", veiled slow-walking
        ("你要是再到处闹，你们单位我可就通知了", "threat"),
        ("你敢继续闹，以后你的业务我们可就难办了", "threat"),
        ("执法记录仪开着呢，你自己掂量", "threat"),
        ("行，你去投吧，看到时候谁还给你办", "threat"),
        ("按规定办也行，按规定“慢慢”办也行", "threat"),
        ("你这人我记住了", "threat"),
        # refuse: a reason and no way forward
        ("过期了就是过期了，不能补", "refuse"),
        ("没登记不接待", "refuse"),
        ("名额已经用完了", "refuse"),
        ("非本地户口的，不给办", "refuse"),
        ("我们这没有上门服务", "refuse"),
        ("领了就不退", "refuse"),
        ("过了期限就不能办了", "refuse"),
        ("冇办法", "refuse"),
    ],
)
def test_taboo_families_round_3(five, text, kind):
    result = score_reply(text, five)
    assert kind in result.taboo_kinds, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    "text",
    [
        # the same words, said helpfully: a handover, closing time with a way forward, empathy
        "这个归税务管，我带您去隔壁窗口，他们会帮您办",
        "这个我们没权限改，我帮您联系审批科，十分钟后给您回话",
        "这个我做不了主，我现在打电话请示一下科长，您稍等",
        "我是新来的，这个不太熟，我请我们组长过来给您办",
        "密码忘了很正常，我也老忘，我帮您重置",
        "您记性真好，连编号都记得",
        "您孙子真有本事，考上公务员了",
        "还有十分钟下班，您这个五分钟就能办好，别着急",
        "快下班了，不过您这个急，我给您加个班办完",
        "现在十二点了，您还没吃饭吧？先去吃，一点半我给您办",
        "让您等了半天，不好意思",
        "您商量好了再来也行，不急",
        "今天办不完也没事，办好的部分我给您存着，下回接着办",
        "逾期不缴费会影响您的征信，建议本月底前补缴",
        "大厅全程有监控，您的包放这里很安全",
        "您的投诉我们会记录在案，五个工作日内答复",
        "名额已经满了，下个月1号再开放，我给您登记一下，到时候短信提醒您",
        "本窗口没有加急，不过可以网上申请，三天就能出",
        "非本市户籍的也可以办，带上居住证就行",
        "不是我不给您办，是系统按号叫的，前面还有三位",
        "我一天接一百多个号，您的情况我印象很深",
        "麻烦让一让，轮椅要过去",
    ],
)
def test_round_3_near_misses_are_not_taboo(five, text):
    result = score_reply(text, five)
    assert not result.taboo, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    ("text", "has_confirm"),
    [
        # rhetorical questions are no clarifying question ...
        ("你不会自己看吗？", False),
        ("难道还要我替你填？", False),
        ("你们这些老人家就是记不住，上回不是给你写纸上了吗", False),
        ("桌子拍坏了算谁的？", False),
        ("身份证上啥名就是啥名，改不了", False),
        # ... nor an echo of the citizen's word before a verdict, nor an embedded question
        ("加急？没这个说法", False),
        ("补缴？想都别想", False),
        ("收多少钱人家自己定", False),
        ("至于批不批，要看审批科", False),
        ("哪怕晚了几天，钱也不会少", False),
        # real questions still are
        ("姓名？", True),
        ("哪个月？我查一下", True),
        ("你快点说，哪个月的？", True),
        ("您是哪天交的材料", True),
    ],
)
def test_rhetorical_echo_and_embedded_questions(five, text, has_confirm):
    assert ("confirm" in score_reply(text, five).steps) == has_confirm, text


def test_a_stated_rule_is_no_proposal_in_a_flat_refusal(five):
    # decision 2 of the labelling guide: a refusal with only a reason has no step
    result = score_reply("按规定只补贴一级和二级，您是三级，领不了", five)
    assert result.taboo_kinds == ("refuse",) and "propose" not in result.steps
    assert any(e.label == "propose" and e.rejected == "yields" and e.detail == "refuse" for e in result.rejected)
    # with a way forward it is neither a refusal nor stripped of its proposal
    helped = score_reply("按规定只补贴一级和二级，您是三级，领不了，不过可以申请临时救助，我帮您填表", five)
    assert not helped.taboo and "propose" in helped.steps


def test_yields_entry_with_its_own_scope(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVSIM_NO_CACHE", "1")
    body = MINI.replace(
        "clause: question, yields: [offer], yields_scope: clause, note: 提问}",
        "clause: question, yields: [offer, refuse@reply], yields_scope: clause, note: 提问}",
    )
    mini = _method_from(tmp_path, body)
    assert score_reply("您要加急吗？", mini).steps == ("ask",)
    result = score_reply("办不了。您要加急吗？", mini)  # the refusal elsewhere in the reply wins
    assert result.steps == () and result.taboo_kinds == ("refuse",)


def test_grudging_help_is_still_impatient_and_soothing_yields_to_taboo(five):
    assert score_reply("给你加急，行了吧，别在这儿念叨了", five).taboo
    result = score_reply("好了好了，别哭了，哭有什么用", five)
    assert result.taboo and "receive" not in result.steps


# -- round 4: families from the fresh split, probed with new wordings ----------------------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # threat: a condition on the citizen's protest, then the case held back or examined harder
        ("你要是再去12345投诉，你这个执照年检我们可就得重新严查了", "threat"),
        ("您要还这么闹，这份申请什么时候批下来我可不敢保证", "threat"),
        ("再去网上曝光，你家这套房的审核谁都不敢签", "threat"),
        ("下回你们店的检查，我们就按最严的标准来", "threat"),
        ("你家那点底细我们可都有数", "threat"),
        ("别以为你找几个记者来拍就能怎么样", "threat"),
        # shirk: no relation, only a counter, it is not ours to say
        ("这个跟我们大厅一点关系都没有", "shirk"),
        ("我们这就是个代收点，别的不管", "shirk"),
        ("跟我们窗口讲有啥用", "shirk"),
        ("这个我们这边说了不算", "shirk"),
        ("你问我我也不知道为啥", "shirk"),
        ("您自个儿上二楼问去", "shirk"),
        # blame: rhetorical reproaches and sarcasm
        ("你买车之前都不看说明的吗", "blame"),
        ("资料都没准备你就敢来办？", "blame"),
        ("来之前就不会先问问？", "blame"),
        ("先学学怎么填表吧", "blame"),
        ("人家都是一看就懂的", "blame"),
        ("身份证是能随便借人用的？", "blame"),
        ("你们这些老同志就是不会用手机", "blame"),
        # impatience: cutting short, the queue behind, putting the citizen off for the staff's sake
        ("打住，别扯了", "impatience"),
        ("我这后头还有一长串人呢", "impatience"),
        ("你问完没有啊", "impatience"),
        ("等我忙完了再说", "impatience"),
        ("我可等不了你", "impatience"),
        ("这都第四遍了", "impatience"),
        ("别一次次地问了", "impatience"),
        # refuse: no exception, no use coming back, dialect refusals
        ("差一天都不行", "refuse"),
        ("你再来多少次都一样", "refuse"),
        ("超标了，别申请了", "refuse"),
        ("唔可以，就咁啦", "refuse"),
        ("我们没有权限开这个口子", "refuse"),
    ],
)
def test_round_4_taboo_families(five, text, kind):
    result = score_reply(text, five)
    assert result.taboo, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    "text",
    [
        "逾期不补的话按规定退件，您看哪天方便来补？",
        "这是退件通知书，补齐材料后直接交给我",
        "您的情况我已经记录在案，三个工作日内给您回电话",
        "您有什么意见都可以跟我说，我都给您记上",
        "我听您讲了半天，明白了，您是担心补贴少了，对吧？",
        "您回去慢慢找，找到了再送来也行",
        "缺一样都不能受理，所以清单我给您写好了",
        "哪儿看不明白您就问我",
        "您的申请退回了，原因是照片不合格，今天重拍一张就行",
        "银行开户这里办不了，出门右转第一个柜台就是银行驻点",
        "您要是不方便来，我们可以邮寄，邮费我们出",
    ],
)
def test_round_4_near_misses_are_not_taboo(five, text):
    result = score_reply(text, five)
    assert not result.taboo, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    ("text", "step", "present"),
    [
        # questions that ask nothing: to a colleague, embedded, rhetorical
        ("小张你那边还有表没", "confirm", False),
        ("我教你咋在手机上申报", "confirm", False),
        ("批不批是税务局的事", "confirm", False),
        ("这打印机咋又不动了", "confirm", False),
        ("我说话哪里不对，您可以投诉", "confirm", False),
        ("是给单位用的吧", "confirm", True),
        # consent and choice after a plan
        ("约不约？", "agree", True),
        ("好唔好？", "agree", True),
        ("普通的还是加急的，走哪个", "agree", True),
        ("我给您转到5号窗口？", "agree", True),
        ("那就按这个弄？", "agree", True),
        ("您没异议的话我就提交了", "agree", True),
        ("不行不行，这个不能改", "agree", False),
        ("您自己去找个工作不好吗", "agree", False),
        # owning a mistake, warm openers
        ("是我们把您的名字录错了", "receive", True),
        ("这次错误在我们", "receive", True),
        ("王阿姨您好呀", "receive", True),
        ("您辛苦咯", "receive", True),
        ("您别多想，不是您的问题", "receive", True),
        ("等一下，我喝口水", "receive", False),
        # follow-up channels
        ("办好了回你电话", "follow_up", True),
        ("审批通过了App会有消息提醒", "follow_up", True),
        ("您的回执编号是多少？", "follow_up", False),
        ("可别说没提醒你", "follow_up", False),
    ],
)
def test_round_4_step_boundaries(five, text, step, present):
    assert (step in score_reply(text, five).steps) == present, (text, score_reply(text, five).steps)


# -- round 5: families from fresh4-6, probed with new wordings ------------------------------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # blame: "even this you lost", "what were you doing then", sarcasm about care and ability
        ("这么重要的证件也能忘在家里？", "blame"),
        ("孩子都上学了还不知道要办这个？", "blame"),
        ("去年那会儿都干嘛去了", "blame"),
        ("拿这种材料来，好意思吗", "blame"),
        ("你竟然不知道要带户口本", "blame"),
        ("填表的时候没看说明吗？", "blame"),
        ("现在才跑来怪我们？", "blame"),
        ("连几号领的证都要问我", "blame"),
        ("别啥都不问就签字", "blame"),
        ("认得字的话自己看墙上", "blame"),
        ("当初就没当回事", "blame"),
        ("一到要原件就傻眼了吧", "blame"),
        ("这么简单的还要我教？", "blame"),
        ("但凡看一眼通知也不至于过期", "blame"),
        ("您这记账也是够心大的", "blame"),
        ("表格都涂成这样了", "blame"),
        ("这成绩怎么混过来的", "blame"),
        # impatience: staff's own time, "just say yes or no", going round in circles
        ("少来回折腾我们", "impatience"),
        ("你就说要不要吧", "impatience"),
        ("净听你唠家常了", "impatience"),
        ("我还干不干别人了", "impatience"),
        ("能不能一次性问完", "impatience"),
        ("我不想听这些", "impatience"),
        ("别兜圈子", "impatience"),
        ("一会儿这个一会儿那个的", "impatience"),
        ("我一下午接了四十多个号", "impatience"),
        ("现在顾不上你", "impatience"),
        ("反反复复地问", "impatience"),
        ("知道了，下一位", "impatience"),
        ("马上要关门了，你改天再来", "impatience"),
        # threat: records that follow the citizen, "weigh it yourself", the case slowed down
        ("看你以后还敢不敢来闹", "threat"),
        ("把你们公司列进异常名录", "threat"),
        ("看谁熬得起", "threat"),
        ("这事你自己掂量吧", "threat"),
        ("别说我没警告过你", "threat"),
        ("我们律师会找你的", "threat"),
        ("这次的表现都会写进档案", "threat"),
        ("越闹越难批", "threat"),
        ("再砸东西我就调监控报公安", "threat"),
        ("你以后的手续都得在我这儿办", "threat"),
        ("老去信访的话，审核的时候人家心里可有数", "threat"),
        # refuse: the rule as the only answer, no queue jumping, nobody can change it
        ("规定就是这么定的", "refuse"),
        ("没加急，该等多久等多久", "refuse"),
        ("加急这里办不了", "refuse"),
        ("重新交也批不下来", "refuse"),
        ("我们谁也改不了", "refuse"),
        # shirk: "ask the department concerned", "we only key it in", "wait for him"
        ("建议找一下主管部门", "shirk"),
        ("这种事我们不好插手", "shirk"),
        ("我们只管录入", "shirk"),
        ("这个得找物业", "shirk"),
        ("你就等她回来吧", "shirk"),
        ("去那边问清楚了再来", "shirk"),
    ],
)
def test_round_5_taboo_families(five, text, kind):
    result = score_reply(text, five)
    assert kind in result.taboo_kinds, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    "text",
    [
        "这里全程有录像，是为了保障您的权益，您放心",
        "我们每句话都录着，对双方都是个保护，您慢慢说",
        "系统显示名称被驳回了，换个字就能重新提交",
        "您是说因为没社保记录，所以报不了，是吧？",
        "这个我们窗口确实办不了，我领您去隔壁窗口，那边专门办这个",
        "您要是想找领导反映完全可以，办公室在二楼，我先打电话跟他说一声",
        "有问题随时打这个电话找我",
        "您后天再来问问也行，或者我办好了通知您",
        "年纪轻轻就会自己查政策，真不错",
        "快下班了，您别急，我给您留个号，明天一早来",
        "其他材料都齐了，就差一张照片，您去隔壁拍一下就行",
        "不好意思啊，让您久等了",
        "我先去问问科长，问不到的话我再找别人帮您问",
        "您别担心，我陪您慢慢想",
        "大爷这把年纪还专门跑一趟，真不容易，我帮您弄",
        "您放心，您的事就是我的事",
        "手机被偷了的话，我陪您去派出所报案",
    ],
)
def test_round_5_near_misses_are_not_taboo(five, text):
    result = score_reply(text, five)
    assert not result.taboo, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    ("text", "step", "present"),
    [
        # questions that ask nothing: correlatives, dependence, embedded, to a colleague
        ("有什么不清楚的，随时来问", "confirm", False),
        ("该交多少就交多少", "confirm", False),
        ("具体多久得看审批", "confirm", False),
        ("我帮您问问到账没有", "confirm", False),
        ("估计得等几天", "confirm", False),
        ("王哥，你那边还有回执单吗", "confirm", False),
        ("你吵什么吵？", "confirm", False),
        ("我们先办，好吧？", "confirm", False),
        ("他们说下午三点以后来", "confirm", False),
        ("不用再讲一遍，我都记下了", "confirm", False),
        # still asking
        ("您是要办迁入还是迁出？", "confirm", True),
        ("我看看是哪一笔没到账", "confirm", True),
        ("您是哪年参加工作的", "confirm", True),
        # choices and proposals put as questions
        ("您是打算今天交还是下周交", "agree", True),
        ("那就现在签？", "agree", True),
        ("就用这个号码吧？", "agree", True),
        ("想不想顺便办个电子社保卡", "agree", True),
        ("两种：网上或者窗口。网上？", "agree", True),
        ("网上？这个网上办不了", "agree", False),
    ],
)
def test_round_5_step_boundaries(five, text, step, present):
    assert (step in score_reply(text, five).steps) == present, (text, score_reply(text, five).steps)


# -- round 6: polite near-misses that reuse rude words, and their rude twins ------------------------
@pytest.mark.parametrize(
    "text",
    [
        "您都讲了三遍了，我全记下来了，现在就给您改",
        "问了好几遍没关系，这规定本来就难懂，我给您列个单子",
        "是我刚才讲得太快，让您听了两遍，我慢慢再讲",
        "门口一直有监控开着，您的车放那儿放心",
        "不用担心，材料交了都录下来了，我再给您打个回执",
        "我不是要喊保安，是请保安师傅帮您把箱子抬进来",
        "不是不给您办，这个得区里盖章，我这就帮您打电话问",
        "您这份材料上个月被退回了，退回通知是我们漏发的，我现在帮您补上",
        "您自己不必跑了，我们这边直接调档",
        "您到底是想今天交还是下周交？两样都行",
        "甭解释了，我相信您，咱们直接办",
        "您问的这个补贴我知道，我这就给您查",
        "您不用再去找别人了，这事我负责到底",
        "车就停门口，丢不了，您进来办吧",
        "老人家说不清也没事，我多讲几遍",
        "这不是您的错，他一看就知道要补哪页",
        "讲了半天都没给您倒杯水，您先喝口",
        "您放心回去吧，办好了我一个电话打给您",
        "早讲了就好了，不过现在也来得及，我给您加急",
    ],
)
def test_round_6_near_misses_are_not_taboo(five, text):
    result = score_reply(text, five)
    assert not result.taboo, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("跟你说了八百遍了，还记不住", "blame"),
        ("是你自己的问题，怪不了别人", "blame"),
        ("你到底要干什么", "impatience"),
        ("别解释了，没用", "impatience"),
        ("再闹我就叫保安", "threat"),
        ("监控一直开着，你自己想清楚", "threat"),
        ("您就回去吧", "refuse"),
        ("你去找别的窗口问吧", "shirk"),
    ],
)
def test_round_6_rude_twins_stay_taboo(five, text, kind):
    result = score_reply(text, five)
    assert kind in result.taboo_kinds, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    ("text", "step", "present"),
    [
        ("你让她签个委托书，我们就能代办", "propose", True),
        ("您可以让他先录一段授权视频", "propose", True),
        ("弄完了我一个电话通知您", "follow_up", True),
        ("我们会打个电话给您", "follow_up", True),
    ],
)
def test_round_6_step_boundaries(five, text, step, present):
    assert (step in score_reply(text, five).steps) == present, (text, score_reply(text, five).steps)


# -- method files that refer to themselves ---------------------------------------------------------
def _validate(tmp_path, *args):
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "simulator", "validate", *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, timeout=60,
                          env={**__import__("os").environ, "GOVSIM_NO_CACHE": "1"})


def test_a_local_method_may_extend_the_built_in_of_the_same_name(tmp_path):
    import shutil

    from simulator.library import builtin_dir

    shutil.copy(builtin_dir() / "shebao-card-photo.yaml", tmp_path)
    (tmp_path / "methods").mkdir()
    (tmp_path / "methods" / "five-step.yaml").write_text(
        "id: five-step\nextends: five-step\nsteps:\n  - id: receive\n    include: [five-step.receive]\n"
        "  - id: confirm\n    include: [five-step.confirm]\n  - id: propose\n    include: [five-step.propose]\n"
        "  - id: agree\n    include: [five-step.agree]\n  - id: follow_up\n    include: [five-step.follow_up]\n",
        encoding="utf-8")
    result = _validate(tmp_path, "shebao-card-photo.yaml")  # used to recurse for minutes
    assert result.returncode == 0, result.stdout + result.stderr


def test_methods_that_extend_each_other_are_one_clear_error(tmp_path):

    from simulator.library import builtin_dir

    text = (builtin_dir() / "shebao-card-photo.yaml").read_text(encoding="utf-8")
    (tmp_path / "s.yaml").write_text(text.replace("id: shebao-card-photo", "id: s", 1)
                                     .replace("method: five-step", "method: a", 1), encoding="utf-8")
    (tmp_path / "methods").mkdir()
    (tmp_path / "methods" / "a.yaml").write_text("id: a\nextends: b\nsteps: []\n", encoding="utf-8")
    (tmp_path / "methods" / "b.yaml").write_text("id: b\nextends: a\nsteps: []\n", encoding="utf-8")
    result = _validate(tmp_path, "s.yaml")
    assert result.returncode == 2
    assert "methods/a.yaml:2:10" in result.stdout + result.stderr and "R303" in result.stdout + result.stderr


def test_a_broken_method_file_reports_its_own_place(tmp_path):
    import shutil

    from simulator.library import builtin_dir

    shutil.copy(builtin_dir() / "shebao-card-photo.yaml", tmp_path)
    (tmp_path / "methods").mkdir()
    (tmp_path / "methods" / "five-step.yaml").write_text(
        "id: five-step\nextends: five-step\nsteps:\n  - id: receive\n    include: [five-step.receive]\n"
        "model:\n  file: reply-ngramm\n", encoding="utf-8")
    out = _validate(tmp_path, "shebao-card-photo.yaml")
    assert out.returncode == 2
    assert "methods/five-step.yaml:7:9" in out.stdout + out.stderr and "reply-ngram" in out.stdout + out.stderr


# Round 6b: taboo families missed on fresh7-9 (sarcasm, comparisons with other citizens, polite
# refusals, repeated questions, "not our window", records as threats), in new wordings, and their
# polite near misses.
@pytest.mark.parametrize(
    "text, kind",
    [
        ("啥都没带，您这是来串门的吧？", "blame"),
        ("证件过期半年了都没发现，你心也真够大的", "blame"),
        ("别人家孩子五岁都会背了，你们倒好，出生证明都找不到", "blame"),
        ("旁边那位阿姨八十了还自己带齐材料，您年轻力壮的，反而一样没带", "blame"),
        ("后面那个小伙子十分钟就弄完了，你这都一个钟头了", "blame"),
        ("这签名写得跟鬼画的一样，跟通缉令似的", "blame"),
        ("您这记账本事也真是一绝", "blame"),
        ("下回带个识字的家里人过来吧", "blame"),
        ("都是成年人了，自己的社保都不清楚", "blame"),
        ("不是我说你，这种事早该问清楚", "blame"),
        ("你说你干了十年会计，那还不知道发票要盖章啊？", "blame"),
        ("这个问题你上午已经问过了", "impatience"),
        ("同样的话我昨天跟您儿子说过了", "impatience"),
        ("第四遍了，照片贴这里", "impatience"),
        ("好了好了，说重点", "impatience"),
        ("你到底来办啥的", "impatience"),
        ("我这边正忙着呢，你等着", "impatience"),
        ("捡重要的讲，后面还有人", "impatience"),
        ("你想明白要哪种再来", "impatience"),
        ("快下班了，你这个复杂的明天再来", "impatience"),
        ("这个我们窗口不方便解答，你问问税务吧", "shirk"),
        ("我们这边也搞不太懂，你自己查查", "shirk"),
        ("这属于物业那边的事", "shirk"),
        ("你在哪儿听说的就去哪儿问", "shirk"),
        ("我们这是社保中心，又不是银行", "shirk"),
        ("我们这个小窗口办不了这个", "shirk"),
        ("你自己去街道催吧", "shirk"),
        ("政策还没出，您多关注一下公告", "shirk"),
        ("窗口没有权限处理这个", "shirk"),
        ("满了三年就是满了，谁来也没用", "refuse"),
        ("名额已经分完了，没法撤回了", "refuse"),
        ("这事没什么可商量的", "refuse"),
        ("超龄了，规定就这样", "refuse"),
        ("再这么吵，我只能给你备注上", "threat"),
        ("以后你来办啥，我们可都记着", "threat"),
        ("你再拍桌子我可以直接报警", "threat"),
        ("到时候可就不是罚款这么简单了", "threat"),
        ("你再闹，这业务咱们就都别办了", "threat"),
    ],
)
def test_round_6b_taboo_families(five, text, kind):
    result = score_reply(text, five)
    assert kind in result.taboo_kinds, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    "text",
    [
        "您是来旅游的吧？签注在二号窗口办",
        "您心态真好，我们都佩服",
        "别人也都是这样补的，您别担心，我帮您弄",
        "前面那位也是这种情况，已经办好了，您放心",
        "我自己也经常丢三落四，您别自责",
        "这个您刚才问过了，没关系，我再给您讲一遍",
        "第二次了，真不好意思让您又跑一趟",
        "好了好了，不哭了，我们慢慢来",
        "您到底想办哪个，我帮您理一理",
        "您想好了再来也行，随时找我",
        "这个具体数字我不好回答，我帮您打电话问一下科长",
        "这属于街道那边的事，我帮您联系一下",
        "您去社区问问也行，我这边也帮您打个电话",
        "审批结果会在官网公示，您留意一下官网，我们也会短信通知您",
        "机器没法操作了，您到隔壁3号机办就行",
        "规定就这样，不过您可以申请缓缴，我帮您填表",
        "我在系统里备注一下您的手机号，方便通知您",
        "您说的情况我们都记着呢，下次来直接找我",
        "如果有人骚扰您，我们可以直接帮您报警",
        "到时候就没这么麻烦了，一次就办完",
        "连我们都会填错，这表确实难，您别自责",
    ],
)
def test_round_6b_near_misses_are_not_taboo(five, text):
    result = score_reply(text, five)
    assert not result.taboo, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    "text, step, present",
    [
        ("这次没通知到您，确实是我们的问题，我马上补发", "receive", True),
        ("意见我都记录下来了，科长会亲自过问", "receive", True),
        ("周大爷，您可算来了！", "receive", True),
        ("祝您生日快乐！", "receive", True),
        ("我记一下您的电话", "receive", False),
        ("王姐好久不见，最近身体怎么样？", "confirm", False),
        ("小陈，能帮我把打印纸拿过来吗？", "confirm", False),
        ("您要办的是换证还是补证？", "confirm", True),
    ],
)
def test_round_6b_step_boundaries(five, text, step, present):
    result = score_reply(text, five)
    assert (step in result.steps) == present, (text, result.steps)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("再这么骂下去，你这个申请我只能先暂停了", "threat"),
        ("你接着在群里发帖，那这笔补助只好暂缓发放", "threat"),
        ("你这个人我记下了，下次来办事你试试", "threat"),
        ("再吵下去，你这房产过户拖到年底也不稀奇", "threat"),
        ("就冲你这态度，材料我先搁着", "threat"),
        ("你去曝光好了，曝光完了你的审批可就不好说了", "threat"),
        ("你看你这张驾照年审还过不过得去", "threat"),
        ("帮你加急也行，不加急也行，全看你配合不配合", "threat"),
        ("要是还不配合，我们只能按自动放弃处理", "threat"),
        ("你的年审我们会仔仔细细地查，一条一条地核", "threat"),
        ("跟我们拍桌子？那就按最严的标准走", "threat"),
        ("你可以不签，后果你自己清楚", "threat"),
        ("这些情况也要如实上报的，你自己权衡", "threat"),
        ("查档？咱们这没这一说", "refuse"),
        ("过期了，木有法子", "refuse"),
        ("不够年限，那就只能不退了", "refuse"),
        ("这类申请一律不再受理", "refuse"),
    ],
)
def test_round_7_taboo_families(five, text, kind):
    result = score_reply(text, five)
    assert kind in result.taboo_kinds, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    "text",
    [
        # rule words and reported refusals that are not this officer's refusal
        "请把街道给您的不予受理通知书拿给我看看",
        "到底能不能报销，要看医院出的清单，清单带来了吗",
        "到底要不要起诉，这个您自己拿主意，我把流程讲给您听",
        "以前那个窗口说办不了？我们这里就是兜底的，您坐下说",
        "这部分钱暂时退不了，但会留在账户里，下个月自动抵扣",
        "签字这一项规定不让代签，不过您按个手印也可以",
        # kindness that borrows rude words
        "您讲了半天也渴了吧，先喝口水",
        "这不是您自己的问题，是系统没同步",
        "您跟我说过三遍了，我都记下了，今天一起办",
        "开个玩笑，怎么又是您？上次的事办好了吧",
        "请保安过来不是要赶您，是帮您搬东西",
        "这种情况我们一年也遇不上几次，我得问问科长",
        "明天的事明天再说，今天先把这张表填了",
        "这个我做不了主，但我可以陪您去找科长",
        "有事您找我就对了，别的窗口不用跑",
        "丢了身份证不是天大的事，先挂失再补办",
        # veiled-threat families: polite twins
        "您要投诉可以，这是您的权利，不影响我现在给您办",
        "您的投诉我们一定仔仔细细地查，给您一个交代",
        "您的低保复核我们会认认真真地审，您放心",
        "不着急，您想清楚再说，我在这儿等您",
        "本来可以容缺的，现在政策调整了，我帮您问问还有没有别的办法",
        "这个情况我会如实反映给领导，一定给您个说法",
        "按流程走就行，慢慢来不着急",
        "您看您这个材料还缺不缺什么？",
        "我们这边录像也开着，是为了保护您的权益，您放心",
        "今天不收了，明天八点您早点来，我给您留个号",
        "这个没有为什么好担心的，我一步步带您办",
    ],
)
def test_round_7_near_misses_are_not_taboo(five, text):
    result = score_reply(text, five)
    assert not result.taboo, (text, result.taboo_kinds)


@pytest.mark.parametrize("text", ["阿姨您别着急，先带孩子坐下。", "您先扶大爷坐一会儿", "先拿个凳子坐着"])
def test_asking_someone_to_sit_is_no_proposal(five, text):
    assert "propose" not in score_reply(text, five).steps


@pytest.mark.parametrize("text", ["先带上身份证去3号窗口。", "再带户口本过来就行"])
def test_telling_what_to_bring_is_still_a_proposal(five, text):
    assert "propose" in score_reply(text, five).steps


@pytest.mark.parametrize("text", [
    "您刚说了三遍地址，我还是没听清，麻烦再慢点说。",  # the citizen repeated; the clerk missed it
    "说了这么半天是我没讲明白，怪我，我换个说法。",
    "说了好几遍您也烦了，是我们通知写得不清楚。",
    "唔好意思啊，系统慢，您等多阵。",  # Cantonese 唔好意思 is 不好意思
    "多交的那部分下个月一起退回去，不用您再跑。",  # a refund, not a threat
    "今天要是办不了的话再找我，我去问科长。",
])
def test_owning_the_fault_and_refunds_are_not_taboo(five, text):
    assert not score_reply(text, five).taboo, text


@pytest.mark.parametrize("text", ["说了几遍了你还问？", "我都说了半天了，你到底听没听？", "你还好意思啊？", "材料不对，退回去。"])
def test_the_families_around_them_still_catch_rudeness(five, text):
    assert score_reply(text, five).taboo, text


# Round 8 (rules, fresh19-34): families written anew, not copied from the fresh split.
@pytest.mark.parametrize(
    "text, kind",
    [
        ("孩子超龄了，超龄就是超龄，这个补不了了。", "refuse"),
        ("原则上是不可以的，您再跑几趟也是这个结果。", "refuse"),
        ("复核意见维持不变，这就是最终的决定。", "refuse"),
        ("轮候顺序已经排好了，不会因为您来得勤就往前挪。", "refuse"),
        ("这个情况我们确实没有其他办法了。", "refuse"),
        ("非本地户籍的，我们这里是不收的。", "refuse"),
        ("这个要缴满五年才行，您才缴了三年，不够就是不够。", "refuse"),
        ("要本市户籍满三年，您才两年，办不了。", "refuse"),  # a condition is no way forward
        ("社保卡挂失的事我们这儿不弄这个，找银行去。", "shirk"),
        ("这不是我们这边的岗，您等小周回来吧。", "shirk"),
        ("说实话我也不清楚，您上网查查吧。", "shirk"),
        ("您还是打12345咨询一下吧。", "shirk"),
        ("拍板的不是我，您明天领导上班了再来问吧。", "shirk"),
        ("评残的权限不在我这儿，我就是个过手的。", "shirk"),
        ("申请表上写得明明白白，您填之前就没看一眼？", "blame"),
        ("公司年检这么大的事，你自己都不上心，还指望谁替你盯着？", "blame"),
        ("这么简单的东西都学不会，下回让您孩子来办吧。", "blame"),
        ("发票都开错两回了，能不能仔细点？", "blame"),
        ("你们做代账的是不是从来不核对？", "blame"),
        ("唉……又来了？这回又少了哪张？", "impatience"),
        ("快填快填，填完赶紧去交钱。", "impatience"),
        ("您刚才问过了呀，三个工作日。", "impatience"),
        ("我没空一张一张给你解释，自己看墙上。", "impatience"),
        ("都快下班了还抱这么多材料来。", "impatience"),
        ("你要这么较劲，那咱就按最慢的流程走。", "threat"),
        ("你去投诉吧，投诉完了这份材料还在我手上。", "threat"),
        ("你的名字我记住了，下回来办事我们心里有数。", "threat"),
        ("再闹下去试试，这份申请先放一放。", "threat"),
    ],
)
def test_round_8_taboo_families(five, text, kind):
    result = score_reply(text, five)
    assert kind in result.taboo_kinds, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    "text",
    [
        "说了好几遍还是没讲明白，是我表达的问题，我画给您看。",
        "有啥不懂的尽管问，问多少遍都不要紧。",
        "您问了三遍，说明我没讲清楚，我换个说法。",
        "到底能不能批，我现在不敢打包票，我帮您问一下科长，下午给您回话。",
        "您到底是哪一年参加工作的？这个日期要填准。",
        "不着急签，您回家跟家里人商量好了再来，名额给您保留一周。",
        "合同签之前先看清楚，签了就改不了了，不明白的地方随时问我。",
        "这个我做不了主，但我马上去找主任，您稍坐五分钟。",
        "价格不是我们定的，但是可以申请困难补助，表我拿给您。",
        "身份证又忘带啦？没关系，电子证照也能用。",
        "你自己弄不明白也正常，系统确实绕，我来帮你点。",
        "两位别吵了，到接待室坐下慢慢说。",
        "要是有人再缠着您，您就告诉门口保安，他们会处理。",
        "您的投诉已经录进系统了，编号我写给您，三天内回电话。",
        "不是我们不给您办，是还缺一份证明，补上我马上办。",
        "这个钱是先扣后返，不是不返。",
        "这部分票据不能报，其余的正常报销，今天就能结。",
        "您想退回去？可以，下个月直接扣就行。",
        "自己的事自己最清楚，您慢慢说，我记着。",
        "后面还有人排队，不过您的事要紧，您接着说，我听着。",
        "您觉得我哪里做得不对尽管投诉，我的工号是2046。",
        "这次审核结果出来会短信通知您，您就等着收钱吧。",
        "系统今天怎么这么卡，不好意思让您久等了。",
        "这块我们大厅不管，不过我先帮您联系社区，让他们今天给您回电话。",
        "这个不是我们这边办的，我带您去三楼对应的窗口。",
        "您也可以打12345反映，我这边先帮您登记上。",
    ],
)
def test_round_8_near_misses_are_not_taboo(five, text):
    """Words rude replies use (又、自己、到底、保安、投诉、几遍…), used kindly, and refusals with a way forward."""
    result = score_reply(text, five)
    assert not result.taboo, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    "text, step, present",
    [
        ("合同签之前先看清楚，签了就改不了了。", "propose", True),  # advice before signing
        ("这部分不能报，其余的正常报销。", "propose", True),  # the rest is settled
        ("你这条件不够，不用再来了。", "propose", False),  # sending away is no saved trip
        ("我刚才是不是讲得太快了？我再慢点说。", "confirm", False),  # the officer asks about their own talk
        ("要先去公证处？不用的，我们这里直接办。", "confirm", False),  # an echo question answered at once
        ("到底能不能退，得等税务那边审完，我周五前告诉您。", "confirm", False),  # a topic, then the answer
        ("您哪天方便，我给您约上？", "agree", True),
    ],
)
def test_round_8_step_boundaries(five, text, step, present):
    assert (step in score_reply(text, five).steps) is present, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # blame: "you should have read it", belittling advice, sarcasm, suspicion of cheating, contempt
        ("告示上写得明白，您是没看还是没看懂？", "blame"),
        ("墙上那张流程表，您扫一眼不就明白了吗？", "blame"),
        ("一般人看一遍就会填了，您这填的什么呀。", "blame"),
        ("下次出门前先把清单念三遍，省得大家都麻烦。", "blame"),
        ("以后别光指望我们一项项给您讲。", "blame"),
        ("大家都看到通知了，就您没看见。", "blame"),
        ("社保都断了半年才来，您胆子也够大的。", "blame"),
        ("这回倒是带全了，难得啊。", "blame"),
        ("这签名你是不是自己改过？", "blame"),
        ("这份证明一看就是后补的，当我们看不出来？", "blame"),
        ("这点小钱也犯得着跑一趟？", "blame"),
        ("你们小年轻啊，办事就是马虎。", "blame"),
        ("这么个小程序怎么就不会用呢。", "blame"),
        ("执照都过期了还来年检。", "blame"),
        ("您当初要是看一眼合同，也不至于这样。", "blame"),
        ("买之前就该查清楚有没有欠费。", "blame"),
        ("电脑自动算的数，还会错吗？", "blame"),
        # threat: a consequence tied to the citizen's behaviour
        ("你要再这么嚷，这份申请我就往后放放。", "threat"),
        ("您这个态度，材料我们只能重新入户核查。", "threat"),
        ("再拍一次柜台试试。", "threat"),
        ("提醒你一句，在这儿闹是会影响你信用记录的。", "threat"),
        ("你这样的，以后办什么都得多审一道。", "threat"),
        ("劝你老实点，你的档案还在我们这审着。", "threat"),
        ("你去投吧，投完了你的证还是我来批。", "threat"),
        # impatience
        ("我问什么你答什么，别扯别的。", "impatience"),
        ("后面的人还等着呢，你先让一下。", "impatience"),
        ("不选我就叫下一位了。", "impatience"),
        ("您说快点，我这还有一堆件。", "impatience"),
        # shirk
        ("能不能迁那是公安说了算，你上那边问。", "shirk"),
        ("这个我们也说不上来，你打12345试试。", "shirk"),
        ("工资的事找你们单位，我们这儿只办社保。", "shirk"),
        ("这个数又不是我算的，关我们什么事。", "shirk"),
        # refuse
        ("复印件不行，我们只认原件。就这样。", "refuse"),
        ("这个时效过了，立不了案。", "refuse"),
    ],
)
def test_round_9_taboo_families(five, text, kind):
    result = score_reply(text, five)
    assert kind in result.taboo_kinds, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    "text",
    [
        "表上写得很清楚，我指给您看，在第三栏。",
        "您没看到通知也正常，我们贴得太偏了，我给您念一下。",
        "我们要是早点通知您，也不至于让您白跑，真不好意思。",
        "这回材料都带齐了，太好了，今天就能办。",
        "别担心，欠费停了是正常流程，补缴后马上恢复。",
        "下次您先打个电话，我提前把表准备好。",
        "您的名字我记下了，办好了第一时间通知您。",
        "您要是不签也没关系，回家想好了再来。",
        "您先别吵，坐下喝口水，咱们慢慢说。",
        "这段录像是保护您的，您说的我都如实记录，复印一份给您。",
        "别怕，这不是要追究您的责任，是帮您理清楚。",
        "对方要是再上门闹，您直接打110，我们也会帮您申请保护令。",
        "这事您别找别人了，就找我，我的工号是1024。",
        "您找银行开一份流水就行。",
        "您问到点子上了，这个确实可以提前还。",
        "到底交没交，咱们别猜，我把明细打出来对一对。",
        "您都问了几遍，说明我们没写清楚，我再讲一遍。",
        "那个日子的号已经约满了，不过周五还有名额，我帮您约上？",
        "别着急，您说说是哪笔报不了？",
        "这个具体几天我也不好说，大概一周左右。",
        "这个窗口只收件，领证在8号，我帮您跟8号说一声。",
        "对，就这样，笑一下，好了。",
        "这些我们研究研究再说？您先留个电话。",
        "这个真不归我们窗口办，不过我把经办人电话写给您，我先打过去说一声。",
    ],
)
def test_round_9_near_misses_are_not_taboo(five, text):
    """Polite wordings next to each new taboo family: advice, reminders, records, 'not ours' with a handover."""
    result = score_reply(text, five)
    assert not result.taboo, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    "text, kind",
    [
        # blame: 当初怎么不、这也能交、平时不看的吗、现在跑来找我们、回家让孩子教、骗谁、当借口
        ("那会儿怎么不把收据留着，现在谁给你找去。", "blame"),
        ("这也能拿来办证？背景全是花的。", "blame"),
        ("就这么两行字都填错，您平时不看东西的吗？", "blame"),
        ("合同都没签就去干活，现在跑来找我们要钱？", "blame"),
        ("回去先让孙女教教你怎么扫码吧。", "blame"),
        ("车子房子都有，还来申请补助，骗谁呢。", "blame"),
        ("别拿没时间当借口，谁不忙啊。", "blame"),
        # shirk: 代收点、机器上自己弄、不管机器、等白天的同事
        ("我们这就是个代收点，具体的你去区里问吧。", "shirk"),
        ("手机上自己弄去，窗口不管这个。", "shirk"),
        ("机器坏了找厂家，我们不管机器。", "shirk"),
        ("等白天的同事来了再问吧。", "shirk"),
        # impatience: 要看多久、教了三遍、别老来问、嗯嗯嗯行行行
        ("一份表格你要看多久？", "impatience"),
        ("这个键我已经教你三遍了。", "impatience"),
        ("结果没出来，别老来问了。", "impatience"),
        ("嗯嗯嗯，行行行，下一个。", "impatience"),
        # threat: 继续闹、再往…拍、真查起来、移交公安
        ("你还要继续闹是吧？", "threat"),
        ("再往玻璃上拍一下试试。", "threat"),
        ("真查起来可就不是补个税那么简单了。", "threat"),
        ("材料造假的话我们直接移交公安。", "threat"),
        # refuse: a requirement that cannot be met is no way forward; 就是…、没有例外、就这样了、有空再说
        ("结婚登记必须两个人都到场，一个人来就是办不了。", "refuse"),
        ("户口得迁来满两年才能申请，您才一年，办不了。", "refuse"),
        ("只收本人签字的，代签的一律不收。", "refuse"),
        ("晚一天就是晚一天，没有例外。", "refuse"),
        ("今天就这样了，系统关了。", "refuse"),
        ("等我们有空了再说吧。", "refuse"),
    ],
)
def test_round_10_taboo_families(five, text, kind):
    result = score_reply(text, five)
    assert kind in result.taboo_kinds, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    "text",
    [
        "结婚登记必须两个人都到场，另一位今天来不了的话，周六上午我们也开，您约个时间一起来。",
        "户口本要原件，今天没带的话，明天带来直接找我，不用重新排队。",
        "您让单位经办人带上公章来，十分钟就能办好。",
        "我们这儿是代收点，材料我收下转给区里，办好了我给您打电话。",
        "在机器上自己操作也可以，我在旁边教您。",
        "您要是不认识字也没关系，我读给您听。",
        "您这补贴的事我记录在案了，一定跟到底。",
        "大厅里有保安，谁也不会为难您，您慢慢说。",
        "您要是还想继续反映，我帮您登记到12345。",
        "过了四点半的件我们先收下，明天一早给您录。",
        "现在来问我们也不晚，还来得及补。",
        "一张表不着急，您要看多久都行。",
        "到底能不能补，我先调一下记录，两分钟。",
        "不行，必须本人来。周六上午也开，不用请假。",
    ],
)
def test_round_10_near_misses_are_not_taboo(five, text):
    """Polite wordings next to each round-10 family: a requirement that can be met, help at the machine, records kept for the citizen."""
    result = score_reply(text, five)
    assert not result.taboo, (text, result.taboo_kinds)


@pytest.mark.parametrize(
    "text, step",
    [
        ("结婚登记必须两个人都到场，另一位今天来不了的话，周六上午我们也开，您约个时间一起来。", "propose"),
        ("您让单位经办人带上公章来，十分钟就能办好。", "propose"),
        ("今天取不了，下个月5号以后来，直接办。", "propose"),
    ],
)
def test_round_10_requirements_with_a_way_forward_propose(five, text, step):
    assert step in score_reply(text, five).steps


@pytest.mark.parametrize(
    "text",
    ["小王，你那边复印机还能用吗？", "您这条围巾真好看，哪儿买的？", "这网怎么又断了。", "下班路上挺堵吧？"],
)
def test_round_10_small_talk_is_no_clarifying_question(five, text):
    assert "confirm" not in score_reply(text, five).steps


@pytest.mark.parametrize(
    "text, step",
    [
        ("先点右下角的“我的”，再点“社保卡”。", "propose"),
        ("我请科长过来跟您当面说。", "propose"),
        ("明天我们派人把证送到您家。", "propose"),
        ("退款五个工作日内原路退回。", "propose"),
        ("我帮您约周四上午十点。", "propose"),
        ("是我刚才没看清楚，您这个能办。", "receive"),
        ("您别不好意思，谁家都有难处。", "receive"),
        ("我记得您，上回是来办医保的吧？", "receive"),
        ("可以先给您开一份临时的，要吗？", "agree"),
        ("现场拿和邮寄都行，哪种对您方便？", "agree"),
    ],
)
def test_round_10_step_families(five, text, step):
    assert step in score_reply(text, five).steps, (text, score_reply(text, five).steps)
