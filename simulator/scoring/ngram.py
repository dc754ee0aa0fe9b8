"""A character n-gram model: the rubric's second opinion, for wordings no cue was written for.

The rubric's cues are precise but know only the wordings somebody wrote down. This model was
trained on the labelled corpus (benchmarks/train_model.py: scikit-learn's logistic regression on
TF-IDF character 1–2-grams) and ships as numbers in a JSON file. It gives, for one reply, the
probability of each of its binary targets (taboo, and each step of the five-step method) and the
most likely taboo kind. Scoring it is a dictionary lookup per n-gram: no scikit-learn, no numpy,
deterministic and offline.

It is read the first time a reply is scored, never at start-up. How the scorer combines it with the
cues is set by the method file's `model:` entry (docs/scoring.md).
"""

from __future__ import annotations

import base64
import json
import math
import sys
from array import array
from collections import Counter
from functools import lru_cache
from operator import add, itemgetter, mul
from pathlib import Path

from simulator.errors import SimulatorError

MODEL_DIR = Path(__file__).parent / "models"
FORMAT = "govsim-ngram/1"


class NgramModel:
    """Logistic regressions over the TF-IDF weighted character n-grams of the normalised reply.

    `targets` are independent binary models (taboo, receive, confirm, …); `kinds` are the classes
    of one multinomial model (the taboo kinds). Each n-gram has one row of float32 numbers: its idf,
    one weight per target, one per kind. The file keeps the n-grams as text and the rows as base64,
    which loads in about a millisecond where a JSON list of 100,000 numbers takes several.
    """

    def __init__(self, data: dict, path: str = ""):
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model")
        self.path = path
        self.sizes = tuple(int(n) for n in data["sizes"])
        self.fold = str.maketrans(data["fold"])
        self.targets = tuple(data["targets"])
        self.kinds = tuple(data["kinds"])
        self.bias = tuple(float(b) for b in data["bias"])
        grams = data["grams"].split("\n") if data["grams"] else []
        self.index = {g: i for i, g in enumerate(grams)}
        self.width = 1 + len(self.targets) + len(self.kinds)
        rows = array("f", base64.b64decode(data["weights"]))
        if sys.byteorder == "big":
            rows.byteswap()
        if len(self.bias) != self.width - 1 or len(rows) != len(grams) * self.width:
            raise ValueError("the weights do not match the targets, kinds and n-grams")
        self.rows = rows
        self.idf = rows[0 :: self.width]
        # one column per target and kind, so that a reply's weights are gathered in one call
        self.columns = [rows[k :: self.width] for k in range(1, self.width)]
        self.about = data.get("about", "")

    def grams(self, norm: str) -> Counter:
        """n-gram -> count, on the normalised text after the model's own folding (您 -> 你)."""
        text = norm.translate(self.fold)
        counts: Counter = Counter()
        for n in self.sizes:
            if n == 1:
                counts.update(text)
            elif n == 2:
                counts.update(map(add, text, text[1:]))
            else:
                counts.update(text[i : i + n] for i in range(len(text) - n + 1))
        return counts

    def vector(self, norm: str) -> Vector:
        """The reply's TF-IDF vector (sublinear tf), known n-grams only; its l2 norm is applied when read."""
        index, idf = self.index, self.idf
        rows, grams, values = [], [], []
        for g, c in self.grams(norm).items():
            i = index.get(g)
            if i is not None:
                rows.append(i)
                grams.append(g)
                values.append(idf[i] if c == 1 else (1.0 + math.log(c)) * idf[i])
        return Vector(rows, grams, values)

    def _dot(self, x: Vector, column: array) -> float:
        if not x.rows:
            return 0.0
        if len(x.rows) == 1:
            return x.values[0] * column[x.rows[0]] / x.size
        return sum(map(mul, x.values, itemgetter(*x.rows)(column))) / x.size

    def probabilities(self, norm: str) -> dict[str, float]:
        """target -> probability, for every binary target."""
        return self.read(self.vector(norm))

    def read(self, x: Vector) -> dict[str, float]:
        dot, bias = self._dot, self.bias
        return {t: _sigmoid(bias[k] + dot(x, self.columns[k])) for k, t in enumerate(self.targets)}

    def kind(self, x: Vector) -> str:
        """The most likely taboo kind."""
        if not self.kinds:
            return ""
        first = len(self.targets)
        scores = [self.bias[first + k] + self._dot(x, self.columns[first + k]) for k in range(len(self.kinds))]
        return self.kinds[max(range(len(scores)), key=scores.__getitem__)]

    def pushes(self, x: Vector, target: str, top: int = 3, sign: int = 1) -> list[str]:
        """The n-grams that pushed hardest towards (sign 1) or away from (-1) `target`; words before characters."""
        column = self.columns[self.targets.index(target)]
        ranked = sorted(((sign * v * column[i], g) for i, g, v in zip(x.rows, x.grams, x.values)), reverse=True)
        words = [g for c, g in ranked if c > 0 and len(g) > 1]
        return (words or [g for c, g in ranked if c > 0])[:top]


class Vector:
    """A reply's known n-grams: their rows in the model, the n-grams, their TF-IDF values and the l2 norm."""

    __slots__ = ("rows", "grams", "values", "size")

    def __init__(self, rows: list[int], grams: list[str], values: list[float]):
        self.rows, self.grams, self.values = rows, grams, values
        self.size = math.sqrt(sum(map(mul, values, values))) or 1.0


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0


def pack(rows: list[list[float]]) -> str:
    """The rows as the model file stores them: little-endian float32, base64."""
    flat = array("f", (v for row in rows for v in row))
    if sys.byteorder == "big":
        flat.byteswap()
    return base64.b64encode(flat.tobytes()).decode("ascii")


@lru_cache(maxsize=8)
def load_model(path: str) -> NgramModel:
    """The model in a JSON file (read once per process)."""
    try:
        return NgramModel(json.loads(Path(path).read_text(encoding="utf-8")), path)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise SimulatorError("error.bad_model", file=path, problem=str(e)) from None


def find_model(name: str, dirs: tuple[str, ...] = ()) -> Path | None:
    """A model by name (file stem) in `dirs` first, then among the built-ins."""
    for folder in (*dirs, str(MODEL_DIR)):
        path = Path(folder) / f"{name}.json"
        if path.is_file():
            return path
    return None


def builtin_models() -> list[str]:
    return sorted(p.stem for p in MODEL_DIR.glob("*.json"))
