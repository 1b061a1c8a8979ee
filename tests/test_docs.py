"""The docs stay true: every CLI command is documented in the README, the quick start is two commands."""

from __future__ import annotations

import re

import typer.main

from hadath.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    cmd = typer.main.get_command(app)
    out = []
    for name, sub in cmd.commands.items():  # type: ignore[attr-defined]
        if hasattr(sub, "commands"):
            out.extend(f"{name} {s}" for s in sub.commands)
        else:
            out.append(name)
    return out


def test_every_command_is_documented():
    missing = [c for c in _commands() if f"hadath {c}" not in README and c != "version"]
    assert not missing, f"commands not documented in README.md: {missing}"


def test_quick_start_is_two_commands_and_ci_runs_the_test_one():
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```bash\n(.*?)```", section, re.S)
    assert len(blocks) == 2 and all(len(b.strip().splitlines()) == 1 for b in blocks)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1].strip() in ci
    assert "examples/tripoli-visit.txt" in blocks[0]


def test_changelog_exists():
    assert (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").startswith("# Changelog")
