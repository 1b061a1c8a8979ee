"""Optional mypyc build of the hot modules (off by default; see docs/performance.md).

    pip install -e .                                        # pure Python (the default)
    HADATH_COMPILE=1 python setup.py build_ext --inplace    # compile the hot modules in place (.so, git-ignored)
    HADATH_COMPILE=1 pip install -e . --no-build-isolation  # the same through pip (needs mypy in the env)

Remove the compiled build with ``python setup.py clean_mypyc`` (or delete the ``*.so`` files under hadath/
and the ``*__mypyc*.so`` file at the top).
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import Command, setup

# the hot path of `hadath code` (docs/performance.md); every module here must also stay valid pure Python
# (not hadath/kb/kb.py: KnowledgeBase is pickled via __dict__ and weak-referenced by the coder, which a
# native class does not allow, and a non-native one hits a mypyc crash on its nested functions)
MYPYC_MODULES = [
    "hadath/model.py",
    "hadath/text/normalize.py",
    "hadath/text/tokens.py",
    "hadath/text/sentences.py",
    "hadath/text/clean.py",
    "hadath/text/dates.py",
    "hadath/extract/stages.py",
    "hadath/extract/ner.py",
    "hadath/coding/coder.py",
    "hadath/coding/places.py",
]


class CleanMypyc(Command):
    """Delete the compiled modules, back to pure Python."""

    description = "remove the mypyc-compiled .so files"
    user_options: list[tuple[str, str | None, str]] = []

    def initialize_options(self) -> None:
        pass

    def finalize_options(self) -> None:
        pass

    def run(self) -> None:
        root = Path(__file__).parent
        for p in [*root.glob("*__mypyc*.so"), *root.glob("hadath/**/*.so")]:
            print(f"removing {p}")
            p.unlink()


ext_modules = []
if os.environ.get("HADATH_COMPILE", "") not in ("", "0"):
    try:
        from mypyc.build import mypycify
    except ImportError:
        raise SystemExit("HADATH_COMPILE=1 needs mypy (which ships mypyc) in the build environment: "
                         "pip install mypy, then build with --no-build-isolation") from None

    ext_modules = mypycify(MYPYC_MODULES)

setup(ext_modules=ext_modules, cmdclass={"clean_mypyc": CleanMypyc})
