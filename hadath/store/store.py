"""The event store: coded articles, events, actors, places, near-duplicates and event clusters.

:class:`Store` is the one interface over both back ends (SQLite file or PostgreSQL URL). Writes go
through :meth:`Store.add_documents` (one transaction per batch of articles) and
:meth:`Store.replace_events` (recoding); everything a batch writes (articles, events, mentions, actors,
places, search rows, cluster aggregates) commits together or not at all.

Idempotence: an article is identified by the SHA-256 of its normalised text plus its outlet, so
re-ingesting the same file adds nothing. Near-duplicate articles (MinHash/LSH over word 3-shingles) are
linked through ``articles.dup_cluster``/``dup_of``, never dropped.

Event clusters: events with the same CAMEO root, the same source and target actor (by id, else code,
else normalised name), dates within one day of the cluster's dates (or, undated, the same near-duplicate
article cluster) and compatible places (same country, or either unknown) are one real-world event.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from hadath.model import ActorRef, Article, Document, Event, PlaceRef
from hadath.store.db import Backend, connect, default_db
from hadath.store.schema import migrate, pad
from hadath.text.normalize import norm_text

NUM_PERM = 64
DUP_THRESHOLD = 0.5  # estimated Jaccard similarity of word 3-shingles above which two articles are near-duplicates
NO_ACTOR = "-"


def now_iso() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def article_sha(article: Article) -> str:
    """SHA-256 of the article's normalised text (the identity used for idempotent re-ingest)."""
    return hashlib.sha256(norm_text(article.text).encode("utf-8")).hexdigest()


def outlet_key(article: Article) -> str:
    """The outlet part of an article's identity ('' when unknown)."""
    return (article.outlet or "").strip()


def dictionary_hash(extra_dirs: Iterable[str | Path] = ()) -> str:
    """A hash of the dictionaries the coder uses (names and contents of every loaded file)."""
    from hadath.kb import get_kb

    h = hashlib.sha256()
    for src in sorted(get_kb(extra_dirs).sources):
        p = Path(src)
        h.update(p.name.encode() + b"\0")
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"<unreadable>")
        h.update(b"\0")
    return h.hexdigest()[:16]


def actor_key(ref: ActorRef | None) -> str:
    """The identity of an actor for clustering and filtering: id, else code, else normalised name."""
    if ref is None:
        return NO_ACTOR
    if ref.id:
        return ref.id
    if ref.code:
        return f"code:{ref.code}"
    return f"name:{norm_text(ref.name)}"


def place_key(ref: PlaceRef | None) -> str | None:
    """The identity of a place: gazetteer id, else normalised name."""
    if ref is None:
        return None
    return ref.id or f"name:{norm_text(ref.name)}"


def _iso_day(s: str | None) -> date | None:
    if not s or len(s) != 10:
        return None
    try:
        return date.fromisoformat(s)
    except ValueError:
        return None


def _shingles(text: str) -> set[bytes]:
    words = norm_text(text).split()
    if len(words) < 3:
        return {w.encode() for w in words}
    return {" ".join(words[i:i + 3]).encode() for i in range(len(words) - 2)}


@dataclass
class AddResult:
    """What one :meth:`Store.add_documents` call wrote."""

    added: int = 0
    unchanged: int = 0
    events: int = 0


class NearDupIndex:
    """MinHash signatures of the stored articles in an LSH index (loaded lazily from the store)."""

    def __init__(self, threshold: float = DUP_THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[int, Any] = {}
        self.cluster: dict[int, int] = {}

    @staticmethod
    def signature(text: str) -> Any:
        """The MinHash of an article text."""
        from datasketch import MinHash

        m = MinHash(num_perm=NUM_PERM)
        m.update_batch(list(_shingles(text)))
        return m

    @staticmethod
    def to_bytes(m: Any) -> bytes:
        """Serialise a signature for the ``articles.minhash`` column."""
        return bytes(m.hashvalues.astype("<u8").tobytes())

    @staticmethod
    def from_bytes(data: bytes) -> Any:
        """A signature from the ``articles.minhash`` column."""
        import numpy as np
        from datasketch import MinHash

        return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(bytes(data), dtype="<u8"))

    def add(self, article_id: int, m: Any, cluster: int) -> None:
        """Index one stored article."""
        key = str(article_id)
        if article_id in self.sigs:
            return
        self.lsh.insert(key, m)
        self.sigs[article_id] = m
        self.cluster[article_id] = cluster

    def best(self, m: Any) -> tuple[int, float] | None:
        """The most similar indexed article at or above the threshold, with its estimated Jaccard."""
        best: tuple[int, float] | None = None
        for key in self.lsh.query(m):
            aid = int(key)
            j = float(m.jaccard(self.sigs[aid]))
            if j >= self.threshold and (best is None or j > best[1] or (j == best[1] and aid < best[0])):
                best = (aid, j)
        return best


def _actor_cols(ref: ActorRef | None) -> list[Any]:
    if ref is None:
        return [NO_ACTOR, None, None, None, None, None, None]
    country = ref.country or (ref.code[:3] if ref.code and len(ref.code) >= 3 else None)
    return [actor_key(ref), ref.id, ref.code, ref.name, ref.name_en, ref.type, country]


EVENT_COLUMNS = [
    "article_id", "event_id", "cameo", "root", "cameo_name", "plover", "quad_class", "goldstein", "date",
    "date_precision", "day",
    "source_key", "source_id", "source_code", "source_name", "source_name_en", "source_type", "source_country",
    "target_key", "target_id", "target_code", "target_name", "target_name_en", "target_type", "target_country",
    "place_key", "loc_name", "loc_name_en", "loc_country", "loc_lat", "loc_lon",
    "evidence", "evidence_start", "evidence_end", "confidence", "rule", "trigger_text", "negated", "modality",
    "background", "reported", "n_mentions", "record",
]


class Store:
    """An open event store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, db: str | None = None, backend: Backend | None = None, migrate_to: int | None = None) -> None:
        self.db = db or default_db()
        self.b = backend or connect(self.db)
        try:
            self.applied = migrate(self.b, migrate_to)
        except BaseException:
            self.b.close()
            raise
        self._dups: NearDupIndex | None = None

    # ------------------------------------------------------------------ lifecycle

    @property
    def kind(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.b.kind

    def close(self) -> None:
        """Close the connection."""
        self.b.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        """The highest applied migration."""
        return int(self.b.scalar("SELECT MAX(version) FROM schema_migrations") or 0)

    # ------------------------------------------------------------------ ingest runs

    def begin_run(self, command: str, inputs: Sequence[str], kb_hash: str) -> int:
        """Record the start of an ingest/recode run (committed at once)."""
        from hadath import __version__

        with self.b.transaction():
            return int(self.b.scalar(
                "INSERT INTO ingest_runs (started_at, status, command, inputs, hadath_version, kb_hash) "
                "VALUES (?, 'running', ?, ?, ?, ?) RETURNING id",
                (now_iso(), command, json.dumps(list(inputs), ensure_ascii=False), __version__, kb_hash)))

    def update_run(self, run_id: int, status: str | None = None, **counts: int) -> None:
        """Add ``counts`` (n_read, n_added, n_unchanged, n_problems, n_events) to a run; set its status."""
        sets = [f"{k} = {k} + ?" for k in counts]
        params: list[Any] = list(counts.values())
        if status:
            sets += ["status = ?", "finished_at = ?"]
            params += [status, now_iso()]
        if not sets:
            return
        with self.b.transaction():
            self.b.execute(f"UPDATE ingest_runs SET {', '.join(sets)} WHERE id = ?", (*params, run_id))

    # ------------------------------------------------------------------ writing

    def has_article(self, article: Article) -> bool:
        """Whether this article (same normalised text and outlet) is already stored."""
        return self.b.scalar("SELECT id FROM articles WHERE sha256 = ? AND outlet_key = ?",
                             (article_sha(article), outlet_key(article))) is not None

    def _dup_index(self) -> NearDupIndex:
        if self._dups is None:
            idx = NearDupIndex()
            for r in self.b.query("SELECT id, dup_cluster, minhash FROM articles WHERE minhash IS NOT NULL ORDER BY id"):
                idx.add(int(r["id"]), idx.from_bytes(r["minhash"]), int(r["dup_cluster"] or r["id"]))
            self._dups = idx
        return self._dups

    def add_documents(self, docs: Sequence[Document], run_id: int | None = None, kb_hash: str | None = None) -> AddResult:
        """Store coded documents in one transaction; already stored articles are left as they are."""
        from hadath import __version__

        res = AddResult()
        dups = self._dup_index()
        pending: list[tuple[int, Any, int]] = []
        seen: set[tuple[str, str]] = set()
        with self.b.transaction():
            for doc in docs:
                a = doc.article
                sha, okey = article_sha(a), outlet_key(a)
                if (sha, okey) in seen or self.b.scalar(
                        "SELECT id FROM articles WHERE sha256 = ? AND outlet_key = ?", (sha, okey)) is not None:
                    res.unchanged += 1
                    continue
                seen.add((sha, okey))
                sig = dups.signature(a.text)
                near = dups.best(sig)
                for aid, s2, _ in pending:  # near-duplicates within this batch
                    j = float(sig.jaccard(s2))
                    if j >= dups.threshold and (near is None or j > near[1]):
                        near = (aid, j)
                art_id = int(self.b.scalar(
                    "INSERT INTO articles (doc_id, sha256, outlet_key, outlet, url, date, title, text, minhash, "
                    "run_id, kb_hash, hadath_version, coded_at, n_events) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    (a.id, sha, okey, a.outlet, a.url, a.date, a.title, a.text, dups.to_bytes(sig), run_id, kb_hash,
                     __version__, now_iso(), len(doc.events))))
                if near is not None:
                    cl = dups.cluster.get(near[0]) or next(c for i, _, c in pending if i == near[0])
                    dup_cluster, dup_of, sim = cl, near[0], round(near[1], 3)
                else:
                    dup_cluster, dup_of, sim = art_id, None, None
                self.b.execute("UPDATE articles SET dup_cluster = ?, dup_of = ?, dup_similarity = ? WHERE id = ?",
                               (dup_cluster, dup_of, sim, art_id))
                self._index_article(art_id, a)
                pending.append((art_id, sig, dup_cluster))
                res.events += self._insert_events(art_id, a, dup_cluster, doc.events)
                res.added += 1
        for aid, sig, cl in pending:  # only after the commit: the index mirrors what is stored
            dups.add(aid, sig, cl)
        return res

    def _index_article(self, art_id: int, a: Article) -> None:
        body = norm_text(f"{a.title or ''} {a.text}")
        if self.kind == "sqlite":
            self.b.execute("INSERT INTO article_fts(rowid, body) VALUES (?, ?)", (art_id, body))
        else:
            self.b.execute("UPDATE articles SET text_norm = ? WHERE id = ?", (pad(body), art_id))

    def _insert_events(self, art_id: int, a: Article, dup_cluster: int, events: Sequence[Event]) -> int:
        used: set[str] = set()
        clusters: set[int] = set()
        for e in events:
            eid = e.id
            n = 1
            while eid in used:
                n += 1
                eid = f"{e.id}-{n}"
            used.add(eid)
            ev_date = _iso_day(e.date)
            day = e.date if ev_date else (a.date if _iso_day(a.date) else None)
            loc = e.location
            rec = e.to_dict()
            row = [art_id, eid, e.cameo, e.root or e.cameo[:2], e.cameo_name, e.plover, e.quad_class, e.goldstein,
                   e.date, e.date_precision, day, *_actor_cols(e.source), *_actor_cols(e.target),
                   place_key(loc), loc.name if loc else None, loc.name_en if loc else None,
                   loc.country if loc else None, loc.lat if loc else None, loc.lon if loc else None,
                   e.evidence, e.evidence_start, e.evidence_end, float(e.confidence), e.rule, e.trigger,
                   int(e.negated), e.modality, int(e.background), int(e.reported), e.n_mentions,
                   json.dumps(rec, ensure_ascii=False)]
            cols = list(EVENT_COLUMNS)
            if self.kind == "postgresql":
                cols.append("evidence_norm")
                row.append(pad(norm_text(e.evidence or "")))
            ev_row = int(self.b.scalar(
                f"INSERT INTO events ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) RETURNING id", row))
            if self.kind == "sqlite":
                self.b.execute("INSERT INTO evidence_fts(rowid, body) VALUES (?, ?)", (ev_row, norm_text(e.evidence or "")))
            self._upsert_actor(e.source)
            self._upsert_actor(e.target)
            self._upsert_place(loc)
            ments = []
            for role, ref in (("source", e.source), ("target", e.target)):
                if ref is None:
                    continue
                forms = dict.fromkeys([ref.name, *(ref.mentions or [])])
                ments += [(ev_row, role, actor_key(ref), f, norm_text(f)) for f in forms if f]
            if ments:
                self.b.executemany("INSERT INTO mentions (event_row, role, actor_key, surface, surface_norm) "
                                   "VALUES (?, ?, ?, ?, ?)", ments)
            clusters.add(self._assign_cluster(ev_row, e, ev_date, dup_cluster))
        for c in clusters:
            self.refresh_cluster(c)
        return len(events)

    def _upsert_actor(self, ref: ActorRef | None) -> None:
        if ref is None:
            return
        c = _actor_cols(ref)
        self.b.execute(
            "INSERT INTO actors (key, actor_id, name, name_norm, name_en, code, type, country, resolved) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
            (c[0], ref.id, ref.name, norm_text(ref.name), ref.name_en, ref.code, ref.type, c[6], int(bool(ref.id))))

    def _upsert_place(self, ref: PlaceRef | None) -> None:
        if ref is None:
            return
        self.b.execute(
            "INSERT INTO places (key, place_id, name, name_norm, name_en, country, admin1, feature, precision, lat, lon) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
            (place_key(ref), ref.id, ref.name, norm_text(ref.name), ref.name_en, ref.country, ref.admin1,
             ref.feature, ref.precision, ref.lat, ref.lon))

    def _assign_cluster(self, ev_row: int, e: Event, ev_date: date | None, dup_cluster: int) -> int:
        root = e.root or e.cameo[:2]
        skey, tkey = actor_key(e.source), actor_key(e.target)
        country = e.location.country if e.location else None
        sql = "SELECT id, country FROM event_clusters WHERE root = ? AND source_key = ? AND target_key = ?"
        params: list[Any] = [root, skey, tkey]
        if ev_date is not None:
            sql += " AND date_first IS NOT NULL AND date_first <= ? AND date_last >= ?"
            params += [(ev_date + timedelta(days=1)).isoformat(), (ev_date - timedelta(days=1)).isoformat()]
        else:
            sql += " AND date_first IS NULL AND dup_cluster = ?"
            params.append(dup_cluster)
        if country:
            sql += " AND (country IS NULL OR country = ?)"
            params.append(country)
        row = self.b.query(sql + " ORDER BY id LIMIT 1", params)
        if row:
            cid = int(row[0]["id"])
            if country and row[0]["country"] is None:
                self.b.execute("UPDATE event_clusters SET country = ? WHERE id = ?", (country, cid))
        else:
            d = ev_date.isoformat() if ev_date else None
            cid = int(self.b.scalar(
                "INSERT INTO event_clusters (root, cameo, source_key, target_key, date_first, date_last, country, "
                "dup_cluster) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (root, e.cameo, skey, tkey, d, d, country, None if ev_date else dup_cluster)))
        self.b.execute("UPDATE events SET cluster_id = ? WHERE id = ?", (cid, ev_row))
        return cid

    def refresh_cluster(self, cid: int) -> None:
        """Recompute a cluster's aggregates from its events (or delete it when it has none left)."""
        rows = self.b.query(
            "SELECT e.id, e.cameo, e.date, e.day, e.confidence, e.n_mentions, e.evidence, e.article_id, "
            "a.outlet_key, a.date AS article_date FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE e.cluster_id = ? ORDER BY e.id", (cid,))
        if not rows:
            self.b.execute("DELETE FROM event_clusters WHERE id = ?", (cid,))
            return
        best = max(rows, key=lambda r: (float(r["confidence"]), -int(r["id"])))
        dates = sorted(r["date"] for r in rows if _iso_day(r["date"]))
        seen = sorted(s for r in rows if (s := (r["article_date"] if _iso_day(r["article_date"]) else r["day"])))
        conf = 1.0 - math.prod(1.0 - min(max(float(r["confidence"]), 0.0), 1.0) for r in rows)
        codes = [r["cameo"] for r in rows]
        cameo = max(set(codes), key=lambda c: (codes.count(c), c == best["cameo"], c))
        self.b.execute(
            "UPDATE event_clusters SET cameo = ?, date_first = ?, date_last = ?, num_mentions = ?, num_sources = ?, "
            "num_articles = ?, num_events = ?, first_seen = ?, last_seen = ?, best_event = ?, best_evidence = ?, "
            "confidence = ? WHERE id = ?",
            (cameo, dates[0] if dates else None, dates[-1] if dates else None,
             sum(int(r["n_mentions"] or 1) for r in rows), len({r["outlet_key"] for r in rows}),
             len({r["article_id"] for r in rows}), len(rows), seen[0] if seen else None,
             seen[-1] if seen else None, best["id"], best["evidence"], round(conf, 4), cid))

    def replace_events(self, art_id: int, doc: Document, kb_hash: str, run_id: int | None = None) -> int:
        """Replace one stored article's events with a new coding (inside the caller's transaction)."""
        from hadath import __version__

        old = self.b.query("SELECT id, cluster_id FROM events WHERE article_id = ?", (art_id,))
        affected = {int(r["cluster_id"]) for r in old if r["cluster_id"] is not None}
        if old:
            ids = [int(r["id"]) for r in old]
            if self.kind == "sqlite":
                self.b.executemany("DELETE FROM evidence_fts WHERE rowid = ?", [(i,) for i in ids])
            self.b.execute("DELETE FROM events WHERE article_id = ?", (art_id,))  # mentions cascade
        for c in affected:
            self.refresh_cluster(c)
        dup = self.b.scalar("SELECT dup_cluster FROM articles WHERE id = ?", (art_id,))
        n = self._insert_events(art_id, doc.article, int(dup or art_id), doc.events)
        self.b.execute("UPDATE articles SET kb_hash = ?, hadath_version = ?, coded_at = ?, n_events = ?, "
                       "run_id = COALESCE(?, run_id) WHERE id = ?",
                       (kb_hash, __version__, now_iso(), n, run_id, art_id))
        return n

    # ------------------------------------------------------------------ reading

    def article(self, row_id: int) -> Article:
        """A stored article as an :class:`Article`."""
        r = self.b.query("SELECT doc_id, text, date, title, outlet, url FROM articles WHERE id = ?", (row_id,))[0]
        return Article(id=r["doc_id"], text=r["text"], date=r["date"], title=r["title"], outlet=r["outlet"], url=r["url"])

    def stale_articles(self, kb_hash: str, everything: bool = False) -> list[int]:
        """Row ids of articles coded with other dictionaries (all of them with ``everything``)."""
        if everything:
            rows = self.b.query("SELECT id FROM articles ORDER BY id")
        else:
            rows = self.b.query("SELECT id FROM articles WHERE kb_hash IS NULL OR kb_hash <> ? ORDER BY id", (kb_hash,))
        return [int(r["id"]) for r in rows]

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        out = {}
        for t in ("articles", "events", "event_clusters", "actors", "places", "mentions", "ingest_runs"):
            out[t] = int(self.b.scalar(f"SELECT COUNT(*) FROM {t}") or 0)
        out["near_duplicate_articles"] = int(self.b.scalar("SELECT COUNT(*) FROM articles WHERE dup_of IS NOT NULL") or 0)
        return out
