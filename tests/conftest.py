"""Run the tiers fast to slow whatever paths pytest is given (``pytest tests`` sorts
them alphabetically, browser first), and in each tier the files marked ``long`` first.

The order matters beyond speed: after the first browser test, pytest-playwright keeps
a sync Playwright alive for the session, and its asyncio loop stays registered as
running, so unit tests that call ``asyncio.run`` must come before it. Under xdist
(``scripts/test.sh``: ``--dist loadfile --no-loadscope-reorder``) each worker gets
whole files in this order, so the same holds in every worker.

Long files first: with several workers, the run ends when the last worker ends; a
file of several minutes started late leaves the other workers idle meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_cluster import Postgres, cluster

HERE = Path(__file__).parent
TIERS = ("unit", "proxy", "differential", "pyodide", "browser")


@pytest.hookimpl(trylast=True)  # after the tiers' own hooks have marked their items
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def tier(item: pytest.Item) -> int:
        path = Path(str(item.fspath))
        if not path.is_relative_to(HERE):
            return len(TIERS)
        top = path.relative_to(HERE).parts[0]
        return TIERS.index(top) if top in TIERS else len(TIERS)

    long_files = {item.path for item in items if item.get_closest_marker("long")}
    items.sort(key=lambda item: (tier(item), item.path not in long_files))  # stable


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    """A PostgreSQL 15 cluster for the session (tests/pg_cluster.py)."""
    with cluster() as running:
        yield running
