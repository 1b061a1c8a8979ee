"""The hot functions of `hadath code` hold no cell variables (docs/performance.md, "Tenth pass").

A local variable that a comprehension, generator or lambda reads is a *cell* in CPython: the function makes and frees
each of its cells on every call, even when it returns at its first test. The functions below are called tens to
hundreds of times per article and mostly return early, so a comprehension added to one of them costs every call; put
it in a small function of its own instead. (In a mypyc build the compiled functions have no ``__code__``: skipped.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from hadath.coding.coder import EventCoder, _KeySet, _WordIndex
from hadath.extract.stages import ActorResolver, ActorStage, _prep_before

HOT: dict[str, Callable[..., Any]] = {
    "EventCoder._code_trigger": EventCoder._code_trigger,
    # 42 cells before the tenth pass, 29 after, none since its tests moved into functions of their own (~28 calls
    # per article, ~200 instructions per cell and call)
    "EventCoder._code_reading": EventCoder._code_reading,
    "_WordIndex.at": _WordIndex.at,
    "_KeySet.found": _KeySet.found,
    "_prep_before": _prep_before,
    "ActorStage._emit": ActorStage._emit,
    "ActorResolver.resolve_group": ActorResolver.resolve_group,
}


@pytest.mark.parametrize("name", sorted(HOT))
def test_a_hot_function_holds_no_cell_variable(name: str) -> None:
    code = getattr(HOT[name], "__code__", None)
    if code is None:
        pytest.skip("compiled (mypyc) build")
    assert code.co_cellvars == (), f"{name} makes cells on every call: {code.co_cellvars}"

