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
    ) -> None:
        from simulator.errors import SimulatorError
        from simulator.scoring.reply import score_reply
        from simulator.scoring.rubric import load_method

        citizen = citizen.upper() if citizen else None
        if citizen is not None and citizen not in ("D", "I", "S", "C"):
            raise SimulatorError("error.bad_citizen", value=citizen)
        method = load_method(method_name)
        if jsonl is not None:
            _batch(jsonl, method)
            return
        if text is None:
            raise SimulatorError("error.no_text")
        result = score_reply(text, method, citizen)
        if as_json:
            out = {"text": text, **result.to_dict()}
            if explain:
                out["rejected"] = [e.to_dict() for e in result.rejected]
            typer.echo(json.dumps(out, ensure_ascii=False))
            return
        from simulator.ui.explain import explanation
        from simulator.ui.text import make_console

        make_console().print(explanation(text, result, method, citizen, detailed=explain))



def _batch(path: str, method) -> None:
    """One output line per input line, in order: the contract outside evaluation relies on."""
    from simulator.errors import SimulatorError
    from simulator.scoring.reply import score_reply

    if path == "-":
        lines = sys.stdin
    else:
        try:
            lines = open(path, encoding="utf-8-sig")
        except OSError as exc:
            raise SimulatorError("error.cannot_read", path=path, reason=exc.strerror or str(exc)) from None
    write = sys.stdout.write
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SimulatorError("error.bad_jsonl", path=path, line=number, problem=exc.msg) from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise SimulatorError("error.jsonl_text", path=path, line=number)
        citizen = item.get("citizen")
        citizen = citizen.upper() if isinstance(citizen, str) and citizen.upper() in ("D", "I", "S", "C") else None
        result = score_reply(item["text"], method, citizen)
        out = {"id": item.get("id"), **result.to_dict()}
        write(json.dumps(out, ensure_ascii=False) + "\n")
