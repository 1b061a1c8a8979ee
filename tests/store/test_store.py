"""The store on both back ends: migrations, idempotent writes, near-duplicates, clusters, search, every filter,
exports and transactional rollback (hand-made documents, so the figures do not depend on the coder)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from hadath.store import Store, StoreError
from hadath.store.export import GDELT_COLUMNS, PLOVER_FIELDS, export_records, render, write_parquet
from hadath.store.query import EventFilter, QueryError, parse_bbox, query_actors, query_clusters, query_events
from hadath.store.schema import LATEST, MIGRATIONS
from tests.store.conftest import (
    ANKARA,
    BENGHAZI,
    GERASIMOV,
    GUNMEN,
    HAFTAR,
    LAVROV,
    MOSCOW,
    TOBRUK,
    TURKEY,
    doc,
    event,
)

T1 = ("عقد قائد الجيش الوطني الليبي المشير خليفة حفتر اجتماعا مع رئيس أركان الجيش الروسي فاليري غيراسيموف على متن "
      "حاملة الطائرات في طبرق وبحث الجانبان مكافحة الإرهاب في ليبيا والتعاون العسكري بين البلدين في المرحلة المقبلة")
T1B = T1 + " وقال مصدر عسكري إن اللقاء استمر ساعتين"
T2 = ("التقى وزير الخارجية الروسي سيرغي لافروف في موسكو نظيره التركي وبحث معه الأزمة السورية والعلاقات الثنائية "
      "بين روسيا وتركيا وسبل تعزيز التعاون الاقتصادي")
T3 = ("هاجم مسلحون مجهولون مقرا أمنيا في مدينة بنغازي شرق ليبيا صباح اليوم مما أدى إلى مقتل ثلاثة من عناصر الأمن "
      "وإصابة آخرين بجروح")
T4 = ("انتقد المشير خليفة حفتر تركيا واتهمها بدعم الجماعات المسلحة في ليبيا ولم يوقع أي اتفاق مع أنقرة خلال الأسبوع "
      "الماضي بحسب بيان صادر عن مكتبه")
EV1 = "عقد قائد الجيش الوطني الليبي المشير خليفة حفتر اجتماعا مع رئيس أركان الجيش الروسي فاليري غيراسيموف"


def counts(st: Store) -> dict[str, int]:
    return {k: v for k, v in st.counts().items() if k != "ingest_runs"}


# ---------------------------------------------------------------- migrations

def test_migrations_are_recorded_and_applied_once(db):
    with Store(db) as st:
        assert st.applied == [m.version for m in MIGRATIONS]
        rows = st.b.query("SELECT version, name FROM schema_migrations ORDER BY version")
        assert [r["version"] for r in rows] == list(range(1, LATEST + 1)) and all(r["name"] for r in rows)
    with Store(db) as st:
        assert st.applied == [] and st.schema_version() == LATEST


def test_migration_from_version_1_backfills_the_search_index(db):
    with Store(db, migrate_to=1) as st:
        assert st.schema_version() == 1
        st.b.execute("INSERT INTO articles (doc_id, sha256, outlet_key, text) VALUES (?, ?, ?, ?)",
                     ("old", "x" * 64, "", T2))
    with Store(db) as st:
        assert st.applied == list(range(2, LATEST + 1))
        # the old row is searchable after the migration (same normalisation as new rows)
        if st.kind == "sqlite":
            n = st.b.scalar("SELECT COUNT(*) FROM article_fts WHERE article_fts MATCH ?", ('"لافروف"',))
        else:
            n = st.b.scalar("SELECT COUNT(*) FROM articles WHERE text_norm LIKE ?", ("% لافروف %",))
        assert n == 1


def test_a_newer_schema_is_refused(db):
    with Store(db) as st:
        st.b.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')")
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_bad_databases_are_clear_errors(tmp_path):
    with pytest.raises(StoreError, match="directory"):
        Store(str(tmp_path))
    bad = tmp_path / "junk.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="SQLite"):
        Store(str(bad))
    with pytest.raises(StoreError, match="unknown database URL"):
        Store("mysql://x@y/z")
    with pytest.raises(StoreError, match="cannot connect"):
        Store("postgresql://nobody:secret@127.0.0.1:9/none")


# ---------------------------------------------------------------- writing, idempotence, near-duplicates

def populate(st: Store) -> None:
    st.add_documents([
        doc("a1", T1, [event("040", HAFTAR, GERASIMOV, "2017-01-11", TOBRUK, EV1, 0.9, eid="e1")],
            outlet="Outlet A", title="حفتر يلتقي غيراسيموف"),
        doc("b1", T1B, [event("040", HAFTAR, GERASIMOV, "2017-01-12", TOBRUK, EV1 + " أمس", 0.6, eid="e2")],
            date="2017-01-12", outlet="Outlet B"),
        doc("a2", T2, [event("040", LAVROV, TURKEY, "2017-02-01", MOSCOW, T2[:60], 0.7, eid="e3")],
            date="2017-02-01", outlet="Outlet A"),
        doc("a3", T3, [event("190", GUNMEN, None, "2017-03-05", BENGHAZI, T3[:70], 0.65, eid="e4")],
            date="2017-03-05", outlet="Outlet C"),
        doc("a4", T4, [event("111", HAFTAR, TURKEY, "2017-03-20", None, T4[:50], 0.75, eid="e5"),
                       event("057", HAFTAR, TURKEY, "2017-03-20", ANKARA, "ولم يوقع أي اتفاق مع أنقرة", 0.7,
                             eid="e6", negated=True)],
            date="2017-03-21", outlet="Outlet A"),
    ])


def test_add_documents_writes_every_table(store):
    populate(store)
    c = counts(store)
    assert c["articles"] == 5 and c["events"] == 6
    assert c["actors"] == 5  # haftar, gerasimov, lavrov, code:TUR, unresolved name:مسلحون مجهولون
    assert c["places"] == 4
    assert c["event_clusters"] == 5  # e1+e2 are one real-world event
    unresolved = [a for a in query_actors(store, unresolved=True)]
    assert {a["key"] for a in unresolved} == {"code:TUR", "name:مسلحون مجهولون"}
    rec = query_events(store, EventFilter(actor=["lby-khalifa-haftar"]), sort="date")[0]
    # JSONL records carry the fields of spec/OUTPUT.md and the article
    for k in ("cameo", "source", "target", "date", "location", "evidence", "confidence", "rule", "plover",
              "quad_class", "goldstein", "event_id", "article_id", "outlet", "cluster_id"):
        assert k in rec
    assert rec["source"]["name_en"] == "Khalifa Haftar" and rec["location"]["name_en"] == "Tobruk"


def test_storing_the_same_documents_again_changes_nothing(store):
    populate(store)
    before = counts(store)
    populate(store)
    res = store.add_documents([doc("a1-again", T1, [event("040", HAFTAR, GERASIMOV, "2017-01-11", TOBRUK, EV1)])])
    assert res.added == 0 and res.unchanged == 1
    assert counts(store) == before


def test_same_text_from_another_outlet_is_a_linked_article(store):
    store.add_documents([doc("a1", T1, [], outlet="Outlet A"), doc("x1", T1, [], outlet="Outlet X")])
    rows = store.b.query("SELECT doc_id, dup_cluster, dup_of, dup_similarity FROM articles ORDER BY id")
    assert len(rows) == 2
    assert rows[1]["dup_cluster"] == rows[0]["dup_cluster"] and rows[1]["dup_similarity"] == pytest.approx(1.0)


def test_near_duplicates_are_linked_not_dropped(store):
    store.add_documents([doc("a1", T1, [])])
    store.add_documents([doc("b1", T1B, [], outlet="Outlet B"), doc("a2", T2, [])])
    rows = {r["doc_id"]: r for r in store.b.query("SELECT id, doc_id, dup_cluster, dup_of, dup_similarity FROM articles")}
    assert len(rows) == 3
    assert rows["b1"]["dup_of"] == rows["a1"]["id"] and rows["b1"]["dup_cluster"] == rows["a1"]["id"]
    assert 0.5 <= rows["b1"]["dup_similarity"] < 1.0
    assert rows["a2"]["dup_of"] is None and rows["a2"]["dup_cluster"] == rows["a2"]["id"]
    # a new store object (new process) finds the stored signatures
    s2 = Store(store.db)
    s2.add_documents([doc("c1", T1B + " وأضاف", [], outlet="Outlet C")])
    r = s2.b.query("SELECT dup_cluster FROM articles WHERE doc_id = 'c1'")[0]
    assert r["dup_cluster"] == rows["a1"]["id"]
    s2.close()


class _WithoutCameo:
    """An event whose ``cameo`` reads None."""

    def __init__(self, ev: Any) -> None:
        self._ev = ev

    def __getattr__(self, name: str) -> Any:
        return None if name == "cameo" else getattr(self._ev, name)


def test_a_failing_batch_leaves_nothing_behind(store):
    store.add_documents([doc("a1", T1, [event("040", HAFTAR, GERASIMOV, "2017-01-11", TOBRUK, EV1)])])
    before = counts(store)
    # violates NOT NULL half-way through the batch (a wrapper: a mypyc-compiled Event refuses cameo = None)
    bad = _WithoutCameo(event("040", LAVROV, TURKEY, "2017-02-01", MOSCOW, T2[:40]))
    with pytest.raises(Exception):  # noqa: B017 - sqlite3.IntegrityError or psycopg's NotNullViolation
        store.add_documents([doc("a2", T2, [event("040", LAVROV, TURKEY, "2017-02-01", MOSCOW, T2[:40])]),
                             doc("a3", T3, [bad])])
    assert counts(store) == before
    if store.kind == "sqlite":
        assert store.b.scalar("SELECT COUNT(*) FROM article_fts") == 1
    # and the store is usable afterwards
    assert store.add_documents([doc("a2", T2, [])]).added == 1


# ---------------------------------------------------------------- clusters

def clusters(st: Store) -> list[dict]:
    return st.b.query("SELECT * FROM event_clusters ORDER BY id")


def test_one_real_world_event_from_two_outlets(store):
    populate(store)
    c = [x for x in clusters(store) if x["num_events"] == 2]
    assert len(c) == 1
    c = c[0]
    assert (c["num_sources"], c["num_articles"], c["num_mentions"]) == (2, 2, 2)
    assert c["confidence"] == pytest.approx(1 - (1 - 0.9) * (1 - 0.6), abs=1e-4)
    assert (c["date_first"], c["date_last"]) == ("2017-01-11", "2017-01-12")
    assert (c["first_seen"], c["last_seen"]) == ("2017-01-11", "2017-01-12")
    assert c["best_evidence"] == EV1 and c["country"] == "LBY"


@pytest.mark.parametrize("change", ["date+2", "other country", "other root", "other target", "no target"])
def test_what_splits_a_cluster(store, change):
    base = dict(cameo="040", source=HAFTAR, target=GERASIMOV, date="2017-01-11", loc=TOBRUK)
    other = dict(base)
    if change == "date+2":
        other["date"] = "2017-01-13"
    elif change == "other country":
        other["loc"] = MOSCOW
    elif change == "other root":
        other["cameo"] = "111"
    elif change == "other target":
        other["target"] = LAVROV
    else:
        other["target"] = None
    store.add_documents([doc("a1", T1, [event(evidence=EV1, **base)]),  # type: ignore[arg-type]
                         doc("a2", T2, [event(evidence="x", **other)], outlet="Outlet B")])  # type: ignore[arg-type]
    assert len(clusters(store)) == 2


def test_unknown_place_date_within_a_day_and_code_identity_join(store):
    code_only = type(TURKEY)(name="الجيش الليبي", name_en="army (Libya)", code="LBYMIL", id=None)
    store.add_documents([
        doc("a1", T1, [event("190", code_only, GUNMEN, "2017-03-05", BENGHAZI, "e1")]),
        doc("a2", T2, [event("190", code_only, GUNMEN, "2017-03-04", None, "e2")], outlet="Outlet B"),
        doc("a3", T3, [event("190", code_only, GUNMEN, "2017-03-06", BENGHAZI, "e3")], outlet="Outlet C"),
    ])
    cs = clusters(store)
    assert len(cs) == 1 and cs[0]["num_sources"] == 3 and cs[0]["source_key"] == "code:LBYMIL"


def test_undated_events_cluster_by_near_duplicate_articles(store):
    store.add_documents([
        doc("a1", T1, [event("040", HAFTAR, GERASIMOV, None, TOBRUK, "e1")], date=None),
        doc("b1", T1B, [event("040", HAFTAR, GERASIMOV, None, TOBRUK, "e2")], date=None, outlet="Outlet B"),
        doc("a2", T2, [event("040", HAFTAR, GERASIMOV, None, TOBRUK, "e3")], date=None, outlet="Outlet C"),
    ])
    sizes = sorted(c["num_articles"] for c in clusters(store))
    assert sizes == [1, 2]


# ---------------------------------------------------------------- filters and search

def ids(st: Store, **kw) -> set[str]:
    return {r["event_id"] for r in query_events(st, EventFilter(**kw))}


FILTER_CASES = [
    (dict(), {"e1", "e2", "e3", "e4", "e5"}),
    (dict(include_negated=True), {"e1", "e2", "e3", "e4", "e5", "e6"}),
    (dict(actor=["lby-khalifa-haftar"]), {"e1", "e2", "e5"}),
    (dict(actor=["khalifa HAFTAR"]), {"e1", "e2", "e5"}),
    (dict(actor=["خليفة حفتر"]), {"e1", "e2", "e5"}),
    (dict(actor=["حفتر"]), {"e1", "e2", "e5"}),  # a surface form
    (dict(actor=["خليفة حفتر"], role="target"), set()),
    (dict(actor=["Turkey"], role="target"), {"e3", "e5"}),
    (dict(actor=["مسلحون مجهولون"]), {"e4"}),  # an unresolved actor
    (dict(actor=["nobody at all"]), set()),
    (dict(actor=["lby-khalifa-haftar", "rus-valery-gerasimov"]), {"e1", "e2"}),
    (dict(actor_code=["LBY"]), {"e1", "e2", "e5"}),
    (dict(actor_code=["rusgov", "TUR"]), {"e3", "e5"}),
    (dict(country=["TUR"]), {"e3", "e5"}),
    (dict(country=["RUS"]), {"e1", "e2", "e3"}),
    (dict(cameo=["04"]), {"e1", "e2", "e3"}),
    (dict(cameo=["040"]), {"e1", "e2", "e3"}),
    (dict(cameo=["19", "11"]), {"e4", "e5"}),
    (dict(plover=["assault"]), {"e4"}),
    (dict(quad=[3, 4]), {"e4", "e5"}),
    (dict(since="2017-02"), {"e3", "e4", "e5"}),
    (dict(until="2017-01-11"), {"e1"}),
    (dict(since="2017-01-12", until="2017-02"), {"e2", "e3"}),
    (dict(place=["Benghazi"]), {"e4"}),
    (dict(place=["طبرق"]), {"e1", "e2"}),
    (dict(bbox=parse_bbox("9,19,26,34")), {"e1", "e2", "e4"}),
    (dict(text="حاملة الطائرات"), {"e1", "e2"}),  # in the article text only
    (dict(text="الجيش الروسي فاليري"), {"e1", "e2"}),
    (dict(text="أبو ظبي"), set()),
    (dict(text="مقرا أمنيا"), {"e4"}),
    (dict(min_confidence=0.7), {"e1", "e3", "e5"}),
    (dict(actor=["lby-khalifa-haftar"], cameo=["11"], since="2017-03"), {"e5"}),
]


@pytest.fixture
def populated(store):
    populate(store)
    return store


@pytest.mark.parametrize(("kw", "expected"), FILTER_CASES, ids=[str(c[0]) for c in FILTER_CASES])
def test_every_filter(populated, kw, expected):
    assert ids(populated, **kw) == expected


def test_search_is_normalised_like_the_index(populated):
    # hamza/ta marbuta/alef variants and diacritics normalise the same way on both sides
    assert ids(populated, text="مَقَراً امنيا") == {"e4"}


def test_sorting_and_limits(populated):
    recs = query_events(populated, EventFilter(), sort="-confidence")
    confs = [r["confidence"] for r in recs]
    assert confs == sorted(confs, reverse=True)
    assert [r["event_id"] for r in query_events(populated, EventFilter(), sort="date", limit=2)] == ["e1", "e2"]
    cl = query_clusters(populated, EventFilter(), sort="-sources")
    assert cl[0]["num_sources"] == 2 and {e["event_id"] for e in cl[0]["events"]} == {"e1", "e2"}
    assert [c["num_events"] for c in query_clusters(populated, EventFilter(actor=["Turkey"]))] == [1, 1]


@pytest.mark.parametrize(("kw", "msg"), [
    (dict(since="2017-13"), "month"), (dict(until="yesterday"), "YYYY"), (dict(since="2017-02-30"), "calendar"),
    (dict(cameo=["4a"]), "CAMEO"), (dict(quad=[5]), "quad"), (dict(text="!!!"), "no words"),
])
def test_bad_filter_values_are_query_errors(populated, kw, msg):
    with pytest.raises(QueryError, match=msg):
        query_events(populated, EventFilter(**kw))


def test_bad_sort_and_bbox():
    with pytest.raises(QueryError, match="bbox"):
        parse_bbox("1,2,3")
    with pytest.raises(QueryError, match="bbox"):
        parse_bbox("10,0,5,1")


def test_bad_sort_key(populated):
    with pytest.raises(QueryError, match="sort"):
        query_events(populated, EventFilter(), sort="colour")


# ---------------------------------------------------------------- exports

def test_gdelt_export_one_row_per_cluster(populated):
    cols, recs = export_records(populated, "gdelt", EventFilter())
    assert cols == GDELT_COLUMNS and len(recs) == 4  # 5 clusters, one only holds the negated event
    rows = list(csv.DictReader(io.StringIO(render(cols, recs, "csv"))))
    top = next(r for r in rows if r["NumSources"] == "2")
    assert top["SQLDATE"] == "20170111" and top["EventCode"] == "040" and top["EventRootCode"] == "04"
    assert top["Actor1Code"] == "LBYMIL" and top["Actor1Name"] == "Khalifa Haftar" and top["Actor1Type1Code"] == "MIL"
    assert top["Actor2CountryCode"] == "RUS" and top["QuadClass"] == "1" and top["NumArticles"] == "2"
    assert top["ActionGeo_Lat"] == "32.08" and top["ActionGeo_CountryCode"] == "LBY" and top["Evidence"] == EV1
    only_libya = export_records(populated, "gdelt", EventFilter(country=["TUR"]))[1]
    assert {r["EventCode"] for r in only_libya} == {"040", "111"}


def test_plover_export_one_record_per_event(populated):
    cols, recs = export_records(populated, "plover", EventFilter(include_negated=True))
    assert cols == PLOVER_FIELDS and len(recs) == 6
    lines = [json.loads(x) for x in render(cols, recs, "jsonl").splitlines()]
    r = next(x for x in lines if x["event_id"] == "a1:e1")
    assert r["event_type"] == "CONSULT" and r["source"] == "LBYMIL" and r["source_agent"] == "MIL"
    assert r["target_actor_en"] == "Valery Gerasimov" and r["num_sources"] == 2 and r["language"] == "ar"
    assert set(r) == set(PLOVER_FIELDS)


def test_parquet_without_pyarrow_is_a_clear_error(populated, tmp_path):
    pytest.importorskip  # noqa: B018
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        from hadath.store.export import ExportError

        with pytest.raises(ExportError, match="pyarrow"):
            write_parquet(*export_records(populated, "gdelt", EventFilter()), str(tmp_path / "x.parquet"))
        return
    import pyarrow.parquet as pq

    write_parquet(*export_records(populated, "gdelt", EventFilter()), str(tmp_path / "x.parquet"))
    assert pq.read_table(tmp_path / "x.parquet").num_rows == 4


@pytest.mark.parametrize("sort", ["date", "-date"])
def test_undated_events_come_last_in_pages(populated, sort):
    populated.add_documents([doc("u1", T3 + " بلا تاريخ", [event("190", GUNMEN, None, None, None, "x", eid="u")],
                                 date=None, outlet="Outlet U")])
    page = [r["event_id"] for r in query_events(populated, EventFilter(), sort=sort, limit=10)]
    assert page[-1] == "u" and len(page) == 6
    assert [r["event_id"] for r in query_events(populated, EventFilter(), sort=sort)] == page
    cl = query_clusters(populated, EventFilter(), sort=sort, limit=10)
    assert cl[-1]["date"] is None and len(cl) == 5


def test_minhash_signatures_are_datasketchs_default_sha1_ones():
    """The cached shingle hashes give byte for byte the signatures of datasketch's own sha1_hash32 (stored
    signatures stay comparable)."""
    from datasketch import MinHash

    from hadath.store.store import NUM_PERM, NearDupIndex
    from hadath.text.normalize import norm_text

    idx = NearDupIndex()
    for text in ["", "ليبيا", "حفتر في طبرق", T1, T1B, T2, T3 + " " + T3, T4, T1]:  # T1 again: from the cache
        words = norm_text(text).split()
        shingles = ({w.encode() for w in words} if len(words) < 3 else
                    {" ".join(words[i:i + 3]).encode() for i in range(len(words) - 2)})
        ref = MinHash(num_perm=NUM_PERM, **idx.kwargs)
        ref.update_batch(list(shingles))
        assert idx.to_bytes(idx.signature(text)) == idx.to_bytes(ref)
