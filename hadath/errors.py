"""Coded errors and process exit codes.

Every error a user can cause carries a stable code (``E0xx``) so that messages can be documented,
searched and tested; the CLI prints them as one line without a traceback.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes of the ``hadath`` command."""

    OK = 0
    SOME_SKIPPED = 1  # some input records could not be coded; the good ones were
    USAGE = 2  # bad arguments or configuration; nothing was done
    FAILED = 3  # the whole run failed (e.g. no input could be read)


class HadathError(Exception):
    """Base class of hadath's own errors. ``code`` is stable and documented."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class PipelineConfigError(HadathError):
    """The pipeline cannot be built: unknown stage, missing requirement, bad config."""

    code = "E001"


class InputError(HadathError):
    """One input (file, line or record) cannot be read or coded."""

    code = "E010"


class KBError(HadathError):
    """A dictionary file is malformed or fails validation."""

    code = "E020"
