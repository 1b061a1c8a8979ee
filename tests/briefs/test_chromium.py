"""The HTML brief rendered by a real browser (headless Chromium): a screenshot is kept in tests/artifacts/.

Skips cleanly when no Chromium binary is installed (``apt-get install chromium``).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hadath.cli import app
from tests.briefs.conftest import ARTIFACTS

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def _browser() -> str:
    for b in BROWSERS:
        p = shutil.which(b)
        if p:
            return p
    pytest.skip("no chromium binary found (apt-get install chromium)")


def _png_size_and_ink(path: Path) -> tuple[int, int, float]:
    """Width, height and the share of non-white pixels of an 8-bit RGB(A) PNG (no imaging library needed)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, w = 8, b"", 0
    h = colour = 0
    while pos < len(data):
        n = struct.unpack(">I", data[pos:pos + 4])[0]
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, _, colour = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(idat)
    stride = w * bpp + 1
    # sample the filter-free bytes of every 8th row only roughly: count rows that are not uniformly white
    inked = sum(1 for y in range(0, h, 8) if raw[y * stride + 1:(y + 1) * stride].count(b"\xff") < w * bpp * 0.98)
    return w, h, inked / max(1, len(range(0, h, 8)))


def test_html_brief_renders_in_headless_chromium(coded_jsonl, tmp_path):
    browser = _browser()
    html = tmp_path / "brief.html"
    r = CliRunner().invoke(app, ["brief", "--from", str(coded_jsonl), "--since", "2017-01-11", "--until", "2017-01-12",
                                 "--format", "html", "-o", str(html)])
    assert r.exit_code == 0, r.stderr
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "brief-chromium.png"
    if shot.exists():
        shot.unlink()
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
           "--disable-extensions", "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}",
           "--window-size=1100,2600", f"--screenshot={shot}", html.resolve().as_uri()]
    try:
        subprocess.run(cmd, check=False, timeout=120, capture_output=True)
    except subprocess.TimeoutExpired:
        pytest.fail("headless chromium did not finish within 120 s")
    assert shot.exists(), "chromium wrote no screenshot"
    w, h, ink = _png_size_and_ink(shot)
    assert (w, h) == (1100, 2600)
    assert ink > 0.2, f"the screenshot is nearly blank ({ink:.0%} of sampled rows have ink)"
