"""The data path in Chromium: page -> worker (synchronous XHR) -> `stc proxy` on
127.0.0.1 -> PostgreSQL (a throwaway cluster, tests/pg_cluster.py) -> rows rendered,
with the app unmodified; and a site built with ``--bake`` from SQLite, whose rows come
from the site itself with no proxy and no database left.

TEST-ONLY STAND-IN: Pyodide's pandas comes from its CDN, which this offline tier
cannot reach, so the app folder carries ``standins/pandas.py`` (see its docstring),
which answers the runtime's ``import pandas``. Everything else is the real thing: the
compiler's allowlist, the proxy process, CORS between two 127.0.0.1 ports, the
worker's XHR and the runtime's connection classes. The real pandas path is tested on
CPython (tests/proxy/test_round_trip.py).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pg_cluster import PETS, PG_PASSWORD, Postgres
from playwright.sync_api import Page, expect

from compiler import BuildOptions, NullReporter, build, serving
from proxy import running
from tests.browser.conftest import PageGuard, wait_idle

APP = """\
import streamlit as st

conn = st.connection("pets_db")
kind = st.selectbox("Kind", conn.query("select distinct kind from pets order by kind")["kind"])
pets = conn.query(
    "select name, weight from pets where kind = :kind order by name", params={"kind": kind}
)
st.write(", ".join(f"{n} {w}" for n, w in zip(pets["name"], pets["weight"])))
"""


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


BAKED_APP = """\
import streamlit as st

kinds = st.connection("pets_db").query(
    "select kind, count(*) as n from pets group by kind order by kind"
)
st.write(", ".join(f"{k} {n}" for k, n in zip(kinds["kind"], kinds["n"])))
"""


def _pets_app(folder: Path, source: str, secrets: str | None = None) -> Path:
    """An app folder with *source*, the pandas stand-in and a secrets.toml: *secrets*,
    else one naming a fresh SQLite database beside the app."""
    if secrets is None:
        database = folder / "pets.db"
        with sqlite3.connect(database) as db:
            db.execute("create table pets (name text, kind text, weight real)")
            db.executemany("insert into pets values (?, ?, ?)", [p[1:4] for p in PETS])
        db.close()
        secrets = f'[connections.pets_db]\ntype = "sql"\nurl = "sqlite:///{database}"\n'
    app = folder / "pets"
    (app / ".streamlit").mkdir(parents=True)
    (app / "app.py").write_text(source)
    shutil.copy(Path(__file__).parent / "standins" / "pandas.py", app / "pandas.py")
    (app / ".streamlit" / "secrets.toml").write_text(secrets)
    return app / "app.py"


@pytest.fixture(scope="module")
def pets_site(tmp_path_factory: pytest.TempPathFactory, postgres: Postgres) -> Iterator[str]:
    postgres.reset_pets()
    folder = tmp_path_factory.mktemp("pets")
    table = "".join(f"{k} = {json.dumps(v)}\n" for k, v in postgres.table(type="sql").items())
    app = _pets_app(folder, APP, f"[connections.pets_db]\n{table}")
    secrets = app.parent / ".streamlit" / "secrets.toml"
    port = _free_port()
    site = folder / "site"
    options = BuildOptions(app=app, out_dir=site, proxy_url=f"http://127.0.0.1:{port}")
    build(options, NullReporter())
    for file in site.rglob("*"):  # the password stays on the proxy
        assert not file.is_file() or PG_PASSWORD.encode() not in file.read_bytes(), file
    with serving(site) as url:
        where = urlsplit(url)
        origin = f"{where.scheme}://{where.netloc}"
        arguments = [str(site), "--secrets", str(secrets), "--allow-origin", origin]
        with running(arguments, port=port, stderr=subprocess.DEVNULL):
            yield url


def test_rows_come_from_the_database_through_stc_proxy(
    page: Page, guard: PageGuard, pets_site: str
) -> None:
    page.goto(pets_site)
    wait_idle(page)
    expect(page.get_by_text("Kiki 0.3")).to_be_visible()
    page.get_by_label("Kind").select_option("cat")
    expect(page.get_by_text("O'Malley 5.0, Tom 4.2")).to_be_visible()


def test_a_baked_site_shows_its_rows_with_no_proxy_and_no_database(
    page: Page, guard: PageGuard, tmp_path: Path
) -> None:
    app = _pets_app(tmp_path, BAKED_APP)
    site = tmp_path / "site"
    build(BuildOptions(app=app, out_dir=site, bake=True), NullReporter())
    (tmp_path / "pets.db").unlink()  # the site must not need it any more
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    with serving(site) as url:
        page.goto(url)
        wait_idle(page)
        expect(page.get_by_text("bird 1, cat 2, dog 1")).to_be_visible()
    assert requested and all(r.startswith(url) for r in requested), requested
