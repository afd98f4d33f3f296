"""st.connection, SQLConnection, BaseConnection and st.secrets in the runtime, on CPython.

The proxy is replaced by a recording poster (the same seam the browser's synchronous
XHR plugs into), so these tests see exactly what would go on the wire.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from runtime_wasm import connections
from runtime_wasm.connections import DataConfig, ProxyError, ResultSet, query_id
from runtime_wasm.testing import AppTest

PETS = ResultSet(
    columns=("name", "age", "born"),
    dtypes=("object", "int64", "datetime64[ns]"),
    data=(("Rex", "Tom"), (3, 5), ("2021-01-02", "2019-05-06")),
)


class Proxy:
    """Answers every POST with *answer*; records the requests."""

    def __init__(self, status: int = 200, body: str = PETS.to_json()) -> None:
        self.status, self.body = status, body
        self.requests: list[tuple[str, dict[str, object]]] = []

    def __call__(self, url: str, body: str) -> tuple[int, str]:
        self.requests.append((url, json.loads(body)))
        return self.status, self.body


@pytest.fixture
def proxy() -> Iterator[Proxy]:
    fake = Proxy()
    connections.set_poster(fake)
    connections.configure(
        DataConfig(
            proxy_url="http://127.0.0.1:8501/",
            connections={"pets_db": "sql", "wh": "snowflake"},
            public_secrets={"mapbox_token": "pk.public", "connections": {"mine": {"region": "eu"}}},
        )
    )
    yield fake
    connections.configure(DataConfig())
    from runtime_wasm.connections._transport import _urllib_post

    connections.set_poster(_urllib_post)


QUERY = "select name, age, born from pets where kind = :kind"
APP = f"""
import streamlit as st
conn = st.connection("pets_db")
df = conn.query({QUERY!r}, params={{"kind": "dog"}}, ttl=600)
import pandas as pd
st.write(str([str(df["age"].dtype), pd.api.types.is_datetime64_any_dtype(df["born"])]))
st.write(", ".join(df["name"]))
"""


def test_query_sends_the_statement_id_and_params_and_returns_a_typed_frame(proxy: Proxy) -> None:
    at = AppTest.from_string(APP).run()
    assert not at.exception
    assert [m.value for m in at.markdown] == ["['int64', True]", "Rex, Tom"]
    (url, body), *_ = proxy.requests
    assert url == "http://127.0.0.1:8501/v1/query"
    assert body == {
        "connection": "pets_db",
        "query": query_id(QUERY),
        "params": {"kind": "dog"},
        "ttl": 600,
    }  # the ttl lets the proxy send Cache-Control for a CDN in front of it
    assert "select" not in json.dumps(body)  # the statement itself never travels


def test_ttl_goes_through_cache_data(proxy: Proxy) -> None:
    at = AppTest.from_string(APP).run()
    at.run()
    assert len(proxy.requests) == 1


@pytest.mark.parametrize(
    ("status", "body", "said"),
    [
        (0, "", "did not answer: it may be down, or it does not allow requests"),
        (403, ProxyError(code="unknown-query", message="no such statement").to_json(),
         "refused the query for connection 'pets_db' (unknown-query): no such statement"),
        (502, "<html>bad gateway</html>", "(http): HTTP 502"),
    ],
)  # fmt: skip
def test_a_proxy_that_is_down_or_refuses_is_a_clear_error(
    proxy: Proxy, status: int, body: str, said: str
) -> None:
    proxy.status, proxy.body = status, body
    at = AppTest.from_string(APP).run()
    assert said in at.exception[0].value


def test_no_proxy_configured_says_how_to_give_one(proxy: Proxy) -> None:
    connections.configure(DataConfig(connections={"pets_db": "sql"}))
    at = AppTest.from_string(APP).run()
    assert "stc build --proxy-url URL" in at.exception[0].value
    assert proxy.requests == []


@pytest.mark.parametrize("use", ["conn.session", "conn.engine", "conn.connect()", "conn.driver"])
def test_what_cannot_be_allowlisted_says_why(proxy: Proxy, use: str) -> None:
    source = f"import streamlit as st\nconn = st.connection('pets_db')\n{use}\n"
    at = AppTest.from_string(source).run()
    assert "through `stc proxy`" in at.exception[0].value


def test_types_come_from_the_build_the_name_or_type(proxy: Proxy) -> None:
    at = AppTest.from_string(
        "import streamlit as st\n"
        "from streamlit.connections import SnowflakeConnection, SQLConnection\n"
        "st.write(type(st.connection('wh')).__name__)\n"
        "st.write(type(st.connection('snowflake')).__name__)\n"
        "st.write(type(st.connection('x', type='sql')).__name__)\n"
        "st.write(str(st.connection('pets_db') is st.connection('pets_db')))\n"
        "st.connection('nowhere')\n"
    ).run()
    assert [m.value for m in at.markdown] == [
        "SnowflakeConnection", "SnowflakeConnection", "SQLConnection", "True"
    ]  # fmt: skip
    assert "st.connection('nowhere') has no type" in at.exception[0].value
    assert "pets_db" in at.exception[0].value


def test_custom_connections_see_only_public_secrets(proxy: Proxy) -> None:
    at = AppTest.from_string(
        "import streamlit as st\n"
        "from streamlit.connections import BaseConnection\n"
        "class Mine(BaseConnection[dict]):\n"
        "    def _connect(self, **kwargs):\n"
        "        return {'region': self._secrets.region, **kwargs}\n"
        "conn = st.connection('mine', type=Mine, retries=2)\n"
        "st.write(str(conn._instance))\n"
        "conn.reset()\n"
        "st.write(str(conn._raw_instance))\n"
    ).run()
    assert [m.value for m in at.markdown] == ["{'region': 'eu', 'retries': 2}", "None"]


def test_secrets_hold_only_public_keys(proxy: Proxy) -> None:
    at = AppTest.from_string(
        "import streamlit as st\n"
        "st.write(st.secrets['mapbox_token'], st.secrets.mapbox_token)\n"
        "st.write(st.secrets.connections.mine.region)\n"
        "st.secrets['OpenAI_key']\n"
    ).run()
    assert [m.value for m in at.markdown] == ["pk.public pk.public", "eu"]
    assert 'st.secrets has no key "OpenAI_key"' in at.exception[0].value
    assert "stay with `stc proxy`" in at.exception[0].value


def test_a_baked_statement_is_read_from_the_app_not_sent(proxy: Proxy, tmp_path: Path) -> None:
    from runtime_wasm.connections._transport import BAKED_FOLDER, current

    kinds = "select distinct kind from pets"
    baked = ResultSet(columns=("kind",), dtypes=("object",), data=(("cat", "dog"),))
    (tmp_path / BAKED_FOLDER).mkdir(parents=True)
    (tmp_path / BAKED_FOLDER / f"{query_id(kinds)}.json").write_text(baked.to_json())
    connections.configure(replace(current(), app_dir=str(tmp_path)))
    app = tmp_path / "app.py"
    app.write_text(
        "import streamlit as st\n"
        "conn = st.connection('pets_db')\n"
        f"st.write(' '.join(conn.query({kinds!r})['kind']))\n"
        f"st.write(' '.join(conn.query({QUERY!r}, params={{'kind': 'dog'}})['name']))\n"
    )
    at = AppTest.from_file(app).run()
    assert not at.exception
    assert [m.value for m in at.markdown] == ["cat dog", "Rex Tom"]
    assert [body["query"] for _, body in proxy.requests] == [query_id(QUERY)]  # only this one
