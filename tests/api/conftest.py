"""API fixtures: a store built from the bundled example (and, when ../shared is present, events-dev) and
in-process clients over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "tripoli-visit.txt"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
EVENTS_DEV = SHARED / "eval" / "events-dev" / "articles.jsonl"
TOKEN = "test-token-123"


@pytest.fixture(scope="session")
def nlp() -> Any:
    from hadath import load_pipeline

    return load_pipeline()


def build_store(path: Path, nlp: Any, with_dev: bool) -> str:
    """Ingest the example (as two outlets, so a cluster has two sources) and optionally events-dev."""
    from hadath.io.readers import read_inputs
    from hadath.model import Article
    from hadath.store import Store
    from hadath.store.ingest import ingest

    text = EXAMPLE.read_text(encoding="utf-8")
    items: list[Any] = [Article(id="tripoli-visit", text=text, date="2021-05-03", title="أكار في طرابلس",
                                outlet="Example Wire"),
                        Article(id="tripoli-visit-2", text=text, date="2021-05-03", title="زيارة أكار",
                                outlet="Other Wire")]
    if with_dev:
        items += list(read_inputs([str(EVENTS_DEV)]))
    db = str(path)
    with Store(db) as st:
        ingest(st, items, nlp, inputs=["test"])
    return db


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> str:
    return build_store(tmp_path_factory.mktemp("api") / "example.db", nlp, with_dev=False)


@pytest.fixture(scope="session")
def dev_db(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> str:
    if not EVENTS_DEV.exists():
        pytest.skip("events-dev needs ../shared (not part of the project)")
    return build_store(tmp_path_factory.mktemp("api") / "dev.db", nlp, with_dev=True)


@pytest.fixture(scope="session")
def client(example_db: str, nlp: Any) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from hadath.api.app import create_app

    with TestClient(create_app(example_db, nlp=nlp)) as c:
        yield c


@pytest.fixture
def write_client(tmp_path: Path, nlp: Any) -> Iterator[Any]:
    """A client over an empty store with a token and a small body limit."""
    from fastapi.testclient import TestClient

    from hadath.api.app import create_app

    with TestClient(create_app(str(tmp_path / "w.db"), token=TOKEN, max_body=200_000, nlp=nlp)) as c:
        yield c
