"""Third-party custom components, real wheels from PyPI, unmodified (issue 15): the
site carries each package's built frontend, the page hosts it in an iframe speaking
Streamlit's component protocol, and the values it sends rerun the script.

streamlit-autorefresh counts on a timer and stops at its limit; streamlit-option-menu
returns the option clicked in its frame; extra-streamlit-components' CookieManager
sets a cookie in the site's origin and reads it back after a reload. A component of
the app's own folder, written against the bare protocol, takes bytes and sends bytes
back. DataFrame arguments need pandas and pyarrow, which only the Pyodide CDN has:
their streams are checked byte for byte against Streamlit on CPython
(tests/unit/test_components.py), and here the page's half of them, the render message
and the value a frame sends, is checked in Chromium.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from compiler import BuildOptions, NullReporter, build, serving
from tests.browser.conftest import PageGuard, wait_idle

APP = """\
import extra_streamlit_components as stx
import streamlit as st
import streamlit.components.v1 as components
from streamlit_autorefresh import st_autorefresh
from streamlit_option_menu import option_menu

count = st_autorefresh(interval=300, limit=4, key="tick")
st.write(f"refreshed {count} times")
chosen = option_menu("Menu", ["Home", "Settings"], key="menu")
st.write(f"chosen: {chosen}")
cookies = stx.CookieManager(key="cookies")
st.write(f"cookie: {cookies.get('flavour')}")
if st.button("Set the cookie"):
    cookies.set("flavour", "mint", key="set")
echo = components.declare_component("echo", path="echo")
sent = echo(blob=b"\\x01\\x02\\x03", key="echo")
st.write(f"echo sent {list(sent) if sent is not None else None}")
"""
# The bare protocol, no streamlit-component-lib: bytes arrive as a Uint8Array among
# the args, and a Uint8Array sent back is bytes in Python.
ECHO = """<!doctype html><body><script>
const send = (type, data) => parent.postMessage({ isStreamlitMessage: true, type, ...data }, "*");
let sent = false;
window.addEventListener("message", (event) => {
  if (event.data.type !== "streamlit:render") return;
  const blob = event.data.args.blob;
  document.body.textContent = `got ${blob.constructor.name} ${Array.from(blob).join(",")}`;
  send("streamlit:setFrameHeight", { height: 30 });
  if (!sent) {
    sent = true;
    send("streamlit:setComponentValue", { value: blob.map((b) => b + 1), dataType: "bytes" });
  }
});
send("streamlit:componentReady", { apiVersion: 1 });
</script></body>
"""
REQUIREMENTS = """\
streamlit-autorefresh==1.0.1
streamlit-option-menu==0.4.0
extra-streamlit-components==0.1.81
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("components")
    app = folder / "app" / "app.py"
    app.parent.mkdir()
    app.write_text(APP)
    (app.parent / "requirements.txt").write_text(REQUIREMENTS)
    (app.parent / "echo").mkdir()
    (app.parent / "echo" / "index.html").write_text(ECHO)
    out = folder / "site"
    build(BuildOptions(app=app, out_dir=out), NullReporter())
    frontends = out / "stc" / "components" / "site-packages"
    assert (frontends / "streamlit_autorefresh" / "frontend" / "build" / "index.html").is_file()
    assert not list(frontends.rglob("*.map"))  # only developer tools read source maps
    with serving(out) as url:
        yield url


def test_autorefresh_counts_on_schedule_and_stops_at_its_limit(
    page: Page, guard: PageGuard, site: str
) -> None:
    page.goto(site)
    expect(page.get_by_text("refreshed 3 times")).to_be_visible(timeout=30_000)
    page.wait_for_timeout(1500)  # five more intervals: the limit holds
    wait_idle(page)
    expect(page.get_by_text("refreshed 3 times")).to_be_visible()


def test_option_menu_returns_the_option_clicked_in_its_frame(
    page: Page, guard: PageGuard, site: str
) -> None:
    page.goto(site)
    wait_idle(page)
    expect(page.get_by_text("chosen: Home")).to_be_visible()
    menu = page.frame_locator('iframe[title="streamlit_option_menu.option_menu"]')
    menu.get_by_text("Settings").click()
    expect(page.get_by_text("chosen: Settings")).to_be_visible()


def test_cookie_manager_sets_a_cookie_that_a_reload_reads(
    page: Page, guard: PageGuard, site: str
) -> None:
    page.goto(site)
    expect(page.get_by_text("refreshed 3 times")).to_be_visible(timeout=30_000)  # quiet now
    wait_idle(page)
    expect(page.get_by_text("cookie: None")).to_be_visible()
    page.get_by_role("button", name="Set the cookie").click()
    page.wait_for_function("document.cookie.includes('flavour=mint')", timeout=30_000)
    page.reload()
    expect(page.get_by_text("cookie: mint")).to_be_visible(timeout=30_000)


def test_bytes_travel_to_a_frame_and_back(page: Page, guard: PageGuard, site: str) -> None:
    page.goto(site)
    expect(page.get_by_text("echo sent [2, 3, 4]")).to_be_visible(timeout=30_000)
    frame = page.frame_locator('iframe[title$=".echo"]')
    expect(frame.get_by_text("got Uint8Array 1,2,3")).to_be_visible()


def test_dataframes_reach_a_frame_as_streamlit_sends_them(
    page: Page, guard: PageGuard, site: str
) -> None:
    """The page's half of a DataFrame argument and value: base64 streams from the
    worker become the ArrowDataframe proto streamlit-component-lib reads, and an
    ArrowTable a frame serializes goes back as the streams Python decodes."""
    page.goto(site)
    wait_idle(page)
    streams = {"data": b"cells", "index": b"\x00index", "columns": b"labels\xff"}
    props = {
        "args": {"n": 1},
        "bytes_args": {},
        "dfs": [{"key": "df", **{k: base64.b64encode(v).decode() for k, v in streams.items()}}],
    }
    message = page.evaluate(
        """async (props) => {
            const { renderMessage, sentValue } = await import("./stc/components.mjs");
            const m = renderMessage(props, {});
            const proto = m.dfs[0].value.data;
            const back = sentValue({ ...proto }, "dataframe");
            const bytes = Object.entries(proto).map(([k, v]) => [k, Array.from(v)]);
            return { key: m.dfs[0].key, args: m.args, typed: proto.data instanceof Uint8Array,
                     bytes: Object.fromEntries(bytes), back };
        }""",
        props,
    )
    assert message["key"] == "df" and message["args"] == {"n": 1} and message["typed"]
    assert {k: bytes(v) for k, v in message["bytes"].items()} == streams
    assert message["back"] == {"__stc_arrow__": {k: props["dfs"][0][k] for k in streams}}
