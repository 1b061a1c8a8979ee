"""Progress of a long run: a live bar on a terminal, periodic log lines otherwise.

On a TTY, a rich progress bar shows articles done, articles/s, events/s and the ETA (when the number
of articles could be counted up front); when stderr is a file or a pipe, one line is logged every
``interval`` seconds (``hadath: 12,000 articles (410.3/s), 9,870 events (337.5/s), 1 skipped, ETA 0:04:10``).
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

COUNT_LIMIT_BYTES = 8_000_000_000  # counting lines of larger inputs up front would delay the start


def _fmt_eta(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class Progress:
    """Counts articles and events; shows a bar (``tty=True``) or logs a line every ``interval`` seconds."""

    def __init__(self, out: IO[str], total: int | None = None, tty: bool | None = None, interval: float = 10.0,
                 enabled: bool = True) -> None:
        self.out = out
        self.total = total
        self.enabled = enabled
        self.tty = bool(tty if tty is not None else getattr(out, "isatty", lambda: False)())
        self.interval = interval
        self.articles = 0
        self.events = 0
        self.skipped = 0
        self.t0 = time.monotonic()
        self._next_log = self.t0 + interval
        self._bar: Any = None
        self._task: Any = None
        if enabled and self.tty:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("coding"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]} art/s  {task.fields[erate]} events/s"),
                TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                console=Console(file=out), transient=False, refresh_per_second=4,
            )
            self._task = self._bar.add_task("coding", total=total, rate="0", erate="0")
            self._bar.start()

    def rates(self) -> tuple[float, float]:
        """Articles/s and events/s so far."""
        dt = max(1e-9, time.monotonic() - self.t0)
        return self.articles / dt, self.events / dt

    def update(self, articles: int = 0, events: int = 0, skipped: int = 0) -> None:
        """Count finished articles (and their events) or skipped inputs."""
        self.articles += articles
        self.events += events
        self.skipped += skipped
        if not self.enabled:
            return
        if self._bar is not None:
            ar, er = self.rates()
            self._bar.update(self._task, completed=self.articles + self.skipped, rate=f"{ar:,.1f}", erate=f"{er:,.1f}")
            return
        now = time.monotonic()
        if now >= self._next_log:
            self._next_log = now + self.interval
            self.out.write(f"hadath: {self.line()}\n")
            self.out.flush()

    def line(self) -> str:
        """One line of figures."""
        ar, er = self.rates()
        s = f"{self.articles:,} articles ({ar:,.1f}/s), {self.events:,} events ({er:,.1f}/s)"
        if self.skipped:
            s += f", {self.skipped:,} skipped"
        done = self.articles + self.skipped
        if self.total and ar > 0 and done <= self.total:
            s += f", ETA {_fmt_eta((self.total - done) / ar)}"
        return s

    def say(self, env: Any, msg: str) -> None:
        """Print one ``hadath: ...`` line on stderr (above the bar while one is shown)."""
        if self._bar is not None:
            self._bar.console.print(f"hadath: {msg}", markup=False, highlight=False, soft_wrap=True)
        else:
            env.error(msg)

    def close(self) -> None:
        """Stop the bar."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def count_inputs(paths: Iterable[str], reader: str | None = None) -> int | None:
    """A quick count of the articles in ``paths`` (lines of JSON Lines files, one per text file), or None
    when it cannot be known cheaply (stdin, CSV, feeds, WARC, inputs over 8 GB)."""
    from hadath.io.readers import reader_for

    files: list[Path] = []
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        if path.is_dir():
            files.extend(f for f in path.rglob("*") if f.is_file() and not f.name.startswith(".")
                         and (reader is not None or reader_for(f) is not None))
        elif path.is_file():
            files.append(path)
    total_bytes = 0
    n = 0
    for f in files:
        kind = reader or reader_for(f) or "txt"
        if kind == "txt":
            n += 1
            continue
        if kind != "jsonl" or f.suffix == ".json":
            return None
        try:
            gz = f.name.lower().endswith(".gz")
            total_bytes += f.stat().st_size * (8 if gz else 1)  # gzip: about the uncompressed size
            if total_bytes > COUNT_LIMIT_BYTES:
                return None
            opener: Any = gzip.open if gz else open
            with opener(f, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    n += chunk.count(b"\n")
        except OSError:
            return None
    return n
