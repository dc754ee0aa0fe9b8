"""A commented scenario skeleton for `govsim new`: one node per step of the method, three endings, tests.

The skeleton validates, lints clean and passes its own tests as written, so a trainer starts
from something that works and changes it one checked step at a time. Its lines live in
templates/skeleton.yaml; this module only arranges them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from simulator.scoring.rubric import Method

TEMPLATE = Path(__file__).parent / "templates" / "skeleton.yaml"
START_MOOD = {1: 35, 2: 50, 3: 60, 4: 70, 5: 80}
MOOD = {"best": -15, "weak": 10, "taboo": 25}
KINDS = ("best", "weak", "taboo")
DISC_ZH = {"D": "控制型(D)", "I": "影响型(I)", "S": "和平型(S)", "C": "理性型(C)"}
COMPLAINT_ZH = {"reasonable": "善意投诉", "unreasonable": "无理投诉"}


@dataclass
class Answers:
    """What the wizard asks (or the flags say)."""

    title: str
    area: str
    citizen: str
    type: str = "D"
    complaint: str = "reasonable"
    difficulty: int = 2
    method: str = "five-step"
    id: str = "new-scenario"


@lru_cache(maxsize=1)
def template() -> dict:
    with open(TEMPLATE, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def defaults() -> dict:
    return dict(template()["defaults"])


def default_title(area: str, complaint: str = "reasonable") -> str:
    return template()["defaults"]["title"][complaint].format(area=area)


def scalar(text: str) -> str:
    """A YAML scalar for `text`: plain when it reads back unchanged, else double-quoted (JSON is valid YAML)."""
    text = str(text)
    if text and text[0] not in "#\"'&*!|>%@`{[-?:,]}" and text == text.strip():
        try:
            if yaml.safe_load(f"k: {text}") == {"k": text}:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)


def _flow(text: str) -> str:
    """A scalar inside [ ]: flow indicators force quotes."""
    return json.dumps(text, ensure_ascii=False) if any(ch in text for ch in ",[]{}#") else scalar(text)


class _Writer:
    def __init__(self, answers: Answers, method: Method, file: str):
        self.a = answers
        self.method = method
        self.file = file
        self.tpl = template()
        self.lines: list[str] = []
        self.steps = list(method.step_ids)

    # -- text pieces --------------------------------------------------------
    def key(self, step: str) -> str:
        return self.tpl["alias"].get(step, step)

    def known(self, step: str) -> bool:
        key = self.key(step)
        return key in self.tpl["best"] and key in self.tpl["say"]

    def fill(self, text: str, step: str = "") -> str:
        return text.format(area=self.a.area, name=self.a.citizen, step=self.step_name(step) if step else "")

    def by_complaint(self, table: dict) -> object:
        return table.get(self.a.complaint, table.get("any"))

    def step_name(self, step: str) -> str:
        try:
            return self.method.step(step).name.get("zh") or step
        except StopIteration:
            return step

    def say(self, step: str, first: bool) -> str:
        if not self.known(step):
            return self.fill(self.tpl["unknown"]["say"], step)
        found = self.by_complaint(self.tpl["say"][self.key(step)])
        return self.fill(found[self.a.type] if isinstance(found, dict) else found)

    def reply(self, step: str, kind: str) -> str:
        if not self.known(step):
            return self.fill(self.tpl["unknown"][kind], step)
        if kind == "best":
            return self.fill(self.by_complaint(self.tpl["best"][self.key(step)])[self.a.type])
        return self.fill(self.tpl[kind][self.key(step)]["reply"])

    def feedback(self, step: str, kind: str) -> str:
        if not self.known(step):
            return ""
        if kind == "best":
            return self.tpl["best_feedback"][self.key(step)] + self.tpl["style"][self.a.type]
        return self.tpl[kind][self.key(step)]["feedback"]

    def comment(self, name: str, **args) -> str:
        return self.tpl["comments"][name].format(**args)

    # -- output ----------------------------------------------------------------
    def emit(self, indent: int, text: str, note: str = "") -> None:
        line = " " * indent + text
        self.lines.append(f"{line}  # {note}" if note else line)

    def note(self, indent: int, text: str) -> None:
        for line in text.splitlines():
            self.lines.append((" " * indent + "# " + line).rstrip())

    def order(self, index: int) -> list[str]:
        """Where best, weak and taboo stand at node `index`: rotated, so #1 is not always the answer."""
        shift = index % 3
        return list(KINDS[shift:] + KINDS[:shift])

    def write(self) -> str:
        a, c = self.a, self.comment
        method_zh = self.method.name.get("zh", self.method.id) if isinstance(self.method.name, dict) else a.method
        self.note(0, c("header", title=a.title, type=DISC_ZH[a.type], complaint=COMPLAINT_ZH[a.complaint],
                       difficulty=a.difficulty, method=method_zh, file=self.file))
        self.emit(0, f"id: {a.id}")
        self.emit(0, f"title: {scalar(a.title)}")
        self.emit(0, f"summary: {scalar(self.fill(self.by_complaint(self.tpl['summary'])))}", c("summary"))
        self.emit(0, f"tags: [{_flow(a.area)}]", c("tags"))
        self.emit(0, f"difficulty: {a.difficulty}", c("difficulty"))
        self.emit(0, f"method: {a.method}", c("method"))
        self.emit(0, "citizen:")
        self.emit(2, f"name: {scalar(a.citizen)}", c("name"))
        self.emit(2, f"type: {a.type}", c("type"))
        self.emit(2, f"complaint: {a.complaint}", c("complaint"))
        self.emit(2, f"mood: {START_MOOD[a.difficulty]}", c("mood"))
        self.emit(2, f"background: {scalar(self.tpl['background'][a.type])}", c("background"))
        self.emit(0, f"start: {self.steps[0]}")
        self.emit(0, "nodes:")
        picks = {kind: [] for kind in KINDS}
        for i, step in enumerate(self.steps):
            self._node(i, step, picks)
        self.lines.append("")
        self.note(2, c("endings"))
        for outcome in ("resolved", "partial", "escalated"):
            self.emit(2, f"{outcome}:")
            text = self.fill(self.by_complaint(self.tpl["endings"][outcome]))
            self.emit(4, f"say: {scalar(text)}", c("ending_say"))
            self.emit(4, f"end: {outcome}")
        self._tests(picks)
        return "\n".join(self.lines) + "\n"

    def _node(self, i: int, step: str, picks: dict[str, list[int]]) -> None:
        c = self.comment
        last = i == len(self.steps) - 1
        after = "resolved" if last else self.steps[i + 1]
        self.lines.append("")
        self.note(2, f"── {c('step', n=i + 1, step=self.step_name(step), id=step)} " + "─" * 20)
        self.emit(2, f"{step}:")
        first = i == 0
        self.note(4, c("say_first", type=DISC_ZH[self.a.type]) if first else c("say"))
        self.emit(4, f"say: {scalar(self.say(step, first))}")
        self.emit(4, f"expect: [{step}]", c("expect") if first else "")
        hint = self.tpl["hint"].get(self.key(step)) or self.fill(self.tpl["unknown"]["hint"], step)
        self.emit(4, f"hint: {scalar(hint)}", c("hint") if first else "")
        if first:
            self.note(4, c("phrases"))
        self.emit(4, "choices:")
        for position, kind in enumerate(self.order(i), 1):
            picks[kind].append(position)
            if kind == "best":
                self.note(6, c("best", step=self.step_name(step), style=self.tpl["style"][self.a.type]))
            else:
                self.note(6, c("weak_last" if kind == "weak" and last else kind))
            self.emit(6, f"- reply: {scalar(self.reply(step, kind))}")
            if kind == "best":
                self.emit(8, f"steps: [{step}]")
            if kind == "taboo":
                self.emit(8, "taboo: true")
            self.emit(8, f"mood: {MOOD[kind]}")
            feedback = self.feedback(step, kind)
            if feedback:
                self.emit(8, f"feedback: {scalar(feedback)}")
            target = {"best": after, "weak": "partial" if last else after, "taboo": "escalated"}[kind]
            self.emit(8, f"next: {target}")
        if first:
            self.note(4, c("routes"))
        self.emit(4, "routes:")
        self.emit(6, "- when: {taboo: true}")
        self.emit(8, "next: escalated")
        self.emit(6, f"- when: {{steps: [{step}]}}")
        self.emit(8, f"next: {after}")
        self.emit(6, f"- next: {'partial' if last else after}")
        self.emit(8, f"mood: {MOOD['weak']}")
        feedback = self.feedback(step, "weak")
        if feedback:
            self.emit(8, f"feedback: {scalar(feedback)}")

    def _tests(self, picks: dict[str, list[int]]) -> None:
        c = self.comment
        all_known = all(self.known(s) for s in self.steps)
        best = [f'"#{p}"' for p in picks["best"]]
        partial = best[:-1] + [f'"#{picks["weak"][-1]}"']
        self.lines.append("")
        self.note(0, c("tests"))
        self.emit(0, "tests:")
        grade = ", grade: 优秀" if all_known else ""
        self._test("best", c("test_best"), f"[{', '.join(best)}]", f"{{outcome: resolved{grade}}}")
        self._test("taboo", c("test_taboo"), f'["#{picks["taboo"][0]}"]', "{outcome: escalated, grade: 需改进}")
        self._test("partial", c("test_partial", step=self.step_name(self.steps[-1])), f"[{', '.join(partial)}]", "{outcome: partial}")
        if not all_known:
            return
        self.note(2, c("test_free"))
        self.emit(2, "- name: free-best")
        self.emit(4, "mode: free")
        self.emit(4, "replies:")
        for step in self.steps:
            self.emit(6, f"- {scalar(self.reply(step, 'best'))}")
        self.emit(4, "expect: {outcome: resolved}")
        self.note(2, c("test_free_taboo"))
        self.emit(2, "- name: free-taboo")
        self.emit(4, "mode: free")
        self.emit(4, f"replies: [{json.dumps(self.reply(self.steps[0], 'taboo'), ensure_ascii=False)}]")
        self.emit(4, "expect: {outcome: escalated, grade: 需改进}")

    def _test(self, name: str, note: str, replies: str, expect: str) -> None:
        self.note(2, note)
        self.emit(2, f"- name: {name}")
        self.emit(4, f"replies: {replies}")
        self.emit(4, f"expect: {expect}")


SCHEMA_FILE = "govsim.schema.json"


def skeleton(answers: Answers, method: Method, file: str = "", schema: str = "") -> str:
    """The YAML text of a new scenario; `file` is the name the header's commands use, and `schema`,
    when given, the JSON Schema an editor should check the file against."""
    text = _Writer(answers, method, file or f"{answers.id}.yaml").write()
    return f"# yaml-language-server: $schema={schema}\n{text}" if schema else text


def valid_id(value: str) -> bool:
    return bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value or ""))
