"""The dashboard in a real browser (headless Chromium from Debian, driven by Python playwright).

The server runs uvicorn on 127.0.0.1 in a thread over a store built from the bundled example (and from
events-dev when ../shared is present). Screenshots go to tests/artifacts/. Skips cleanly without chromium or
playwright, except when HADATH_REQUIRE_BROWSER=1 (set by .ci/run in CI), where that is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api.conftest import EVENTS_DEV, ROOT

ARTIFACTS = ROOT / "tests" / "artifacts"
REQUIRE = os.environ.get("HADATH_REQUIRE_BROWSER", "") not in ("", "0")
CHROMIUM = next((p for p in (shutil.which(b) for b in ("chromium", "chromium-browser")) if p), None)
SENTENCE = "والتقى أكار رئيس المجلس الرئاسي الليبي محمد المنفي في طرابلس اليوم الإثنين."


def _need(reason: str) -> None:
    if REQUIRE:
        pytest.fail(f"HADATH_REQUIRE_BROWSER is set but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("python playwright is not installed (pip install playwright)")
    if CHROMIUM is None:
        _need("no chromium binary (apt-get install -y chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield b
        b.close()


class _Server:
    def __init__(self, db: str, nlp: Any) -> None:
        import uvicorn

        from hadath.api.app import create_app

        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = s.getsockname()[1]
        s.close()
        cfg = uvicorn.Config(create_app(db, nlp=nlp), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(cfg)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        t0 = time.time()
        while not self.server.started:
            if time.time() - t0 > 30:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def base_url(example_db: str, nlp: Any, browser: Any) -> Iterator[str]:
    with _Server(example_db, nlp) as url:
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    pg = ctx.new_page()
    pg.set_default_timeout(90_000)  # CI machines are small and may be busy: generous waits, same assertions
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    ctx.close()
    assert not errors, errors


def _shot(pg: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    pg.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 5000
    return path


def _ready(pg: Any) -> None:
    pg.wait_for_selector("body[data-ready='1']", timeout=90_000)


def _api(base: str, path: str) -> Any:
    import httpx

    return httpx.get(base + path, timeout=30).json()


def test_map_draws_markers_and_filters_list(page: Any, base_url: str) -> None:
    page.goto(base_url + "/map")
    _ready(page)
    want = _api(base_url, "/map.json")["total"]
    assert want > 0
    assert page.locator("path.country").count() > 150  # the offline base map
    assert page.locator("circle.marker").count() == want
    page.wait_for_selector("#event-list li.event")
    n_all = page.locator("#event-list li.event").count()
    assert n_all == _api(base_url, "/events.json")["total"]
    sources = [int(x) for x in page.eval_on_selector_all("circle.marker", "ms => ms.map(m => m.dataset.sources)")]
    assert sources == sorted(sources, reverse=True)
    page.locator("circle.marker").last.dispatch_event("click")
    page.wait_for_function(f"document.querySelectorAll('#event-list li.event').length < {n_all}")
    assert 0 < page.locator("#event-list li.event").count() < n_all
    _shot(page, "dashboard-map.png")


def test_timeline_brush_filters_event_list(page: Any, base_url: str) -> None:
    page.goto(base_url + "/timeline")
    _ready(page)
    bars = page.locator("rect.bar")
    assert bars.count() > 0
    n_all = page.locator("#event-list li.event").count()
    assert n_all == _api(base_url, "/events.json")["total"]
    first_day = page.eval_on_selector("rect.bar", "r => r.dataset.t")
    box = bars.first.bounding_box()
    page.mouse.move(box["x"] + 1, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 1, box["y"] + box["height"] / 2, steps=4)
    page.mouse.up()
    page.wait_for_function(f"document.querySelector('#timeline-svg').dataset.brush === '{first_day}..{first_day}'")
    page.wait_for_function(f"document.querySelectorAll('#event-list li.event').length < {n_all}")
    want = _api(base_url, f"/events.json?since={first_day}&until={first_day}")["total"]
    assert page.locator("#event-list li.event").count() == want > 0
    assert f"since={first_day}" in page.url and f"until={first_day}" in page.url  # the filter lives in the URL
    _shot(page, "dashboard-timeline.png")
    page.locator("#timeline-svg").dblclick()
    page.wait_for_function(f"document.querySelectorAll('#event-list li.event').length === {n_all}")


def test_article_view_highlights_spans(page: Any, base_url: str) -> None:
    page.goto(base_url + "/articles/tripoli-visit")
    _ready(page)
    for cls in ("actor", "place", "trigger", "evidence"):
        assert page.locator(f"#article-text .hl.{cls}").count() > 0, cls
    n = page.locator("#coded-events li.event").count()
    assert n == len(_api(base_url, "/articles/tripoli-visit.json")["events"]) > 0
    assert "rule" in page.locator("#coded-events li.event").first.inner_text()
    page.locator("#coded-events li.event").first.hover()
    assert page.locator("#article-text .hl.active").count() > 0
    assert page.locator("#article-text").get_attribute("lang") == "ar"
    assert page.eval_on_selector("html", "h => getComputedStyle(h).direction") == "rtl"
    _shot(page, "dashboard-article.png")


def test_paste_article_shows_events(page: Any, base_url: str) -> None:
    page.goto(base_url + "/paste")
    page.fill("#paste-text", SENTENCE)
    page.fill("#paste-date", "2021-05-03")
    page.click("#paste-submit")
    _ready(page)
    page.wait_for_selector("#coded-events li.event")
    assert page.locator("#coded-events li.event").count() >= 1
    assert "040" in page.locator("#coded-events").inner_text()
    assert page.locator("#article-text .hl.trigger").count() >= 1
    _shot(page, "dashboard-paste.png")
    page.fill("#paste-text", "no Arabic text at all")
    page.click("#paste-submit")
    page.wait_for_selector("#paste-status.error")
    assert "Arabic" in page.locator("#paste-status").inner_text()


def test_network_and_name_toggle(page: Any, base_url: str) -> None:
    page.goto(base_url + "/network")
    _ready(page)
    net = _api(base_url, "/network.json")
    assert page.locator("g.node").count() == len(net["nodes"]) > 0
    assert page.locator("line.edge").count() == len(net["edges"]) > 0
    assert "خلوصي أكار" in page.locator("#network-svg").text_content()
    page.click("#names-toggle")
    assert "Hulusi Akar" in page.locator("#network-svg").text_content()
    assert "names=en" in page.url
    _shot(page, "dashboard-network.png")
    page.click("#names-toggle")


def test_search_box(page: Any, base_url: str) -> None:
    page.goto(base_url + "/events")
    page.fill("header input[name=q]", "Akar")
    page.press("header input[name=q]", "Enter")
    page.wait_for_selector("ul.results.actors li")
    assert "أكار" in page.locator("ul.results.actors").inner_text()


def test_events_dev_dashboard(browser: Any, dev_db: str, nlp: Any) -> None:
    assert EVENTS_DEV.exists()
    with _Server(dev_db, nlp) as base:
        ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
        pg = ctx.new_page()
        pg.goto(base + "/map")
        _ready(pg)
        want = _api(base, "/map.json")["total"]
        assert want > 20
        assert pg.locator("circle.marker").count() == want
        _shot(pg, "dashboard-map-dev.png")
        pg.goto(base + "/timeline")
        _ready(pg)
        assert pg.locator("rect.bar").count() > 10
        _shot(pg, "dashboard-timeline-dev.png")
        pg.goto(base + "/network")
        _ready(pg)
        assert pg.locator("g.node").count() > 10
        _shot(pg, "dashboard-network-dev.png")
        ctx.close()
