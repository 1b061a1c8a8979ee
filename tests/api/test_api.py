"""The HTTP API in process (FastAPI TestClient): every endpoint, its JSON twin and its error cases."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.api.conftest import EXAMPLE, TOKEN

HTML = {"accept": "text/html,application/xhtml+xml"}
SENTENCE = "والتقى أكار رئيس المجلس الرئاسي الليبي محمد المنفي في طرابلس اليوم الإثنين."


def _err(r: Any, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


def _all(client: Any) -> list[dict[str, Any]]:
    return client.get("/events", params={"limit": 1000, "sort": "id"}).json()["events"]


def test_events_list_and_pagination(client: Any, nlp: Any) -> None:
    from hadath import Article

    per_article = len(nlp(Article(id="x", text=EXAMPLE.read_text(encoding="utf-8"), date="2021-05-03")).events)
    assert per_article >= 3
    r = client.get("/events")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 2 * per_article and len(body["events"]) == 2 * per_article  # the example, two outlets
    e = body["events"][0]
    for k in ("cameo", "source", "target", "date", "location", "evidence", "confidence", "article_id", "cluster_id",
              "row_id"):
        assert k in e
    page = client.get("/events", params={"limit": 2, "offset": 2, "sort": "id"}).json()
    assert page["total"] == 2 * per_article and [x["row_id"] for x in page["events"]] == [3, 4]


def _names(a: dict[str, Any] | None) -> set[str]:
    return {a.get("name") or "", a.get("name_en") or ""} if a else set()


CASES: list[tuple[dict[str, Any], Any]] = [
    ({"cameo": "04"}, lambda e: e["cameo"].startswith("04")),
    ({"cameo": "07,15"}, lambda e: e["cameo"][:2] in ("07", "15")),
    ({"quad": 1}, lambda e: e["quad_class"] == 1),
    ({"plover": "CONSULT"}, lambda e: e["plover"] == "CONSULT"),
    ({"actor": "Hulusi Akar"}, lambda e: "Hulusi Akar" in _names(e["source"]) | _names(e["target"])),
    ({"actor": "خلوصي أكار", "role": "target"}, lambda e: "Hulusi Akar" in _names(e["target"])),
    ({"actor_code": "LBY"}, lambda e: any((a or {}).get("code", "") and a["code"].startswith("LBY")
                                          for a in (e["source"], e["target"]))),
    ({"since": "2021-05-03"}, lambda e: (e["date"] or e["article_date"]) >= "2021-05-03"),
    ({"until": "2021-05-02"}, lambda e: (e["date"] or e["article_date"]) <= "2021-05-02"),
    ({"place": "Misratah"}, lambda e: (e["location"] or {}).get("name_en") == "Misratah"),
    ({"bbox": "12,32,14,33.5"}, lambda e: e["location"] and 12 <= e["location"]["lon"] <= 14
     and 32 <= e["location"]["lat"] <= 33.5),
    ({"text": "طرابلس"}, lambda e: True),  # every event's article mentions Tripoli
    ({"min_confidence": 0.99}, lambda e: e["confidence"] >= 0.99),
    ({"outlet": "ignored"}, lambda e: True),  # unknown parameters are ignored
]


@pytest.mark.parametrize(("params", "pred"), CASES, ids=[json.dumps(c[0], ensure_ascii=False) for c in CASES])
def test_event_filters(client: Any, params: dict[str, Any], pred: Any) -> None:
    every = _all(client)
    r = client.get("/events", params={**params, "limit": 1000, "sort": "id"})
    assert r.status_code == 200, r.text
    got = [e["row_id"] for e in r.json()["events"]]
    assert got == [e["row_id"] for e in every if pred(e)]
    assert r.json()["total"] == len(got)


def test_some_filters_select_something(client: Any) -> None:
    for params in ({"cameo": "04"}, {"actor": "Hulusi Akar"}, {"since": "2021-05-03"}, {"bbox": "12,32,14,33.5"}):
        n = client.get("/events", params=params).json()["total"]
        assert 0 < n < len(_all(client)) or params == {"since": "2021-05-03"}, params


@pytest.mark.parametrize("params", [
    {"quad": 7}, {"quad": "x"}, {"since": "2021-13"}, {"until": "yesterday"}, {"bbox": "1,2"}, {"cameo": "abc"},
    {"sort": "nope"}, {"limit": 0}, {"limit": 100000}, {"offset": -1}, {"min_confidence": 2}, {"role": "both"},
    {"text": "\"\""}, {"actor": "a\x00b"},
])
def test_event_filters_invalid(client: Any, params: dict[str, Any]) -> None:
    r = client.get("/events", params=params)
    assert 400 <= r.status_code < 500, r.text
    _err(r, r.status_code)


def test_event_detail(client: Any) -> None:
    r = client.get("/events/2")
    assert r.status_code == 200
    e = r.json()
    assert e["row_id"] == 2 and e["evidence"] and e["rule"]
    assert {m["role"] for m in e["mentions"]} == {"source", "target"}
    assert e["cluster"]["num_sources"] == 2 and len(e["cluster"]["events"]) == 2
    same = client.get(f"/events/{e['article_id']}:{e['event_id']}").json()
    assert same["row_id"] == 2
    _err(client.get("/events/999999"), 404)
    _err(client.get("/events/nope:nothing"), 404)


def test_clusters(client: Any) -> None:
    body = client.get("/clusters").json()
    assert body["total"] == len(_all(client)) // 2  # each event reported by both outlets: one cluster each
    assert all(c["num_sources"] == 2 and c["num_articles"] == 2 for c in body["clusters"])
    n04 = len({e["cluster_id"] for e in _all(client) if e["cameo"].startswith("04") and e["location"]})
    assert client.get("/clusters", params={"located": True, "cameo": "04"}).json()["total"] == n04 > 0
    _err(client.get("/clusters", params={"sort": "bogus"}), 400)


def test_actors_and_profile(client: Any) -> None:
    body = client.get("/actors").json()
    keys = [a["key"] for a in body["actors"]]
    assert "tur-hulusi-akar" in keys
    assert client.get("/actors", params={"search": "Akar"}).json()["actors"][0]["key"] == "tur-hulusi-akar"
    p = client.get("/actors/tur-hulusi-akar").json()
    n = sum(1 for e in _all(client) if "Hulusi Akar" in _names(e["source"]) | _names(e["target"]))
    assert p["name_en"] == "Hulusi Akar" and p["events_total"] == n > 0
    assert p["codes"] and all(c["code"].startswith("TUR") for c in p["codes"])
    assert p["events_by_root"]["04"]["source"] >= 2
    assert any(x["key"] == "lby-mohamed-al-menfi" for x in p["partners"])
    assert client.get("/actors/code:LBY").status_code == 200
    _err(client.get("/actors/nobody-at-all"), 404)


def test_article_view(client: Any) -> None:
    a = client.get("/articles/tripoli-visit").json()
    assert a["text"] == EXAMPLE.read_text(encoding="utf-8")
    assert len(a["events"]) == len(_all(client)) // 2 and all(e["rule"] and e["confidence"] for e in a["events"])
    ann = a["annotations"]
    assert ann["actors"] and ann["places"]
    for span in ann["actors"]:
        assert a["text"][span["start"]:span["end"]] == span["text"]
    trig = [e for e in ann["events"] if e["trigger"]]
    assert trig and all(a["text"][t["trigger"][0]:t["trigger"][1]] == a["events"][t["index"]]["trigger"] for t in trig)
    _err(client.get("/articles/missing"), 404)


def test_stats_and_export(client: Any) -> None:
    st = client.get("/stats").json()
    every = _all(client)
    assert st["articles"] == 2 and st["events"] == len(every)
    assert st["roots"]["04"] == sum(1 for e in every if e["cameo"].startswith("04"))
    csv = client.get("/export")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0].startswith("GLOBALEVENTID,") and len(csv.text.splitlines()) == 1 + len(every) // 2
    jl = client.get("/export", params={"schema": "plover", "format": "jsonl", "cameo": "04"})
    recs = [json.loads(x) for x in jl.text.splitlines()]
    assert len(recs) == st["roots"]["04"] and all(r["cameo"].startswith("04") for r in recs)
    _err(client.get("/export", params={"schema": "nope"}), 422)
    _err(client.get("/export", params={"format": "parquet"}), 422)


def test_dashboard_json(client: Any) -> None:
    tl = client.get("/timeline.json").json()
    assert tl["bucket"] == "day" and sum(r["n"] for r in tl["rows"]) == len(_all(client))
    assert client.get("/timeline", params={"by": "plover"}).json()["by"] == "plover"
    _err(client.get("/timeline", params={"by": "colour"}), 422)
    net = client.get("/network.json").json()
    assert net["nodes"] and net["edges"]
    assert {e["kind"] for e in net["edges"]} <= {"cooperation", "conflict"}
    assert all(e["weight"] == sum(e["quad"].values()) for e in net["edges"])
    m = client.get("/map.json").json()
    assert m["total"] == len({e["cluster_id"] for e in _all(client) if e["location"]}) and all(c["location"]["lat"] is not None for c in m["clusters"])
    s = client.get("/search.json", params={"q": "أكار"}).json()
    assert s["actors"][0]["key"] == "tur-hulusi-akar"
    assert client.get("/search.json", params={"q": "Akar"}).json()["actors"][0]["key"] == "tur-hulusi-akar"
    _err(client.get("/search.json"), 400)
    assert client.get("/paste.json").json()["endpoint"] == "/code"


@pytest.mark.parametrize("url", ["/map", "/timeline", "/network", "/events", "/events/1", "/clusters", "/actors",
                                 "/actors/tur-hulusi-akar", "/articles/tripoli-visit", "/stats", "/search?q=أكار",
                                 "/paste", "/search"])
def test_pages_html_and_json_twin(client: Any, url: str) -> None:
    r = client.get(url, headers=HTML)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<html lang="ar" dir="rtl">' in r.text and 'id="page-data"' in r.text
    path, _, query = url.partition("?")
    twin = client.get(path + ".json" + ("?" + query if query else ""), headers=HTML)
    accept = client.get(url, headers={"accept": "application/json"})
    if path == "/search" and not query:
        assert twin.status_code == accept.status_code == 400
        return
    assert twin.status_code == 200 and twin.headers["content-type"].startswith("application/json")
    assert twin.json() == accept.json()


def test_html_escapes_and_root(client: Any) -> None:
    r = client.get("/search", params={"q": "<script>alert(1)</script>"}, headers=HTML)
    assert r.status_code == 200 and "<script>alert(1)</script>" not in r.text
    assert client.get("/", headers=HTML, follow_redirects=False).headers["location"] == "/map"
    assert "/events" in client.get("/").json()["endpoints"]
    assert client.get("/articles/none", headers=HTML).status_code == 404
    _err(client.get("/no/such/page"), 404)


def test_code_endpoint(client: Any) -> None:
    art = {"id": "a1", "date": "2021-05-03", "title": "t", "outlet": "o", "text": SENTENCE}
    r = client.post("/code", json=art)
    assert r.status_code == 200
    out = r.json()
    assert out["id"] == "a1" and out["outlet"] == "o" and "stored" not in out and "annotations" not in out
    from hadath import Article, load_pipeline

    expected = load_pipeline()(Article(id="a1", text=SENTENCE, date="2021-05-03", title="t", outlet="o")).to_dict()
    assert out == json.loads(json.dumps(expected, ensure_ascii=False))  # the object of `hadath code --format jsonl`
    ann = client.post("/code", params={"annotate": True}, json=art).json()["annotations"]
    assert any(a["id"] == "lby-mohamed-al-menfi" for a in ann["actors"])
    assert ann["events"][0]["trigger"] is not None


@pytest.mark.parametrize(("body", "ctype", "status"), [
    (b"{}", "text/plain", 415), (b"{}", "", 415), (b"{not json", "application/json", 400),
    (b"\xff\xfe", "application/json", 400), (b"[1, 2]", "application/json", 422), (b'"text"', "application/json", 422),
    (b"{}", "application/json", 422), (b'{"text": 5}', "application/json", 422),
    (b'{"text": "hello world, no Arabic here"}', "application/json", 422),
    (json.dumps({"text": SENTENCE, "date": "03/05/2021"}).encode(), "application/json", 422),
    (json.dumps({"text": SENTENCE, "title": {"a": 1}}).encode(), "application/json", 422),
])
def test_code_bad_input(client: Any, body: bytes, ctype: str, status: int) -> None:
    headers = {"content-type": ctype} if ctype else {}
    _err(client.post("/code", content=body, headers=headers), status)


def test_store_needs_token_and_writes(write_client: Any) -> None:
    art = {"id": "w1", "date": "2021-05-03", "outlet": "A", "text": SENTENCE}
    _err(write_client.post("/code", params={"store": True}, json=art), 401)
    _err(write_client.post("/code", params={"store": True}, json=art, headers={"authorization": "Bearer wrong"}), 401)
    assert write_client.post("/code", json=art).status_code == 200  # reading/coding needs no token
    assert write_client.get("/events").json()["total"] == 0
    r = write_client.post("/code", params={"store": True}, json=art, headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and r.json()["stored"] == {"added": 1, "unchanged": 0, "events": 1}
    r = write_client.post("/code", params={"store": True}, json=art, headers={"x-hadath-token": TOKEN})
    assert r.json()["stored"]["unchanged"] == 1
    assert write_client.get("/events").json()["total"] == 1
    assert write_client.get("/articles/w1").json()["events"][0]["cameo"] == "040"


def test_ingest_endpoint(write_client: Any) -> None:
    arts = [{"id": "i1", "outlet": "B", "date": "2021-05-03", "text": SENTENCE}, {"id": "bad", "text": ""}]
    _err(write_client.post("/ingest", json=arts), 401)
    h = {"authorization": f"Bearer {TOKEN}"}
    r = write_client.post("/ingest", json=arts, headers=h)
    assert r.status_code == 200, r.text
    rep = r.json()
    assert rep["added"] == 1 and rep["problems"] == 1 and "empty text" in rep["messages"][0]
    nd = "\n".join(json.dumps(a, ensure_ascii=False) for a in arts[:1]).encode()
    r = write_client.post("/ingest", content=nd, headers={**h, "content-type": "application/x-ndjson"})
    assert r.json()["unchanged"] == 1
    _err(write_client.post("/ingest", content=b"{x", headers={**h, "content-type": "application/x-ndjson"}), 400)
    _err(write_client.post("/ingest", json="nope", headers=h), 422)


def test_body_limit(write_client: Any) -> None:
    big = {"text": "ا" * 150_000}  # 300 kB of UTF-8 > 200 kB limit
    _err(write_client.post("/code", json=big), 413)

    def chunks() -> Any:  # no Content-Length: the limit is enforced while reading
        for _ in range(30):
            yield b"x" * 10_000

    _err(write_client.post("/code", content=chunks(), headers={"content-type": "application/json"}), 413)


def test_cors_off_by_default_and_on_when_asked(example_db: str, client: Any, nlp: Any) -> None:
    from fastapi.testclient import TestClient

    from hadath.api.app import create_app

    r = client.get("/events", headers={"origin": "http://elsewhere.example"})
    assert "access-control-allow-origin" not in r.headers
    with TestClient(create_app(example_db, cors_origins=["http://ok.example"], nlp=nlp)) as c:
        r = c.get("/events", headers={"origin": "http://ok.example"})
        assert r.headers["access-control-allow-origin"] == "http://ok.example"


def test_unopenable_store_is_503(tmp_path: Any, nlp: Any) -> None:
    from fastapi.testclient import TestClient

    from hadath.api.app import create_app

    (tmp_path / "dir.db").mkdir()
    with TestClient(create_app(str(tmp_path / "dir.db"), nlp=nlp)) as c:
        _err(c.get("/events"), 503)


def test_openapi_lists_endpoints(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    for p in ("/code", "/ingest", "/events", "/events/{event_id}", "/clusters", "/actors", "/actors/{key}",
              "/articles/{article_id}", "/stats", "/export"):
        assert p in spec["paths"], p
    assert "requestBody" in spec["paths"]["/code"]["post"]


def test_serve_command_registered() -> None:
    from typer.testing import CliRunner

    from hadath.cli import app

    r = CliRunner().invoke(app, ["serve", "--help"])
    assert r.exit_code == 0 and "--token" in r.output and "--max-body" in r.output


def test_serve_bad_db_fails_with_one_line(tmp_path: Any) -> None:
    from typer.testing import CliRunner

    from hadath.cli import app

    (tmp_path / "d").mkdir()
    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "d")])
    assert r.exit_code == 3 and "Traceback" not in r.output


def test_stored_url_is_not_a_script_link(write_client: Any) -> None:
    art = {"id": "u1", "outlet": "C", "date": "2021-05-03", "url": "javascript:alert(1)", "text": SENTENCE}
    r = write_client.post("/code", params={"store": True}, json=art, headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200
    page = write_client.get("/articles/u1", headers=HTML).text
    assert 'href="javascript:' not in page


def test_bundled_base_map_and_converter() -> None:
    from hadath.api._world import convert

    world = json.loads((EXAMPLE.parents[1] / "hadath" / "api" / "static" / "world.json").read_text(encoding="utf-8"))
    assert world["width"] == 720 and len(world["countries"]) > 150
    assert any(c["name"] == "Libya" and c["d"].startswith("M") for c in world["countries"])
    topo = {"type": "Topology", "transform": {"scale": [1, 1], "translate": [0, 0]},
            "arcs": [[[0, 0], [10, 0], [0, 10], [-10, 0]]],
            "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "arcs": [[0]], "id": "1", "properties": {"name": "Square"}}]}}}
    out = convert(topo)
    # (lon, lat) (0,0) (10,0) (10,10) (0,10) -> x = 2 (lon + 180), y = 2 (90 - lat)
    assert out["countries"][0]["d"] == "M360,180L380,180L380,160L360,160Z"


def test_lone_surrogates_and_nul_are_client_errors(write_client: Any) -> None:
    bad = json.dumps({"text": SENTENCE, "title": "@@"}, ensure_ascii=False).replace("@@", "\\ud800")
    _err(write_client.post("/code", content=bad.encode(), headers={"content-type": "application/json"}), 400)
    h = {"authorization": f"Bearer {TOKEN}", "content-type": "application/json"}
    r = write_client.post("/ingest", content=("[" + bad + "]").encode(), headers=h)
    assert r.status_code == 200 and r.json()["problems"] == 1 and r.json()["added"] == 0
    _err(write_client.post("/code", json={"text": SENTENCE + "\x00"}), 400)
