"""The Dask engine: a local cluster of 2 worker processes gives exactly the single-process results."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hadath.io.readers import read_inputs
from hadath.scale.runner import code_items
from tests.scale.corpus import serialised, write_jsonl

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "eval" / "events-dev" / "articles.jsonl"


@pytest.fixture(scope="module")
def articles_file(tmp_path_factory) -> Path:
    if DEV.exists():
        return DEV
    return write_jsonl(tmp_path_factory.mktemp("dask") / "variants.jsonl", 60)


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as c:
        yield c


def test_dask_cluster_equals_single_process(articles_file, cluster):
    from distributed import Client

    local = serialised(code_items(read_inputs([str(articles_file)]), workers=1))
    with Client(cluster) as client:
        from hadath.scale.dask_engine import dask_code_items
        from hadath.scale.runner import pipeline_config

        remote = serialised(dask_code_items(read_inputs([str(articles_file)]), pipeline_config(), client=client,
                                         chunk_size=5))
        # every worker process built its pipeline once (the plugin), and both took part
        info = client.run(lambda: __import__("hadath.scale.runner", fromlist=["_PIPELINES"])._PIPELINES.__len__())
    assert len(info) == 2 and all(n >= 1 for n in info.values())
    assert len(local) >= 40 and remote == local
    assert sum(rec.count('"cameo"') for rec in local) > 20


def test_cli_with_a_scheduler_address(articles_file, cluster, tmp_path):
    out_local = tmp_path / "local.jsonl"
    out_dask = tmp_path / "dask.jsonl"
    runner = CliRunner()
    r = runner.invoke(__import__("hadath.cli", fromlist=["app"]).app,
                      ["code", str(articles_file), "-j", "1", "-o", str(out_local), "--no-progress"])
    assert r.exit_code in (0, 1), r.stderr
    r2 = runner.invoke(__import__("hadath.cli", fromlist=["app"]).app,
                       ["code", str(articles_file), "--scheduler", cluster.scheduler_address, "-o", str(out_dask),
                        "--no-progress", "--chunk-size", "7"])
    assert r2.exit_code == r.exit_code, r2.stderr
    assert out_dask.read_text(encoding="utf-8") == out_local.read_text(encoding="utf-8")
