"""The element tree as ``AppTest`` shows it: typed wrappers with Streamlit's
``streamlit.testing.v1`` names (``value``, ``click()``, ``input()``, ``run()``…).

Wrappers read the same ``Node`` dicts the page receives, and widget interactions
produce the same wire values the page would send, so a harness test exercises
the browser's code path minus the DOM.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from .._state import WIDGET_ID_PREFIX

if TYPE_CHECKING:
    from . import AppTest

__all__ = [
    "BidiComponent",
    "Block",
    "Dataframe",
    "Element",
    "ElementList",
    "FileUploader",
    "Widget",
    "WidgetList",
    "wrap",
]

T = TypeVar("T", bound="Node")


class Node:
    """Any node of the tree."""

    def __init__(self, data: dict[str, Any], app: AppTest) -> None:
        self._data = data
        self._app = app
        self.id: str = data["id"]
        self.type: str = data["kind"]
        self.props: dict[str, Any] = data.get("props", {})

    def __getattr__(self, name: str) -> Any:
        props = self.__dict__.get("props", {})
        if name in props:
            return props[name]
        raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(kind={self.type!r}, props={self.props!r})"

    def run(self, *, timeout: float | None = None) -> AppTest:
        return self._app.run(timeout=timeout)


class Element(Node):
    @property
    def value(self) -> Any:
        props = self.props
        if self.type == "exception":
            return props["message"]
        if self.type == "table":
            return _table_value(props)
        if self.type == "json":
            return props["body"]  # the JSON text, as Streamlit's Json.value
        if self.type == "metric":
            return props["value"]
        if self.type == "progress":
            return props["value"]  # the percentage, as Streamlit's Progress.value
        if self.type in ("link_button", "page_link"):
            return props["label"]
        if self.type == "space":
            return props["size"]
        if self.type == "help":
            # Streamlit's Help.value: the object's name where the text is its signature
            name, raw = props.get("name"), props.get("value")
            return name if name and (not raw or raw.startswith(f"{name}(")) else raw
        return self.body

    @property
    def body(self) -> Any:
        if self.type == "latex":  # Streamlit sends a formula as a $$-fenced markdown body
            return f"$$\n{self.props['body']}\n$$"
        return self.props.get("body")

    @property
    def message(self) -> str:
        return str(self.props.get("message"))

    @property
    def stack_trace(self) -> list[str]:
        return list(self.props.get("traceback", []))

    @property
    def is_markdown(self) -> bool:
        return bool(self.props.get("is_api_error"))


class Dataframe(Element):
    """``st.dataframe`` and ``st.data_editor`` as Streamlit's AppTest shows both: a
    ``dataframe`` whose value is the table the app passed. An editor's edits are its
    widget state (the page sends them; ``at.session_state[key]`` holds them), not part
    of the value; ``editing_mode`` tells editors apart, and ``at.data_editor`` lists
    them. The page still gets the ``data_editor`` kind: ``kind`` keeps it."""

    def __init__(self, data: dict[str, Any], app: AppTest) -> None:
        super().__init__(data, app)
        self.kind: str = data["kind"]
        self.type = "dataframe"

    @property
    def editing_mode(self) -> str:
        """``read_only`` for ``st.dataframe``; an editor's ``num_rows``: ``fixed``,
        ``dynamic``, ``add`` or ``delete`` (Streamlit's names)."""
        if self.kind != "data_editor":
            return "read_only"
        return str(self.props.get("num_rows") or "fixed")

    @property
    def key(self) -> str | None:
        return self.props.get("key")

    @property
    def value(self) -> Any:
        return _table_value(self.props)


def _table_value(props: dict[str, Any]) -> Any:
    # An editor's columns are described (name, label, type…); a table's are names.
    names = [c["name"] if isinstance(c, dict) else c for c in props["columns"]]
    data = {c: [row[i] for row in props["rows"]] for i, c in enumerate(names)}
    try:
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        return data
    return pd.DataFrame(data, index=props["index"])


class Widget(Node):
    """A widget: its value is the Python value session state holds for it."""

    @property
    def key(self) -> str | None:
        return self.props.get("key")

    @property
    def label(self) -> str:
        label = self.props.get("label")
        if label is None:  # feedback, pagination, chat_input: no label, as in Streamlit
            raise AttributeError(f"{self.type} has no label")
        return str(label)

    @property
    def _meta(self) -> Any:
        return self._app._session.state._widgets[self.id]

    @property
    def value(self) -> Any:
        if self.id in self._app._pending_python:
            return self._app._pending_python[self.id]
        meta = self._meta
        if meta.trigger:  # True after the run its click started, as in Streamlit
            return self.id in self._app._clicked
        return self._app._session.state._values.get(meta.state_key)

    def set_value(self, value: Any) -> Widget:
        self._app._set_widget(self.id, self._meta.serialize(value), value)
        return self

    # -- kind-specific verbs, named as in streamlit.testing.v1 ---------------------
    def click(self) -> Widget:
        self._app._set_widget(self.id, True, True)
        return self

    def check(self) -> Widget:
        return self.set_value(True)

    def uncheck(self) -> Widget:
        return self.set_value(False)

    def input(self, value: str) -> Widget:
        return self.set_value(value)

    def select(self, value: Any) -> Widget:
        if self.type == "multiselect" or isinstance(self.value, list):
            current = list(self.value)
            return self.set_value([*current, value] if value not in current else current)
        return self.set_value(value)

    def unselect(self, value: Any) -> Widget:
        return self.set_value([v for v in self.value if v != value])

    def select_index(self, index: int | None) -> Widget:
        options = self._meta.deserialize
        return self.set_value(None if index is None else options(index))

    @property
    def index(self) -> int | None:
        return self._meta.serialize(self.value) if self.value is not None else None

    @property
    def indices(self) -> list[int]:
        return list(self._meta.serialize(self.value))

    @property
    def options(self) -> list[str]:
        return list(self.props.get("options", []))

    def pick(self, value: str) -> Widget:
        return self.set_value(value)

    def set_range(self, lower: Any, upper: Any) -> Widget:
        return self.set_value((lower, upper))

    def increment(self) -> Widget:
        step, hi = self.props["step"], self.props.get("max")
        value = (self.value or 0) + step
        return self.set_value(value if hi is None else min(value, hi))

    def decrement(self) -> Widget:
        step, lo = self.props["step"], self.props.get("min")
        value = (self.value or 0) - step
        return self.set_value(value if lo is None else max(value, lo))


FileSpec = tuple[str, bytes, str]  # (name, content, MIME type), as Streamlit's AppTest


class FileUploader(Widget):
    """``st.file_uploader``: ``upload()``, ``set_value()`` and ``clear()`` with
    Streamlit's AppTest signatures. The files go to the runtime as the page sends
    them (base64 ``data`` in each entry), so the widget's own decoding runs."""

    def __init__(self, data: dict[str, Any], app: AppTest) -> None:
        super().__init__(data, app)
        self._files: list[FileSpec] | None = None  # None: nothing chosen through this node

    @property
    def accept_multiple_files(self) -> bool:
        return bool(self.props.get("multiple"))

    def upload(
        self, filename: str, content: bytes, mime_type: str = "application/octet-stream"
    ) -> FileUploader:
        """Add one file to those this node has chosen (the first call starts afresh)."""
        return self._choose([*(self._files or []), (filename, content, mime_type)])

    def set_value(self, files: FileSpec | Sequence[FileSpec] | None) -> FileUploader:
        """Choose ``(name, content, mime_type)`` or a sequence of them; ``None`` clears."""
        if files is None:
            return self.clear()
        if isinstance(files, tuple) and len(files) == 3 and isinstance(files[0], str):
            return self._choose([files])
        return self._choose(list(files))

    def clear(self) -> FileUploader:
        self._files = []
        self._app._set_widget(self.id, [], [] if self.accept_multiple_files else None)
        return self

    def _choose(self, files: list[FileSpec]) -> FileUploader:
        from ..streamlit.elements.lib._uploaded_file import UploadedFile

        self._files = files
        wire, chosen = [], []
        for name, content, mime in files:
            file_id = str(uuid.uuid4())
            data = base64.b64encode(content).decode("ascii")
            wire.append(
                {"file_id": file_id, "name": name, "type": mime, "size": len(content), "data": data}
            )
            chosen.append(UploadedFile(content, file_id=file_id, name=name, type=mime))
        python = chosen if self.accept_multiple_files else (chosen[0] if chosen else None)
        self._app._set_widget(self.id, wire, python)
        return self


class ElementList(Generic[T]):
    """A list of nodes, with ``.values`` and ``.len`` as in Streamlit's AppTest."""

    def __init__(self, nodes: Sequence[T]) -> None:
        self._nodes = list(nodes)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> ElementList[T]: ...
    def __getitem__(self, index: int | slice) -> T | ElementList[T]:
        if isinstance(index, slice):
            return ElementList(self._nodes[index])
        return self._nodes[index]

    def __len__(self) -> int:
        return len(self._nodes)

    def __iter__(self) -> Iterator[T]:
        return iter(self._nodes)

    def __call__(self, key: str) -> T:
        """The first node with user key *key* (Streamlit's ``ElementList.__call__``)."""
        for node in self._nodes:
            if getattr(node, "key", None) == key:
                return node
        raise KeyError(key)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ElementList):
            return self._nodes == other._nodes
        return list(self.values) == other

    __hash__ = None  # type: ignore[assignment]

    @property
    def len(self) -> int:
        return len(self._nodes)

    @property
    def values(self) -> Sequence[Any]:
        return [getattr(n, "value", None) for n in self._nodes]

    def __repr__(self) -> str:
        return f"ElementList({self._nodes!r})"


class BidiComponent(Widget):
    """A ``st.components.v2`` mount: ``set_state`` and ``trigger`` send what the
    component's ``setStateValue`` and ``setTriggerValue`` send from the page
    (runtime_wasm/js/components_v2.mjs), calls before one ``run()`` in one update."""

    def set_state(self, name: str, value: Any) -> BidiComponent:
        pending = self._app._pending_python.get(self.id)
        base = pending if isinstance(pending, dict) else dict(self.props.get("value") or {})
        state = {**base, name: value}
        self._app._set_widget(self.id, state, state)
        return self

    def trigger(self, event: str, value: Any = None) -> BidiComponent:
        if self.props.get("form_id") is not None:
            return self  # the page ignores triggers in a form, as Streamlit's does
        events_id = self.props["events_id"]
        queued = self._app._pending.get(events_id) or []
        self._app._pending[events_id] = [*queued, {"event": event, "value": value}]
        return self


class WidgetList(ElementList[T]):
    """An ``ElementList`` of widgets, as Streamlit's."""


BLOCK_KINDS = frozenset(
    {
        "root",
        "main",
        "sidebar",
        "container",
        "columns",
        "column",
        "expander",
        "tabs",
        "tab",
        "form",
        "status",
        "popover",
        "dialog",
        "chat_message",
        "grid",
        "bottom",
        "event",
    }
)
WIDGET_KINDS = frozenset(
    {
        "button",
        "form_submit_button",
        "checkbox",
        "toggle",
        "radio",
        "selectbox",
        "multiselect",
        "slider",
        "text_input",
        "text_area",
        "number_input",
        "select_slider",
        "date_input",
        "time_input",
        "datetime_input",
        "color_picker",
        "pills",
        "segmented_control",
        "feedback",
        "download_button",
        "file_uploader",
        "camera_input",
        "audio_input",
        "pagination",
        "menu_button",
        "chat_input",
        "fragment_timer",
    }
)


class Block(Node):
    """A block; ``block.button``, ``block.markdown`` … search its subtree."""

    def __init__(self, data: dict[str, Any], app: AppTest) -> None:
        super().__init__(data, app)
        self.children = [wrap(child, app) for child in data.get("children", [])]

    def _walk(self) -> Iterator[Node]:
        for child in self.children:
            yield child
            if isinstance(child, Block):
                yield from child._walk()

    def get(self, kind: str) -> ElementList[Node]:
        # As in Streamlit's AppTest, `button` lists form submit buttons too.
        kinds = {"button", "form_submit_button"} if kind == "button" else {kind}
        if kind == "data_editor":  # dataframes that are not read-only, as in Streamlit
            return ElementList(
                [n for n in self._walk() if isinstance(n, Dataframe) and n.kind == kind]
            )
        if kind in WIDGET_KINDS:
            return WidgetList([n for n in self._walk() if n.type in kinds])
        return ElementList([n for n in self._walk() if n.type == kind])

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return super().__getattr__(name)
        except AttributeError:
            pass
        kind = {"columns": "column", "tabs": "tab"}.get(name, name)
        return self.get(kind)

    @property
    def label(self) -> Any:
        return self.props.get("label")

    def dismiss(self) -> Block:
        """A dialog: the visitor closes it (Esc, its close button, a click outside), as
        the page reports it (stc's addition: Streamlit's AppTest cannot dismiss one)."""
        self._app._set_widget(self.props["dismiss_id"], True, True)
        return self

    @property
    def weight(self) -> Any:
        return self.props.get("weight")


def wrap(data: dict[str, Any], app: AppTest) -> Node:
    kind = data["kind"]
    if kind in BLOCK_KINDS:
        return Block(data, app)
    if kind in ("dataframe", "data_editor"):  # also with on_select: a table, as in Streamlit
        return Dataframe(data, app)
    if kind == "file_uploader":
        return FileUploader(data, app)
    if kind == "bidi_component":
        return BidiComponent(data, app)
    if kind in WIDGET_KINDS or data["id"].startswith(WIDGET_ID_PREFIX):  # or a chart with on_select
        return Widget(data, app)
    return Element(data, app)
