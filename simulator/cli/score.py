"""govsim score: judge replies out of context, one or many (the JSONL contract)."""

from __future__ import annotations

import json
import sys

import typer

from simulator.cli.common import _, guarded


def register(app: typer.Typer) -> None:
    @app.command("score", help=_("help.score"))
    @guarded
    def score(
        text: str = typer.Argument(None, help=_("help.text")),
        citizen: str = typer.Option(None, "--citizen", help=_("help.citizen")),
        as_json: bool = typer.Option(False, "--json", help=_("help.json")),
        jsonl: str = typer.Option(None, "--jsonl", help=_("help.jsonl")),
        explain: bool = typer.Option(False, "--explain", help=_("help.explain")),
        method_name: str = typer.Option("five-step", "--method", help=_("help.method")),
        jobs: int = typer.Option(None, "--jobs", min=1, help=_("help.jobs")),
    ) -> None:
        from simulator.errors import SimulatorError
        from simulator.scoring.reply import score_reply
        from simulator.scoring.rubric import load_method

        citizen = citizen.upper() if citizen else None
        if citizen is not None and citizen not in ("D", "I", "S", "C"):
            raise SimulatorError("error.bad_citizen", value=citizen)
        method = load_method(method_name)
        if jsonl is not None:
            _batch(jsonl, method, jobs)
            return
        if text is None:
            raise SimulatorError("error.no_text")
        result = score_reply(text, method, citizen, explain=explain)
        if as_json:
            out = {"text": text, **result.to_dict()}
            if explain:
                out["rejected"] = [e.to_dict() for e in result.rejected]
                if result.model is not None:
                    out["model"] = result.model.to_dict()
            typer.echo(json.dumps(out, ensure_ascii=False))
            return
        from simulator.ui.explain import explanation
        from simulator.ui.text import make_console

        make_console().print(explanation(text, result, method, citizen, detailed=explain))



def _batch(path: str, method, jobs: int | None) -> None:
    """One output line per input line, in order: the contract outside evaluation relies on.

    Input is read as it arrives, a block at a time, and each block's answers are written before the
    next read: a program that writes one line and waits for its answer gets it, and a large file is
    scored in blocks of thousands, spread over the cores (simulator/scoring/batch.py).
    """
    from simulator.errors import SimulatorError
    from simulator.scoring.batch import BatchScorer

    if path == "-":
        source = sys.stdin.buffer
    else:
        try:
            source = open(path, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise SimulatorError("error.cannot_read", path=path, reason=exc.strerror or str(exc)) from None
    import gc

    gc.freeze()  # the loaded method and model are permanent: the collector need not walk them again and again
    out = sys.stdout
    number = 0
    rest = b""
    try:
        with BatchScorer(method, jobs) as scorer:
            while True:
                data = source.read1(1 << 18) if hasattr(source, "read1") else source.read(1 << 18)
                lines = (rest + data).split(b"\n")
                rest = lines.pop() if data else b""
                items, error = [], None
                for raw in lines:
                    number += 1
                    try:
                        item = _item(raw, number, path)
                    except SimulatorError as exc:
                        error = exc
                        break
                    if item is not None:
                        items.append(item)
                for text in scorer.score(items):
                    out.write(text + "\n")
                out.flush()
                if error is not None:
                    raise error
                if not data:
                    return
    finally:
        if source is not sys.stdin.buffer:
            source.close()


def _item(raw: bytes, number: int, path: str) -> dict | None:
    """The input line as an item to score, None for a blank line; a broken line is the user's mistake."""
    from simulator.errors import SimulatorError

    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SimulatorError("error.bad_jsonl", path=path, line=number, problem=str(exc)) from None
    if number == 1:
        line = line.removeprefix("\ufeff")
    if not line.strip():
        return None
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise SimulatorError("error.bad_jsonl", path=path, line=number, problem=exc.msg) from None
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise SimulatorError("error.jsonl_text", path=path, line=number)
    citizen = item.get("citizen")
    citizen = citizen.upper() if isinstance(citizen, str) and citizen.upper() in ("D", "I", "S", "C") else None
    return {"id": item.get("id"), "text": item["text"], "citizen": citizen}
