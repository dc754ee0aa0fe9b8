"""The message catalogue: every sentence a user reads, in Chinese and English.

Pure data and a lookup; the core may use it to name its errors, the terminal layer to render.
"""

from __future__ import annotations

import os

LANGS = ("zh", "en")
_lang = "en" if os.environ.get("GOVSIM_LANG", "").lower().startswith("en") else "zh"


def set_lang(lang: str) -> None:
    global _lang
    if lang not in LANGS:
        from simulator.errors import SimulatorError

        raise SimulatorError("error.bad_lang", lang=lang, langs=", ".join(LANGS))
    _lang = lang


def get_lang() -> str:
    return _lang


def t(key: str, /, **args) -> str:
    zh, en = MESSAGES[key]
    text = en if _lang == "en" else zh
    return text.format(**args) if args else text


def pick(texts: dict | str | None) -> str:
    """Choose the current language from a {zh:, en:} mapping found in data files."""
    if texts is None:
        return ""
    if isinstance(texts, str):
        return texts
    return texts.get(_lang) or texts.get("zh") or next(iter(texts.values()), "")


MESSAGES: dict[str, tuple[str, str]] = {
    # diagnostics: severities
    "diag.error": ("错误", "error"),
    "diag.warning": ("警告", "warning"),
    # YAML
    "Y001": ("YAML 语法错误：{problem}", "YAML syntax error: {problem}"),
    "Y002": ("键 '{key}' 重复（第一次出现在第 {first} 行）", "duplicate key '{key}' (first at line {first})"),
    "Y003": ("不支持的 YAML 标签 '{tag}'：剧本只能包含纯数据", "unsupported YAML tag '{tag}': a scenario holds plain data only"),
    "Y004": ("文件为空", "the file is empty"),
    "Y005": (
        "文件不是 UTF-8 编码：{encoding}。请用编辑器另存为 UTF-8",
        "the file is not UTF-8: {encoding}. Save it as UTF-8 in your editor",
    ),
    "Y006": ("文件过大或结构过于复杂（{what}）", "the file is too large or too deeply nested ({what})"),
    "Y007": ("一个文件只能包含一个 YAML 文档", "a file may hold one YAML document only"),
    "Y008": ("文件是 {encoding} 编码，已自动读取；建议另存为 UTF-8", "the file is {encoding}; it was read, but save it as UTF-8"),
    "Y009": ("文件包含二进制数据，不是文本", "the file holds binary data, not text"),
    "Y010": ("YAML 中不能使用制表符缩进，请改用空格", "tabs cannot indent YAML; use spaces"),
    # schema
    "S101": ("未知的键 '{key}'（{where}）{hint}", "unknown key '{key}' ({where}){hint}"),
    "S102": ("缺少必填的键 '{key}'（{where}）", "missing required key '{key}' ({where})"),
    "S103": ("'{key}' 应为{expected}，实际是{actual}", "'{key}' should be {expected}, not {actual}"),
    "S104": ("'{key}' 的值 {value} 超出范围 {range}", "'{key}' value {value} is out of range {range}"),
    "S105": ("'{key}' 的值 '{value}' 无效，应为：{allowed}{hint}", "'{key}' value '{value}' is not one of: {allowed}{hint}"),
    "S106": (
        "标识 '{value}' 格式不对：只能用小写字母、数字和{sep}",
        "id '{value}' is malformed: use lower-case letters, digits and '{sep}'",
    ),
    "S107": ("步骤 '{step}' 不属于方法 {method}（可用：{allowed}）{hint}", "step '{step}' is not in method {method} (steps: {allowed}){hint}"),
    "S108": ("未知的评分方法 '{method}'（可用：{allowed}）", "unknown scoring method '{method}' (available: {allowed})"),
    "S109": ("结局节点 '{node}' 不能再有 {key}", "ending node '{node}' cannot have {key}"),
    "S110": ("剧本 id '{id}' 与文件名 '{stem}' 不一致", "scenario id '{id}' differs from the file name '{stem}'"),
    "S111": ("'{key}' 不能为空", "'{key}' cannot be empty"),
    "S112": ("脚本回复 '{reply}' 无效：应为 #N 或文字", "scripted reply '{reply}' is invalid: use #N or text"),
    # graph
    "V201": ("start 指向的节点 '{target}' 不存在{hint}", "start names no node '{target}'{hint}"),
    "V202": ("next 指向的节点 '{target}' 不存在{hint}", "next names no node '{target}'{hint}"),
    "V203": ("节点 '{node}' 从 start 无法到达", "node '{node}' cannot be reached from start"),
    "V204": ("从节点 '{node}' 无法到达任何结局", "no ending can be reached from node '{node}'"),
    "V205": ("节点 '{node}' 既不是结局，也没有 choices 或 routes", "node '{node}' is not an ending and has no choices or routes"),
    "V206": (
        "节点 '{node}' 没有默认路线（最后一条不带 when 的 route），自由作答可能无路可走",
        "node '{node}' has no default route (a last route without `when`), so free text may go nowhere",
    ),
    "V207": ("默认路线之后的路线永远不会被选中", "a route after the default route is never taken"),
    "V208": ("节点 '{node}' 缺少 choices，选择作答时无法继续", "node '{node}' has no choices, so choice mode cannot go on"),
    "V209": ("剧本没有任何结局节点", "the scenario has no ending node"),
    # rubric
    "R301": ("正则表达式无效：{problem}", "invalid regular expression: {problem}"),
    "R302": ("评分方法 '{method}' 找不到", "scoring method '{method}' not found"),
    # value types named in S103
    "type.mapping": ("映射（键: 值）", "a mapping (key: value)"),
    "type.list": ("列表", "a list"),
    "type.text": ("文字", "text"),
    "type.string": ("文字", "a string"),
    "type.integer": ("整数", "an integer"),
    "type.number": ("数字", "a number"),
    "type.true/false": ("true 或 false", "true or false"),
    "type.empty": ("空值", "empty"),
    # errors
    "error.scenario_invalid": ("{path}：发现 {count} 个问题", "{path}: {count} problem(s) found"),
    "error.unknown_scenario": ("找不到剧本 '{name}'{hint}", "no scenario '{name}'{hint}"),
    "error.no_such_path": ("路径不存在：{path}", "no such file or folder: {path}"),
    "error.bad_lang": ("不支持的语言 '{lang}'（可用：{langs}）", "unsupported language '{lang}' (available: {langs})"),
    "error.not_a_tty": (
        "标准输入不是终端，无法交互；请用 --script FILE（或 --script -）按行提供回复",
        "standard input is not a terminal; use --script FILE (or --script -) to give one reply per line",
    ),
    "error.script_ended": (
        "脚本在第 {turn} 轮用完了，对话尚未结束（当前节点 '{node}'）",
        "the script ran out at turn {turn} before an ending (at node '{node}')",
    ),
    "error.bad_choice": ("第 {turn} 轮：没有选项 {choice}（共 {count} 个）", "turn {turn}: there is no choice {choice} (of {count})"),
    "error.choice_in_free": ("第 {turn} 轮：自由作答模式不能用 #N 选择", "turn {turn}: free-text mode takes typed replies, not #N"),
    "error.text_in_choice": (
        "第 {turn} 轮：选择作答模式需要 #N，收到的是文字 '{text}'",
        "turn {turn}: choice mode takes #N, got text '{text}'",
    ),
    "error.empty_reply": ("回复不能为空", "a reply cannot be empty"),
    "error.session_over": ("对话已经结束", "the conversation has ended"),
    "error.cannot_read": ("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "error.bad_jsonl": ("{path}:{line}：不是有效的 JSON 行：{problem}", "{path}:{line}: not a valid JSON line: {problem}"),
    "error.jsonl_text": ("{path}:{line}：缺少字符串字段 'text'", "{path}:{line}: missing string field 'text'"),
    "error.bad_citizen": ("群众类型 '{value}' 无效，应为 D、I、S 或 C", "citizen type '{value}' is invalid: use D, I, S or C"),
    "error.no_text": ("请提供要评分的回复文字，或使用 --jsonl FILE", "give the reply text to score, or use --jsonl FILE"),
    "error.state_version": ("存档版本 {version} 不受支持", "saved state version {version} is not supported"),
    "error.no_scenarios": ("没有找到符合条件的剧本", "no scenario matches"),
    "error.bad_value": ("{option} 的值 '{value}' 无效，应为：{allowed}", "invalid value '{value}' for {option}: use {allowed}"),
    "hint.did_you_mean": ("（是不是 '{name}'？）", " (did you mean '{name}'?)"),
    # validate
    "validate.ok_file": ("{path}：通过", "{path}: ok"),
    "validate.summary_ok": ("{files} 个文件全部有效（{warnings} 个警告）", "{files} file(s) valid ({warnings} warning(s))"),
    "validate.summary_bad": (
        "{files} 个文件中 {bad} 个无效：{errors} 个错误，{warnings} 个警告",
        "{bad} of {files} file(s) invalid: {errors} error(s), {warnings} warning(s)",
    ),
    "validate.no_files": ("没有找到 .yaml 剧本文件：{path}", "no .yaml scenario files found in {path}"),
    # list
    "list.title": ("剧本库（{count} 个）", "Scenarios ({count})"),
    "list.col.id": ("编号", "id"),
    "list.col.title": ("标题", "title"),
    "list.col.citizen": ("群众", "citizen"),
    "list.col.difficulty": ("难度", "difficulty"),
    "list.col.tags": ("标签", "tags"),
    "list.col.complaint": ("投诉", "complaint"),
    # DISC and complaint kinds
    "disc.D": ("D 控制型", "D dominant"),
    "disc.I": ("I 影响型", "I influential"),
    "disc.S": ("S 和平型", "S steady"),
    "disc.C": ("C 理性型", "C conscientious"),
    "disc.D.advice": ("直接、简洁，先给结论", "be direct and brief, conclusion first"),
    "disc.I.advice": ("热情真诚，引起情感共鸣", "be warm and personal, share the feeling"),
    "disc.S.advice": ("耐心体谅，一步一步来，避免冲突", "be patient and reassuring, step by step, no pressure"),
    "disc.C.advice": ("给出详尽的数据、依据和书面材料", "give precise figures, rules and written detail"),
    "complaint.reasonable": ("善意投诉", "well-meant"),
    "complaint.unreasonable": ("无理投诉", "unreasonable"),
    # play
    "play.mood": ("情绪", "mood"),
    "play.mood.calm": ("平静", "calm"),
    "play.mood.uneasy": ("不满", "uneasy"),
    "play.mood.angry": ("生气", "angry"),
    "play.mood.furious": ("暴怒", "furious"),
    "play.turn": ("第 {n} 轮", "Turn {n}"),
    "play.you": ("你", "You"),
    "play.choose": ("请选择你的回复：", "Choose your reply:"),
    "play.choose_keys": ("（按数字键或上下键选择，回车确认）", "(number keys or arrows, then Enter)"),
    "play.type": ("请输入你的回复（直接回车可看提示）：", "Type your reply (Enter alone shows a hint):"),
    "play.hint": ("提示：{hint}", "Hint: {hint}"),
    "play.expected": ("此处应当：{steps}", "Expected here: {steps}"),
    "play.performed": ("你的回复做到了：{steps}", "Your reply did: {steps}"),
    "play.performed_none": ("你的回复没有体现五步法中的任何一步", "Your reply performed no step of the method"),
    "play.taboo": ("禁忌：{kinds}", "Taboo: {kinds}"),
    "play.taboo_plain": ("禁忌用语", "Taboo reply"),
    "play.disc_fit": ("风格契合（{type}）：{fit}", "Style fit ({type}): {fit}"),
    "play.evidence": ("依据：{items}", "Evidence: {items}"),
    "play.order_fault": ("顺序：{step} 来得太早，{missing} 还没做", "Order: {step} came too early; {missing} not done yet"),
    "play.missed": ("漏掉了：{steps}", "Missed: {steps}"),
    "play.scenario_note": ("剧本点评：{text}", "Scenario note: {text}"),
    "play.coach_title": ("教练点评", "Coach"),
    "play.interrupted": ("练习已中断。", "Practice interrupted."),
    "play.tagged": ("剧本标注", "tagged by the scenario"),
    "play.ending": ("结局：{outcome}", "Ending: {outcome}"),
    "play.start": ("开始练习：{title}", "Starting: {title}"),
    "play.mode.choice": ("选择作答", "choice"),
    "play.mode.free": ("自由作答", "free text"),
    "play.background": ("背景：{text}", "Background: {text}"),
    # outcomes
    "outcome.resolved": ("圆满解决", "resolved"),
    "outcome.partial": ("部分解决", "partly resolved"),
    "outcome.escalated": ("矛盾升级", "escalated"),
    "outcome.interrupted": ("中断", "interrupted"),
    # report
    "report.title": ("练习报告：{title}", "Report: {title}"),
    "report.total": ("总分 {total} · {grade}", "Total {total} · {grade}"),
    "report.steps": ("各步骤得分", "Points per step"),
    "report.order": ("顺序规范", "Order"),
    "report.taboo": ("禁忌用语", "Taboo replies"),
    "report.disc": ("风格适配", "DISC fit"),
    "report.mood": ("最终情绪", "Final mood"),
    "report.outcome": ("结局", "Outcome"),
    "report.transcript": ("对话记录", "Transcript"),
    "report.tips": ("改进建议", "Tips"),
    "report.no_tips": ("表现很好，继续保持！", "Well done: keep it up!"),
    "report.col.turn": ("轮", "turn"),
    "report.col.speaker": ("说话人", "speaker"),
    "report.col.text": ("内容", "text"),
    "report.col.steps": ("步骤", "steps"),
    "report.col.fit": ("契合", "fit"),
    "report.col.mood": ("情绪", "mood"),
    "report.taboo_mark": ("禁忌", "taboo"),
    # grades
    "grade.excellent": ("优秀", "excellent"),
    "grade.good": ("良好", "good"),
    "grade.pass": ("合格", "pass"),
    "grade.poor": ("需改进", "needs work"),
    # tips
    "tip.taboo": (
        "避免禁忌用语（推诿、指责群众、不耐烦、威胁、生硬拒绝）：保持冷静，面对群众要有包容心，拒绝时也要给出可行的办法。",
        "Avoid taboo language (shirking, blaming, impatience, threats, flat refusals): stay calm, be tolerant, and offer a way forward even when saying no.",
    ),
    "tip.order": (
        "按五步顺序来：先接待受理、确认需求，再提供方案；需求没确认就给方案，容易答非所问。",
        "Keep the order: receive and confirm the need before proposing; a solution before the need is clear often misses the point.",
    ),
    "tip.disc": (
        "因人而异：这位群众是{type}，应{advice}。",
        "Adapt to the person: this citizen is {type}; {advice}.",
    ),
    "tip.outcome": (
        "没有达成圆满结局：与群众协商一致后，再说明后续怎么跟进，防止再次不满。",
        "The case was not fully resolved: reach agreement, then say how you will follow up so the citizen is not let down again.",
    ),
    # menu
    "menu.scenario": ("选择剧本：", "Choose a scenario:"),
    "menu.filter": ("筛选剧本：", "Filter scenarios:"),
    "menu.filter.all": ("全部剧本", "All scenarios"),
    "menu.filter.disc": ("按群众类型（DISC）", "By citizen type (DISC)"),
    "menu.filter.difficulty": ("按难度", "By difficulty"),
    "menu.filter.tag": ("按业务标签", "By tag"),
    "menu.pick_disc": ("群众类型：", "Citizen type:"),
    "menu.pick_difficulty": ("难度：", "Difficulty:"),
    "menu.pick_tag": ("业务标签：", "Tag:"),
    "menu.mode": ("作答方式：", "Mode:"),
    "menu.mode.choice": ("选择作答（从选项中挑选回复）", "Choice (pick a reply)"),
    "menu.mode.free": ("自由作答（自己输入回复）", "Free text (type your reply)"),
    "menu.feedback": ("点评方式：", "Feedback:"),
    "menu.coach": ("教练模式（点评每一轮）", "Coach (feedback after every turn)"),
    "menu.exam": ("考试模式（结束后统一评分）", "Exam (scored at the end)"),
    "menu.difficulty_n": ("难度 {n}", "difficulty {n}"),
    # score command
    "score.steps": ("步骤", "Steps"),
    "score.none": ("（无）", "(none)"),
    "score.taboo": ("禁忌", "Taboo"),
    "score.yes": ("是", "yes"),
    "score.no": ("否", "no"),
    "score.fit": ("风格契合", "DISC fit"),
    "score.evidence": ("依据", "Evidence"),
    "score.rejected": ("未计入", "Not counted"),
    "score.col.kind": ("类别", "kind"),
    "score.col.label": ("判定", "judgement"),
    "score.col.match": ("触发文字", "matched text"),
    "score.col.why": ("说明", "why"),
    "explain.no_cue": ("没有找到对应的说法", "no phrase for it was found"),
    "explain.kind.step": ("步骤", "step"),
    "explain.kind.taboo": ("禁忌", "taboo"),
    "explain.kind.disc": ("风格", "style"),
    "explain.rejected.negated": ("前面有否定词，不算", "negated just before, so it does not count"),
    "explain.rejected.unless": ("同一分句中有排除条件", "an exception in the same clause cancels it"),
    "explain.rejected.unless_steps": ("回复同时给出了办法，不算生硬拒绝", "the reply also offers a way forward"),
    # test
    "test.none": ("（没有 tests）", "(no tests)"),
    "test.failed": ("失败：{scenario} · {name}", "FAILED: {scenario} · {name}"),
    "test.no_ending": ("回复用完了，对话停在节点 '{node}'，没有到达结局", "the replies ran out at node '{node}' before an ending"),
    "test.outcome": ("结局应为 {want}，实际是 {got}", "outcome should be {want}, got {got}"),
    "test.grade": ("等级应为 {want}，实际是 {got}", "grade should be {want}, got {got}"),
    "test.total": ("总分应在 {want}，实际是 {got}", "total should be in {want}, got {got}"),
    "test.path": ("经过：{path}", "path: {path}"),
    "test.summary": ("{passed} passed, {failed} failed", "{passed} passed, {failed} failed"),
    "help.test": ("运行剧本自带的测试路径", "run the scripted paths scenarios carry"),
    # help texts
    "help.app": ("政务服务大厅投诉处理情景模拟训练", "Complaint-handling role-play trainer for government service halls"),
    "help.lang": ("界面语言：zh 或 en", "interface language: zh or en"),
    "help.dir": ("额外的剧本文件夹（可多次使用）", "extra scenario folder (repeatable)"),
    "help.list": ("列出剧本", "list scenarios"),
    "help.json": ("输出 JSON", "print JSON"),
    "help.validate": ("检查剧本文件", "check scenario files"),
    "help.play": ("练习一个剧本", "practise a scenario"),
    "help.scenario": ("剧本编号或文件路径", "scenario id or file path"),
    "help.mode": ("作答方式：choice 或 free", "mode: choice or free"),
    "help.coach": ("教练模式（每轮点评）或考试模式", "coach (feedback every turn) or exam"),
    "help.script": ("按行读取回复的脚本文件（- 为标准输入）", "script of replies, one a line (- for stdin)"),
    "help.score": ("为一条回复评分", "score one reply"),
    "help.citizen": ("群众的 DISC 类型：D、I、S 或 C", "citizen DISC type: D, I, S or C"),
    "help.jsonl": ("批量评分：每行一个 JSON（- 为标准输入）", "batch: one JSON object a line (- for stdin)"),
    "help.explain": ("解释每一项判定", "explain every judgement"),
    "help.text": ("要评分的回复", "the reply to score"),
    "help.paths": ("剧本文件或文件夹", "scenario files or folders"),
    "help.method": ("评分方法", "scoring method"),
}
