"""Golden transcripts: what a trainee sees when a given path is played (Yarn Spinner's test plans).

Regenerate with `python -m pytest tests/cli/test_golden.py --update-golden` and review the diff.
"""

from pathlib import Path

import pytest
import yaml

from tests.conftest import builtin_files

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def _cases():
    for path in builtin_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for test in data.get("tests", []):
            if test["name"] in ("best", "taboo"):
                yield pytest.param(path, test, id=f"{path.stem}.{test['name']}")


@pytest.mark.parametrize(("path", "test"), list(_cases()))
def test_golden_transcript(run, update_golden, path, test):
    result = run("play", path.stem, "--script", "-", input="\n".join(test["replies"]) + "\n")
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / f"{path.stem}.{test['name']}.txt"
    if update_golden:
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
