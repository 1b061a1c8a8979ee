"""Batch coding at scale: many processes or a Dask cluster, streamed input, ordered and resumable output.

See :func:`hadath.scale.runner.code_items` (the engine behind ``hadath code --workers N``),
:mod:`hadath.scale.dask_engine` (``--engine dask``), :mod:`hadath.scale.output` (``--resume``) and
``bench/throughput.py`` for speed figures.
"""

from hadath.scale.runner import Outcome, code_items, default_workers, pipeline_config

__all__ = ["Outcome", "code_items", "default_workers", "pipeline_config"]
