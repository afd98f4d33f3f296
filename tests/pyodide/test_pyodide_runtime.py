"""The runtime in real Pyodide (Python 3.14, wasm) under Node, fed by the sites/ apps."""

from __future__ import annotations

from typing import Any

from .conftest import ROOT

COUNTER = ROOT / "sites" / "counter" / "app.py"
# a page of the gallery, run as an app of its own
INPUTS = ROOT / "sites" / "gallery" / "inputs.py"


def texts(app: Any, kind: str) -> list[str]:
    return [n["props"]["body"] for n in app.nodes(kind)]


def test_counter_reruns_on_click(pyodide_app: Any) -> None:
    app = pyodide_app(COUNTER)
    assert texts(app, "title") == ["Counter"]
    assert "Count: 0" in texts(app, "markdown")
    button = app.widget("button", "Increment")
    app.send([{"id": button["id"], "value": True}])
    app.send([{"id": button["id"], "value": True}])
    assert "Count: 2" in texts(app, "markdown")
    slider = app.widget("slider", "Step size")
    app.send([{"id": slider["id"], "value": 5}])
    assert texts(app, "text") == ["Next value: 7"]
    assert app.widget("button", "Increment")["id"] == button["id"], "widget ids are stable"


def test_gallery_inputs_page_runs_without_exceptions(pyodide_app: Any) -> None:
    app = pyodide_app(INPUTS)
    assert app.nodes("exception") == []
    name = app.widget("text_input", "Name")
    app.send([{"id": name["id"], "value": "Ada"}])
    assert "text_input: Ada" in texts(app, "markdown")


def test_exception_is_shown_and_app_recovers(pyodide_app: Any) -> None:
    app = pyodide_app(
        "import streamlit as st\n"
        "x = st.number_input('Divisor', value=0)\n"
        "st.write('before')\n"
        "st.write(10 / x)\n"
    )
    [exc] = app.nodes("exception")
    assert exc["props"]["type"] == "ZeroDivisionError"
    assert 'File "app.py", line 4, in <module>' in exc["props"]["traceback"]
    assert "before" in texts(app, "markdown")
    app.send([{"id": app.widget("number_input", "Divisor")["id"], "value": 4}])
    assert app.nodes("exception") == []
    assert "`2.5`" in texts(app, "markdown")


def test_top_level_await(pyodide_app: Any) -> None:
    app = pyodide_app(
        "import asyncio\nimport streamlit as st\nawait asyncio.sleep(0.01)\nst.write('awaited')\n"
    )
    assert texts(app, "markdown") == ["awaited"]


def test_progress_renders_while_the_script_awaits(pyodide_app: Any) -> None:
    app = pyodide_app(
        "import asyncio\n"
        "import streamlit as st\n"
        "bar = st.progress(0)\n"
        "for i in range(4):\n"
        "    await asyncio.sleep(0.08)\n"
        "    bar.progress((i + 1) * 25)\n"
        "st.write('done')\n"
    )
    # The driver prints every message; the fixture keeps the last render, which is
    # idle. The running renders before it are what the page showed meanwhile.
    assert [n["props"]["value"] for n in app.nodes("progress")] == [100]
    running = [m for m in app.history if m["status"] == "running"]
    assert len(running) >= 2


def test_a_run_that_never_yields_still_posts_its_partial_page(pyodide_app: Any) -> None:
    # No await and no element for a second: only the worker's busy clock, through
    # Pyodide's interrupt buffer and the runtime's signal handler, can post "before".
    # The clock is read between bytecodes, so the loop also runs a few million of them:
    # on a loaded machine a second of wall time can pass in a few iterations.
    app = pyodide_app(
        "import time\n"
        "import streamlit as st\n"
        "st.write('before')\n"
        "start, n = time.monotonic(), 0\n"
        "while time.monotonic() - start < 1.0 or n < 2_000_000:\n"
        "    n += 1\n"
    )
    running = [m for m in app.history if m["status"] == "running"]
    assert running, [m["status"] for m in app.history]
    assert [n["props"]["body"] for n in running[0]["tree"]["children"][0]["children"]] == ["before"]
