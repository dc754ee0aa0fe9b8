#!/usr/bin/env python3
"""Validate, split (seeded, stratified) and count the govsim labelled corpus.

Standard library only.  Run from the repository root:

    python benchmarks/data/split.py            # re-split the union of the current dev+test files
    python benchmarks/data/split.py --check    # validate + verify the split is what the seed gives; write nothing

    # first run only: split freshly written, unsplit files
    python benchmarks/data/split.py --source-replies ALL_REPLIES.jsonl --source-pairs ALL_PAIRS.jsonl

How the split is made (identical for replies and DISC pairs):
  1. all records are pooled and sorted by id (so the result does not depend on
     which split a record currently sits in);
  2. they are shuffled with random.Random(SEED);
  3. the shuffled list is stably sorted by stratum (replies: taboo_kind, then
     the set of steps, then citizen type; pairs: citizen type), so each stratum
     keeps its shuffled order;
  4. walking that list with one running counter, positions 0, 2, 4 of every
     block of 5 go to dev and positions 1, 3 go to test -> 60 % / 40 % overall
     and (up to rounding) inside every stratum.
Each output file is written sorted by id.  Re-running is idempotent.

The per-label counts are printed and, if README.md in this folder contains the
markers <!-- counts:start --> and <!-- counts:end -->, written between them.
"""
import argparse
import collections
import json
import os
import random
import sys

SEED = 20250609
HERE = os.path.dirname(os.path.abspath(__file__))
STEPS = ["receive", "confirm", "propose", "agree", "follow_up"]
TABOO_KINDS = ["shirk", "blame", "impatience", "threat", "refuse"]
CITIZENS = ["D", "I", "S", "C"]
REPLY_KEYS = ["id", "text", "citizen", "steps", "taboo", "taboo_kind", "business"]
PAIR_KEYS = ["id", "citizen", "better", "worse"]
DEV_SLOTS = {0, 2, 4}  # of every 5 consecutive records

FILES = {
    "replies": ("replies-dev.jsonl", "replies-test.jsonl"),
    "pairs": ("disc-pairs-dev.jsonl", "disc-pairs-test.jsonl"),
}


def load_jsonl(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{n}: invalid JSON: {e}")
    return out


def validate_reply(r):
    errs = []
    if list(r.keys()) != REPLY_KEYS:
        errs.append(f"keys {list(r.keys())}")
    if not isinstance(r.get("text"), str) or not r["text"].strip():
        errs.append("empty text")
    if r.get("citizen") not in CITIZENS + [None]:
        errs.append(f"citizen {r.get('citizen')!r}")
    steps = r.get("steps")
    if not isinstance(steps, list) or any(s not in STEPS for s in steps) or len(set(steps)) != len(steps):
        errs.append(f"steps {steps!r}")
    if not isinstance(r.get("taboo"), bool):
        errs.append("taboo not bool")
    elif r["taboo"] != (r.get("taboo_kind") is not None):
        errs.append("taboo / taboo_kind mismatch")
    if r.get("taboo_kind") not in TABOO_KINDS + [None]:
        errs.append(f"taboo_kind {r.get('taboo_kind')!r}")
    if not isinstance(r.get("business"), str) or not r["business"]:
        errs.append("business")
    return errs


def validate_pair(p):
    errs = []
    if list(p.keys()) != PAIR_KEYS:
        errs.append(f"keys {list(p.keys())}")
    if p.get("citizen") not in CITIZENS:
        errs.append(f"citizen {p.get('citizen')!r}")
    for k in ("better", "worse"):
        if not isinstance(p.get(k), str) or not p[k].strip():
            errs.append(f"empty {k}")
    if p.get("better") == p.get("worse"):
        errs.append("better == worse")
    return errs


def validate(kind, recs):
    check = validate_reply if kind == "replies" else validate_pair
    bad = []
    ids = collections.Counter(r.get("id") for r in recs)
    bad += [f"duplicate id {i}" for i, c in ids.items() if c > 1]
    field = "text" if kind == "replies" else "better"
    texts = collections.Counter(r.get(field) for r in recs)
    bad += [f"duplicate {field}: {t[:30]}" for t, c in texts.items() if c > 1]
    for r in recs:
        bad += [f"{r.get('id')}: {e}" for e in check(r)]
    if bad:
        sys.exit(f"{kind}: validation failed:\n  " + "\n  ".join(bad[:50]))


def stratum(kind, r):
    if kind == "replies":
        return (r["taboo_kind"] or "-", tuple(st in r["steps"] for st in STEPS), r["citizen"] or "-")
    return (r["citizen"],)


def split(kind, recs):
    recs = sorted(recs, key=lambda r: r["id"])
    random.Random(SEED).shuffle(recs)
    recs.sort(key=lambda r: stratum(kind, r))  # stable: shuffled order kept inside a stratum
    dev, test = [], []
    for i, r in enumerate(recs):
        (dev if i % 5 in DEV_SLOTS else test).append(r)
    return sorted(dev, key=lambda r: r["id"]), sorted(test, key=lambda r: r["id"])


def write_jsonl(path, recs):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def count_table(kind, parts):
    rows = []
    if kind == "replies":
        keys = [("total", lambda r: True)]
        keys += [(s, (lambda s: lambda r: s in r["steps"])(s)) for s in STEPS]
        keys += [("(no step)", lambda r: not r["steps"]),
                 ("(no step, not taboo)", lambda r: not r["steps"] and not r["taboo"]),
                 ("taboo", lambda r: r["taboo"])]
        keys += [(f"taboo:{k}", (lambda k: lambda r: r["taboo_kind"] == k)(k)) for k in TABOO_KINDS]
        keys += [(f"citizen:{c}", (lambda c: lambda r: r["citizen"] == c)(c)) for c in CITIZENS]
        keys += [("citizen:null", lambda r: r["citizen"] is None)]
    else:
        keys = [("total", lambda r: True)]
        keys += [(f"citizen:{c}", (lambda c: lambda r: r["citizen"] == c)(c)) for c in CITIZENS]
    names = list(parts)
    head = "| label | " + " | ".join(names) + " | all |"
    rows.append(head)
    rows.append("|" + "---|" * (len(names) + 2))
    for label, pred in keys:
        cells = []
        for n in names:
            recs = parts[n]
            c = sum(1 for r in recs if pred(r))
            cells.append(f"{c} ({c / len(recs):.1%})" if label != "total" else str(c))
        allrecs = [r for n in names for r in parts[n]]
        c = sum(1 for r in allrecs if pred(r))
        cells.append(f"{c} ({c / len(allrecs):.1%})" if label != "total" else str(c))
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source-replies", help="unsplit replies jsonl (default: union of current dev+test)")
    ap.add_argument("--source-pairs", help="unsplit DISC pairs jsonl (default: union of current dev+test)")
    ap.add_argument("--check", action="store_true", help="validate and verify only; write nothing")
    args = ap.parse_args()
    sources = {"replies": args.source_replies, "pairs": args.source_pairs}

    report = []
    mismatch = False
    for kind, (fdev, ftest) in FILES.items():
        pdev, ptest = os.path.join(HERE, fdev), os.path.join(HERE, ftest)
        if sources[kind]:
            recs = load_jsonl(sources[kind])
        else:
            recs = [r for p in (pdev, ptest) if os.path.exists(p) for r in load_jsonl(p)]
        if not recs:
            sys.exit(f"{kind}: no records found")
        validate(kind, recs)
        dev, test = split(kind, recs)
        if args.check:
            cur_dev = load_jsonl(pdev) if os.path.exists(pdev) else []
            cur_test = load_jsonl(ptest) if os.path.exists(ptest) else []
            if cur_dev != dev or cur_test != test:
                mismatch = True
                print(f"{kind}: current files differ from the seeded split", file=sys.stderr)
        else:
            write_jsonl(pdev, dev)
            write_jsonl(ptest, test)
        report.append(f"### {kind} ({fdev} / {ftest})\n\n" + count_table(kind, {"dev": dev, "test": test}))

    text = "\n\n".join(report)
    print(text)
    readme = os.path.join(HERE, "README.md")
    if not args.check and os.path.exists(readme):
        s = open(readme, encoding="utf-8").read()
        a, b = "<!-- counts:start -->", "<!-- counts:end -->"
        if a in s and b in s:
            new = s[: s.index(a) + len(a)] + "\n" + text + "\n" + s[s.index(b):]
            if new != s:
                with open(readme, "w", encoding="utf-8", newline="\n") as f:
                    f.write(new)
    if mismatch:
        sys.exit(1)


if __name__ == "__main__":
    main()
