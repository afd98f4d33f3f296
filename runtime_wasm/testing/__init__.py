"""``AppTest`` for stc: Streamlit's ``streamlit.testing.v1.AppTest`` interface over
stc's own runtime, on CPython.

It drives the same ``AppSession`` the browser bridge drives, and widget
interactions go through the same wire values the page sends, so a test written
here checks what a visitor of the built site would see::

    at = AppTest.from_file("app.py").run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Clicked 1 times"
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import sys
import tempfile
import textwrap
import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any
from urllib import parse

from .._alias import aliased
from .._pagefiles import page_icon_and_name
from .._script import Script
from .._session import AppSession
from .._state import SessionState
from ._local_data import local_data, secrets_from_files
from ._nodes import Block, Element, ElementList, Node, Widget, WidgetList, wrap

__all__ = ["AppTest", "Block", "Element", "ElementList", "Widget", "WidgetList"]


def _run_sync(coro: Coroutine[Any, Any, None]) -> None:
    """Run ``coro`` to completion, also from a thread that already runs an event loop
    (pytest-playwright's sync API keeps one running): then on a short-lived thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(coro)
        return
    errors: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(coro)
        except BaseException as exc:  # re-raised in the caller's thread
            errors.append(exc)

    thread = threading.Thread(target=target, name="stc-apptest")
    thread.start()
    thread.join()
    if errors:
        raise errors[0]


class AppTest:
    """Run an app script headless and inspect or drive what it shows."""

    def __init__(self, script_path: str | Path, *, default_timeout: float = 3) -> None:
        self._script_path = Path(script_path)
        self.default_timeout = default_timeout
        self._session = AppSession(Script(self._script_path))
        self._pending: dict[str, Any] = {}  # widget id -> wire value, for the next run
        self._pending_python: dict[str, Any] = {}
        self._form_pending: dict[str, dict[str, Any]] = {}  # form id -> widget id -> wire
        self._clicked: set[str] = set()  # buttons clicked for the last run
        self._root: Block | None = None
        # The simulated URL's query parameters: set before run(), read after it. A
        # repeated key is a list; Streamlit's AppTest has the same attribute.
        self.query_params: dict[str, Any] = {}
        # Streamlit's AppTest.secrets: st.secrets during a run, and the connections'
        # databases, reached from this process (see _local_data).
        self.secrets: dict[str, Any] = {}

    # -- constructors -----------------------------------------------------------------
    @classmethod
    def from_file(cls, script_path: str | Path, *, default_timeout: float = 3) -> AppTest:
        path = Path(script_path)
        if not path.is_absolute():
            caller = Path(inspect.stack()[1].filename).parent
            if (caller / path).exists():
                path = caller / path
        return cls(path, default_timeout=default_timeout)

    @classmethod
    def from_string(cls, script: str, *, default_timeout: float = 3) -> AppTest:
        folder = Path(tempfile.mkdtemp(prefix="stc-apptest-"))
        path = folder / "app.py"
        path.write_text(textwrap.dedent(script), encoding="utf-8")
        return cls(path, default_timeout=default_timeout)

    @classmethod
    def from_function(
        cls,
        script: Callable[..., Any],
        *,
        default_timeout: float = 3,
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> AppTest:
        source = textwrap.dedent(inspect.getsource(script))
        call = f"{script.__name__}(*{args or ()!r}, **{kwargs or {}!r})"
        return cls.from_string(f"{source}\n{call}\n", default_timeout=default_timeout)

    # -- running ----------------------------------------------------------------------
    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the script (again), sending the widget values set since the last run."""
        updates = [{"id": wid, "value": value} for wid, value in self._pending.items()]
        self._clicked = {wid for wid, value in self._pending.items() if value is True}
        self._pending.clear()
        self._pending_python.clear()
        self._session.query_params.populate(parse.urlencode(self.query_params, doseq=True))
        limit = self.default_timeout if timeout is None else timeout
        folder = str(self._script_path.parent)
        added = folder not in sys.path
        if added:
            sys.path.insert(0, folder)
        secrets = self.secrets or secrets_from_files(self._script_path)
        data = local_data(secrets) if secrets else contextlib.nullcontext()
        try:
            with aliased(), data:
                _run_sync(self._run_with_timeout(updates, limit))
        finally:
            if added:
                sys.path.remove(folder)
        self._root = wrap(dict(self._session.tree), self)  # type: ignore[assignment]
        self._session.query_params.take_change()  # no address bar to update here
        query = parse.parse_qs(self._session.query_params.query_string(), keep_blank_values=True)
        self.query_params = {k: v[0] if len(v) == 1 else v for k, v in query.items()}
        return self

    async def _run_with_timeout(self, updates: list[Any], limit: float) -> None:
        try:
            # Full runs, as Streamlit's AppTest: it never reruns a fragment alone.
            await asyncio.wait_for(self._session.rerun(updates, fragments=False), limit)
        except TimeoutError:
            raise RuntimeError(f"AppTest script run timed out after {limit}(s)") from None

    def _set_widget(self, widget_id: str, wire: Any, python: Any) -> None:
        """Queue a widget value for the next run. Values of widgets inside a form
        wait for that form's submit button, as they do in the browser."""
        node = self._find(widget_id)
        form_id = node.props.get("form_id") if node is not None else None
        self._pending_python[widget_id] = python
        if form_id is not None and node is not None and node.type != "form_submit_button":
            self._form_pending.setdefault(form_id, {})[widget_id] = wire
            return
        self._pending[widget_id] = wire
        if form_id is not None:
            self._pending.update(self._form_pending.pop(form_id, {}))

    def _find(self, widget_id: str) -> Node | None:
        for node in self._tree._walk():
            if node.id == widget_id:
                return node
        return None

    def switch_page(self, page_path: str) -> AppTest:
        """Go to the file page *page_path* (relative to the main script) at the next
        ``run()``, as a visitor following a link to it would (Streamlit's method)."""
        target = (self._script_path.parent / page_path).resolve()
        if not target.is_file():
            raise ValueError(
                f"Could not find page {page_path!r} relative to the main script "
                f"{str(self._script_path)!r}. Resolved page path: {str(target)!r}."
            )
        navigation = self._session.navigation
        if navigation.pages is None:  # before the first run: by the file's name
            navigation.request_url(page_icon_and_name(target)[1])
            return self
        found = [p for p in navigation.pages.values() if p.script and Path(p.script) == target]
        if not found:
            raise ValueError(f"Could not find a navigation page for {str(target)!r}.")
        navigation.request_page(found[0].hash)
        return self

    # -- what the app shows ------------------------------------------------------------
    @property
    def _tree(self) -> Block:
        if self._root is None:
            raise RuntimeError("Call AppTest.run() before inspecting the app.")
        return self._root

    @property
    def main(self) -> Block:
        return self._tree.children[0]  # type: ignore[return-value]

    @property
    def sidebar(self) -> Block:
        return self._tree.children[1]  # type: ignore[return-value]

    @property
    def session_state(self) -> SessionState:
        return self._session.state

    def get(self, element_type: str) -> ElementList[Node]:
        return self._tree.get(element_type)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._tree, name)

    def __repr__(self) -> str:
        return f"AppTest({str(self._script_path)!r})"
