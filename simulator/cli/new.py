"""govsim new: write a commented scenario skeleton that validates and passes its own tests."""

from __future__ import annotations

import typer

from simulator.cli.common import EXIT_INTERRUPT, _, guarded

FIELDS = ("title", "area", "citizen", "type", "complaint", "difficulty", "method", "id")


def register(app: typer.Typer) -> None:
    @app.command("new", help=_("help.new"))
    @guarded
    def new(
        title: str = typer.Option(None, "--title", help=_("help.new_title")),
        area: str = typer.Option(None, "--area", help=_("help.new_area")),
        citizen: str = typer.Option(None, "--citizen", help=_("help.new_citizen")),
        ctype: str = typer.Option(None, "--type", help=_("help.citizen")),
        complaint: str = typer.Option(None, "--complaint", help=_("help.new_complaint")),
        difficulty: int = typer.Option(None, "--difficulty", min=1, max=5, help=_("help.new_difficulty")),
        method: str = typer.Option(None, "--method", help=_("help.method")),
        scenario_id: str = typer.Option(None, "--id", help=_("help.new_id")),
        out: str = typer.Option(None, "--out", help=_("help.new_out")),
        yes: bool = typer.Option(False, "--yes", "-y", help=_("help.new_yes")),
        force: bool = typer.Option(False, "--force", help=_("help.new_force")),
    ) -> None:
        known = {"title": title, "area": area, "citizen": citizen, "type": ctype, "complaint": complaint,
                 "difficulty": difficulty, "method": method, "id": scenario_id}
        run_new(known, out, yes, force)


def run_new(known: dict, out: str | None, yes: bool, force: bool) -> None:
    from pathlib import Path

    from simulator.cli.common import stdin_is_tty
    from simulator.errors import SimulatorError
    from simulator.scoring.rubric import builtin_methods, load_method
    from simulator.skeleton import SCHEMA_FILE, Answers, default_title, defaults, skeleton, valid_id

    known = {k: (v.strip() if isinstance(v, str) else v) for k, v in known.items()}
    _check(known, builtin_methods())
    if out and not known["id"]:
        stem = Path(out).stem
        if not valid_id(stem):
            raise SimulatorError("new.bad_out_name", path=out)
        known["id"] = stem
    base = defaults()
    missing = [f for f in FIELDS if known[f] in (None, "")]
    if missing and not yes:
        if not stdin_is_tty():
            raise SimulatorError("new.need_flags", flags=", ".join("--" + f for f in missing))
        from simulator.ui.wizard import ask_answers

        methods = [load_method(m) for m in builtin_methods()]
        try:
            known = ask_answers(known, missing, base, methods)
        except (KeyboardInterrupt, EOFError):
            from simulator.ui.text import make_console, plain

            make_console(stderr=True).print(plain(_("new.interrupted"), "yellow"))
            raise typer.Exit(EXIT_INTERRUPT) from None
        _check(known, builtin_methods())
    area = known["area"] or base["area"]
    answers = Answers(
        title=known["title"] or default_title(area, known["complaint"] or "reasonable"),
        area=area,
        citizen=known["citizen"] or base["citizen"],
        type=known["type"] or "D",
        complaint=known["complaint"] or "reasonable",
        difficulty=known["difficulty"] or 2,
        method=known["method"] or "five-step",
        id=known["id"] or base["id"],
    )
    path = Path(out or f"{answers.id}.yaml")
    if path.stem != answers.id:
        raise SimulatorError("new.id_mismatch", id=answers.id, path=str(path))
    if path.exists() and not force:
        raise SimulatorError("new.exists", path=str(path))
    schema = SCHEMA_FILE if (path.parent / SCHEMA_FILE).is_file() else ""
    text = skeleton(answers, load_method(answers.method), str(path), schema)
    try:
        if path.parent != Path(""):
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise SimulatorError("error.cannot_write", path=str(path), reason=exc.strerror or str(exc)) from None
    from simulator.messages import t
    from simulator.ui.text import make_console, plain

    console = make_console()
    steps = len(load_method(answers.method).step_ids)
    console.print(plain(t("new.written", path=str(path), steps=steps, method=answers.method), "bold green"))
    for key in ("new.next.validate", "new.next.test", "new.next.graph", "new.next.play"):
        console.print(plain("  " + t(key, path=str(path))))


def _check(known: dict, methods: list[str]) -> None:
    from simulator.errors import SimulatorError
    from simulator.model import COMPLAINTS, DISC_TYPES
    from simulator.skeleton import valid_id

    if known.get("type"):
        known["type"] = known["type"].upper()
        if known["type"] not in DISC_TYPES:
            raise SimulatorError("error.bad_citizen", value=known["type"])
    if known.get("complaint") and known["complaint"] not in COMPLAINTS:
        raise SimulatorError("error.bad_value", option="--complaint", value=known["complaint"],
                             allowed=", ".join(COMPLAINTS))
    if known.get("method") and known["method"] not in methods:
        raise SimulatorError("error.bad_value", option="--method", value=known["method"], allowed=", ".join(methods))
    if known.get("id") and not valid_id(known["id"]):
        raise SimulatorError("new.bad_id", value=known["id"])
