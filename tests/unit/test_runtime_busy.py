"""The busy signal (``_busy``): a run that never yields still posts its partial page.

In the browser the worker raises the signal from Pyodide's interrupt buffer; here the
script raises it itself with ``signal.raise_signal``, which CPython delivers the same
way: to the Python handler, between two bytecodes of whatever code is running.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from runtime_wasm import _busy
from runtime_wasm._protocol import BUSY_SIGNAL

from .test_runtime_bridge import Page

RUNTIME_FILE = str(Path(_busy.__file__).resolve().parent / "_fake.py")
APP_DIR = "/home/pyodide/app"


def _frame_of(chain: list[str]) -> FrameType:
    """The innermost frame of calls through files *chain* (outermost first)."""
    namespace: dict[str, object] = {"sys": sys}
    inner = "def f0():\n    return sys._getframe()\n"
    exec(compile(inner, chain[-1], "exec"), namespace)
    for depth, filename in enumerate(reversed(chain[:-1]), start=1):
        source = f"def f{depth}():\n    return f{depth - 1}()\n"
        exec(compile(source, filename, "exec"), namespace)
    outermost = namespace[f"f{len(chain) - 1}"]
    assert callable(outermost)
    frame = outermost()
    assert isinstance(frame, FrameType)
    return frame


@pytest.mark.parametrize(
    ("chain", "expected"),
    [
        ([RUNTIME_FILE, f"{APP_DIR}/app.py"], True),
        ([RUNTIME_FILE, f"{APP_DIR}/app.py", f"{APP_DIR}/helpers/slow.py"], True),
        ([RUNTIME_FILE, f"{APP_DIR}/app.py", "/lib/python3.14/json/decoder.py"], True),
        ([RUNTIME_FILE, f"{APP_DIR}/app.py", RUNTIME_FILE], False),
        ([RUNTIME_FILE, f"{APP_DIR}/app.py", RUNTIME_FILE, "/lib/python3.14/json/x.py"], False),
        ([RUNTIME_FILE], False),
        (["/lib/python3.14/asyncio/events.py"], False),
        ([RUNTIME_FILE, f"{APP_DIR}-other/app.py"], False),
    ],
    ids=[
        "the script",
        "the app's own module",
        "a library the script called",
        "st.* called by the script",
        "a library st.* called",
        "the runtime alone",
        "neither",
        "a folder that only starts like the app's",
    ],
)
def test_in_app_code(chain: list[str], expected: bool) -> None:
    assert _busy.in_app_code(_frame_of(chain), APP_DIR) is expected


def test_in_app_code_without_a_frame() -> None:
    assert _busy.in_app_code(None, APP_DIR) is False


@pytest.fixture
def restore_handler() -> Iterator[None]:
    handler = signal.getsignal(BUSY_SIGNAL)
    yield
    signal.signal(BUSY_SIGNAL, signal.SIG_DFL if handler is None else handler)


def _raise_in(filename: str) -> None:
    """Raise the busy signal from code whose frame belongs to *filename*."""
    namespace: dict[str, object] = {"signal": signal, "SIG": BUSY_SIGNAL}
    exec(compile("signal.raise_signal(SIG)\nx = 1\n", filename, "exec"), namespace)


@pytest.mark.usefixtures("restore_handler")
def test_install_twice_keeps_the_last_flush() -> None:
    calls: list[str] = []
    _busy.install(lambda: calls.append("first"), APP_DIR)
    _busy.install(lambda: calls.append("second"), APP_DIR)
    _raise_in(f"{APP_DIR}/app.py")
    assert calls == ["second"]


@pytest.mark.usefixtures("restore_handler")
def test_no_flush_while_the_runtime_runs() -> None:
    calls: list[str] = []
    _busy.install(lambda: calls.append("flush"), APP_DIR)
    _raise_in(RUNTIME_FILE)
    assert calls == []


@pytest.mark.usefixtures("restore_handler")
def test_a_failing_flush_does_not_reach_the_script(capsys: pytest.CaptureFixture[str]) -> None:
    def flush() -> None:
        raise RuntimeError("boom")

    _busy.install(flush, APP_DIR)
    _raise_in(f"{APP_DIR}/app.py")  # raises nothing
    assert "drawing the partial page failed: RuntimeError('boom')" in capsys.readouterr().err


BUSY_APP = """
import signal, time
import streamlit as st
st.write("before")
start = time.monotonic()
while time.monotonic() - start < 0.1:  # past the bridge's 50 ms between renders
    pass
signal.raise_signal(SIGNAL)  # what the worker's busy clock does, from inside the loop
x = 1  # no element after it: only the signal can post a render before the run ends
"""


@pytest.mark.usefixtures("clean_process")
def test_the_bridge_posts_the_partial_page_on_the_signal(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(BUSY_APP.replace("SIGNAL", str(BUSY_SIGNAL)))
    page = Page(tmp_path)
    page.boot()
    assert [m["status"] for m in page.messages] == ["running", "idle"]
    assert _bodies(page.messages[0]) == _bodies(page.messages[1]) == ["before"]


@pytest.mark.usefixtures("clean_process")
def test_without_the_signal_a_busy_run_posts_only_its_end(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(BUSY_APP.replace("signal.raise_signal(SIGNAL)", ""))
    page = Page(tmp_path)
    page.boot()
    assert [m["status"] for m in page.messages] == ["idle"]


def _bodies(message: dict[str, object]) -> list[str]:
    tree = message["tree"]
    assert isinstance(tree, dict)
    main = tree["children"][0]["children"]
    return [n["props"]["body"] for n in main]
