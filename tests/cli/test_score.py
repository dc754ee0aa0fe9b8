"""govsim score: one reply, --explain, and the --jsonl batch contract."""

import json


def test_score_one_reply(run):
    result = run("score", "--citizen", "D", "--json", "您好，请坐，别着急。")
    out = json.loads(result.stdout)
    assert out["steps"] == ["receive"] and out["taboo"] is False
    assert 0 <= out["disc_fit"] <= 1


def test_explain_names_the_phrases(run):
    result = run("score", "--explain", "您不能在这里办，不过您可以在App上申请。")
    assert result.exit_code == 0
    assert "在App上" not in result.stdout or "提供方案" in result.stdout
    assert "未计入" in result.stdout or "没有找到对应的说法" in result.stdout


def test_jsonl_keeps_order_and_ids(run):
    lines = [
        {"id": "a", "text": "您好，请坐。", "citizen": "D"},
        {"id": 2, "text": "这不归我管"},
        {"id": "c", "text": "嗯。", "citizen": "s"},
    ]
    payload = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    result = run("score", "--jsonl", "-", input=payload)
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 2, "c"]
    assert out[0]["steps"] == ["receive"] and out[0]["disc_fit"] is not None
    assert out[1]["taboo"] is True and out[1]["disc_fit"] is None
    for o in out:
        assert set(o) >= {"id", "steps", "taboo", "disc_fit", "evidence"}


def test_jsonl_bad_line_exits_2(run):
    result = run("score", "--jsonl", "-", input='{"id": 1, "text": "好"}\nnot json\n')
    assert result.exit_code == 2
    assert ":2" in result.stderr


def test_bad_citizen_exits_2(run):
    result = run("score", "--citizen", "X", "好")
    assert result.exit_code == 2
