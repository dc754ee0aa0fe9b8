import pytest
from typer.testing import CliRunner

from simulator.cli.app import build_app


@pytest.fixture
def app():
    return build_app()


@pytest.fixture
def run(app):
    """Invoke govsim in-process: returns the CliRunner result (stdout and stderr kept apart)."""
    runner = CliRunner()

    def invoke(*args, input=None, env=None):
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    return invoke
