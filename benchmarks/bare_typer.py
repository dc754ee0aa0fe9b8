"""The yardstick for start-up: a bare typer app with three commands (run with --help)."""

import typer

app = typer.Typer()


@app.command()
def one(name: str = typer.Option("x", help="a name")) -> None:
    """First command."""


@app.command()
def two(count: int = typer.Option(1, help="a count")) -> None:
    """Second command."""


@app.command()
def three(flag: bool = typer.Option(False, help="a flag")) -> None:
    """Third command."""


if __name__ == "__main__":
    app()
