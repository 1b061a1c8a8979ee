"""Shared fixtures: the bundled pipeline, paths to ../shared (tests skip cleanly without it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("HADATH_SHARED", ROOT.parent / "shared"))
EXAMPLE = ROOT / "examples" / "tripoli-visit.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not available (../shared is evaluation data outside the project)")
    return p


@pytest.fixture(scope="session")
def nlp():
    from hadath import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def kb():
    from hadath.kb import get_kb

    return get_kb()
