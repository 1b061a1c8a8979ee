"""The output file of a long run: streamed, atomic at the end, resumable after an interruption.

Records are written as they are coded to ``FILE.partial`` next to ``FILE``; when the run ends, the partial
file is renamed to ``FILE`` in one step (readers see the old file or the whole new one). If the run is
interrupted (Ctrl-C, SIGTERM, a crash, a power cut), ``FILE.partial`` stays, and ``--resume`` continues
it: the articles whose records are already there are skipped (matched by article ``id``, counting
repeats, so a corpus with repeated ids resumes correctly), a half-written last line is dropped, and new
records are appended. ``--resume`` on a finished ``FILE`` appends only articles not yet in it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections import Counter
from pathlib import Path
from typing import IO

PARTIAL_SUFFIX = ".partial"


def partial_path(path: Path) -> Path:
    """Where a run writes before the final rename."""
    return path.with_name(path.name + PARTIAL_SUFFIX)


def done_ids(path: Path) -> Counter[str]:
    """How many records each article id has in a JSON Lines output file; a trailing incomplete line is
    cut off the file (it is the record that was being written when the run stopped)."""
    done: Counter[str] = Counter()
    good_end = 0
    with open(path, "rb") as f:
        pos = 0
        for raw in f:
            pos += len(raw)
            if not raw.endswith(b"\n"):
                break  # a half-written last record
            try:
                rec = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                break  # everything after a damaged line is redone
            if isinstance(rec, dict) and "id" in rec:
                done[str(rec["id"])] += 1
            good_end = pos
    if good_end != path.stat().st_size:
        with open(path, "r+b") as f:
            f.truncate(good_end)
    return done


class ResumableOutput:
    """A text output file written through ``FILE.partial`` (see the module docstring).

    Use :meth:`open` to get the stream, then :meth:`commit` after a complete run; :meth:`close` alone
    (after an interruption) keeps the partial file for ``--resume``.
    """

    def __init__(self, path: Path, resume: bool = False) -> None:
        self.path = Path(path)
        self.partial = partial_path(self.path)
        self.resume = resume
        self.done: Counter[str] = Counter()
        self.resumed_from: Path | None = None
        self._fh: IO[str] | None = None

    def open(self) -> IO[str]:
        """Open the partial file: continued (``resume``) or new."""
        self.path.parent.mkdir(parents=True, exist_ok=True) if str(self.path.parent) else None
        if self.resume:
            if not self.partial.exists() and self.path.exists():
                tmp = self.partial.with_name(self.partial.name + ".tmp")
                shutil.copyfile(self.path, tmp)
                os.replace(tmp, self.partial)
                self.resumed_from = self.path
            elif self.partial.exists():
                self.resumed_from = self.partial
            if self.partial.exists():
                self.done = done_ids(self.partial)
            self._fh = open(self.partial, "a", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed by close()
        else:
            self._fh = open(self.partial, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed by close()
        return self._fh

    def close(self) -> None:
        """Flush and close (the partial file stays)."""
        if self._fh is not None and not self._fh.closed:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()

    def commit(self) -> None:
        """Close and move the partial file onto ``FILE`` atomically."""
        self.close()
        os.replace(self.partial, self.path)

    def discard(self) -> None:
        """Close and remove the partial file (a run that wrote nothing worth keeping)."""
        self.close()
        with contextlib.suppress(OSError):
            os.unlink(self.partial)


def skip_done(done: Counter[str], article_id: str) -> bool:
    """True (and count it) when ``article_id`` already has a record left to match in ``done``."""
    if done.get(article_id, 0) > 0:
        done[article_id] -= 1
        return True
    return False
