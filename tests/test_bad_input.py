"""Every kind of broken scenario file gets one clear message with file:line:column and exit code 2.

Time and memory are measured per input in a fresh process by `python -m benchmarks.bad_inputs`;
here each process is only guarded against hanging or blowing up.
"""

import codecs
import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
MINIMAL = (HERE / "scenarios" / "engine" / "counter.yaml").read_text(encoding="utf-8")
BUILTIN = (HERE.parent / "scenarios" / "shebao-card-photo.yaml").read_text(encoding="utf-8")
LOCATED = re.compile(r"^(?P<path>[^\n]+?\.yaml):(?P<line>\d+):(?P<col>\d+): ", re.M)


def _bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join(lines) + "\n"


TEXT_CASES = {
    "syntax-unclosed-flow": "id: x\ntitle: [unclosed\n",
    "syntax-bad-indent": "id: x\n  title: y\n title: z\n",
    "tab-indent": "id: x\ncitizen:\n\tname: 张三\n",
    "duplicate-key": MINIMAL.replace("title:", "title: 重复的标题\ntitle:", 1),
    "alias-bomb": _bomb(),
    "deep-flow": "id: x\nnodes: " + "[" * 50_000 + "]" * 50_000 + "\n",
    "deep-dashes": "id: x\nnodes:\n" + "- " * 50_000 + "x\n",
    "deep-block": "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v\n",
    "python-object-apply": 'id: !!python/object/apply:os.system ["touch /tmp/govsim-pwned"]\n',
    "python-name": "id: !!python/name:os.system\n",
    "custom-tag": "id: !include other.yaml\n",
    "empty": "",
    "only-spaces": "   \n\n  \n",
    "only-comment": "# 还没写\n",
    "a-list": "- 社保\n- 医保\n",
    "a-scalar": "这不是剧本\n",
    "two-documents": MINIMAL + "\n---\nid: again\n",
    "ids-with-spaces": MINIMAL.replace("id: counter", "id: my scenario", 1),
    "node-id-chinese": MINIMAL.replace("opening", "开 场"),
    "cycle-without-exit": (
        "id: cycle\ntitle: 循环\ncitizen: {name: 张三, type: D}\nstart: a\nnodes:\n"
        "  a:\n    say: 一\n    choices: [{reply: 好, next: b}]\n    routes: [{next: b}]\n"
        "  b:\n    say: 二\n    choices: [{reply: 好, next: a}]\n    routes: [{next: a}]\n"
        "  end:\n    say: 完\n    end: resolved\n"
    ),
    "merge-key": "base: &b {name: 张三, type: D}\ncitizen:\n  <<: *b\n",
}

BYTE_CASES = {
    "binary": bytes(range(256)) * 64,
    "png-header": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "nul-in-text": MINIMAL.encode() .replace(b"title:", b"ti\x00tle:", 1),
    "invalid-utf8": MINIMAL.encode().replace("测试".encode(), b"\xff\xfe\xfd", 1),
    "utf16-no-bom": MINIMAL.encode("utf-16-le"),
}


def _wrong_types():
    """Every scalar the format has, replaced by a value of the wrong type."""
    swaps = [
        ("difficulty: 1", "difficulty: 9"),
        ("difficulty: 1", "difficulty: 难"),
        ("type: D", "type: X"),
        ("type: D", "type: [D]"),
        ("mood: 60", "mood: -5"),
        ("mood: 60", "mood: 很生气"),
        ("complaint: reasonable", "complaint: maybe"),
        ("start: opening", "start: [opening]"),
        ("say: ", "say:\n      - "),
        ("taboo: true", "taboo: 是"),
        ("mood: -10", "mood: 一点"),
        ("steps: [receive]", "steps: receive"),
        ("expect: [receive]", "expect: {step: receive}"),
        ("title: ", "title:\n  zh: "),
    ]
    out = {}
    for i, (old, new) in enumerate(swaps):
        if old in MINIMAL:
            out[f"wrong-type-{i:02d}-{old.split(':')[0]}"] = MINIMAL.replace(old, new, 1)
    return out


TEXT_CASES.update(_wrong_types())


def _write(tmp_path, name, content) -> Path:
    path = tmp_path / f"{name}.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _assert_one_clear_error(result, path: Path):
    out = result.stdout + result.stderr
    assert result.exit_code == 2, out
    assert "Traceback" not in out
    match = LOCATED.search(result.stdout)
    assert match, f"no file:line:column in:\n{out}"
    assert match["path"] == str(path)
    assert int(match["line"]) >= 1 and int(match["col"]) >= 1


@pytest.mark.parametrize("name", sorted(TEXT_CASES))
def test_text_case(run, tmp_path, name):
    path = _write(tmp_path, name, TEXT_CASES[name])
    result = run("validate", str(path))
    _assert_one_clear_error(result, path)
    assert not Path("/tmp/govsim-pwned").exists()


@pytest.mark.parametrize("name", sorted(BYTE_CASES))
def test_byte_case(run, tmp_path, name):
    path = _write(tmp_path, name, BYTE_CASES[name])
    result = run("validate", str(path))
    _assert_one_clear_error(result, path)


def test_twenty_megabytes(run, tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text("id: x\nsummary: " + "长" * (7 * 1024 * 1024 + 10) + "\n", encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 2 and "Y006" in result.stdout


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("gbk", b""), ("utf-16", b"")],
)
def test_other_encodings_are_read(run, tmp_path, encoding, prefix):
    path = tmp_path / "shebao-card-photo.yaml"
    path.write_bytes(prefix + BUILTIN.encode(encoding))
    result = run("validate", str(path))
    assert result.exit_code == 0, result.stdout
    if encoding.startswith("gb"):
        assert "Y008" in result.stdout and "UTF-8" in result.stdout  # read, and told how to fix it


def test_play_of_a_broken_file_is_a_clear_error(run, tmp_path):
    path = _write(tmp_path, "broken", TEXT_CASES["duplicate-key"])
    result = run("play", str(path), "--script", "-", input="#1\n")
    assert result.exit_code == 2
    assert LOCATED.search(result.stderr) and "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["alias-bomb", "deep-flow", "deep-dashes", "binary"])
def test_hostile_input_in_a_fresh_process_stays_small(tmp_path, name):
    content = TEXT_CASES.get(name, BYTE_CASES.get(name))
    path = _write(tmp_path, name, content)
    code = (
        "import resource, subprocess, sys;"
        "p = subprocess.run([sys.executable, '-m', 'simulator', 'validate', sys.argv[1]], capture_output=True);"
        "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
    returncode, max_kb = map(int, out.stdout.split())
    assert returncode == 2
    assert max_kb < 200 * 1024

