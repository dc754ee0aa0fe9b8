"""The class report as one self-contained HTML file: inline CSS and SVG, no scripts, no external links."""

from __future__ import annotations

from html import escape

from simulator.messages import get_lang, t
from simulator.ui import svg
from simulator.ui.steps import grade_word, number, step_label, taboo_label, when

CSS = """
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;
margin:24px auto;max-width:1100px;color:#222;padding:0 16px}
h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;border-bottom:2px solid #2980b9;padding-bottom:4px;margin-top:32px}
.meta{color:#666;font-size:13px}table{border-collapse:collapse;font-size:13px;margin:8px 0}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:left}th{background:#f4f6f8}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.g-excellent{color:#2e8b57;font-weight:bold}.g-good{color:#1f7a8c;font-weight:bold}
.g-pass{color:#b8860b;font-weight:bold}.g-poor{color:#c0392b;font-weight:bold}
.lo{color:#c0392b}.mid{color:#b8860b}.hi{color:#2e8b57}
.radars{display:flex;flex-wrap:wrap;gap:8px}.radars svg{border:1px solid #eee;border-radius:6px}
.legend{font-size:12px;color:#666}.taboo{color:#c0392b}
@media print{h2{page-break-after:avoid}.radars svg{page-break-inside:avoid}}
"""


def _e(value) -> str:
    return escape("" if value is None else str(value))


def _cls(points: float | None) -> str:
    if points is None:
        return ""
    return "hi" if points >= 80 else "mid" if points >= 50 else "lo"


def _num(value, digits: int = 0, points: bool = False) -> str:
    """A number cell; points (0–100) are coloured like the terminal's bars."""
    return f'<td class="num {_cls(value) if points else ""}">{_e(number(value, digits))}</td>'


def _pts(value) -> str:
    return _num(value, points=True)


def _table(head: list[str], rows: list[str]) -> str:
    return ("<table><thead><tr>" + "".join(f"<th>{_e(h)}</th>" for h in head) + "</tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


def _team(r: dict) -> str:
    if r["status"] != "finished":
        return t("outcome.interrupted")
    return f"{number(r['total'])} {grade_word(r['grade'])}"


def render_html(data: dict) -> str:
    cls, counts, steps = data["class"], data["counts"], data["steps"]
    labels = {s: step_label(s) for s in steps}
    class_means = {r["step"]: r["mean"] for r in data["step_summary"]}
    title = f"{t('creport.title')} · {cls['name']}" + t("ui.paren", text=cls["code"])
    out = [f'<!DOCTYPE html><html lang="{get_lang()}"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
           f"<h1>{_e(title)}</h1>",
           '<p class="meta">' + _e(t("creport.counts", trainees=counts["trainees"], finished=counts["finished"],
                                     interrupted=counts["interrupted"], turns=counts["turns"],
                                     time=when(data["generated"]))) + "</p>"]
    if not data["trainees"]:
        out.append(f"<p>{_e(t('board.empty', code=cls['code']))}</p></body></html>")
        return "".join(out)

    out.append(f"<h2>{_e(t('creport.steps'))}</h2>")
    out.append(svg.hbars([(labels[s], class_means.get(s)) for s in steps], t("creport.steps")))
    head = [t("report.col.steps"), t("creport.col.class_mean"), t("creport.col.weakest")]
    rows = [f"<tr><td>{_e(labels[r['step']])}</td>{_pts(r['mean'])}<td>"
            + t("list.sep").join(f"{_e(w['trainee'])} <span class=\"{_cls(w['mean'])}\">{_e(number(w['mean']))}</span>"
                       for w in r["weakest"]) + "</td></tr>" for r in data["step_summary"]]
    out.append(_table(head, rows))

    out.append(f"<h2>{_e(t('creport.distribution'))}</h2>")
    out.append(svg.histogram([(f"{b['from']}–{b['to']}", b["count"], b["from"] + 5) for b in data["distribution"]],
                             t("creport.distribution")))

    out.append(f"<h2>{_e(t('creport.trainees'))}</h2>")
    head = [t("board.col.trainee"), t("board.col.sessions"), t("creport.col.interrupted"), t("board.col.mean"),
            t("board.col.best"), t("creport.col.latest"), *[labels[s] for s in steps], t("creport.col.taboo"),
            t("creport.col.disc")]
    rows = []
    for r in data["trainees"]:
        grade = r["latest_grade"]
        rows.append(f"<tr><td>{_e(r['trainee'])}</td>{_num(r['sessions'])}{_num(r['interrupted'])}"
                    f"{_pts(r['mean'])}{_pts(r['best'])}<td class=\"g-{_e(grade)}\">{_e(grade_word(grade))}</td>"
                    + "".join(_pts(r["steps"].get(s)) for s in steps)
                    + f"{_num(r['taboo'])}{_num(r['disc'], 2)}</tr>")
    out.append(_table(head, rows))
    out.append(f'<p class="legend">{_e(t("creport.radar_legend"))}</p><div class="radars">')
    for r in data["trainees"]:
        if r["steps"]:
            out.append(svg.radar(r["steps"], steps, labels, r["trainee"], compare=class_means))
    out.append("</div>")

    if data["taboo"]:
        out.append(f"<h2>{_e(t('creport.taboo'))}</h2>")
        head = [t("creport.col.phrase"), t("creport.col.kind"), t("creport.col.count"), t("creport.col.who")]
        out.append(_table(head, [f'<tr><td class="taboo">{_e(p["phrase"])}</td><td>{_e(taboo_label(p["kind"]) if p["kind"] else t("play.tagged"))}</td>'
                                 f"{_num(p['count'])}{_num(p['trainees'])}</tr>" for p in data["taboo"]]))

    out.append(f"<h2>{_e(t('creport.scenarios'))}</h2>")
    head = [t("list.col.title"), t("board.col.sessions"), t("class.col.trainees"), t("board.col.mean"),
            t("board.col.best"), t("creport.col.outcomes"), *[labels[s] for s in steps], t("creport.col.taboo")]
    rows = []
    for r in data["scenarios"]:
        outcomes = " ".join(f"{t('outcome.' + k)} {n}" for k, n in sorted(r["outcomes"].items()))
        rows.append(f"<tr><td>{_e(r['title'] or r['scenario'])}</td>{_num(r['sessions'])}{_num(r['trainees'])}"
                    f"{_pts(r['mean'])}{_pts(r['best'])}<td>{_e(outcomes)}</td>"
                    + "".join(_pts(r["steps"].get(s)) for s in steps) + f"{_num(r['taboo'])}</tr>")
    out.append(_table(head, rows))

    if data["hotseat"]:
        out.append(f"<h2>{_e(t('creport.hotseat'))}</h2>")
        head = [t("creport.col.round"), t("list.col.title"), t("creport.col.team"), t("creport.col.members")]
        rows = [f"<tr><td>{_e(when(r['started']))} {_e(t('hotseat.kind.' + r['seat']))}</td>"
                f"<td>{_e(r['title'] or r['scenario'])}</td><td class=\"g-{_e(r['grade'])}\">{_e(_team(r))}</td><td>"
                + t("list.sep").join(f"{_e(m['trainee'])} {_e(number(m['points']))}" for m in r["trainees"]) + "</td></tr>"
                for r in data["hotseat"]]
        out.append(_table(head, rows))
    out.append("</body></html>")
    return "".join(out)
