"""Store commands: ``hadath ingest``, ``events``, ``actors``, ``stats``, ``export``, ``recode``.

Every command takes ``--db PATH_OR_URL`` (an SQLite file, created on first use, or a
``postgresql://`` URL); without it the database is ``[store] db`` of ``--config`` (ingest/recode),
``$HADATH_DB``, or ``~/.local/share/hadath/hadath.db``.
"""

from __future__ import annotations

import csv
import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from hadath.errors import ExitCode, HadathError

if TYPE_CHECKING:
    from hadath.store.query import EventFilter
    from hadath.store.store import Store

DbOpt = Annotated[str | None, typer.Option("--db", help="SQLite file or postgresql:// URL "
                                                        "(default: $HADATH_DB or ~/.local/share/hadath/hadath.db)")]


class ListFormat(StrEnum):
    """Output formats of ``hadath events`` and ``hadath actors``."""

    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    """File formats of ``hadath export``."""

    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


class ExportSchema(StrEnum):
    """Record layouts of ``hadath export``."""

    gdelt = "gdelt"
    plover = "plover"


class Role(StrEnum):
    """Which role ``--actor`` must fill."""

    any = "any"
    source = "source"
    target = "target"


def _fail(msg: str, code: ExitCode = ExitCode.USAGE) -> NoReturn:
    from hadath.cli import Env

    Env().error(msg)
    raise typer.Exit(int(code))


def _db_from_config(config: Path | None) -> str | None:
    if config is None:
        return None
    from hadath.pipeline import load_config

    try:
        cfg = load_config(config)
    except HadathError as e:
        _fail(str(e))
    db = cfg.get("store", {}).get("db")
    return str(db) if db else None


def open_store(db: str | None, config: Path | None = None) -> Store:
    """Open the store named by ``--db``/config/env/default, or exit with a one-line error."""
    from hadath.store.store import Store

    try:
        return Store(db or _db_from_config(config))
    except HadathError as e:
        _fail(str(e), ExitCode.FAILED)


def _filters(actor: list[str] | None, role: Role, actor_code: list[str] | None, country: list[str] | None,
             cameo: list[str] | None, plover: list[str] | None, quad: list[int] | None, since: str | None,
             until: str | None, place: list[str] | None, bbox: str | None, text: str | None,
             min_confidence: float | None, include_negated: bool) -> EventFilter:
    from hadath.store.query import EventFilter, QueryError, parse_bbox, split_values

    try:
        return EventFilter(
            actor=list(actor or []), role=role.value, actor_code=split_values(actor_code),
            country=split_values(country), cameo=split_values(cameo), plover=split_values(plover),
            quad=list(quad or []), since=since, until=until, place=list(place or []), bbox=parse_bbox(bbox),
            text=text, min_confidence=min_confidence, include_negated=include_negated)
    except QueryError as e:
        _fail(str(e))


# options shared by `events` and `export`
ActorOpt = Annotated[list[str] | None, typer.Option("--actor", help="an actor by id, English or Arabic name or "
                                                                    "alias (repeatable: all must match)")]
RoleOpt = Annotated[Role, typer.Option("--role", help="the role --actor must fill")]
ActorCodeOpt = Annotated[list[str] | None, typer.Option("--actor-code", help="source or target CAMEO actor code "
                                                                              "prefix (LBY, LBYMIL, IGO)")]
CountryOpt = Annotated[list[str] | None, typer.Option("--country", help="ISO3 of the event location or of "
                                                                        "either actor")]
CameoOpt = Annotated[list[str] | None, typer.Option("--cameo", help="CAMEO code or root prefix (04, 042, 18,19)")]
PloverOpt = Annotated[list[str] | None, typer.Option("--plover", help="PLOVER event type (ASSAULT, CONSULT ...)")]
QuadOpt = Annotated[list[int] | None, typer.Option("--quad", help="quad class 1-4 (repeatable)")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="first day YYYY[-MM[-DD]] (event date, else "
                                                               "article date)")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="last day YYYY[-MM[-DD]], inclusive")]
PlaceOpt = Annotated[list[str] | None, typer.Option("--place", help="event location by id, English or Arabic name")]
BboxOpt = Annotated[str | None, typer.Option("--bbox", help="min_lon,min_lat,max_lon,max_lat")]
TextOpt = Annotated[str | None, typer.Option("--text", help="words (a phrase) in the evidence or the article, "
                                                            "Arabic normalised")]
MinConfOpt = Annotated[float | None, typer.Option("--min-confidence", help="least event confidence")]
NegOpt = Annotated[bool, typer.Option("--include-negated", help="also negated events (left out by default)")]


def _actor_cell(a: dict[str, Any] | None) -> str:
    if not a:
        return "-"
    name = a.get("name_en") or a.get("name") or "?"
    return f"{name} [{a['code']}]" if a.get("code") else name


def _place_cell(loc: dict[str, Any] | None) -> str:
    return (loc.get("name_en") or loc.get("name") or "") if loc else ""


def _print_table(columns: list[str], rows: list[list[str]], footer: str) -> None:
    from rich.console import Console
    from rich.table import Table

    from hadath.cli import Env

    table = Table(header_style="bold")
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*r)
    out = Env().stdout
    console = Console(file=out, width=160, force_terminal=False, color_system=None)
    console.print(table)
    console.print(footer)


EVENT_CSV = ["article_id", "event_id", "cluster_id", "outlet", "article_date", "cameo", "cameo_name", "root", "plover",
             "quad_class", "goldstein", "source_name", "source_name_en", "source_code", "source_id", "target_name",
             "target_name_en", "target_code", "target_id", "date", "date_precision", "location_name",
             "location_name_en", "country", "lat", "lon", "negated", "modality", "background", "confidence",
             "rule", "trigger", "evidence"]
CLUSTER_CSV = ["cluster_id", "cameo", "cameo_name", "root", "plover", "quad_class", "goldstein", "source_name",
               "source_name_en", "source_code", "source_id", "target_name", "target_name_en", "target_code",
               "target_id", "date", "date_last", "location_name", "location_name_en", "country", "lat", "lon",
               "num_mentions", "num_sources", "num_articles", "num_events", "first_seen", "last_seen", "confidence",
               "evidence"]


def _flat(rec: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in rec.items() if not isinstance(v, dict | list)}
    for role in ("source", "target"):
        a = rec.get(role) or {}
        for k in ("name", "name_en", "code", "id"):
            out[f"{role}_{k}"] = a.get(k)
    loc = rec.get("location") or {}
    out.update({"location_name": loc.get("name"), "location_name_en": loc.get("name_en"),
                "country": loc.get("country"), "lat": loc.get("lat"), "lon": loc.get("lon")})
    return out


def register(app: typer.Typer) -> None:
    """Add the store commands to the ``hadath`` app."""

    @app.command()
    def ingest(
        paths: Annotated[list[str], typer.Argument(help=".txt or .jsonl files, directories, or - for stdin")],
        db: DbOpt = None,
        date: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD for .txt/stdin articles")] = None,
        config: Annotated[Path | None, typer.Option(help="pipeline config TOML ([store] db sets the database)")] = None,
        batch: Annotated[int, typer.Option("--batch", min=1, help="articles per transaction")] = 20,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress lines")] = False,
    ) -> None:
        """Code articles and store them. Re-ingesting changes nothing; an interrupted run resumes when re-run."""
        from hadath.cli import Env, _check_date, _pipeline
        from hadath.io.readers import read_inputs
        from hadath.store.ingest import ingest as do_ingest

        env = Env()
        _check_date(date)
        nlp = _pipeline(config)
        store = open_store(db, config)

        def progress(rep: Any) -> None:
            if not quiet:
                env.stderr.write(f"hadath: ingest: {rep.read} read, {rep.added} added, {rep.unchanged} unchanged, "
                                 f"{rep.events} events\n")
                env.stderr.flush()

        try:
            rep = do_ingest(store, read_inputs(paths, date=date, stdin=env.stdin), nlp, inputs=paths,
                            batch_size=batch, on_problem=env.error, on_batch=progress)
        except HadathError as e:
            _fail(str(e), ExitCode.FAILED)
        finally:
            store.close()
        env.stdout.write(f"{rep.read} article(s) read: {rep.added} added, {rep.unchanged} already stored; "
                         f"{rep.events} event(s); {rep.problems} input(s) skipped (run {rep.run_id})\n")
        if rep.problems:
            raise typer.Exit(int(ExitCode.SOME_SKIPPED))

    @app.command()
    def events(
        db: DbOpt = None,
        actor: ActorOpt = None, role: RoleOpt = Role.any, actor_code: ActorCodeOpt = None, country: CountryOpt = None,
        cameo: CameoOpt = None, plover: PloverOpt = None, quad: QuadOpt = None, since: SinceOpt = None,
        until: UntilOpt = None, place: PlaceOpt = None, bbox: BboxOpt = None, text: TextOpt = None,
        min_confidence: MinConfOpt = None, include_negated: NegOpt = False,
        clusters: Annotated[bool, typer.Option("--clusters", help="real-world events (clusters of coded events) "
                                                                  "instead of raw events")] = False,
        sort: Annotated[str, typer.Option("--sort", help="date, confidence, goldstein, mentions, cameo, id; "
                                                         "clusters also sources, articles; -KEY descends")] = "date",
        limit: Annotated[int | None, typer.Option("--limit", min=0, help="at most N rows (0: all; "
                                                                          "default 50 for table, else all)")] = None,
        fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="output format")] = ListFormat.table,
    ) -> None:
        """Query stored events (or event clusters) with filters; JSONL carries the fields of spec/OUTPUT.md."""
        from hadath.cli import Env
        from hadath.store.query import QueryError, query_clusters, query_events

        f = _filters(actor, role, actor_code, country, cameo, plover, quad, since, until, place, bbox, text,
                     min_confidence, include_negated)
        n = limit if limit is not None else (50 if fmt == ListFormat.table else 0)
        store = open_store(db)
        try:
            recs = (query_clusters(store, f, sort, n or None) if clusters else query_events(store, f, sort, n or None))
        except QueryError as e:
            _fail(str(e))
            return
        finally:
            store.close()
        out = Env().stdout
        if fmt == ListFormat.jsonl:
            for r in recs:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        elif fmt == ListFormat.csv:
            w = csv.DictWriter(out, fieldnames=CLUSTER_CSV if clusters else EVENT_CSV, extrasaction="ignore",
                               lineterminator="\n")
            w.writeheader()
            for r in recs:
                w.writerow(_flat(r))
        elif clusters:
            _print_table(
                ["cluster", "cameo", "event", "source", "target", "dates", "place", "ment", "src", "art", "conf"],
                [[str(r["cluster_id"]), r["cameo"] or "", r["cameo_name"] or "", _actor_cell(r["source"]),
                  _actor_cell(r["target"]),
                  (r["date"] or "") + (f"..{r['date_last']}" if r["date_last"] and r["date_last"] != r["date"] else ""),
                  _place_cell(r["location"]), str(r["num_mentions"]), str(r["num_sources"]), str(r["num_articles"]),
                  f"{r['confidence']:.2f}"] for r in recs], f"{len(recs)} clusters")
        else:
            _print_table(
                ["article", "cameo", "event", "source", "target", "date", "place", "conf"],
                [[r["article_id"], r["cameo"], r.get("cameo_name") or "", _actor_cell(r.get("source")),
                  _actor_cell(r.get("target")), r.get("date") or "", _place_cell(r.get("location")),
                  f"{r['confidence']:.2f}"] for r in recs], f"{len(recs)} events")

    @app.command()
    def actors(
        db: DbOpt = None,
        search: Annotated[str | None, typer.Option("--search", "-s", help="part of an English or Arabic name, "
                                                                         "an id or a code")] = None,
        unresolved: Annotated[bool | None, typer.Option("--unresolved/--resolved", help="only actors without "
                                                        "(with) a dictionary id")] = None,
        limit: Annotated[int, typer.Option("--limit", min=0, help="at most N rows (0: all)")] = 50,
        fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="output format")] = ListFormat.table,
    ) -> None:
        """Actors in the store (dictionary actors and unresolved names) with their event counts."""
        from hadath.cli import Env
        from hadath.store.query import query_actors

        store = open_store(db)
        try:
            rows = query_actors(store, search, limit or None, unresolved)
        finally:
            store.close()
        out = Env().stdout
        cols = ["key", "actor_id", "name", "name_en", "code", "type", "country", "resolved", "as_source", "as_target"]
        if fmt == ListFormat.jsonl:
            for r in rows:
                out.write(json.dumps({k: r[k] for k in cols}, ensure_ascii=False) + "\n")
        elif fmt == ListFormat.csv:
            w = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
        else:
            _print_table(["key", "name", "name_en", "code", "source", "target"],
                         [[r["key"], r["name"] or "", r["name_en"] or "", r["code"] or "", str(r["as_source"]),
                           str(r["as_target"])] for r in rows], f"{len(rows)} actors")

    @app.command()
    def stats(
        db: DbOpt = None,
        as_json: Annotated[bool, typer.Option("--json", help="one JSON object")] = False,
    ) -> None:
        """Row counts, date range, top CAMEO roots, quad classes and outlets, ingest runs, schema version."""
        from hadath.cli import Env
        from hadath.store.query import store_stats

        store = open_store(db)
        try:
            st = store_stats(store)
        finally:
            store.close()
        out = Env().stdout
        if as_json:
            out.write(json.dumps(st, ensure_ascii=False) + "\n")
            return
        for k, v in st.items():
            if isinstance(v, dict):
                out.write(f"{k}\t" + ", ".join(f"{a}:{n}" for a, n in v.items()) + "\n")
            elif isinstance(v, list):
                for r in v:
                    out.write(f"run\t{r['id']}\t{r['command']}\t{r['started_at']}\t{r['status']}\t"
                              f"kb={r['kb_hash']}\tread={r['n_read']} added={r['n_added']} "
                              f"unchanged={r['n_unchanged']} problems={r['n_problems']} events={r['n_events']}\n")
            else:
                out.write(f"{k}\t{v}\n")

    @app.command()
    def export(
        db: DbOpt = None,
        fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="file format")] = ExportFormat.csv,
        schema: Annotated[ExportSchema, typer.Option("--schema", help="gdelt: one row per event cluster; "
                                                                      "plover: one record per event")] = ExportSchema.gdelt,
        output: Annotated[Path | None, typer.Option("--output", "-o", help="write here atomically "
                                                                            "(default stdout; needed for parquet)")] = None,
        actor: ActorOpt = None, role: RoleOpt = Role.any, actor_code: ActorCodeOpt = None, country: CountryOpt = None,
        cameo: CameoOpt = None, plover: PloverOpt = None, quad: QuadOpt = None, since: SinceOpt = None,
        until: UntilOpt = None, place: PlaceOpt = None, bbox: BboxOpt = None, text: TextOpt = None,
        min_confidence: MinConfOpt = None, include_negated: NegOpt = False,
    ) -> None:
        """Export the store as a GDELT-2.0-like event table or PLOVER-like records (fields: docs/EXPORT.md)."""
        from hadath.cli import Env
        from hadath.io.readers import atomic_write_text
        from hadath.store.export import export_records, render, write_parquet

        if fmt == ExportFormat.parquet and output is None:
            _fail("--format parquet needs --output FILE")
        f = _filters(actor, role, actor_code, country, cameo, plover, quad, since, until, place, bbox, text,
                     min_confidence, include_negated)
        store = open_store(db)
        try:
            cols, recs = export_records(store, schema.value, f)
            if fmt == ExportFormat.parquet:
                assert output is not None
                write_parquet(cols, recs, str(output))
            else:
                text_out = render(cols, recs, fmt.value)
                if output:
                    atomic_write_text(output, text_out)
                else:
                    Env().stdout.write(text_out)
        except HadathError as e:
            _fail(str(e))
        except OSError as e:
            _fail(f"--output {output}: cannot write ({e.strerror})", ExitCode.FAILED)
        finally:
            store.close()
        if output:
            Env().stderr.write(f"hadath: export: {len(recs)} record(s) written to {output}\n")

    @app.command()
    def recode(
        db: DbOpt = None,
        config: Annotated[Path | None, typer.Option(help="pipeline config TOML")] = None,
        everything: Annotated[bool, typer.Option("--all", help="re-code every article, not only stale ones")] = False,
        batch: Annotated[int, typer.Option("--batch", min=1, help="articles per transaction")] = 20,
    ) -> None:
        """Re-code stored articles coded with other dictionaries than the current ones."""
        from hadath.cli import Env, _pipeline
        from hadath.store.ingest import recode as do_recode

        nlp = _pipeline(config)
        store = open_store(db, config)
        try:
            rep = do_recode(store, nlp, everything, batch)
        except HadathError as e:
            _fail(str(e), ExitCode.FAILED)
            return
        finally:
            store.close()
        Env().stdout.write(f"{rep.read} article(s) re-coded: {rep.events} event(s) (run {rep.run_id})\n")


__all__ = ["register", "open_store"]
