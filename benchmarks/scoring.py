"""Scorer benchmark: accuracy on the labelled corpus, and speed, through `govsim score --jsonl` itself.

    python -m benchmarks.scoring                 # the test split (never tuned on)
    python -m benchmarks.scoring --split dev --errors   # the development split, with every miss listed
    python -m benchmarks.scoring --split extra --batch 3 --no-speed   # one batch of the extra split
    python -m benchmarks.scoring --split dev+extra --no-speed         # splits joined with '+'

Splits: dev, test, extra (replies written later, in batches, to measure the rubric on text it was
not written against; see benchmarks/data/README.md), all (= dev+test), or any of them joined by '+'.
"""

from __future__ import annotations

import argparse
import compileall
import json
import subprocess
import sys
import time
from pathlib import Path

from simulator.scoring.batch import default_jobs

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
STEPS = ("receive", "confirm", "propose", "agree", "follow_up")
SCORE = [sys.executable, "-m", "simulator", "score", "--jsonl", "-"]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_batch(items: list[dict], jobs: int | None = None) -> tuple[list[dict], float]:
    """Run the CLI on items (on every core, or on `jobs` processes); return its output lines and the wall time."""
    payload = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in items)
    start = time.perf_counter()
    command = SCORE + (["--jobs", str(jobs)] if jobs else [])
    proc = subprocess.run(command, input=payload, capture_output=True, text=True, encoding="utf-8", check=True)
    elapsed = time.perf_counter() - start
    return [json.loads(line) for line in proc.stdout.splitlines()], elapsed


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


SPLITS = ("dev", "test", "extra", "blind", "fresh", "fresh3", "late")


def split_names(split: str) -> list[str]:
    """'all' is dev+test; otherwise split names joined by '+' (dev+extra)."""
    names = ["dev", "test"] if split == "all" else split.split("+")
    for name in names:
        if name not in SPLITS:
            raise SystemExit(f"unknown split {name!r}: use {', '.join(SPLITS)}, all, or names joined by '+'")
    return names


def load(split: str, batches: set[str] | None = None) -> tuple[list[dict], list[dict]]:
    """The replies and DISC pairs of a split; `batches` keeps only those batches (3 or fresh1)."""
    replies: list[dict] = []
    pairs: list[dict] = []
    for name in split_names(split):
        for kind, out in (("replies", replies), ("disc-pairs", pairs)):
            path = DATA / f"{kind}-{name}.jsonl"
            if not path.exists():
                continue
            rows = read_jsonl(path)
            if batches:
                rows = [r for r in rows if str(r.get("batch")) in batches]
            out += rows
    return replies, pairs


def accuracy(split: str, show_errors: bool, batches: set[str] | None = None) -> dict:
    replies, pairs = load(split, batches)
    if not replies:
        raise SystemExit(f"no replies in split {split!r}" + (f" batches {sorted(batches)}" if batches else ""))
    out, _ = score_batch([{"id": r["id"], "text": r["text"], "citizen": r["citizen"]} for r in replies])
    assert [o["id"] for o in out] == [r["id"] for r in replies], "output order must follow input order"

    report: dict = {"split": split, "replies": len(replies), "pairs": len(pairs), "steps": {}}
    exact = 0
    for step in STEPS:
        tp = sum(1 for r, o in zip(replies, out) if step in r["steps"] and step in o["steps"])
        fp = sum(1 for r, o in zip(replies, out) if step not in r["steps"] and step in o["steps"])
        fn = sum(1 for r, o in zip(replies, out) if step in r["steps"] and step not in o["steps"])
        p, rec, f = f1(tp, fp, fn)
        report["steps"][step] = {"precision": p, "recall": rec, "f1": f, "support": tp + fn}
    report["macro_f1"] = sum(s["f1"] for s in report["steps"].values()) / len(STEPS)
    for r, o in zip(replies, out):
        exact += set(r["steps"]) == set(o["steps"])
    report["exact_match"] = exact / len(replies)
    tp = sum(1 for r, o in zip(replies, out) if r["taboo"] and o["taboo"])
    fp = sum(1 for r, o in zip(replies, out) if not r["taboo"] and o["taboo"])
    fn = sum(1 for r, o in zip(replies, out) if r["taboo"] and not o["taboo"])
    p, rec, f = f1(tp, fp, fn)
    report["taboo"] = {"precision": p, "recall": rec, "f1": f, "support": tp + fn}
    by_kind: dict[str, list[int]] = {}
    for r, o in zip(replies, out):
        if r["taboo"]:
            by_kind.setdefault(r["taboo_kind"], [0, 0])
            by_kind[r["taboo_kind"]][0] += bool(o["taboo"])
            by_kind[r["taboo_kind"]][1] += 1
    report["taboo_recall_by_kind"] = {k: v[0] / v[1] for k, v in sorted(by_kind.items())}

    pair_items = []
    for p in pairs:
        pair_items += [{"id": p["id"] + ":b", "text": p["better"], "citizen": p["citizen"]},
                       {"id": p["id"] + ":w", "text": p["worse"], "citizen": p["citizen"]}]
    pair_out = score_batch(pair_items)[0] if pair_items else []
    right = 0
    wrong_pairs = []
    per_type: dict[str, list[int]] = {}
    for i, p in enumerate(pairs):
        b, w = pair_out[2 * i]["disc_fit"], pair_out[2 * i + 1]["disc_fit"]
        ok = b > w
        right += ok
        per_type.setdefault(p["citizen"], [0, 0])
        per_type[p["citizen"]][0] += ok
        per_type[p["citizen"]][1] += 1
        if not ok:
            wrong_pairs.append((p, b, w))
    report["disc_pairs"] = right / len(pairs) if pairs else 0.0
    report["disc_pairs_by_type"] = {k: v[0] / v[1] for k, v in sorted(per_type.items())}

    if show_errors:
        for r, o in zip(replies, out):
            want, got = set(r["steps"]), set(o["steps"])
            if want != got or r["taboo"] != o["taboo"]:
                miss = ",".join(sorted(want - got))
                extra = ",".join(sorted(got - want))
                tab = "" if r["taboo"] == o["taboo"] else f" taboo want={r['taboo']}({r['taboo_kind']})"
                print(f"{r['id']} -[{miss}] +[{extra}]{tab} :: {r['text']}")
        for p, b, w in wrong_pairs:
            print(f"{p['id']} {p['citizen']} better={b} worse={w} :: {p['better']}  ||  {p['worse']}")
    return report


SPEED_SPLITS = ("dev", "extra", "blind", "fresh")


def speed(repeat: int = 2) -> dict:
    """Batch throughput after loading, and the latency of a first free-text reply in a fresh process."""
    # the texts only set the workload: every reply the scorer was built on, of every writer and length
    # (the short replies of `extra` alone would flatter it); the held-out splits are not read here
    replies = [r for name in SPEED_SPLITS if (DATA / f"replies-{name}.jsonl").exists()
               for r in read_jsonl(DATA / f"replies-{name}.jsonl")]
    items = [{"id": i, "text": r["text"], "citizen": r["citizen"] or "C"} for i, r in enumerate(replies * repeat)]
    _, small = min((score_batch(items[:1]) for _ in range(3)), key=lambda x: x[1])
    _, big = min((score_batch(items) for _ in range(3)), key=lambda x: x[1])
    throughput = (len(items) - 1) / max(big - small, 1e-9)
    _, one = min((score_batch(items, jobs=1) for _ in range(3)), key=lambda x: x[1])
    one_core = (len(items) - 1) / max(one - small, 1e-9)
    # bytecode as pip leaves it after an install (PYTHONDONTWRITEBYTECODE=1 would otherwise recompile
    # every changed module in every fresh process)
    compileall.compile_dir(str(ROOT / "simulator"), quiet=1)
    first = {}
    for name, reply in FIRST_REPLIES.items():
        times = sorted(_first_reply_ms(reply) for _ in range(5))
        first[name] = times[len(times) // 2]
    return {"batch_replies": len(items), "throughput_per_s": throughput, "throughput_one_process_per_s": one_core,
            "cores": default_jobs(), "process_with_one_line_s": small,
            "first_reply_ms": max(first.values()), "first_reply_ms_by_reply": first}


# a first reply the n-gram model is not asked about (it soothes), and one it is (a bare question)
FIRST_REPLIES = {"soothing": "王师傅您别着急，我直接帮您处理，两分钟就好。", "question": "照片哪天拍的？"}


_FIRST = """
import sys
import time
t0 = time.perf_counter()
from simulator.library import find_scenario, search_dirs
from simulator.engine import Session
from simulator.selftest import method_for
scenario = find_scenario("shebao-card-photo", search_dirs())
session = Session(scenario, method_for(scenario), "free")
session.reply(sys.argv[1])
print((time.perf_counter() - t0) * 1000)
"""


def _first_reply_ms(reply: str) -> float:
    proc = subprocess.run([sys.executable, "-c", _FIRST, reply], capture_output=True, text=True, check=True)
    return float(proc.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="test", help="dev, test, extra, all (= dev+test), or names joined by '+'")
    parser.add_argument("--batch", default="", help="only these batches, e.g. 3 or 1,2 (extra) or fresh1")
    parser.add_argument("--errors", action="store_true", help="list every reply or pair the scorer gets wrong")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    batches = {b.strip() for b in args.batch.split(",") if b.strip()} or None
    split_names(args.split)
    report = accuracy(args.split, args.errors, batches)
    if batches:
        report["batches"] = sorted(batches)
    if not args.no_speed:
        report["speed"] = speed()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    batch = f"  batches: {','.join(map(str, report['batches']))}" if "batches" in report else ""
    print(f"split: {report['split']}{batch}  replies: {report['replies']}  DISC pairs: {report['pairs']}")
    print(f"{'step':<10} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
    for step, s in report["steps"].items():
        print(f"{step:<10} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['support']:5d}")
    t = report["taboo"]
    print(f"{'taboo':<10} {t['precision']:6.3f} {t['recall']:6.3f} {t['f1']:6.3f} {t['support']:5d}")
    print(f"step macro-F1     {report['macro_f1']:.3f}")
    print(f"exact-match rate  {report['exact_match']:.3f}")
    print(f"taboo F1          {t['f1']:.3f}")
    if report["taboo_recall_by_kind"]:
        kinds = "  ".join(f"{k} {v:.2f}" for k, v in report["taboo_recall_by_kind"].items())
        print(f"taboo recall      {kinds}")
    by_type = "  ".join(f"{k} {v:.2f}" for k, v in report["disc_pairs_by_type"].items())
    if report["pairs"]:
        print(f"DISC pairs right  {report['disc_pairs']:.3f}   ({by_type})")
    if "speed" in report:
        s = report["speed"]
        print(f"throughput        {s['throughput_per_s']:.0f} replies/s  (batch of {s['batch_replies']}, after loading, "
              f"{s['cores']} cores; one process: {s['throughput_one_process_per_s']:.0f}/s)")
        by = ", ".join(f"{k} {v:.1f}" for k, v in s["first_reply_ms_by_reply"].items())
        print(f"first free reply  {s['first_reply_ms']:.1f} ms  (loading included, median of 5 fresh processes; {by})")


if __name__ == "__main__":
    main()
