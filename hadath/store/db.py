"""Database connections for the event store: SQLite (stdlib) and PostgreSQL (psycopg 3).

Both back ends are used through :class:`Backend`: SQL is written once with ``?`` placeholders (rewritten
to ``%s`` for PostgreSQL), rows come back as dicts, and :meth:`Backend.transaction` wraps a block in one
transaction that is rolled back on any exception (including ``KeyboardInterrupt``).
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hadath.errors import HadathError


class StoreError(HadathError):
    """The event store cannot be opened or used (bad ``--db``, unreachable server, newer schema)."""

    code = "E030"


def default_db() -> str:
    """The default database: ``$HADATH_DB``, else ``$XDG_DATA_HOME/hadath/hadath.db`` (~/.local/share)."""
    env = os.environ.get("HADATH_DB")
    if env:
        return env
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "hadath", "hadath.db")


def is_postgres_url(db: str) -> bool:
    """Whether ``db`` names a PostgreSQL server rather than an SQLite file."""
    return db.startswith(("postgresql://", "postgres://"))


def redact(db: str) -> str:
    """``db`` with any password removed (for messages)."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", db)


_QMARK = re.compile(r"\?")


class Backend:
    """One open database connection with a small uniform API."""

    kind: str = ""
    #: the column type of an auto-increment primary key, a blob and a float
    pk: str = ""
    blob: str = ""
    real: str = ""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; returns the driver's cursor."""
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for many parameter rows."""
        raise NotImplementedError

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """All rows of a query as dicts."""
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description] if cur.description else []
        return [dict(zip(names, row, strict=False)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None."""
        row = self.execute(sql, params).fetchone()
        return row[0] if row else None

    def insert(self, sql: str, params: Sequence[Any] = (), returning: bool = False) -> int:
        """Run one ``INSERT`` (written without ``RETURNING``) into a table with an ``id`` key; the new row's id.

        ``returning``: ask for the id with ``RETURNING id`` on every back end (see :class:`SQLiteBackend`)."""
        return int(self.scalar(sql + " RETURNING id", params))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction around the block; rolled back if the block raises anything."""
        raise NotImplementedError
        yield  # pragma: no cover

    def lock_for_migration(self) -> None:
        """Serialise concurrent migrations (inside a transaction)."""

    def close(self) -> None:
        """Close the connection."""
        raise NotImplementedError


class SQLiteBackend(Backend):
    """An SQLite file in WAL mode (created on first use, with its folder)."""

    kind = "sqlite"
    pk = "INTEGER PRIMARY KEY AUTOINCREMENT"
    blob = "BLOB"
    real = "REAL"

    def __init__(self, path: str) -> None:
        self.path = path
        if path != ":memory:":
            p = Path(path).expanduser()
            if p.is_dir():
                raise StoreError(f"--db {path}: is a directory, expected a database file")
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"--db {path}: cannot create folder {p.parent} ({e.strerror})") from None
            path = str(p)
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=30.0, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=30000")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"--db {path}: not an SQLite database or cannot be opened ({e})") from None
        self._depth = 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    def insert(self, sql: str, params: Sequence[Any] = (), returning: bool = False) -> int:
        if returning:
            return super().insert(sql, params)
        # the id of an INTEGER PRIMARY KEY is the rowid: lastrowid is the same number as RETURNING id, and
        # without RETURNING an insert into the events table costs ~30 instead of ~100 us here
        rowid = self.conn.execute(sql, tuple(params)).lastrowid
        if rowid is None:  # pragma: no cover (not an INSERT)
            raise StoreError(f"no row inserted by {sql[:60]!r}")
        return int(rowid)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


class PostgresBackend(Backend):
    """A PostgreSQL database reached by a ``postgresql://`` URL (psycopg 3)."""

    kind = "postgresql"
    pk = "BIGSERIAL PRIMARY KEY"
    blob = "BYTEA"
    real = "DOUBLE PRECISION"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError("PostgreSQL needs psycopg: pip install 'hadath[postgres]'") from None
        self._psycopg = psycopg
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as e:
            msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise StoreError(f"--db {redact(url)}: cannot connect ({msg})") from None

    @staticmethod
    def _sql(sql: str) -> str:
        return _QMARK.sub("%s", sql)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self._sql(sql), tuple(params) if params else None)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(self._sql(sql), [tuple(r) for r in rows])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def lock_for_migration(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(7243001)")

    def close(self) -> None:
        self.conn.close()


def connect(db: str) -> Backend:
    """Open ``db``: a ``postgresql://`` URL or an SQLite file path (``:memory:`` for a throwaway one)."""
    if is_postgres_url(db):
        return PostgresBackend(db)
    if "://" in db:
        raise StoreError(f"--db {redact(db)}: unknown database URL (use a file path or postgresql://...)")
    return SQLiteBackend(db)


@contextmanager
def scratch_schema(admin: Any, url: str, prefix: str = "scratch_") -> Iterator[str]:
    """A fresh PostgreSQL schema for tests and benchmarks, dropped afterwards.

    ``admin`` is an open autocommit psycopg connection to ``url`` (closed on exit); yields ``url`` with a
    search_path pointing at the new schema (pg_trgm stays in ``public``).
    """
    import uuid
    from urllib.parse import quote

    schema = prefix + uuid.uuid4().hex[:12]
    admin.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
    admin.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in url else "?"
    try:
        yield url + sep + "options=" + quote(f"-csearch_path={schema},public", safe="")
    finally:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()
