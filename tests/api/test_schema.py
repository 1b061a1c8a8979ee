"""Property-based tests of the OpenAPI schema with schemathesis: no generated request may cause a 5xx.

Bounded: a few examples per operation (HADATH_SCHEMATHESIS_EXAMPLES, default 10), no shrinking deadline."""

from __future__ import annotations

import os
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, Phase, settings  # noqa: E402

from tests.api.conftest import TOKEN  # noqa: E402

MAX_EXAMPLES = int(os.environ.get("HADATH_SCHEMATHESIS_EXAMPLES", "10"))


@pytest.fixture(scope="module")
def api_schema(example_db: str, nlp: Any) -> Any:
    import shutil
    import tempfile

    from hadath.api.app import create_app

    d = tempfile.mkdtemp(prefix="hadath-schema-")
    db = os.path.join(d, "store.db")
    shutil.copy(example_db, db)  # writes (POST /code?store=true, /ingest) go to a copy
    app = create_app(db, token=TOKEN, max_body=50_000, nlp=nlp)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=list(HealthCheck))
def test_no_server_errors(case: Any) -> None:
    if case.method.upper() == "POST" and case.headers is not None:
        case.headers.pop("Authorization", None)
    r = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code < 500, f"{case.method} {case.formatted_path} {case.query} -> {r.status_code}: {r.text[:300]}"
    if r.status_code >= 400:
        assert r.json()["error"]["message"]
