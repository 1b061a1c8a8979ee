"""The same coding pipeline on a Dask distributed cluster (``hadath code --engine dask``).

Articles are cut into chunks (partitions) that are submitted to the cluster with at most a few chunks
per worker outstanding, so neither the client nor the scheduler ever holds the corpus; results come
back in input order and are written by the client exactly as a local run writes them. Every worker
builds the pipeline once: a worker plugin loads it (and the compiled KB) when the worker joins, and the
task function reuses that process-wide cached pipeline (:func:`hadath.scale.runner.worker_pipeline`).

The workers need hadath installed (the same version) and, for user dictionaries, the ``extra_dirs`` of
the config at the same paths.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from hadath.errors import HadathError
from hadath.io.readers import Item
from hadath.scale.runner import (
    DEFAULT_CHUNK,
    Render,
    Result,
    code_chunk_detached,
    ordered_map,
    worker_pipeline,
)


class DaskEngineError(HadathError):
    """The Dask cluster cannot be used (not installed, unreachable scheduler)."""

    code = "E040"


try:
    from distributed.diagnostics.plugin import WorkerPlugin as _WorkerPlugin
except ImportError:  # dask is optional; the engine says so when asked for
    _WorkerPlugin = object  # type: ignore[assignment,misc]


class HadathPipelinePlugin(_WorkerPlugin):
    """Builds the hadath pipeline (and loads the KB) once in each worker process, when it joins."""

    name = "hadath-pipeline"

    def __init__(self, cfg: dict[str, Any]) -> None:
        self.cfg = cfg

    def setup(self, worker: Any) -> None:
        """Called by Dask in every worker (also in workers that join later)."""
        worker_pipeline(self.cfg)


def dask_code_items(items: Iterable[Item], cfg: dict[str, Any], scheduler: str | None = None, workers: int = 2,
                    chunk_size: int = DEFAULT_CHUNK, max_inflight: int | None = None,
                    client: Any = None, render: Render | None = None) -> Iterator[Result]:
    """Code ``items`` on a Dask cluster: the one at ``scheduler`` (``tcp://HOST:PORT``), the given
    ``client``'s, or a local cluster of ``workers`` processes with one thread each. Yields problems and
    outcomes in input order."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskEngineError("--engine dask needs dask distributed: pip install 'hadath[dask]'") from None
    own_cluster = None
    own_client = None
    if client is None:
        try:
            if scheduler:
                own_client = Client(scheduler, timeout="10s")
            else:
                import logging

                own_cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=logging.ERROR)
                own_client = Client(own_cluster)
        except (OSError, TimeoutError) as e:
            raise DaskEngineError(f"cannot connect to the Dask scheduler {scheduler or '(local)'}: {e}") from None
        client = own_client
    try:
        plugin = HadathPipelinePlugin(cfg)
        if hasattr(client, "register_plugin"):
            client.register_plugin(plugin)
        else:  # older distributed
            client.register_worker_plugin(plugin)
        n = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        cfg_future = client.scatter(cfg, broadcast=True)

        def submit(arts: list[Any]) -> Any:
            return client.submit(code_chunk_detached, arts, cfg_future, render, pure=False)

        yield from ordered_map(submit, items, chunk_size, max_inflight or n * 4)
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()
