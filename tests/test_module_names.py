"""Every module-level name in the package is defined once.

A second ``X = ...`` or ``def f`` at module level silently replaces the first for every caller (two merged
branches once each added an ``ATTACK_NOUNS`` and an ``_evaluated_act``); ruff does not flag a redefinition
when both bindings are used.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hadath"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _top_level_names(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names.extend(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names.append(node.target.id)
    return names


def test_modules_found() -> None:
    assert len(MODULES) > 20


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_level_name_is_defined_twice(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    twice = sorted(n for n, c in Counter(_top_level_names(tree)).items() if c > 1 and n != "__all__")
    assert not twice, f"{path.name} defines {twice} more than once"
