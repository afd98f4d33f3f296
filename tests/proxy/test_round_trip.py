"""The whole data path on CPython: ``stc build`` writes the allowlist and the page's data
config, ``stc proxy SITE`` serves it over real HTTP, and the app's unmodified
``st.connection(...).query(...)`` runs in the runtime (AppTest), which sends ids and
parameters over the wire with urllib, exactly as the site does with its synchronous
XHR. Nothing here is faked: if the compiler's ids, the runtime's ids and the proxy's
lookup disagree, or a type is lost on the way, this test fails.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from proxy_harness import free_port, toml_table

from compiler import BuildOptions, NullReporter, build
from proxy import running
from runtime_wasm.connections import DataConfig, configure
from runtime_wasm.testing import AppTest

ROOT = Path(__file__).parents[2]
CDN = "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/"
APP = """\
import streamlit as st

conn = st.connection("pets_db")
kind = st.selectbox("Kind", conn.query("select distinct kind from pets order by kind")["kind"])
pets = conn.query(
    '''
    select name, weight from pets
    where kind = :kind order by name
    ''',
    params={"kind": kind},
    ttl=60,
)
st.write(", ".join(f"{n} {w}" for n, w in zip(pets["name"], pets["weight"])))
st.write(str(pets["weight"].dtype))
"""


@pytest.fixture
def served(tmp_path: Path, pets_sqlite: Path) -> Iterator[tuple[Path, dict[str, object]]]:
    """The pets app built with a proxy URL, and `stc proxy` serving its site."""
    app = tmp_path / "pets"
    (app / ".streamlit").mkdir(parents=True)
    (app / "app.py").write_text(APP)
    table = {"type": "sql", "url": f"sqlite:///{pets_sqlite}"}
    (app / ".streamlit" / "secrets.toml").write_text(toml_table("pets_db", table))
    port = free_port()
    site = tmp_path / "site"
    options = BuildOptions(app=app / "app.py", out_dir=site, pyodide_url=CDN,
                           proxy_url=f"http://127.0.0.1:{port}")  # fmt: skip
    build(options, NullReporter())
    page = (site / "index.html").read_text()
    found = re.search(r'<script type="application/json" id="stc-config">(.*?)</script>', page, re.S)
    assert found is not None
    data = json.loads(found[1])["data"]
    arguments = [str(site), "--secrets", str(app / ".streamlit" / "secrets.toml"),
                 "--allow-origin", "http://127.0.0.1"]  # fmt: skip
    with running(arguments, port=port, stderr=subprocess.DEVNULL):
        try:
            yield app, data
        finally:
            configure(DataConfig())


def test_an_unmodified_app_reads_its_database_through_stc_proxy(
    served: tuple[Path, dict[str, object]],
) -> None:
    app, data = served
    assert set(data) == {"proxy_url", "connections"}  # no secret value: none is public
    configure(DataConfig(proxy_url=str(data["proxy_url"]),
                         connections=data["connections"]))  # type: ignore[arg-type]  # fmt: skip
    at = AppTest.from_file(str(app / "app.py")).run()
    assert not at.exception, at.exception
    assert at.selectbox[0].options == ["bird", "cat", "dog"]
    assert at.markdown[0].value == "Kiki 0.3"
    assert at.markdown[1].value == "float64"
    at.selectbox[0].select("cat").run()
    assert at.markdown[0].value == "O'Malley 5.0, Tom 4.2"


def test_apptest_secrets_reach_the_database_from_the_test_process(
    tmp_path: Path, pets_sqlite: Path
) -> None:
    """Streamlit's AppTest way, no proxy: at.secrets holds the connection, and the query
    runs in this process through the proxy's own database code."""
    (tmp_path / "app.py").write_text(APP + "st.write(st.secrets['greeting'])\n")
    at = AppTest.from_file(str(tmp_path / "app.py"))
    at.secrets = {
        "greeting": "hello",
        "connections": {"pets_db": {"type": "sql", "url": f"sqlite:///{pets_sqlite}"}},
    }
    at.run()
    assert not at.exception, at.exception
    assert [m.value for m in at.markdown] == ["Kiki 0.3", "float64", "hello"]
    at.selectbox[0].select("dog").run()
    assert at.markdown[0].value == "Rex 12.5"
