"""Inline SVG charts for the HTML report: a radar, horizontal bars and a histogram. Text is escaped."""

from __future__ import annotations

import math
from html import escape

FONT = 12


def _svg(width: float, height: float, body: list[str], label: str, kind: str) -> str:
    return (f'<svg class="chart {kind}" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'width="{width:.0f}" height="{height:.0f}" role="img" aria-label="{escape(label)}">'
            f"<title>{escape(label)}</title>" + "".join(body) + "</svg>")


def _color(value: float | None) -> str:
    if value is None:
        return "#bbb"
    return "#2e8b57" if value >= 80 else "#d4a017" if value >= 50 else "#c0392b"


def radar(values: dict[str, float], steps: list[str], labels: dict[str, str], title: str,
          compare: dict[str, float] | None = None, size: int = 240) -> str:
    """One polygon of points per step on 0..100 axes, over a dashed polygon for the class average."""
    n = len(steps)
    cx, cy, r = size / 2, size / 2 + 10, size / 2 - 50
    if n < 3:
        return _svg(size, 40, [f'<text x="4" y="20" font-size="{FONT}">{escape(title)}</text>'], title, "radar")

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        k = max(0.0, min(100.0, value)) / 100 * r
        return cx + k * math.cos(angle), cy + k * math.sin(angle)

    body = []
    for ring in (25, 50, 75, 100):
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, ring) for i in range(n)))
        body.append(f'<polygon points="{pts}" fill="none" stroke="#ddd" stroke-width="1"/>')
    for i, step in enumerate(steps):
        x, y = point(i, 100)
        body.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        lx, ly = point(i, 118)
        ly += -4 if ly < cy - r / 2 else 8 if ly > cy + r / 2 else 4
        anchor = "middle" if abs(lx - cx) < 8 else ("start" if lx > cx else "end")
        body.append(f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="{FONT - 1}" text-anchor="{anchor}" '
                    f'fill="#444">{escape(labels.get(step, step))}</text>')
    if compare:
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, compare.get(s) or 0) for i, s in enumerate(steps)))
        body.append(f'<polygon class="class-mean" points="{pts}" fill="none" stroke="#888" '
                    f'stroke-dasharray="4 3" stroke-width="1.5"/>')
    pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, values.get(s) or 0) for i, s in enumerate(steps)))
    body.append(f'<polygon class="trainee" points="{pts}" fill="rgba(41,128,185,0.25)" stroke="#2980b9" '
                f'stroke-width="2"/>')
    body.append(f'<text x="{cx:.1f}" y="14" font-size="{FONT + 1}" font-weight="bold" text-anchor="middle">'
                f"{escape(title)}</text>")
    return _svg(size, size + 10, body, title, "radar")


def hbars(rows: list[tuple[str, float | None]], title: str, width: int = 560, top: float = 100) -> str:
    """A bar per row (label, value on 0..top), value printed at the end."""
    label_w, bar_h, gap = 110, 22, 8
    height = len(rows) * (bar_h + gap) + 10
    span = width - label_w - 50
    body = []
    for i, (label, value) in enumerate(rows):
        y = 5 + i * (bar_h + gap)
        w = 0 if value is None else span * max(0.0, min(value, top)) / top
        body.append(f'<text x="{label_w - 8}" y="{y + bar_h / 2 + 4:.1f}" font-size="{FONT}" text-anchor="end">'
                    f"{escape(label)}</text>")
        body.append(f'<rect x="{label_w}" y="{y}" width="{span}" height="{bar_h}" fill="#f0f0f0"/>')
        body.append(f'<rect class="bar" x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{_color(value)}"/>')
        shown = "—" if value is None else f"{value:.0f}"
        body.append(f'<text x="{label_w + w + 6:.1f}" y="{y + bar_h / 2 + 4:.1f}" font-size="{FONT}">{shown}</text>')
    return _svg(width, height, body, title, "bars")


def histogram(buckets: list[tuple[str, int, float]], title: str, width: int = 560, height: int = 220) -> str:
    """Columns of counts; each bucket is (label, count, a representative value for its colour)."""
    top = max((c for _, c, _ in buckets), default=0) or 1
    left, bottom, topm = 30, 28, 16
    span_h = height - bottom - topm
    col = (width - left - 10) / max(1, len(buckets))
    body = [f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" stroke="#999"/>']
    for i, (label, count, value) in enumerate(buckets):
        h = span_h * count / top
        x = left + i * col
        body.append(f'<rect class="bin" x="{x + 3:.1f}" y="{height - bottom - h:.1f}" width="{col - 6:.1f}" '
                    f'height="{h:.1f}" fill="{_color(value)}"/>')
        if count:
            body.append(f'<text x="{x + col / 2:.1f}" y="{height - bottom - h - 4:.1f}" font-size="{FONT - 1}" '
                        f'text-anchor="middle">{count}</text>')
        body.append(f'<text x="{x + col / 2:.1f}" y="{height - bottom + 16}" font-size="{FONT - 2}" '
                    f'text-anchor="middle" fill="#555">{escape(label)}</text>')
    return _svg(width, height, body, title, "histogram")
