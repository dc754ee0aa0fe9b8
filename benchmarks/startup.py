"""Start-up benchmark: `govsim --help` and `govsim list` against a bare typer app's --help.

    python -m benchmarks.startup [--runs 15]

The three commands are run in turn, side by side, so that load on the machine hits them alike;
the figures are medians. The goal is a ratio of at most 1.2 for both.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent


def _govsim() -> list[str]:
    exe = shutil.which("govsim")
    return [exe] if exe else [sys.executable, "-m", "simulator"]


def commands() -> dict[str, list[str]]:
    return {
        "bare typer --help": [sys.executable, str(HERE / "bare_typer.py"), "--help"],
        "govsim --help": [*_govsim(), "--help"],
        "govsim list": [*_govsim(), "list"],
    }


def measure(runs: int) -> dict[str, float]:
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as cache:
        env["XDG_CACHE_HOME"] = cache  # a warm cache of its own, not the user's
        cmds = commands()
        subprocess.run(cmds["govsim list"], capture_output=True, env=env, check=True)  # warm the list cache
        times: dict[str, list[float]] = {name: [] for name in cmds}
        for _ in range(runs):
            for name, cmd in cmds.items():
                start = time.perf_counter()
                subprocess.run(cmd, capture_output=True, env=env, check=True)
                times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def import_profile(args: list[str], top: int = 12) -> list[tuple[int, str]]:
    """The slowest imports (cumulative microseconds) of a govsim command, from python -X importtime."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "simulator", *args],
                          capture_output=True, text=True)
    rows = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = (part.strip() for part in line.split(":", 1)[1].split("|"))
            if cumulative.isdigit():
                rows.append((int(cumulative), name))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    medians = measure(args.runs)
    base = medians["bare typer --help"]
    print(f"{'command':<22} {'median ms':>10} {'ratio':>7}")
    for name, value in medians.items():
        print(f"{name:<22} {value * 1000:10.1f} {value / base:7.2f}")
    print("\nslowest imports of `govsim list` (cumulative ms):")
    for micros, name in import_profile(["list"]):
        print(f"  {micros / 1000:7.1f}  {name}")


if __name__ == "__main__":
    main()
