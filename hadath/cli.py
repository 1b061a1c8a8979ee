"""The ``hadath`` command line: a thin layer over the Python API.

I/O goes through an :class:`Env` (stdin, stdout, stderr) so that commands are testable in-process;
user errors print one line ``hadath: <where>: <problem>`` and set the exit code (see
:class:`~hadath.errors.ExitCode`), never a traceback.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from hadath.errors import ExitCode, HadathError
from hadath.io.readers import Problem, atomic_write_text, read_inputs
from hadath.io.writers import OutputFormat, Writer

app = typer.Typer(
    name="hadath",
    help="hadath (حدث): code Arabic news into CAMEO/PLOVER political events with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
kb_app = typer.Typer(help="Look up, validate and import dictionaries (actors, agents, places, patterns).",
                     no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@dataclass
class Env:
    """Where a command reads and writes. Tests pass their own."""

    stdin: IO[bytes] = field(default_factory=lambda: sys.stdin.buffer)
    stdout: IO[str] = field(default_factory=lambda: sys.stdout)
    stderr: IO[str] = field(default_factory=lambda: sys.stderr)

    def error(self, msg: str) -> None:
        """One line on stderr."""
        self.stderr.write(f"hadath: {msg}\n")
        self.stderr.flush()


def _env() -> Env:
    return Env()


def _fail(msg: str, code: ExitCode = ExitCode.USAGE) -> None:
    _env().error(msg)
    raise typer.Exit(int(code))


def _check_date(date: str | None) -> None:
    from hadath.text.dates import parse_iso

    if date is not None and (len(date) != 10 or parse_iso(date) is None):
        _fail(f"--date {date!r}: expected YYYY-MM-DD")


def _pipeline(config: Path | None, min_confidence: float | None = None) -> Any:
    from hadath.pipeline import Pipeline, load_config, load_pipeline

    try:
        if min_confidence is None:
            nlp = load_pipeline(config)
        else:
            cfg = load_config(config)
            cfg.setdefault("stages", {}).setdefault("events", {})["min_confidence"] = min_confidence
            nlp = Pipeline.from_config(cfg)
    except HadathError as e:
        _fail(str(e))
    from hadath.kb import get_kb

    try:
        get_kb(nlp.config.get("kb", {}).get("extra_dirs", ()))  # dictionary errors fail the run once, up front
    except HadathError as e:
        _fail(str(e), ExitCode.FAILED)
    return nlp


class ReaderName(StrEnum):
    """Input readers for ``hadath code --reader`` (auto: by file extension)."""

    auto = "auto"
    txt = "txt"
    jsonl = "jsonl"
    csv = "csv"
    feed = "feed"
    warc = "warc"


class EngineName(StrEnum):
    """Where ``hadath code`` runs: local processes or a Dask cluster."""

    local = "local"
    dask = "dask"


@app.command()
def code(
    paths: Annotated[list[str] | None, typer.Argument(
        help="files (.txt, .jsonl, .jsonl.gz, .csv, RSS/Atom .xml/.rss/.atom, .warc[.gz]), directories, or - for stdin")] = None,
    date: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD for .txt/stdin articles")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="output format")] = OutputFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write here (atomically) instead of stdout")] = None,
    config: Annotated[Path | None, typer.Option(help="pipeline config TOML")] = None,
    min_confidence: Annotated[float | None, typer.Option(help="drop events below this confidence")] = None,
    workers: Annotated[int, typer.Option("--workers", "-j", help="worker processes (0: all cores; 1: in this process)")] = 0,
    reader: Annotated[ReaderName, typer.Option(help="input reader for every file (auto: by extension)")] = ReaderName.auto,
    text_column: Annotated[str, typer.Option(help="CSV column holding the article text")] = "text",
    resume: Annotated[bool, typer.Option("--resume", help="continue an interrupted run: skip articles already in --output")] = False,
    engine: Annotated[EngineName, typer.Option(help="local processes, or a Dask cluster")] = EngineName.local,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address tcp://HOST:PORT (implies --engine dask)")] = None,
    chunk_size: Annotated[int, typer.Option(help="articles per task sent to a worker")] = 16,
    progress: Annotated[bool, typer.Option("--progress/--no-progress",
                                           help="a progress bar on a terminal, a log line every 10 s otherwise")] = True,
) -> None:
    """Code articles into events. Exit 0: all coded; 1: some inputs skipped (see stderr); 2: usage error."""
    from concurrent.futures.process import BrokenProcessPool

    from hadath.scale.output import ResumableOutput, skip_done
    from hadath.scale.progress import Progress, count_inputs
    from hadath.scale.runner import code_items, default_workers, register_pipeline

    env = _env()
    _check_date(date)
    if resume and (output is None or fmt != OutputFormat.jsonl):
        _fail("--resume needs --output FILE and --format jsonl")
    if workers < 0:
        _fail(f"--workers {workers}: expected 0 (all cores) or more")
    if chunk_size < 1:
        _fail(f"--chunk-size {chunk_size}: expected 1 or more")
    if output is not None and output.is_dir():
        _fail(f"--output {output}: is a directory")
    nlp = _pipeline(config, min_confidence)
    cfg = register_pipeline(nlp)
    n_workers = workers or default_workers()
    use_dask = engine == EngineName.dask or scheduler is not None
    inputs = paths or ["-"]
    out_file = ResumableOutput(output, resume=resume) if output else None
    try:
        stream = out_file.open() if out_file else env.stdout
    except OSError as e:
        _fail(f"--output {output}: cannot write ({e.strerror})", ExitCode.FAILED)
    done = out_file.done if out_file else None
    if done:
        env.error(f"--resume: {sum(done.values())} article(s) already in {out_file.resumed_from}; skipping them")  # type: ignore[union-attr]
    total = count_inputs(inputs, None if reader == ReaderName.auto else reader.value) if progress else None
    if total is not None and done:
        total = max(0, total - sum(done.values()))
    prog = Progress(env.stderr, total=total, enabled=progress)
    items = read_inputs(inputs, date=date, stdin=env.stdin, reader=None if reader == ReaderName.auto else reader.value,
                        text_column=text_column)
    if done:
        items = (it for it in items if isinstance(it, Problem) or not skip_done(done, it.id))
    writer = Writer(stream, fmt)
    n_ok = n_bad = 0
    restore = _on_sigterm_interrupt()
    try:
        for res in code_items(items, cfg, workers=n_workers, chunk_size=chunk_size,
                              engine="dask" if use_dask else "local", scheduler=scheduler, render=writer.render):
            if isinstance(res, Problem):
                prog.say(env, str(res))
                n_bad += 1
                prog.update(skipped=1)
            elif res.error is not None:
                prog.say(env, f"{res.article.id}: {res.error}")
                n_bad += 1
                prog.update(skipped=1)
            else:
                if res.out is not None:  # rendered by the worker
                    writer.write_rendered(res.out)
                elif res.doc is not None:
                    writer.write(res.doc)
                n_ok += 1
                prog.update(1, res.n_events)
        writer.close()
    except KeyboardInterrupt:
        prog.close()
        if out_file:
            out_file.close()
            env.error(f"interrupted after {n_ok} article(s); {out_file.partial} keeps them: "
                      "run the same command with --resume to continue")
        else:
            env.error(f"interrupted after {n_ok} article(s)")
        raise typer.Exit(130) from None
    except (HadathError, BrokenProcessPool) as e:
        prog.close()
        if out_file:
            out_file.close()
        msg = str(e) if isinstance(e, HadathError) else f"a worker process died ({e}); out of memory?"
        hint = f"; {out_file.partial} keeps {n_ok} article(s): rerun with --resume" if out_file else ""
        _fail(msg + hint, ExitCode.FAILED)
    finally:
        restore()
        prog.close()
    if out_file:
        out_file.commit()
    if n_bad:
        env.error(f"{n_ok} article(s) coded, {n_bad} input(s) skipped")
        raise typer.Exit(int(ExitCode.SOME_SKIPPED))


def _on_sigterm_interrupt() -> Any:
    """Make SIGTERM stop a run like Ctrl-C (so the partial output is kept for --resume); returns the undo."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        return lambda: None

    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGTERM, handler)
    return lambda: signal.signal(signal.SIGTERM, old)


@app.command()
def explain(
    sentence: Annotated[str, typer.Argument(help="an Arabic sentence or short text")],
    date: Annotated[str | None, typer.Option(help="reference date YYYY-MM-DD")] = None,
    config: Annotated[Path | None, typer.Option(help="pipeline config TOML")] = None,
) -> None:
    """Show how a sentence is read: tokens, mentions, actors, triggers, and why each trigger was coded or not."""
    from hadath.explain import explain_text

    env = _env()
    _check_date(date)
    nlp = _pipeline(config)
    env.stdout.write(explain_text(nlp, sentence, date))


ENTITY_STAGES = ["noclean", "sentences", "tokens", "mentions", "entities"]


@app.command()
def entities(
    paths: Annotated[list[str] | None, typer.Argument(help=".txt or .jsonl ({id, text}) files, or - for stdin")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write here (atomically) instead of stdout")] = None,
) -> None:
    """Named entities (PER, LOC, ORG) as JSON Lines {"id", "entities": [{start, end, type, text}]}."""
    import json

    from hadath.pipeline import Pipeline

    env = _env()
    nlp = Pipeline.from_config({"pipeline": {"stages": ENTITY_STAGES}})
    buf = io.StringIO() if output else env.stdout
    n_bad = 0
    from hadath.io.readers import read_inputs as _read

    for item in _read(paths or ["-"], stdin=env.stdin, min_arabic=0.0):
        if isinstance(item, Problem):
            env.error(str(item))
            n_bad += 1
            continue
        doc = nlp(item)
        buf.write(json.dumps({"id": item.id, "entities": [e.to_dict() for e in doc.entities]}, ensure_ascii=False) + "\n")
    if output:
        atomic_write_text(output, buf.getvalue())  # type: ignore[attr-defined]
    if n_bad:
        raise typer.Exit(int(ExitCode.SOME_SKIPPED))


@kb_app.command("find")
def kb_find(
    phrase: Annotated[str, typer.Argument(help="an Arabic name or phrase, or an English name or id")],
    date: Annotated[str | None, typer.Option(help="date for date-dependent codes")] = None,
) -> None:
    """Look up an actor, agent phrase, state or place by any name, as the coder would resolve it."""
    from hadath.kb.lookup import find

    env = _env()
    lines = find(phrase, date)
    if not lines:
        _fail(f"{phrase!r}: not found in the dictionaries", ExitCode.SOME_SKIPPED)
    env.stdout.write("\n".join(lines) + "\n")


@kb_app.command("stats")
def kb_stats() -> None:
    """Entry counts of the loaded dictionaries."""
    from hadath.kb import get_kb

    for k, v in get_kb().stats().items():
        _env().stdout.write(f"{k}\t{v}\n")


@kb_app.command("validate")
def kb_validate(
    dirs: Annotated[list[Path] | None, typer.Argument(help="dictionary folders (default: the bundled ones)")] = None,
) -> None:
    """Validate dictionary files: formats, ids, codes, dates, coordinates, Arabic fields, ambiguity."""
    from hadath.kb.validate import validate

    env = _env()
    problems = validate(dirs or None)
    for p in problems:
        env.stdout.write(f"{p}\n")
    if any(p.severity == "error" for p in problems):
        raise typer.Exit(int(ExitCode.SOME_SKIPPED))
    env.stdout.write(f"ok ({sum(1 for p in problems if p.severity == 'warning')} warnings)\n")


@kb_app.command("ambiguous")
def kb_ambiguous() -> None:
    """List surface forms that name more than one actor."""
    from hadath.kb import get_kb

    kb = get_kb()
    for form, entries in kb.ambiguous_forms():
        _env().stdout.write(f"{form}\t" + ", ".join(i for _, i in entries) + "\n")


@kb_app.command("import-petrarch")
def kb_import_petrarch(
    actors_file: Annotated[Path, typer.Argument(help="PETRARCH/TABARI actor dictionary")],
    output: Annotated[Path, typer.Option("--output", "-o", help="dictionary folder to write (actors/, agents.tsv)")],
    agents: Annotated[Path | None, typer.Option("--agents", help="PETRARCH agents dictionary")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="list every skipped entry on stderr")] = False,
) -> None:
    """Import PETRARCH actor/agent dictionaries into hadath TSV files; use them with [kb] extra_dirs."""
    from hadath.kb.petrarch import import_petrarch
    from hadath.kb.validate import validate

    env = _env()
    for p in (actors_file, agents):
        if p is not None and not p.is_file():
            _fail(f"{p}: file not found")
    try:
        report = import_petrarch(actors_file, output, agents)
    except HadathError as e:
        _fail(str(e), ExitCode.FAILED)
    for s in report.skipped if verbose else report.skipped[:5]:
        env.error(f"skipped {s}")
    if not verbose and len(report.skipped) > 5:
        env.error(f"... {len(report.skipped) - 5} more skipped entries (--verbose lists them)")
    errors = [prob for prob in validate([output]) if prob.severity == "error"]
    for prob in errors[:10]:
        env.error(str(prob))
    env.stdout.write(f"{report.summary()} to {output}\n")
    if errors:
        raise typer.Exit(int(ExitCode.SOME_SKIPPED))


@app.command()
def version() -> None:
    """Print the version."""
    from hadath import __version__

    _env().stdout.write(f"hadath {__version__}\n")


PLUGINS = ("hadath.store.cli", "hadath.briefs.cli", "hadath.api.cli", "hadath.scale.cli")


def _register_plugins() -> None:
    """Commands of the optional layers (store, briefs, API, scale) live in their own modules."""
    import importlib

    for name in PLUGINS:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name and name.startswith(e.name):
                continue  # that layer is not there (yet)
            raise
        mod.register(app)


_register_plugins()


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except HadathError as e:
        Env().error(str(e))
        sys.exit(int(ExitCode.USAGE))
    except KeyboardInterrupt:
        Env().error("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
