"""Bad-input benchmark: every input of the bad-input corpus through `govsim validate` in a fresh process.

    python -m benchmarks.bad_inputs

Prints the exit code, wall time and peak memory (max RSS) of each; the goal is exit 2, under
2 seconds and under 200 MB for every one. The corpus is the one tests/test_bad_input.py checks.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from tests.test_bad_input import BYTE_CASES, TEXT_CASES

_CHILD = (
    "import resource, subprocess, sys, time;"
    "t = time.perf_counter();"
    "p = subprocess.run([sys.executable, '-m', 'simulator', 'validate', sys.argv[1]], capture_output=True);"
    "print(p.returncode, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def measure(path: Path) -> tuple[int, float, float]:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, timeout=120)
    code, seconds, max_kb = out.stdout.split()
    return int(code), float(seconds), int(max_kb) / 1024


def main() -> None:
    cases: dict[str, str | bytes] = {**TEXT_CASES, **BYTE_CASES}
    cases["twenty-megabytes"] = "id: x\nsummary: " + "长" * (7 * 1024 * 1024 + 10) + "\n"
    worst_time = worst_mem = 0.0
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'input':<34} {'exit':>4} {'seconds':>8} {'MB':>7}")
        for name, content in sorted(cases.items()):
            path = Path(tmp) / f"{name}.yaml"
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
            code, seconds, mb = measure(path)
            worst_time, worst_mem = max(worst_time, seconds), max(worst_mem, mb)
            ok = code == 2 and seconds < 2 and mb < 200
            failures += not ok
            print(f"{name:<34} {code:>4} {seconds:8.2f} {mb:7.1f}{'' if ok else '  <-- over the goal'}")
    print(f"\n{len(cases)} inputs; slowest {worst_time:.2f} s, largest {worst_mem:.0f} MB; {failures} over the goal")


if __name__ == "__main__":
    main()
