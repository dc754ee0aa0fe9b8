"""govsim class …, history, resume and recorded play, through CliRunner on SQLite (the default store)."""

from __future__ import annotations

import csv
import json
import re

import pytest

from tests.test_store import BEST, FREE_TABOO, TABOO

CODE = re.compile(r"^[2-9A-HJ-NP-Z]{4,8}$")


@pytest.fixture
def opened(run):
    def open_class(name="社保窗口一班", *scenarios):
        args = ["class", "open", name, "--json"]
        for s in scenarios:
            args += ["--scenario", s]
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)["code"]

    return open_class


def play(run, trainee, replies, code=None, *extra):
    args = ["play", "shebao-card-photo", "--script", "-", "--trainee", trainee, *extra]
    if code:
        args += ["--class", code]
    return run(*args, input="\n".join(replies) + "\n")


# -- open, list, close, delete -------------------------------------------------------------------

def test_open_prints_a_code_and_how_to_join(run):
    result = run("class", "open", "社保窗口一班", "--scenario", "shebao-card-photo")
    assert result.exit_code == 0, result.stderr
    code = re.search(r"班级代码 (\w+)", result.stdout).group(1)
    assert CODE.match(code)
    assert f"govsim play shebao-card-photo --class {code} --trainee" in result.stdout
    assert f"govsim class board {code}" in result.stdout


def test_open_json_and_list(run, opened):
    code = opened("一班", "shebao-card-photo")
    assert CODE.match(code)
    listed = json.loads(run("class", "list", "--json").stdout)
    assert listed[0]["code"] == code and listed[0]["scenarios"] == ["shebao-card-photo"]
    table = run("class", "list").stdout
    assert code in table and "一班" in table and "进行中" in table


def test_open_with_an_unknown_scenario_exits_2(run):
    result = run("class", "open", "一班", "--scenario", "shebao-card-phot")
    assert result.exit_code == 2
    assert "shebao-card-photo" in result.stderr and "Traceback" not in result.stderr


def test_close_stops_new_sessions_but_keeps_the_board(run, opened):
    code = opened()
    assert play(run, "张三", BEST, code).exit_code == 0
    result = run("class", "close", code.lower())
    assert result.exit_code == 0 and code in result.stdout
    late = play(run, "李四", BEST, code)
    assert late.exit_code == 2
    assert "已关闭" in late.stderr
    assert "张三" in run("class", "board", code, "--once").stdout


def test_unknown_class_code_exits_2_before_playing(run):
    result = play(run, "张三", BEST, "ZZZZZ")
    assert result.exit_code == 2
    assert "ZZZZZ" in result.stderr
    assert "开始练习" not in result.stdout


def test_a_class_limited_to_other_scenarios_refuses_this_one(run, opened):
    code = opened("一班", "yanglao-renzheng")
    result = play(run, "张三", BEST, code)
    assert result.exit_code == 2 and "yanglao-renzheng" in result.stderr


def test_delete_asks_first(run, opened):
    code = opened()
    play(run, "张三", BEST, code)
    no = run("class", "delete", code, input="n\n")
    assert no.exit_code == 1 and "未删除" in no.stderr
    yes = run("class", "delete", code, input="y\n")
    assert yes.exit_code == 0 and "1" in yes.stdout
    assert run("class", "board", code, "--once").exit_code == 2


def test_delete_yes_removes_records(run, opened):
    code = opened()
    play(run, "张三", BEST, code)
    assert run("class", "delete", code, "--yes").exit_code == 0
    assert json.loads(run("class", "list", "--json").stdout) == []
    assert "张三" not in run("history", "--trainee", "张三").stdout.split("\n", 1)[1]


# -- recorded play -------------------------------------------------------------------------------

def test_play_records_into_the_class_and_says_so(run, opened):
    code = opened()
    result = play(run, "张三", BEST, code)
    assert result.exit_code == 0
    assert f"班级 {code} · 学员 张三" in result.stderr
    board = run("class", "board", code, "--once")
    assert board.exit_code == 0
    assert re.search(r"1\s+张三\s+1\s+\d+", board.stdout)


def test_scripted_play_without_a_class_records_under_the_os_user(run, monkeypatch):
    monkeypatch.setenv("USER", "trainee7")
    monkeypatch.setenv("LOGNAME", "trainee7")
    result = run("play", "shebao-card-photo", "--script", "-", "--json", input="\n".join(BEST) + "\n")
    out = json.loads(result.stdout)
    assert isinstance(out["session_id"], int)
    history = json.loads(run("history", "--json").stdout)
    assert history["trainee"] == "trainee7" and len(history["sessions"]) == 1


def test_no_record_writes_nothing(run):
    result = run("play", "shebao-card-photo", "--script", "-", "--json", "--no-record",
                 input="\n".join(BEST) + "\n")
    assert json.loads(result.stdout)["session_id"] is None
    assert json.loads(run("history", "--json", "--trainee", "x").stdout)["sessions"] == []


def test_an_unreachable_store_is_one_line_and_the_report_still_prints(run, tmp_path):
    result = run("--db", "postgresql://nobody:secret@127.0.0.1:9/govsim", "play", "shebao-card-photo",
                 "--script", "-", "--trainee", "张三", input="\n".join(BEST) + "\n")
    assert result.exit_code == 0
    assert "练习报告" in result.stdout and "优秀" in result.stdout
    assert "无法连接成绩库" in result.stderr and "secret" not in result.stderr
    saved = re.search(r"已另存为文件：(\S+)", result.stderr).group(1)
    data = json.loads(open(saved, encoding="utf-8").read())
    assert data["trainee"] == "张三" and data["grade"] == "excellent" and len(data["turns"]) == 6
    assert "Traceback" not in result.stderr


def test_a_bad_store_address_exits_2(run):
    result = run("--db", "mysql://x/y", "class", "list")
    assert result.exit_code == 2 and "成绩库地址无效" in result.stderr


# -- resume ---------------------------------------------------------------------------------------

def test_a_script_that_runs_out_is_saved_and_resumes_from_the_same_turn(run, opened):
    code = opened()
    first = play(run, "张三", BEST[:3], code)
    assert first.exit_code == 2
    sid = int(re.search(r"govsim resume (\d+)", first.stderr).group(1))
    listed = run("resume")
    assert listed.exit_code == 0 and "张三" in listed.stdout and code in listed.stdout
    assert "4" in listed.stdout  # resumes at turn 4
    resumed = run("resume", str(sid), "--script", "-", "--json", input="\n".join(BEST[3:]) + "\n")
    assert resumed.exit_code == 0, resumed.stderr
    out = json.loads(resumed.stdout)
    assert out["session_id"] == sid and out["grade"] == "优秀" and len(out["turns"]) == 6
    assert "没有中断的练习" in run("resume").stdout
    again = run("resume", str(sid), "--script", "-", input="#1\n")
    assert again.exit_code == 2 and "已经完成" in again.stderr
    assert json.loads(run("class", "report", code, "--json").stdout)["counts"]["finished"] == 1


def test_resume_refuses_when_the_scenario_changed(run, tmp_path):
    from tests.conftest import SCENARIOS

    copy = tmp_path / "shebao-card-photo.yaml"
    copy.write_text((SCENARIOS / "shebao-card-photo.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    first = run("play", str(copy), "--script", "-", "--trainee", "张三", input="#2\n")
    sid = re.search(r"govsim resume (\d+)", first.stderr).group(1)
    copy.write_text(copy.read_text(encoding="utf-8").replace("王", "汪", 1), encoding="utf-8")
    result = run("resume", sid, "--script", "-", input="#1\n")
    assert result.exit_code == 2
    assert "被修改过" in result.stderr and "Traceback" not in result.stderr


def test_resume_of_an_unknown_id_exits_2(run):
    result = run("resume", "999", "--script", "-", input="")
    assert result.exit_code == 2 and "999" in result.stderr


# -- board, report, history -----------------------------------------------------------------------

@pytest.fixture
def mock_class(run, opened):
    code = opened()
    play(run, "张三", BEST, code)
    play(run, "李四", TABOO, code)
    play(run, "王小二", BEST, code)
    run("play", "shebao-card-photo", "--mode", "free", "--script", "-", "--trainee", "欧阳娜娜", "--class", code,
        input="\n".join(FREE_TABOO) + "\n")
    play(run, "=cmd|' /C calc'!A0", BEST[:2], code)
    return code


def test_board_once_aligns_chinese_names(run, mock_class):
    result = run("class", "board", mock_class, "--once")
    assert result.exit_code == 0
    lines = [line for line in result.stdout.splitlines() if re.search(r"张三|李四|王小二|欧阳娜娜", line)]
    assert len(lines) == 4
    from rich.cells import cell_len

    ends = {cell_len(line.rstrip()) for line in lines}
    assert len(ends) == 1, result.stdout  # every row ends in the same terminal column
    assert "优" in result.stdout and "改" in result.stdout


def test_board_of_an_unknown_class_exits_2(run):
    assert run("class", "board", "ZZZZ", "--once").exit_code == 2


def test_report_in_the_terminal(run, mock_class):
    result = run("class", "report", mock_class)
    assert result.exit_code == 0
    for part in ("学员成绩", "各步骤班级平均分", "最需加强的学员", "总分分布", "最常见的禁忌用语", "各剧本情况", "保安"):
        assert part in result.stdout


def test_report_json(run, mock_class):
    data = json.loads(run("class", "report", mock_class, "--json").stdout)
    assert data["counts"]["finished"] == 4 and data["counts"]["interrupted"] == 1
    assert [s["step"] for s in data["step_summary"]] == ["receive", "confirm", "propose", "agree", "follow_up"]
    assert data["taboo"] and data["distribution"][9]["count"] == 2


def test_report_csv_has_a_bom_and_chinese(run, mock_class, tmp_path):
    path = tmp_path / "班级.csv"
    result = run("class", "report", mock_class, "--csv", str(path))
    assert result.exit_code == 0 and str(path) in result.stdout
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:4] == ["学员", "场次", "中断", "平均"] and "接待受理" in rows[0]
    names = [r[0] for r in rows[1:]]
    assert "张三" in names and "欧阳娜娜" in names
    assert "'=cmd|' /C calc'!A0" in names  # a formula-looking name is defused


def test_report_html_is_self_contained_and_escaped(run, mock_class, tmp_path):
    path = tmp_path / "r.html"
    assert run("class", "report", mock_class, "--html", str(path)).exit_code == 0
    page = path.read_text(encoding="utf-8")
    assert page.count("<svg") >= 2 + 4  # bars, histogram and a radar per trainee who finished
    assert "http://" not in page
    assert "https://" not in page and "<script" not in page and "<link" not in page
    assert "张三" in page


def test_report_needs_one_format_and_a_writable_path(run, mock_class, tmp_path):
    both = run("class", "report", mock_class, "--json", "--csv", str(tmp_path / "x.csv"))
    assert both.exit_code == 2
    bad = run("class", "report", mock_class, "--html", str(tmp_path / "no" / "such" / "r.html"))
    assert bad.exit_code == 2 and "无法写入" in bad.stderr


def test_names_are_never_markup(run, opened):
    code = opened("[bold]班[/bold]")
    play(run, "[red]x[/red]", BEST, code)
    board = run("class", "board", code, "--once").stdout
    assert "[red]x[/red]" in board and "[bold]班[/bold]" in board


def test_history_with_sparklines(run):
    for replies in (TABOO, BEST[:5] + ["#1"], BEST):
        play(run, "张三", replies)
    play(run, "张三", BEST[:2])
    result = run("history", "--trainee", "张三")
    assert result.exit_code == 0
    assert "趋势（最近 3 场完成的练习）" in result.stdout
    assert re.search(r"[▁▂▃▄▅▆▇█]{3}", result.stdout)
    assert "中断" in result.stdout
    other = run("history", "--trainee", "无名")
    assert "还没有练习记录" in other.stdout and "张三" in other.stdout


# -- hot-seat -------------------------------------------------------------------------------------

def test_hotseat_rotation_scores_each_reply_to_its_author(run, opened):
    code = opened()
    result = run("class", "hotseat", "shebao-card-photo", "--trainees", "张三,李四，王五", "--class", code,
                 "--script", "-", input="\n".join(BEST) + "\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("轮到 张三") == 2 and result.stdout.count("轮到 王五") == 2
    assert "团队看板" in result.stdout and "练习报告" in result.stdout
    assert "已记录 3 名学员" in result.stderr
    data = json.loads(run("class", "report", code, "--json").stdout)
    [rnd] = data["hotseat"]
    assert rnd["seat"] == "hotseat" and rnd["grade"] == "excellent"
    assert sorted(m["trainee"] for m in rnd["trainees"]) == ["张三", "李四", "王五"]
    assert all(m["turns"] == 2 for m in rnd["trainees"])
    assert data["trainees"] == []  # a hot-seat part is not a solo session


def test_hotseat_panel_carries_the_best_reply_on(run):
    # each turn: 张三 answers well, 李四 rudely, 王五 with another choice
    lines = []
    for good in BEST:
        lines += [good, "#3" if good != "#3" else "#1", "#1"]
    result = run("class", "hotseat", "shebao-card-photo", "--trainees", "张三,李四,王五", "--panel",
                 "--script", "-", input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "第 1 轮：各人的回复" in result.stdout
    assert result.stdout.count("采用的回复来自 张三") == len(BEST)
    assert "被采用" in result.stdout and "优秀" in result.stdout


def test_hotseat_needs_two_distinct_trainees(run):
    assert run("class", "hotseat", "shebao-card-photo", "--trainees", "张三", "--script", "-", input="").exit_code == 2
    dup = run("class", "hotseat", "shebao-card-photo", "--trainees", "张三,张三", "--script", "-", input="")
    assert dup.exit_code == 2 and "两次" in dup.stderr


def test_hotseat_free_text_interrupted_by_the_script_is_recorded(run, opened):
    code = opened()
    result = run("class", "hotseat", "shebao-card-photo", "--trainees", "张三,李四", "--mode", "free",
                 "--class", code, "--script", "-", input="王师傅您好，我马上帮您看\n")
    assert result.exit_code == 2
    data = json.loads(run("class", "report", code, "--json").stdout)
    assert data["hotseat"][0]["status"] == "interrupted"


def test_english_board(run, opened):
    code = opened()
    play(run, "张三", BEST, code)
    result = run("--lang", "en", "class", "board", code, "--once")
    assert "Class board" in result.stdout and "trainee" in result.stdout and "rece" in result.stdout
