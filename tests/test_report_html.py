"""The HTML class report in a real headless browser (Debian's chromium): the SVG charts render.

Skips when chromium is missing, except in CI (CI=true), where that is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from simulator.store import open_store
from simulator.store.classes import open_class
from simulator.store.report import class_report
from simulator.ui.html import render_html
from tests.test_store import BEST, FREE_TABOO, TABOO, record

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars"]
TIMEOUT = 60


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail("chromium is not installed (.ci/run installs Debian's chromium)")
        pytest.skip("chromium is not installed")
    return found


@pytest.fixture
def report_file(tmp_path):
    store = open_store(str(tmp_path / "r.db"))
    code = open_class(store, "社保窗口<一班>")
    record(store, BEST, "张三", code, started=1.0)
    record(store, TABOO, "李四", code, started=2.0)
    record(store, FREE_TABOO, "<script>alert(1)</script>", code, started=3.0, mode="free")
    record(store, BEST, "欧阳娜娜", code, started=4.0)
    data = class_report(store, code)
    store.close()
    path = tmp_path / "report.html"
    path.write_text(render_html(data), encoding="utf-8")
    return path


def _run(tmp_path, *args) -> subprocess.CompletedProcess:
    profile = tmp_path / "chromium-profile"
    return subprocess.run([_chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=TIMEOUT)


def test_the_rendered_dom_holds_the_svg_charts(report_file, tmp_path):
    result = _run(tmp_path, "--dump-dom", report_file.as_uri())
    dom = result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    assert dom.count('class="chart radar"') == 4  # one per trainee
    assert dom.count('class="chart bars"') == 1 and dom.count('class="chart histogram"') == 1
    assert dom.count('<polygon class="trainee"') == 4
    assert dom.count('<rect class="bar"') == 5  # the five steps
    assert "社保窗口&lt;一班&gt;" in dom
    assert "<script>alert" not in dom and "&lt;script&gt;alert(1)&lt;/script&gt;" in dom


def test_a_screenshot_is_drawn(report_file, tmp_path):
    shot = tmp_path / "report.png"
    result = _run(tmp_path, f"--screenshot={shot}", "--window-size=1100,2200", report_file.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
    keep = os.environ.get("GOVSIM_KEEP_SCREENSHOT")
    if keep:  # for a person to look at
        shutil.copy(shot, keep)
