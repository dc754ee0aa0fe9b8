"""Validation benchmark: validating 1,000 scenario files against loading them with PyYAML's C loader.

    python -m benchmarks.validation [--files 1000]

Both sides read the same files from disk in one process; the goal is a ratio of at most 1.5.
The figure is given with and without the lint pass (`validate --no-lint`).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def make_files(folder: Path, count: int) -> list[Path]:
    sources = sorted((ROOT / "scenarios").glob("*.yaml"))
    files = []
    for i in range(count):
        src = sources[i % len(sources)]
        text = src.read_text(encoding="utf-8").replace(f"id: {src.stem}", f"id: {src.stem}-{i}", 1)
        path = folder / f"{src.stem}-{i}.yaml"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def time_pyyaml(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def time_validate(files: list[Path], lint: bool) -> float:
    from simulator.loader import parse_scenario
    from simulator.validate import validate_scenario

    lint_fn = None
    if lint:
        try:
            from simulator.lint import lint_scenario as lint_fn
        except ImportError:
            lint_fn = None
    start = time.perf_counter()
    for path in files:
        scenario, diags = parse_scenario(path)
        if scenario is not None:
            diags += validate_scenario(scenario)
            if lint_fn is not None:
                diags += lint_fn(scenario)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = make_files(Path(tmp), args.files)
        time_validate(files[:5], lint=True)  # load the method and compile the rubric once, as any run does
        base = min(time_pyyaml(files) for _ in range(3))
        plain = min(time_validate(files, lint=False) for _ in range(3))
        linted = min(time_validate(files, lint=True) for _ in range(2))
    print(f"files: {args.files}")
    print(f"PyYAML C loader (yaml.load)   {base:7.3f} s")
    print(f"govsim validate, no lint      {plain:7.3f} s   ratio {plain / base:.2f}")
    print(f"govsim validate, with lint    {linted:7.3f} s   ratio {linted / base:.2f}")


if __name__ == "__main__":
    main()
