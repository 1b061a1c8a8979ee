"""The store's schema as numbered migrations, recorded in ``schema_migrations`` and applied on open.

Each migration is a list of steps: SQL strings (with ``{pk}``, ``{blob}``, ``{real}`` filled in for the
back end) or callables ``step(backend)`` for data changes. A migration runs in one transaction together
with the row that records it, so a database is always at a whole version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from hadath.store.db import Backend, StoreError

Step = str | Callable[[Backend], None]


@dataclass(frozen=True)
class Migration:
    """One schema version: common steps plus back-end-specific ones."""

    version: int
    name: str
    steps: list[Step] = field(default_factory=list)
    sqlite: list[Step] = field(default_factory=list)
    postgresql: list[Step] = field(default_factory=list)


ACTOR_COLS = "{r}_key TEXT, {r}_id TEXT, {r}_code TEXT, {r}_name TEXT, {r}_name_en TEXT, {r}_type TEXT, {r}_country TEXT"

V1: list[Step] = [
    """CREATE TABLE ingest_runs (
        id {pk}, started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL DEFAULT 'running',
        command TEXT, inputs TEXT, hadath_version TEXT, kb_hash TEXT,
        n_read INTEGER NOT NULL DEFAULT 0, n_added INTEGER NOT NULL DEFAULT 0,
        n_unchanged INTEGER NOT NULL DEFAULT 0, n_problems INTEGER NOT NULL DEFAULT 0,
        n_events INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE articles (
        id {pk}, doc_id TEXT NOT NULL, sha256 TEXT NOT NULL, outlet_key TEXT NOT NULL, outlet TEXT, url TEXT,
        date TEXT, title TEXT, text TEXT NOT NULL,
        dup_cluster BIGINT, dup_of BIGINT, dup_similarity {real}, minhash {blob},
        run_id BIGINT REFERENCES ingest_runs(id), kb_hash TEXT, hadath_version TEXT, coded_at TEXT,
        n_events INTEGER NOT NULL DEFAULT 0,
        UNIQUE (sha256, outlet_key))""",
    "CREATE INDEX articles_doc_id ON articles(doc_id)",
    "CREATE INDEX articles_date ON articles(date)",
    "CREATE INDEX articles_dup ON articles(dup_cluster)",
    "CREATE INDEX articles_kb ON articles(kb_hash)",
    """CREATE TABLE actors (
        key TEXT PRIMARY KEY, actor_id TEXT, name TEXT, name_norm TEXT, name_en TEXT, code TEXT, type TEXT,
        country TEXT, resolved INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX actors_id ON actors(actor_id)",
    "CREATE INDEX actors_name_norm ON actors(name_norm)",
    "CREATE INDEX actors_name_en ON actors(lower(name_en))",
    """CREATE TABLE places (
        key TEXT PRIMARY KEY, place_id TEXT, name TEXT, name_norm TEXT, name_en TEXT, country TEXT,
        admin1 TEXT, feature TEXT, precision TEXT, lat {real}, lon {real})""",
    """CREATE TABLE event_clusters (
        id {pk}, root TEXT NOT NULL, cameo TEXT, source_key TEXT NOT NULL, target_key TEXT NOT NULL,
        date_first TEXT, date_last TEXT, country TEXT, dup_cluster BIGINT,
        num_mentions INTEGER NOT NULL DEFAULT 0, num_sources INTEGER NOT NULL DEFAULT 0,
        num_articles INTEGER NOT NULL DEFAULT 0, num_events INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT, last_seen TEXT, best_event BIGINT, best_evidence TEXT, confidence {real})""",
    "CREATE INDEX clusters_match ON event_clusters(root, source_key, target_key, date_first)",
    "CREATE INDEX clusters_dup ON event_clusters(root, source_key, target_key, dup_cluster)",
    """CREATE TABLE events (
        id {pk}, article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, event_id TEXT NOT NULL,
        cluster_id BIGINT REFERENCES event_clusters(id),
        cameo TEXT NOT NULL, root TEXT NOT NULL, cameo_name TEXT, plover TEXT, quad_class INTEGER,
        goldstein {real}, date TEXT, date_precision TEXT, day TEXT,
        """ + ACTOR_COLS.replace("{r}", "source") + ", " + ACTOR_COLS.replace("{r}", "target") + """,
        place_key TEXT, loc_name TEXT, loc_name_en TEXT, loc_country TEXT, loc_lat {real}, loc_lon {real},
        evidence TEXT, evidence_start INTEGER, evidence_end INTEGER, confidence {real} NOT NULL,
        rule TEXT, trigger_text TEXT, negated INTEGER NOT NULL DEFAULT 0, modality TEXT,
        background INTEGER NOT NULL DEFAULT 0, reported INTEGER NOT NULL DEFAULT 0,
        n_mentions INTEGER NOT NULL DEFAULT 1,
        UNIQUE (article_id, event_id))""",
    # the full JSON record apart, so that scans of the events table stay narrow
    """CREATE TABLE event_records (
        event_row BIGINT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE, record TEXT NOT NULL)""",
    "CREATE INDEX events_article ON events(article_id)",
    "CREATE INDEX events_cluster ON events(cluster_id)",
    "CREATE INDEX events_day ON events(day)",
    "CREATE INDEX events_cameo ON events(cameo)",
    "CREATE INDEX events_source ON events(source_key)",
    "CREATE INDEX events_target ON events(target_key)",
    "CREATE INDEX events_source_code ON events(source_code)",
    "CREATE INDEX events_target_code ON events(target_code)",
    "CREATE INDEX events_loc_country ON events(loc_country)",
    "CREATE INDEX events_lat_lon ON events(loc_lat, loc_lon)",
    """CREATE TABLE mentions (
        id {pk}, event_row BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE, role TEXT NOT NULL,
        actor_key TEXT NOT NULL, surface TEXT NOT NULL, surface_norm TEXT NOT NULL)""",
    "CREATE INDEX mentions_event ON mentions(event_row)",
    "CREATE INDEX mentions_surface ON mentions(surface_norm)",
    "CREATE INDEX mentions_actor ON mentions(actor_key)",
]


def _backfill_search(b: Backend) -> None:
    """Index the text of rows written before the search migration (normalised with norm_text)."""
    from hadath.text.normalize import norm_text

    arts = b.query("SELECT id, title, text FROM articles")
    evs = b.query("SELECT id, evidence FROM events")
    if b.kind == "sqlite":
        b.executemany("INSERT INTO article_fts(rowid, body) VALUES (?, ?)",
                      [(a["id"], norm_text(f"{a['title'] or ''} {a['text']}")) for a in arts])
        b.executemany("INSERT INTO evidence_fts(rowid, body) VALUES (?, ?)",
                      [(e["id"], norm_text(e["evidence"] or "")) for e in evs])
    else:
        b.executemany("UPDATE articles SET text_norm = ? WHERE id = ?",
                      [(pad(norm_text(f"{a['title'] or ''} {a['text']}")), a["id"]) for a in arts])
        b.executemany("UPDATE events SET evidence_norm = ? WHERE id = ?",
                      [(pad(norm_text(e["evidence"] or "")), e["id"]) for e in evs])


def pad(norm: str) -> str:
    """A normalised text with a space at both ends, so that ``LIKE '% w1 w2 %'`` matches whole words."""
    return f" {norm} "


MIGRATIONS: list[Migration] = [
    Migration(1, "core tables: articles, actors, places, events, mentions, clusters, ingest runs", V1),
    Migration(
        2, "full-text search over articles and evidence (normalised Arabic)",
        sqlite=[
            "CREATE VIRTUAL TABLE article_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 0')",
            "CREATE VIRTUAL TABLE evidence_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 0')",
            _backfill_search,
        ],
        postgresql=[
            "CREATE EXTENSION IF NOT EXISTS pg_trgm",
            "ALTER TABLE articles ADD COLUMN text_norm TEXT",
            "ALTER TABLE events ADD COLUMN evidence_norm TEXT",
            _backfill_search,
            "CREATE INDEX articles_text_trgm ON articles USING gin (text_norm gin_trgm_ops)",
            "CREATE INDEX events_evidence_trgm ON events USING gin (evidence_norm gin_trgm_ops)",
        ],
    ),
    Migration(
        3, "ordering indexes for the common event queries",
        steps=[
            "CREATE INDEX events_place ON events(place_key)",
            "CREATE INDEX clusters_mentions ON event_clusters(num_mentions)",
            "CREATE INDEX clusters_first ON event_clusters(date_first)",
        ],
    ),
]

LATEST = MIGRATIONS[-1].version


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def applied_versions(b: Backend) -> list[int]:
    """Versions recorded in ``schema_migrations`` (creating the table if needed)."""
    b.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
              "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    return [int(r["version"]) for r in b.query("SELECT version FROM schema_migrations ORDER BY version")]


def migrate(b: Backend, target: int | None = None) -> list[int]:
    """Apply every missing migration up to ``target`` (default: all), each in its own transaction.

    Returns the versions applied now. A database newer than this code is an error, not a downgrade.
    """
    target = LATEST if target is None else target
    done = set(applied_versions(b))
    if done and max(done) > LATEST:
        raise StoreError(f"database schema version {max(done)} is newer than this hadath knows ({LATEST}); "
                         "upgrade hadath")
    applied: list[int] = []
    for m in MIGRATIONS:
        if m.version > target or m.version in done:
            continue
        with b.transaction():
            b.lock_for_migration()
            if b.scalar("SELECT COUNT(*) FROM schema_migrations WHERE version = ?", (m.version,)):
                continue  # another process applied it while we waited
            for step in [*m.steps, *(m.sqlite if b.kind == "sqlite" else m.postgresql)]:
                if callable(step):
                    step(b)
                else:
                    b.execute(step.format(pk=b.pk, blob=b.blob, real=b.real))
            b.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                      (m.version, m.name, _now()))
        applied.append(m.version)
    return applied
