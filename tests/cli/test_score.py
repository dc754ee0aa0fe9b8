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


def test_jsonl_bad_line_keeps_the_answers_before_it(run):
    payload = '\ufeff{"id": 1, "text": "您好"}\n\n{"id": 2, "text": "好"}\n{"id": 3}\n{"id": 4, "text": "好"}\n'
    result = run("score", "--jsonl", "-", input=payload)
    assert result.exit_code == 2
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [1, 2]  # a BOM and a blank line are fine
    assert "-:4" in result.stderr and "text" in result.stderr


def test_jsonl_line_that_is_not_utf8_is_one_clear_error(run, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"id": 1, "text": "\xff"}\n')
    result = run("score", "--jsonl", str(path))
    assert result.exit_code == 2
    assert f"{path}:1" in result.stderr and "Traceback" not in result.stderr


def _govsim_jsonl(path, *args) -> list[str]:
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "simulator", "score", "--jsonl", str(path), *args]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.splitlines()


def test_a_large_batch_on_several_cores_gives_the_same_lines_in_order(tmp_path):
    from simulator.scoring.batch import PARALLEL_FROM

    texts = ["您好，请坐", "你到底带没带身份证", "材料齐了，今天就能办，十个工作日出证", "您看这样行吗？", "嗯。"]
    lines = [json.dumps({"id": i, "text": texts[i % 5] + str(i), "citizen": "DISC"[i % 4]}, ensure_ascii=False)
             for i in range(PARALLEL_FROM * 3)]
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    serial = _govsim_jsonl(path, "--jobs", "1")
    parallel = _govsim_jsonl(path, "--jobs", "3")
    assert len(serial) == PARALLEL_FROM * 3 and parallel == serial
    assert [json.loads(line)["id"] for line in parallel] == list(range(PARALLEL_FROM * 3))


def test_jsonl_answers_each_line_as_it_arrives():
    """A program may write a line and wait for its answer before writing the next."""
    import subprocess
    import sys
    import threading

    proc = subprocess.Popen([sys.executable, "-m", "simulator", "score", "--jsonl", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    watchdog = threading.Timer(60, proc.kill)  # a hang becomes a failure, not a stuck run
    watchdog.start()
    try:
        for i, text in enumerate(["您好，请坐", "你到底带没带身份证"]):
            proc.stdin.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
            proc.stdin.flush()
            assert json.loads(proc.stdout.readline())["id"] == i  # would hang if input were read to the end first
    finally:
        proc.stdin.close()
        assert proc.wait(timeout=30) == 0
        watchdog.cancel()
