"""How a query reaches ``stc proxy``: one POST, answered synchronously.

Streamlit's connection API is synchronous (``conn.query(...)`` returns a DataFrame),
so the request must be too. In the browser the bridge installs :func:`set_poster`
with a synchronous XMLHttpRequest from the worker (a worker may block; the page
never does). On CPython the default poster uses ``urllib``, so ``AppTest`` and
scripts go through a real proxy on the real wire when ``STC_PROXY_URL`` is set.

A statement ``stc build --bake`` ran at build time is not sent at all: its answer is
a file of the app (``.stc/baked/<statement id>.json``, see ``compiler.emit._bake``), read
from the app's folder, so a baked dashboard needs no proxy and works offline.

Every failure becomes one :class:`ConnectionProblem` whose message a visitor can act
on: the proxy is down or unreachable (and which URL), it refused the request (its
error code and message), or no proxy was configured at build time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from runtime_wasm._errors import StreamlitAPIException

if TYPE_CHECKING:  # the wire module is imported by the first query, not at boot
    from runtime_wasm.connections._wire import AllowedWrite, QueryRequest, ResultSet, WriteRequest

__all__ = [
    "BAKED_FOLDER",
    "ConnectionProblem",
    "DataConfig",
    "configure",
    "current",
    "poster",
    "remember",
    "remember_write",
    "run_query",
    "run_write",
    "set_poster",
    "statements",
    "writes",
]

BAKED_FOLDER = ".stc/baked"  # in the app's folder: <statement id>.json, a ResultSet

# (url, JSON body) -> (HTTP status, body text); status 0: the request never got an answer
Poster = Callable[[str, str], tuple[int, str]]


class ConnectionProblem(StreamlitAPIException):
    """A query that did not come back: why, in words a visitor can act on."""


@dataclass(frozen=True, kw_only=True)
class DataConfig:
    """What the build told the site about its data: the proxy's URL, the type of each
    connection in secrets.toml, and the secrets the user marked public (the only
    secret values a site ever carries)."""

    proxy_url: str = ""
    connections: Mapping[str, str] = field(default_factory=dict)
    public_secrets: Mapping[str, Any] = field(default_factory=dict)
    app_dir: str = ""  # where BAKED_FOLDER is ("": nothing was baked)


_config = DataConfig(proxy_url=os.environ.get("STC_PROXY_URL", ""))


def _urllib_post(url: str, body: str) -> tuple[int, str]:
    # Imported here: urllib.request pulls in http.client, email and ssl, which every
    # site would otherwise import at boot; in the browser the bridge's poster is used.
    import urllib.error
    import urllib.request

    from runtime_wasm.auth._session import session_headers

    headers = {"Content-Type": "application/json", **session_headers()}
    request = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return int(answer.status), answer.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return int(error.code), error.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return 0, ""


_post: Poster = _urllib_post
_statements: dict[str, str] = {}  # id -> text of each statement this process sent
_writes: dict[str, AllowedWrite] = {}  # id -> target of each write this process sent


def configure(config: DataConfig) -> None:
    """Set the site's data configuration (the bridge calls this at boot)."""
    global _config
    _config = config


def current() -> DataConfig:
    return _config


def poster() -> Poster:
    return _post


def remember(statement_id: str, sql: str) -> None:
    """Keep the text of a statement sent by id: AppTest's in-process path runs it as
    Streamlit would (a site never needs it: the proxy has the allowlist)."""
    _statements[statement_id] = sql


def statements() -> Mapping[str, str]:
    return _statements


def remember_write(target: AllowedWrite) -> None:
    """Keep a write's target, as :func:`remember` keeps a statement's text."""
    _writes[target.id] = target


def writes() -> Mapping[str, AllowedWrite]:
    return _writes


def set_poster(post: Poster) -> None:
    """Send requests with *post* (the bridge installs a synchronous XHR in the browser)."""
    global _post
    _post = post


def run_query(request: QueryRequest) -> ResultSet:
    """Send *request* to the proxy and return its rows, or raise ConnectionProblem."""
    from runtime_wasm.connections._wire import QUERY_ROUTE, ResultSet

    baked = _baked(request)
    if baked is not None:
        return ResultSet.from_json(baked)
    text = _send(QUERY_ROUTE, request.to_json(), request.connection, "the query")
    return ResultSet.from_json(text)


def run_write(request: WriteRequest) -> tuple[bool, int, int]:
    """Send a ``write_pandas`` to the proxy: (success, chunks, rows), as Streamlit's."""
    import json

    from runtime_wasm.connections._wire import WRITE_ROUTE

    answer = json.loads(_send(WRITE_ROUTE, request.to_json(), request.connection, "the write"))
    return bool(answer["success"]), int(answer["nchunks"]), int(answer["nrows"])


def _send(route: str, body: str, connection: str, what: str) -> str:
    """POST *body* to the proxy's *route*; the answer's text, or ConnectionProblem."""
    from runtime_wasm.connections._wire import ProxyError

    base = _config.proxy_url
    if not base:
        raise ConnectionProblem(
            f"st.connection({connection!r}) needs `stc proxy`, and this site was "
            "built without its address. Rebuild with `stc build --proxy-url URL` (or "
            "STC_PROXY_URL, or [tool.stc] proxy_url in pyproject.toml)."
        )
    status, text = _post(base.rstrip("/") + route, body)
    if status == 200:
        return text
    if status == 0:
        raise ConnectionProblem(
            f"The data proxy at {base} did not answer: it may be down, or it does not "
            "allow requests from this site's address (CORS). Try again later; if it "
            "persists, the site's owner must start `stc proxy` or allow this origin."
        )
    try:
        error = ProxyError.from_json(text)
    except (ValueError, KeyError, TypeError):
        error = ProxyError(code="http", message=f"HTTP {status}")
    raise ConnectionProblem(
        f"The data proxy refused {what} for connection {connection!r} "
        f"({error.code}): {error.message}"
    )


def _baked(request: QueryRequest) -> str | None:
    """The answer ``stc build --bake`` shipped for this statement, if any (statements
    with parameters are never baked)."""
    if request.params or not _config.app_dir:
        return None
    path = os.path.join(_config.app_dir, BAKED_FOLDER, f"{request.query}.json")
    try:
        with open(path, encoding="utf-8") as file:
            return file.read()
    except OSError:  # not baked (or not a statement id: it names no file)
        return None
