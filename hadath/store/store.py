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
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from hadath.model import ActorRef, Article, Document, Event, PlaceRef
from hadath.store.db import Backend, connect, default_db
from hadath.store.schema import migrate, pad
from hadath.text.normalize import norm_text

NUM_PERM = 128
# estimated Jaccard similarity of word 3-shingles at or above which two articles are near-duplicates: rewritten
# wire stories share 0.3+ of their 3-shingles, unrelated news articles under 0.07
DUP_THRESHOLD = 0.3
NO_ACTOR = "-"


# json.dumps(x, ensure_ascii=False) with one encoder (dumps builds a new one per call for non-default options)
_json = json.JSONEncoder(ensure_ascii=False).encode


def now_iso() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def article_sha(article: Article) -> str:
    """SHA-256 of the article's normalised text (the identity used for idempotent re-ingest)."""
    return _sha(norm_text(article.text))


def _sha(text_norm: str) -> str:
    return hashlib.sha256(text_norm.encode("utf-8")).hexdigest()


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


@lru_cache(maxsize=100_000)
def _norm_name(name: str) -> str:
    """norm_text of a name or mention, memoised: the same few names recur in every batch (several calls per event)."""
    return norm_text(name)


def actor_key(ref: ActorRef | None) -> str:
    """The identity of an actor for clustering and filtering: id, else code, else normalised name."""
    if ref is None:
        return NO_ACTOR
    if ref.id:
        return ref.id
    if ref.code:
        return f"code:{ref.code}"
    return f"name:{_norm_name(ref.name)}"


def place_key(ref: PlaceRef | None) -> str | None:
    """The identity of a place: gazetteer id, else normalised name."""
    if ref is None:
        return None
    return ref.id or f"name:{_norm_name(ref.name)}"


def _iso_day(s: str | None) -> date | None:
    if not s or len(s) != 10:
        return None
    try:
        return date.fromisoformat(s)
    except ValueError:
        return None


def _minhash_scheme() -> str | None:
    """The datasketch hashing scheme to ask for: 'affine32' on datasketch >= 2 (which labels signatures with
    a scheme), None on 1.x (whose only scheme is what 2.x calls 'legacy')."""
    import inspect

    from datasketch import MinHash

    return "affine32" if "scheme" in inspect.signature(MinHash.__init__).parameters else None


def _shingle_strs(text_norm: str) -> set[str]:
    """The word 3-shingles of a normalised text (its words when it has fewer than 3), not yet encoded."""
    words = text_norm.split()
    if len(words) < 3:
        return set(words)
    return {f"{a} {b} {c}" for a, b, c in zip(words, words[1:], words[2:], strict=False)}


@lru_cache(maxsize=100_000)  # the shingles of the last ~250-1,000 articles
def _shingle_hash(shingle: str) -> int:
    """datasketch's sha1_hash32 of the UTF-8 shingle (its default for our schemes), memoised: wire stories and their
    rewrites share most shingles, and the SHA-1 per shingle was most of the signature's cost."""
    return int.from_bytes(hashlib.sha1(shingle.encode()).digest()[:4], "little")


@dataclass
class AddResult:
    """What one :meth:`Store.add_documents` call wrote."""

    added: int = 0
    unchanged: int = 0
    events: int = 0


class NearDupIndex:
    """MinHash signatures of the stored articles in an LSH index (loaded lazily from the store)."""

    def __init__(self, threshold: float = DUP_THRESHOLD) -> None:
        from datasketch import MinHash, MinHashLSH

        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[int, Any] = {}
        self.cluster: dict[int, int] = {}
        scheme = _minhash_scheme()
        self.kwargs: dict[str, Any] = {"scheme": scheme} if scheme else {}
        self.kwargs["permutations"] = MinHash(num_perm=NUM_PERM, **self.kwargs).permutations  # computed once
        # stored signatures carry their scheme: ones from another scheme are not comparable and are ignored
        self.tag = (scheme or "legacy").encode()[:8].ljust(8, b" ")

    def signature(self, text: str) -> Any:
        """The MinHash of an article text."""
        return self.signature_of_norm(norm_text(text))

    def signature_of_norm(self, text_norm: str) -> Any:
        """The MinHash of an article text already normalised with norm_text."""
        from datasketch import MinHash

        # the hash values computed here (memoised), so the hash function datasketch applies to them is the identity
        hvs = list(map(_shingle_hash, _shingle_strs(text_norm)))
        m = MinHash(num_perm=NUM_PERM, hashfunc=int, **self.kwargs)
        m.update_batch(hvs)
        return m

    def to_bytes(self, m: Any) -> bytes:
        """Serialise a signature for the ``articles.minhash`` column (scheme tag + 64-bit values)."""
        return self.tag + bytes(m.hashvalues.astype("<u8").tobytes())

    def from_bytes(self, data: bytes) -> Any | None:
        """A signature from the ``articles.minhash`` column, or None if made with other settings."""
        import numpy as np
        from datasketch import MinHash

        data = bytes(data)
        if data[:8] != self.tag or len(data) != 8 + NUM_PERM * 8:
            return None
        return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data[8:], dtype="<u8").astype("uint64"),
                       **self.kwargs)

    def add(self, article_id: int, m: Any, cluster: int) -> None:
        """Index one stored article."""
        key = str(article_id)
        if article_id in self.sigs:
            return
        self.lsh.insert(key, m)
        self.sigs[article_id] = m
        self.cluster[article_id] = cluster

    def remove(self, article_id: int) -> None:
        """Forget an article (its insert was rolled back)."""
        if article_id in self.sigs:
            self.lsh.remove(str(article_id))
            del self.sigs[article_id]
            self.cluster.pop(article_id, None)

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


def _cluster_aggregates(rows: list[dict[str, Any]]) -> tuple[Any, ...]:
    """cameo, date_first, date_last, num_mentions, num_sources, num_articles, num_events, first_seen, last_seen,
    best_event, best_evidence, confidence of a cluster's member events (rows with their article's outlet)."""
    best = max(rows, key=lambda r: (float(r["confidence"]), -int(r["id"])))
    dates = sorted(r["date"] for r in rows if _iso_day(r["date"]))
    seen = sorted(s for r in rows if (s := (r["article_date"] if _iso_day(r["article_date"]) else r["day"])))
    conf = 1.0 - math.prod(1.0 - min(max(float(r["confidence"]), 0.0), 1.0) for r in rows)
    codes = [r["cameo"] for r in rows]
    cameo = max(set(codes), key=lambda c: (codes.count(c), c == best["cameo"], c))
    return (cameo, dates[0] if dates else None, dates[-1] if dates else None,
            sum(int(r["n_mentions"] or 1) for r in rows), len({r["outlet_key"] for r in rows}),
            len({r["article_id"] for r in rows}), len(rows), seen[0] if seen else None,
            seen[-1] if seen else None, best["id"], best["evidence"], round(conf, 4))


@dataclass
class _Tx:
    """What one write transaction collects before writing it in bulk (and the keys it upserted)."""

    article_fts: list[tuple[int, str]] = field(default_factory=list)
    records: list[tuple[int, str]] = field(default_factory=list)
    evidence_fts: list[tuple[int, str]] = field(default_factory=list)
    mentions: list[tuple[int, str, str, str, str]] = field(default_factory=list)
    clusters: set[int] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)


EVENT_COLUMNS = [
    "article_id", "event_id", "cluster_id", "cameo", "root", "cameo_name", "plover", "quad_class", "goldstein", "date",
    "date_precision", "day",
    "source_key", "source_id", "source_code", "source_name", "source_name_en", "source_type", "source_country",
    "target_key", "target_id", "target_code", "target_name", "target_name_en", "target_type", "target_country",
    "place_key", "loc_name", "loc_name_en", "loc_country", "loc_lat", "loc_lon",
    "evidence", "evidence_start", "evidence_end", "confidence", "rule", "trigger_text", "negated", "modality",
    "background", "reported", "n_mentions",
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
        self._known_actors: set[str] = set()  # keys committed by this object (their upserts can be skipped)
        self._known_places: set[str] = set()

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
                sig = idx.from_bytes(r["minhash"])
                if sig is not None:
                    idx.add(int(r["id"]), sig, int(r["dup_cluster"] or r["id"]))
            self._dups = idx
        return self._dups

    def add_documents(self, docs: Sequence[Document], run_id: int | None = None, kb_hash: str | None = None) -> AddResult:
        """Store coded documents in one transaction; already stored articles are left as they are."""
        from hadath import __version__

        res = AddResult()
        dups = self._dup_index()
        pending: list[tuple[int, Any, int]] = []
        seen: set[tuple[str, str]] = set()
        tx = _Tx()
        try:
            self._add_all(docs, tx, res, dups, pending, seen, run_id, kb_hash, __version__)
        except BaseException:
            for aid, _, _ in pending:  # rolled back: forget their signatures
                dups.remove(aid)
            raise
        self._known_actors |= tx.actors
        self._known_places |= tx.places
        return res

    def _add_all(self, docs: Sequence[Document], tx: _Tx, res: AddResult, dups: NearDupIndex,
                 pending: list[tuple[int, Any, int]], seen: set[tuple[str, str]], run_id: int | None,
                 kb_hash: str | None, version: str) -> None:
        with self.b.transaction():
            for doc in docs:
                a = doc.article
                text_norm = norm_text(a.text)
                sha, okey = _sha(text_norm), outlet_key(a)
                if (sha, okey) in seen or self.b.scalar(
                        "SELECT id FROM articles WHERE sha256 = ? AND outlet_key = ?", (sha, okey)) is not None:
                    res.unchanged += 1
                    continue
                seen.add((sha, okey))
                sig = dups.signature_of_norm(text_norm)
                near = dups.best(sig)  # stored articles and earlier ones of this batch
                body = f"{norm_text(a.title)} {text_norm}" if a.title else text_norm
                cols = ["doc_id", "sha256", "outlet_key", "outlet", "url", "date", "title", "text", "minhash", "run_id",
                        "kb_hash", "hadath_version", "coded_at", "n_events"]
                vals: list[Any] = [a.id, sha, okey, a.outlet, a.url, a.date, a.title, a.text, dups.to_bytes(sig),
                                   run_id, kb_hash, version, now_iso(), len(doc.events)]
                if near is not None:
                    cl = dups.cluster[near[0]]
                    cols += ["dup_cluster", "dup_of", "dup_similarity"]
                    vals += [cl, near[0], round(near[1], 3)]
                if self.kind == "postgresql":
                    cols.append("text_norm")
                    vals.append(pad(body))
                art_id = self.b.insert(
                    f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", vals)
                if near is None:
                    cl = art_id
                    self.b.execute("UPDATE articles SET dup_cluster = ? WHERE id = ?", (art_id, art_id))
                if self.kind == "sqlite":
                    tx.article_fts.append((art_id, body))
                pending.append((art_id, sig, cl))
                dups.add(art_id, sig, cl)
                res.events += self._insert_events(tx, art_id, a, cl, doc.events)
                res.added += 1
            self._flush(tx)

    def _flush(self, tx: _Tx) -> None:
        """Write what a transaction collected: search rows, mentions, cluster aggregates."""
        if tx.records:
            self.b.executemany("INSERT INTO event_records (event_row, record) VALUES (?, ?)", tx.records)
        if tx.article_fts:
            self.b.executemany("INSERT INTO article_fts(rowid, body) VALUES (?, ?)", tx.article_fts)
        if tx.evidence_fts:
            self.b.executemany("INSERT INTO evidence_fts(rowid, body) VALUES (?, ?)", tx.evidence_fts)
        if tx.mentions:
            self.b.executemany("INSERT INTO mentions (event_row, role, actor_key, surface, surface_norm) "
                               "VALUES (?, ?, ?, ?, ?)", tx.mentions)
        self.refresh_clusters(tx.clusters)
        tx.records, tx.article_fts, tx.evidence_fts, tx.mentions, tx.clusters = [], [], [], [], set()

    def _insert_events(self, tx: _Tx, art_id: int, a: Article, dup_cluster: int, events: Sequence[Event],
                       returning: bool = False) -> int:
        used: set[str] = set()
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
            cid = self._assign_cluster(e, ev_date, dup_cluster)
            tx.clusters.add(cid)
            row = [art_id, eid, cid, e.cameo, e.root or e.cameo[:2], e.cameo_name, e.plover, e.quad_class, e.goldstein,
                   e.date, e.date_precision, day, *_actor_cols(e.source), *_actor_cols(e.target),
                   place_key(loc), loc.name if loc else None, loc.name_en if loc else None,
                   loc.country if loc else None, loc.lat if loc else None, loc.lon if loc else None,
                   e.evidence, e.evidence_start, e.evidence_end, float(e.confidence), e.rule, e.trigger,
                   int(e.negated), e.modality, int(e.background), int(e.reported), e.n_mentions]
            cols = EVENT_COLUMNS
            ev_norm = norm_text(e.evidence or "")
            if self.kind == "postgresql":
                cols = [*EVENT_COLUMNS, "evidence_norm"]
                row.append(pad(ev_norm))
            ev_row = self.b.insert(f"INSERT INTO events ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", row,
                                   returning)
            tx.records.append((ev_row, _json(e.to_dict())))
            if self.kind == "sqlite":
                tx.evidence_fts.append((ev_row, ev_norm))
            self._upsert_actor(tx, e.source)
            self._upsert_actor(tx, e.target)
            self._upsert_place(tx, loc)
            for role, ref in (("source", e.source), ("target", e.target)):
                if ref is None:
                    continue
                forms = dict.fromkeys([ref.name, *(ref.mentions or [])])
                tx.mentions += [(ev_row, role, actor_key(ref), f, _norm_name(f)) for f in forms if f]
        return len(events)

    def _upsert_actor(self, tx: _Tx, ref: ActorRef | None) -> None:
        if ref is None:
            return
        c = _actor_cols(ref)
        if c[0] in tx.actors or c[0] in self._known_actors:
            return
        tx.actors.add(c[0])
        self.b.execute(
            "INSERT INTO actors (key, actor_id, name, name_norm, name_en, code, type, country, resolved) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
            (c[0], ref.id, ref.name, _norm_name(ref.name), ref.name_en, ref.code, ref.type, c[6], int(bool(ref.id))))

    def _upsert_place(self, tx: _Tx, ref: PlaceRef | None) -> None:
        if ref is None:
            return
        key = place_key(ref)
        if key in tx.places or key in self._known_places:
            return
        tx.places.add(key)  # type: ignore[arg-type]
        self.b.execute(
            "INSERT INTO places (key, place_id, name, name_norm, name_en, country, admin1, feature, precision, lat, lon) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
            (key, ref.id, ref.name, _norm_name(ref.name), ref.name_en, ref.country, ref.admin1,
             ref.feature, ref.precision, ref.lat, ref.lon))

    def _assign_cluster(self, e: Event, ev_date: date | None, dup_cluster: int) -> int:
        """The cluster of a new event: an existing compatible one (its dates/country widened), or a new one."""
        root = e.root or e.cameo[:2]
        skey, tkey = actor_key(e.source), actor_key(e.target)
        country = e.location.country if e.location else None
        sql = ("SELECT id, country, date_first, date_last FROM event_clusters "
               "WHERE root = ? AND source_key = ? AND target_key = ?")
        params: list[Any] = [root, skey, tkey]
        d = ev_date.isoformat() if ev_date else None
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
        if not row:
            return self.b.insert(
                "INSERT INTO event_clusters (root, cameo, source_key, target_key, date_first, date_last, country, "
                "dup_cluster) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (root, e.cameo, skey, tkey, d, d, country, None if ev_date else dup_cluster))
        r = row[0]
        cid = int(r["id"])
        new = (min(r["date_first"], d) if d else r["date_first"], max(r["date_last"], d) if d else r["date_last"],
               r["country"] or country)
        if new != (r["date_first"], r["date_last"], r["country"]):
            self.b.execute("UPDATE event_clusters SET date_first = ?, date_last = ?, country = ? WHERE id = ?",
                           (*new, cid))
        return cid

    def refresh_cluster(self, cid: int) -> None:
        """Recompute a cluster's aggregates from its events (or delete it when it has none left)."""
        self.refresh_clusters([cid])

    def refresh_clusters(self, ids: Iterable[int], chunk: int = 500) -> None:
        """Recompute the aggregates of clusters from their events (deleting those left without events)."""
        ids = sorted(set(ids))
        for i in range(0, len(ids), chunk):
            part = ids[i:i + chunk]
            rows = self.b.query(
                "SELECT e.id, e.cluster_id, e.cameo, e.date, e.day, e.confidence, e.n_mentions, e.evidence, "
                "e.article_id, a.outlet_key, a.date AS article_date FROM events e JOIN articles a ON a.id = e.article_id "
                f"WHERE e.cluster_id IN ({','.join('?' * len(part))}) ORDER BY e.id", part)
            members: dict[int, list[dict[str, Any]]] = {c: [] for c in part}
            for r in rows:
                members[int(r["cluster_id"])].append(r)
            empty = [(c,) for c, m in members.items() if not m]
            if empty:
                self.b.executemany("DELETE FROM event_clusters WHERE id = ?", empty)
            updates = [(*_cluster_aggregates(m), c) for c, m in members.items() if m]
            if updates:
                self.b.executemany(
                    "UPDATE event_clusters SET cameo = ?, date_first = ?, date_last = ?, num_mentions = ?, "
                    "num_sources = ?, num_articles = ?, num_events = ?, first_seen = ?, last_seen = ?, best_event = ?, "
                    "best_evidence = ?, confidence = ? WHERE id = ?", updates)

    def replace_events(self, art_id: int, doc: Document, kb_hash: str, run_id: int | None = None) -> int:
        """Replace one stored article's events with a new coding (inside the caller's transaction)."""
        from hadath import __version__

        old = self.b.query("SELECT id, cluster_id FROM events WHERE article_id = ?", (art_id,))
        tx = _Tx()
        if old:
            ids = [int(r["id"]) for r in old]
            if self.kind == "sqlite":
                self.b.executemany("DELETE FROM evidence_fts WHERE rowid = ?", [(i,) for i in ids])
            self.b.execute("DELETE FROM events WHERE article_id = ?", (art_id,))  # mentions cascade
            # shrink their dates and counts, or delete them when empty
            self.refresh_clusters(int(r["cluster_id"]) for r in old if r["cluster_id"] is not None)
        dup = self.b.scalar("SELECT dup_cluster FROM articles WHERE id = ?", (art_id,))
        # the events with RETURNING, as before: on SQLite the lastrowid form gives the same rows and ids, but FTS5
        # then flushes the evidence_fts deletes above at other points (other, equivalent evidence_fts_data segments)
        n = self._insert_events(tx, art_id, doc.article, int(dup or art_id), doc.events, returning=True)
        self._flush(tx)
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
