"""``st.query_params`` and ``st.context`` against Streamlit 1.67's semantics, and how
the bridge carries them (and the cache journal) between the page and Python."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from runtime_wasm import _bridge
from runtime_wasm._client import ClientInfo, parse_cookies
from runtime_wasm._errors import StreamlitAPIException, StreamlitQueryParamDictValueError
from runtime_wasm._protocol import PROTOCOL_VERSION
from runtime_wasm._query import QueryParams
from runtime_wasm.testing import AppTest

# -- query params: the mapping ------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "action", "expected"),
    [
        pytest.param("a=1&b=2", lambda q: q["a"], "1", id="item"),
        pytest.param("a=1&a=2", lambda q: q["a"], "2", id="repeated-last"),
        pytest.param("a=1&a=2", lambda q: q.get_all("a"), ["1", "2"], id="get-all"),
        pytest.param("a=1", lambda q: q.get_all("zz"), [], id="get-all-missing"),
        pytest.param("a=1", lambda q: q.get("zz", "d"), "d", id="get-default"),
        pytest.param("a=", lambda q: q["a"], "", id="blank-kept"),
        pytest.param("a=1&a=2&b=3", lambda q: q.to_dict(), {"a": "2", "b": "3"}, id="to-dict"),
        pytest.param("a=1&embed=true", lambda q: list(q), ["a"], id="embed-hidden"),
        pytest.param("a=1&embed=true", lambda q: len(q), 1, id="embed-not-counted"),
        pytest.param("a=x%20y", lambda q: q["a"], "x y", id="decoded"),
        pytest.param("a=1", lambda q: "a" in q, True, id="contains"),
    ],
)
def test_reading(query: str, action: Any, expected: Any) -> None:
    assert action(QueryParams(query)) == expected


@pytest.mark.parametrize(
    ("query", "action", "search"),
    [
        pytest.param("", lambda q: q.__setitem__("a", "1"), "a=1", id="set"),
        pytest.param("", lambda q: q.__setitem__("n", 5), "n=5", id="set-int-to-str"),
        pytest.param("", lambda q: q.__setitem__("a", ["1", "2"]), "a=1&a=2", id="set-list"),
        pytest.param("a=1&b=2", lambda q: q.__delitem__("a"), "b=2", id="del"),
        pytest.param("a=1", lambda q: q.update({"b": "2"}, c=3), "a=1&b=2&c=3", id="update"),
        pytest.param("a=1", lambda q: q.update([("b", "2")]), "a=1&b=2", id="update-pairs"),
        pytest.param("a=1", lambda q: q.setdefault("a", "9"), None, id="setdefault-kept"),
        pytest.param("a=1", lambda q: q.setdefault("b", "9"), "a=1&b=9", id="setdefault-new"),
        pytest.param("a=1&b=2", lambda q: q.pop("a"), "b=2", id="pop"),
        pytest.param("a=1&embed=true", lambda q: q.clear(), "embed=true", id="clear-keeps-embed"),
        pytest.param("a=1", lambda q: q.from_dict({"x": ["1", "2"]}), "x=1&x=2", id="from-dict"),
        pytest.param("a=1", lambda q: q.__setitem__("s", "a b&c"), "a=1&s=a+b%26c", id="encoded"),
    ],
)
def test_writing(query: str, action: Any, search: str | None) -> None:
    params = QueryParams(query)
    action(params)
    change = params.take_change()
    assert (None if change is None else change.search) == search
    assert change is None or not change.replace  # the app's writes add a history entry
    assert params.take_change() is None


@pytest.mark.parametrize(
    ("action", "exc", "message"),
    [
        pytest.param(lambda q: q["nope"], KeyError, 'st.query_params has no key "nope".', id="key"),
        pytest.param(lambda q: q["embed"], KeyError, "has no key", id="embed-read"),
        pytest.param(lambda q: q.__delitem__("nope"), KeyError, "has no key", id="del-missing"),
        pytest.param(
            lambda q: q.__setitem__("d", {"x": 1}),
            StreamlitQueryParamDictValueError,
            "Query param value for `d` cannot be set to a dictionary. "
            "Provide a string or iterable of strings instead.",
            id="dict-value",
        ),
        pytest.param(
            lambda q: q.__setitem__("Embed", "x"),
            StreamlitAPIException,
            "Query param embed and embed_options (case-insensitive) cannot be set "
            "programmatically.",
            id="embed-write",
        ),
    ],
)
def test_errors(action: Any, exc: type[Exception], message: str) -> None:
    with pytest.raises(exc) as info:
        action(QueryParams("a=1"))
    assert message in str(info.value)


def test_from_dict_keeps_the_old_values_when_refused() -> None:
    params = QueryParams("a=1")
    with pytest.raises(StreamlitQueryParamDictValueError):
        params.from_dict({"b": "2", "c": {"x": 1}})
    assert params.to_dict() == {"a": "1"}


# -- query params: in an app and in AppTest -----------------------------------------

QUERY_APP = """
import streamlit as st
st.write(f"page={st.query_params.get('page', 'none')}")
st.write(f"attr={st.query_params.page if 'page' in st.query_params else '-'}")
st.write(f"tags={st.query_params.get_all('tag')}")
if st.button("next"):
    st.query_params.page = str(int(st.query_params.get("page", "0")) + 1)
    st.query_params["tag"] = ["x", "y"]
try:
    st.query_params.missing
except AttributeError as exc:
    st.write(str(exc))
"""


def test_apptest_query_params_apply_on_the_next_run() -> None:
    at = AppTest.from_string(QUERY_APP)
    at.query_params["page"] = "4"
    at.query_params["tag"] = ["a", "b"]
    at.run()
    assert at.markdown.values[:3] == ["page=4", "attr=4", "tags=['a', 'b']"]
    assert at.markdown.values[3] == 'st.query_params has no attribute "missing".'
    at.button[0].click().run()
    assert at.query_params == {"page": "5", "tag": ["x", "y"]}
    at.run()
    assert at.markdown.values[:3] == ["page=5", "attr=5", "tags=['x', 'y']"]


# -- context ------------------------------------------------------------------------

SNAPSHOT = {
    "url": "https://user.github.io/site/index.html?a=1#top",
    "cookies": 'theme=dark; session="abc def"; flag',
    "locale": "fr-FR",
    "accept_language": "fr-FR,en;q=0.9",
    "timezone": "Europe/Paris",
    "timezone_offset": -60,
    "color_scheme": "dark",
    "is_embedded": False,
    "user_agent": "Mozilla/5.0 Test",
    "host": "user.github.io",
    "referrer": "",
}

CONTEXT_APP = """
import streamlit as st
c = st.context
st.write(repr(c.url))
st.write(repr(c.cookies.to_dict()))
st.write(repr(c.headers.to_dict()))
st.write(repr((c.headers["user-agent"], c.headers.get_all("HOST"))))
st.write(repr((c.locale, c.timezone, c.timezone_offset, c.theme.type, c["theme"]["type"])))
st.write(repr((c.is_embedded, c.ip_address, "url" in c, "nope" in c)))
try:
    c["nope"]
except KeyError as exc:
    st.write(exc.args[0])
try:
    iter(c)
except TypeError:
    st.write("not iterable")
"""


def test_context_values_from_a_snapshot() -> None:
    at = AppTest.from_string(CONTEXT_APP)
    at._session.client.update(SNAPSHOT)
    at.run()
    assert at.markdown.values == [
        "'https://user.github.io/site/index.html'",
        "{'theme': 'dark', 'session': 'abc def', '': 'flag'}",
        "{'User-Agent': 'Mozilla/5.0 Test', 'Accept-Language': 'fr-FR,en;q=0.9', "
        "'Host': 'user.github.io'}",
        "('Mozilla/5.0 Test', ['user.github.io'])",
        "('fr-FR', 'Europe/Paris', -60, 'dark', 'dark')",
        "(False, None, True, False)",
        'st.context has no key "nope". Valid keys are: cookies, headers, ip_address, '
        "is_embedded, locale, theme, timezone, timezone_offset, url.",
        "not iterable",
    ]


def test_context_without_a_browser_is_empty() -> None:
    at = AppTest.from_string(CONTEXT_APP).run()
    assert at.markdown.values[:3] == ["None", "{}", "{}"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", {}),
        ("a=1", {"a": "1"}),
        ("a=1; b=x=y", {"a": "1", "b": "x=y"}),
        ('q="quoted"', {"q": "quoted"}),
        ("a=1;;  b=2 ", {"a": "1", "b": "2"}),
    ],
)
def test_parse_cookies(text: str, expected: dict[str, str]) -> None:
    assert parse_cookies(text) == expected


def test_partial_snapshot_keeps_other_fields() -> None:
    client = ClientInfo()
    client.update(SNAPSHOT)
    client.update({"cookies": "x=1"})
    assert client.cookies == {"x": "1"}
    assert client.locale == "fr-FR"


# -- the bridge: query messages, url messages, context, cache journal --------------

BRIDGE_APP = """
import streamlit as st
import time

@st.cache_data
def stamp():
    return time.perf_counter_ns()

st.write(f"q={st.query_params.to_dict()}")
st.write(f"cookies={st.context.cookies.to_dict()}")
stamp()
if st.checkbox("set", key="set"):
    st.query_params["x"] = "1"
"""


class Page:
    def __init__(self, app_dir: Path) -> None:
        self.app_dir = app_dir
        self.messages: list[dict[str, Any]] = []
        self.persisted: list[list[dict[str, Any]]] = []

    def boot(self, url: str, *, persist: bool = True) -> None:
        _bridge.attach_cache(
            "[]", (lambda j: self.persisted.append(json.loads(j))) if persist else None
        )
        config = {
            "protocol": PROTOCOL_VERSION,
            "entry": "app.py",
            "pyodide": "",
            "runtime": "",
            "app": "",
            "url": url,
            "context": {"cookies": "a=1"},
        }
        asyncio.run(_bridge.boot(json.dumps(config), self.send, str(self.app_dir)))

    def send(self, text: str) -> None:
        self.messages.append(json.loads(text))

    def handle(self, message: dict[str, Any]) -> None:
        asyncio.run(_bridge.handle(json.dumps(message)))

    def markdown(self) -> list[str]:
        tree = self.messages[-1]["tree"]
        return [
            n["props"]["body"] for n in tree["children"][0]["children"] if n["kind"] == "markdown"
        ]

    def checkbox_id(self) -> str:
        tree = self.messages[-1]["tree"]
        return next(n["id"] for n in tree["children"][0]["children"] if n["kind"] == "checkbox")


@pytest.fixture
def fake_page(tmp_path: Path, clean_process: None) -> Page:
    (tmp_path / "app.py").write_text(BRIDGE_APP, encoding="utf-8")
    return Page(tmp_path)


def test_bridge_reads_the_url_and_sends_query_changes_before_idle(fake_page: Page) -> None:
    page = fake_page
    page.boot("http://127.0.0.1:8000/site/?y=2#h")
    assert page.markdown()[:2] == ["q={'y': '2'}", "cookies={'a': '1'}"]
    assert not [m for m in page.messages if m["type"] == "query"]
    box = page.checkbox_id()
    page.messages.clear()
    page.handle(
        {
            "type": "widget",
            "updates": [{"id": box, "value": True}],
            "context": {"cookies": "a=2; b=3"},
        }
    )
    kinds = [m["type"] for m in page.messages]
    assert kinds[-2:] == ["query", "render"]
    assert page.messages[-2]["search"] == "?y=2&x=1"
    assert page.markdown()[1] == "cookies={'a': '2', 'b': '3'}"


BOUND_APP = """
import streamlit as st

if st.checkbox("Nine", key="nine"):
    st.session_state.zoom = 9
zoom = st.slider("Zoom", 1, 10, 3, key="zoom", bind="query-params")
st.write(f"zoom={zoom}")
"""


def _widget_id(page: Page, kind: str) -> str:
    tree = next(m for m in reversed(page.messages) if m["type"] == "render")["tree"]
    return next(n["id"] for n in tree["children"][0]["children"] if n["kind"] == kind)


def test_bridge_bound_widget_reads_the_url_and_replaces_the_history_entry(
    fake_page: Page,
) -> None:
    page = fake_page
    (page.app_dir / "app.py").write_text(BOUND_APP, encoding="utf-8")
    page.boot("http://127.0.0.1:8000/site/?zoom=12&y=2")  # 12 is out of range: dropped
    queries = [m for m in page.messages if m["type"] == "query"]
    assert queries == [{"type": "query", "search": "?y=2", "replace": False}]
    assert page.markdown()[0] == "zoom=3"

    slider, nine = _widget_id(page, "slider"), _widget_id(page, "checkbox")
    page.messages.clear()  # the visitor moves it: the history entry is rewritten
    page.handle({"type": "widget", "updates": [{"id": slider, "value": 7}]})
    assert page.messages[-2] == {"type": "query", "search": "?y=2&zoom=7", "replace": True}
    assert page.markdown()[0] == "zoom=7"

    page.messages.clear()  # the app sets it: a new entry, as Streamlit's server sends
    page.handle({"type": "widget", "updates": [{"id": nine, "value": True}]})
    assert page.messages[-2] == {"type": "query", "search": "?y=2&zoom=9", "replace": False}
    page.handle({"type": "widget", "updates": [{"id": nine, "value": False}]})

    page.messages.clear()
    page.handle({"type": "url", "url": "http://127.0.0.1:8000/site/?zoom=5"})  # Back
    assert page.markdown()[0] == "zoom=5"
    assert not [m for m in page.messages if m["type"] == "query"]
    page.handle({"type": "url", "url": "http://127.0.0.1:8000/site/"})  # no value: default
    assert page.markdown()[0] == "zoom=3"


def test_bridge_page_link_keeps_bound_parameters(fake_page: Page) -> None:
    page = fake_page
    (page.app_dir / "app.py").write_text(BOUND_APP, encoding="utf-8")
    page.boot("http://127.0.0.1:8000/site/?zoom=6&y=2")
    page.messages.clear()
    page.handle({"type": "url", "url": "http://127.0.0.1:8000/site/", "link": True})
    assert page.markdown()[0] == "zoom=6"  # not Back: the link's address had no say
    assert page.messages[-2] == {"type": "query", "search": "?zoom=6", "replace": True}


def test_bridge_url_message_replaces_query_params_and_reruns(fake_page: Page) -> None:
    page = fake_page
    page.boot("http://127.0.0.1:8000/site/?y=2")
    page.handle({"type": "url", "url": "http://127.0.0.1:8000/site/?z=9"})
    assert page.markdown()[0] == "q={'z': '9'}"
    assert page.messages[-1]["status"] == "idle"


def test_bridge_persists_the_cache_journal_after_each_run(fake_page: Page) -> None:
    page = fake_page
    page.boot("http://127.0.0.1:8000/site/")
    assert len(page.persisted) == 1
    assert [op["op"] for op in page.persisted[0]] == ["put"]
    page.handle({"type": "url", "url": "http://127.0.0.1:8000/site/"})
    assert len(page.persisted) == 1  # a hit writes nothing


def test_clear_cache_empties_both_caches_and_indexeddb_without_a_rerun(fake_page: Page) -> None:
    page = fake_page
    page.boot("http://127.0.0.1:8000/site/")
    renders = len(page.messages)
    page.handle({"type": "clear_cache"})
    assert len(page.messages) == renders  # the menu's Clear cache does not rerun
    assert [op["op"] for op in page.persisted[-1]] == ["clear"]
    page.handle({"type": "url", "url": "http://127.0.0.1:8000/site/"})
    assert [op["op"] for op in page.persisted[-1]] == ["put"]  # computed again


def test_bridge_without_persist_keeps_the_cache_in_memory(fake_page: Page) -> None:
    page = fake_page
    page.boot("http://127.0.0.1:8000/site/", persist=False)
    assert page.persisted == []
    assert page.markdown()[0] == "q={}"
