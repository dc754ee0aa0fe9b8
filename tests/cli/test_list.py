import json

from tests.conftest import SCENARIOS


def test_list_table_shows_every_builtin(run):
    result = run("list")
    assert result.exit_code == 0
    assert "shebao-card-photo" in result.stdout and "王建国" in result.stdout


def test_list_json(run):
    result = run("list", "--json")
    rows = json.loads(result.stdout)
    assert len(rows) == len(list(SCENARIOS.glob("*.yaml"))) >= 12
    for row in rows:
        assert {"id", "title", "citizen_type", "difficulty", "tags"} <= row.keys()
        assert row["citizen_type"] in "DISC"
    types = [row["citizen_type"] for row in rows]
    assert all(types.count(t) >= 3 for t in "DISC")


def test_extra_dir_adds_scenarios(run, tmp_path):
    src = (SCENARIOS.parent / "tests" / "scenarios" / "engine" / "counter.yaml").read_text(encoding="utf-8")
    (tmp_path / "counter.yaml").write_text(src, encoding="utf-8")
    result = run("--dir", str(tmp_path), "list", "--json")
    assert "counter" in [row["id"] for row in json.loads(result.stdout)]
    result = run("list", "--json", env={"GOVSIM_SCENARIOS": str(tmp_path)})
    assert "counter" in [row["id"] for row in json.loads(result.stdout)]


def test_list_reuses_its_cache_and_notices_changes(run, tmp_path):
    src = (SCENARIOS.parent / "tests" / "scenarios" / "engine" / "counter.yaml").read_text(encoding="utf-8")
    path = tmp_path / "counter.yaml"
    path.write_text(src, encoding="utf-8")
    first = json.loads(run("--dir", str(tmp_path), "list", "--json").stdout)
    assert "测试用：窗口补办" in [row["title"] for row in first]
    path.write_text(src.replace("测试用：窗口补办", "测试用：改过的标题"), encoding="utf-8")
    second = json.loads(run("--dir", str(tmp_path), "list", "--json").stdout)
    assert "测试用：改过的标题" in [row["title"] for row in second]
    path.write_text("id: [broken\n", encoding="utf-8")
    third = run("--dir", str(tmp_path), "list", "--json")
    assert "counter" not in [row["id"] for row in json.loads(third.stdout)]
    assert "counter.yaml:2:1:" in third.stderr and "[Y001]" in third.stderr
