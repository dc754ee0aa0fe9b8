"""Train the n-gram model that ships with govsim (simulator/scoring/models/reply-ngram.json).

    pip install '.[train]'
    python -m benchmarks.train_model             # retrain on the training splits and write the model
    python -m benchmarks.train_model --check     # retrain and compare with the shipped file

The model is scikit-learn's logistic regression on TF-IDF character 1–2-grams of the normalised
reply (simulator/scoring/normalize.py, then 您 folded into 你 so that the form of address alone
decides nothing): one binary model for taboo, one for each step of the five-step method, and one
multinomial model over the taboo replies for the kind. Only the numbers ship;
simulator/scoring/ngram.py scores them without scikit-learn.

The held-out splits (test, and fresh3, kept back to measure the finished scorer) are never read.
Training is deterministic: the same data gives the same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchmarks.scoring import DATA, read_jsonl
from simulator.scoring.ngram import FORMAT, MODEL_DIR, NgramModel, pack
from simulator.scoring.normalize import normalize

TRAIN_SPLITS = ("dev", "extra", "blind", "fresh")
HELD_OUT = ("test", "fresh3", "fresh57", "fresh58", "fresh59", "fresh60")  # batches never trained on
STEPS = ("receive", "confirm", "propose", "agree", "follow_up")
KINDS = ("shirk", "blame", "impatience", "threat", "refuse")
OUT = MODEL_DIR / "reply-ngram.json"
# chosen on the blind and fresh splits with the model trained without them (docs/scoring.md)
SETTINGS = {"sizes": [1, 2], "fold": {"您": "你"}, "min_df": 6, "C": {"taboo": 16.0, "steps": 4.0, "kinds": 16.0}}


def training_rows(splits: tuple[str, ...] = TRAIN_SPLITS) -> list[dict]:
    rows = []
    for name in splits:
        path = DATA / f"replies-{name}.jsonl"
        if path.exists():
            rows += [r for r in read_jsonl(path) if r.get("batch") not in HELD_OUT]
    return rows


def train(rows: list[dict], settings: dict = SETTINGS, about: str = "") -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    shape = NgramModel({"format": FORMAT, "sizes": settings["sizes"], "fold": settings["fold"], "targets": [],
                        "kinds": [], "bias": [], "grams": "", "weights": ""})

    def analyzer(norm: str) -> list[str]:
        return [g for g, n in shape.grams(norm).items() for _ in range(n)]

    vec = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, min_df=settings["min_df"], norm="l2")
    x = vec.fit_transform([normalize(r["text"]) for r in rows])
    c = settings["C"]
    targets = {"taboo": [bool(r["taboo"]) for r in rows]}
    targets.update({s: [s in r["steps"] for r in rows] for s in STEPS})
    binary = []
    for name, y in targets.items():
        model = LogisticRegression(C=c["taboo" if name == "taboo" else "steps"], class_weight="balanced", max_iter=5000)
        binary.append(model.fit(x, y))
    taboo = [i for i, r in enumerate(rows) if r["taboo"]]
    kinds = LogisticRegression(C=c["kinds"], max_iter=5000).fit(x[taboo], [rows[i]["taboo_kind"] for i in taboo])
    order = [list(kinds.classes_).index(k) for k in KINDS]
    grams = sorted(vec.vocabulary_)
    assert not any("\n" in g for g in grams), "normalised text has no line breaks"
    weights = []
    for gram in grams:
        col = vec.vocabulary_[gram]
        weights.append([vec.idf_[col], *(m.coef_[0][col] for m in binary), *(kinds.coef_[k][col] for k in order)])
    bias = [*(float(m.intercept_[0]) for m in binary), *(float(kinds.intercept_[k]) for k in order)]
    return {
        "format": FORMAT,
        "about": about,
        "sizes": settings["sizes"],
        "fold": settings["fold"],
        "targets": list(targets),
        "kinds": list(KINDS),
        "bias": [round(b, 6) for b in bias],
        "settings": {k: v for k, v in settings.items() if k not in ("sizes", "fold")},
        "grams": "\n".join(grams),
        "weights": pack(weights),
    }


def describe(rows: list[dict]) -> str:
    batches = sorted({str(r.get("batch", "")) for r in rows if r.get("batch")})
    taboo = sum(1 for r in rows if r["taboo"])
    return (f"trained by benchmarks/train_model.py on {len(rows)} labelled replies ({taboo} taboo) "
            f"of the splits {', '.join(TRAIN_SPLITS)}; batches: {', '.join(batches)}")


def difference(shipped: dict, trained: dict, tolerance: float = 1e-4) -> str:
    """"" when two model files agree (weights within `tolerance`: BLAS may round differently), else why not."""
    for key in ("format", "sizes", "fold", "targets", "kinds", "grams"):
        if shipped.get(key) != trained.get(key):
            return f"the shipped model differs in {key!r}: retrain it (python -m benchmarks.train_model)"
    a, b = NgramModel(shipped), NgramModel(trained)
    worst = max((abs(x - y) for x, y in zip((*a.bias, *a.rows), (*b.bias, *b.rows), strict=True)), default=0.0)
    if worst > tolerance:
        return f"the shipped model's weights differ by up to {worst:.2g}: retrain it (python -m benchmarks.train_model)"
    return ""


def dump(model: dict) -> str:
    return json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the shipped model instead of writing it")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    rows = training_rows()
    text = dump(train(rows, about=describe(rows)))
    if args.check:
        problem = difference(json.loads(Path(args.out).read_text(encoding="utf-8")), json.loads(text))
        print(problem or "the shipped model is what training gives")
        sys.exit(1 if problem else 0)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(rows)} replies, {len(json.loads(text)['grams'].splitlines())} features, "
          f"{len(text) // 1024} KB")


if __name__ == "__main__":
    main()
