"""Custom components (Streamlit's components v1): a Python function plus a JavaScript
frontend in an iframe that speaks Streamlit's component protocol.

Streamlit's server serves each component's folder; a static site carries it instead:
the compiler copies every frontend folder (one holding an ``index.html``) of the
site's wheels and of the app to ``stc/components/`` (see :func:`frontend_src`), and
the page hosts it in a sandboxed iframe, sends it ``streamlit:render`` with the
arguments, and reruns the script when it sends ``streamlit:setComponentValue``
(runtime_wasm/js/components.mjs). A component is a widget: its value is what the
frontend last sent, ``default`` until then.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sys
from typing import Any

from ...._errors import StreamlitAPIException
from ...._pagefiles import COMPONENTS_PATH
from ..._roots import main_dg
from ..._types import is_dataframe_like
from ..._widget import widget
from .component_arrow import ArrowTable, arrow_to_dataframe, marshall

__all__ = ["CustomComponent", "MarshallComponentException", "frontend_src", "site_path"]


class MarshallComponentException(StreamlitAPIException):
    """A custom component was called with arguments it cannot send."""


def site_path(path: str) -> str | None:
    """Where the file or folder *path* is in the site, by the compiler's rule: one of
    the app (the working directory) is under ``app/``; one of an installed package
    (under another entry of ``sys.path``: site-packages in the browser) is under
    ``site-packages/`` at its path as installed. ``None`` when it is neither."""
    real = os.path.realpath(path)
    app = os.path.realpath(os.getcwd())
    roots = {os.path.realpath(entry): "site-packages" for entry in sys.path if entry}
    roots[app] = "app"
    for root, where in sorted(roots.items(), key=lambda r: -len(r[0])):
        if real.startswith(root + os.sep):
            rel = os.path.relpath(real, root).replace(os.sep, "/")
            return f"{COMPONENTS_PATH}/{where}/{rel}"
    return None


def frontend_src(path: str) -> str | None:
    """The site path of the ``index.html`` of the component folder *path* (see
    :func:`site_path`), or ``None``."""
    folder = site_path(path)
    return None if folder is None else f"{folder}/index.html"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _split_args(args: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str], list[Any]]:
    """A component's arguments as Streamlit sends them: JSON, bytes (here base64) and
    DataFrames (three Arrow streams, here base64; see ``component_arrow``)."""
    json_args: dict[str, Any] = {}
    bytes_args: dict[str, str] = {}
    dfs: list[Any] = []
    for name, value in args.items():
        if isinstance(value, bytes | bytearray):
            bytes_args[name] = _b64(bytes(value))
        elif is_dataframe_like(value):
            table = marshall(value)
            streams = {"data": table["data"], "index": table["index"], "columns": table["columns"]}
            dfs.append({"key": name, **{part: _b64(data) for part, data in streams.items()}})
        else:
            json_args[name] = value
    return json_args, bytes_args, dfs


def _value(raw: Any) -> Any:
    """What the frontend sent: JSON values as they are, bytes from their base64, a
    DataFrame from its Arrow streams."""
    if isinstance(raw, dict) and set(raw) == {"__stc_bytes__"}:
        return base64.b64decode(raw["__stc_bytes__"])
    if isinstance(raw, dict) and set(raw) == {"__stc_arrow__"}:
        sent = raw["__stc_arrow__"]
        return arrow_to_dataframe(
            ArrowTable(
                data=base64.b64decode(sent["data"]),
                index=base64.b64decode(sent["index"]),
                columns=base64.b64decode(sent["columns"]),
            )
        )
    return raw


class CustomComponent:
    """What ``declare_component`` returns: call it to show the component; it returns
    the component's value."""

    def __init__(
        self,
        name: str,
        path: str | None = None,
        url: str | None = None,
        module_name: str | None = None,
    ) -> None:
        self.name = name
        self.path = path
        self.url = url
        self.module_name = module_name

    def __repr__(self) -> str:
        return f"CustomComponent(name={self.name!r}, path={self.path!r}, url={self.url!r})"

    def __call__(
        self,
        *args: Any,
        default: Any = None,
        key: str | None = None,
        on_change: Any = None,
        tab_index: int | None = None,
        **kwargs: Any,
    ) -> Any:
        return self.create_instance(
            *args, default=default, key=key, on_change=on_change, tab_index=tab_index, **kwargs
        )

    def create_instance(
        self,
        *args: Any,
        default: Any = None,
        key: str | None = None,
        on_change: Any = None,
        tab_index: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """Show the component with *kwargs* as its arguments; its value."""
        if args:
            raise MarshallComponentException(f"Argument '{args[0]}' needs a label")
        if tab_index is not None and (isinstance(tab_index, bool) or not isinstance(tab_index, int)
                                      or tab_index < -1):  # fmt: skip
            raise StreamlitAPIException(
                f"tab_index must be None or an integer >= -1, got: {tab_index}"
            )
        src = self._src()
        json_args, bytes_args, dfs = _split_args(dict(kwargs, default=default, key=key))
        try:
            json_text = json.dumps(json_args, sort_keys=True)
        except (TypeError, ValueError) as error:
            raise MarshallComponentException(
                f"Could not convert component args to JSON: {error}"
            ) from None
        special = json.dumps([bytes_args, dfs], sort_keys=True)
        value = widget(
            main_dg(),
            "component_instance",
            key=key,
            shared={"name": self.name},
            identity={
                "url": self.url,
                "json_args": json_text,
                "special_args": hashlib.sha256(special.encode()).hexdigest(),
            },
            default=None,
            props={
                "src": src,
                "args": json.loads(json_text),
                "bytes_args": bytes_args,
                "dfs": dfs,
                "tab_index": tab_index,
            },
            deserialize=_value,
            on_change=on_change,
        )
        return default if value is None else value

    def _src(self) -> str:
        if self.path is None:
            raise StreamlitAPIException(
                f"The custom component `{self.name}` is declared with url={self.url!r}: a "
                "development server, which a published site cannot reach. Build the "
                "component's frontend and declare it with path= (its build folder)."
            )
        src = frontend_src(self.path)
        if src is None:
            raise StreamlitAPIException(
                f"The frontend of the custom component `{self.name}` ({self.path}) is not "
                "in the site: stc ships the frontends of the packages in requirements.txt "
                "and of the app's own folders."
            )
        return src

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CustomComponent) and (self.name, self.path, self.url) == (
            other.name,
            other.path,
            other.url,
        )

    __hash__ = object.__hash__
