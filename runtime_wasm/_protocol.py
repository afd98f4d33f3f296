"""The one message protocol between the page and the worker, Python side.

Mirrored once in JavaScript by ``runtime_wasm/js/protocol.mjs``; change both together
and bump :data:`PROTOCOL_VERSION`. The page sends its version in ``init``; the worker
compares it with this constant and refuses to boot on a mismatch, so a page cached
from an old build can never drive a newer runtime.

Messages travel as JSON strings (one ``JSON.parse`` on the receiving side, no
structured-clone walk of a large element tree).

Page -> worker
    ``{"type": "init", "protocol": 1, "config": BootConfig}``
    ``{"type": "widget", "updates": [{"id": str, "value": Any}, ...]}``
        One user interaction: the new values of one or more widgets (a form submit
        carries every pending value of its form plus the submit button's ``true``).
        The worker applies them, runs callbacks, reruns the script.

Worker -> page
    ``{"type": "progress", "stage": Stage, "loaded": int, "total": int}``
    ``{"type": "render", "run": int, "status": "running" | "idle", "tree": Node}``
        The whole element tree after (or, with ``running``, during) a run.
    ``{"type": "fatal", "message": str, "detail": str}``
        Boot failed; the page shows it instead of a blank screen.

Element tree (``Node``)
    ``{"id": str, "kind": str, "props": {...}, "children": [Node, ...]}``
    ``children`` only on blocks. ``id`` is stable across reruns: a widget's id is its
    widget id, any other element's id is its position path (``"main/2/0"``), so the
    page can keep DOM nodes whose id and kind did not change. The root is
    ``{"id": "root", "kind": "root", "children": [main, sidebar]}``.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict

__all__ = [
    "PROTOCOL_VERSION",
    "BootConfig",
    "Node",
    "Stage",
    "WidgetUpdate",
]

PROTOCOL_VERSION = 1

Stage = Literal["download", "python", "packages", "run"]
RunStatus = Literal["running", "idle"]


class BootConfig(TypedDict):
    """What the page tells the worker at boot (URLs already absolute)."""

    protocol: int
    pyodide: str  # folder URL of the Pyodide core, ending in "/"
    runtime: str  # URL of runtime.zip (the runtime_wasm package)
    app: str  # URL of app.zip (the user's files)
    entry: str  # the main script, relative to the app folder
    url: str  # the page's URL at boot


class WidgetUpdate(TypedDict):
    id: str
    value: Any


class Node(TypedDict, total=False):
    id: str
    kind: str
    props: dict[str, Any]
    children: list[Node]
