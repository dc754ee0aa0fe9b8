import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulator import messages
from simulator.cli.app import build_app

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
pytest_plugins = ["tests.stores"]  # db_url and store: each test's database on SQLite and on PostgreSQL


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.txt from the current output")


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """No test writes to the real home or data directory, and every test starts in Chinese."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("GOVSIM_LANG", raising=False)
    monkeypatch.delenv("GOVSIM_SCENARIOS", raising=False)
    monkeypatch.delenv("GOVSIM_DB", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    messages.set_lang("zh")
    yield
    messages.set_lang("zh")


@pytest.fixture
def update_golden(request):
    return request.config.getoption("--update-golden")


def builtin_files():
    return sorted(SCENARIOS.glob("*.yaml"))


def pytest_report_header(config):
    return f"govsim scenarios: {len(builtin_files())} built-in; cwd {os.getcwd()}"



@pytest.fixture
def app():
    return build_app()


@pytest.fixture
def run(app):
    """Invoke govsim in-process: returns the CliRunner result (stdout and stderr kept apart)."""
    runner = CliRunner()

    def invoke(*args, input=None, env=None):
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False, prog_name="govsim")

    return invoke
