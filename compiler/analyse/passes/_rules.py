"""The rules, as data: qualified name → code, severity, message and hint.

Visitors decide *where* a rule applies; these tables decide *what* is said. Codes::

    STC101 error    st.X exists in Streamlit 1.67 but not in stc yet
    STC102 error    st.X is not a Streamlit command at all (or an internal module)
    STC103 warning  the streamlit alias or a container variable is ambiguous
    STC104 error    a call of st.X that does not match st.X's parameters
    STC105 error    a custom component declared with url= (a development server)
    STC106 error    an API the runtime refuses (runtime_wasm._unsupported), reached
                    unconditionally; a warning under an if / try
    STC107 error    a components v2 css= / js= naming a file, for a name no package can declare
    STC201 error    import of a module that cannot work in a browser
    STC202 warning  a call that blocks or fails in the browser
    STC203 warning  import of a network client on raw sockets (aiohttp, websockets…)
    STC204 info     urllib3 added to the site's packages: urllib, http.client, httpx run on it
    STC301 warning  a relative data path that is not in the app folder
    STC302 warning  an absolute path (it does not exist in the browser)
    STC411 error    a relative import that climbs above the top (ImportError in Python)
    STC501 warning  time.sleep / asyncio.run that cannot become an await
    STC502 info     time.sleep / asyncio.run rewritten to an await
    STC601 error    a page (st.Page, st.switch_page, st.page_link) whose file is not in the app
    STC602 error    two pages of the pages/ folder or of one st.navigation share a URL pathname
    STC701…STC714: the data layer, through stc proxy (see _proxy_rules)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from compiler._diagnostics import Diagnostic, Severity, Span

__all__ = [
    "AMBIGUOUS",
    "BAD_CALL",
    "BLOCKING_CALLS",
    "BLOCKING_METHODS",
    "DEV_SERVER_COMPONENT",
    "FETCH_CLIENTS",
    "FILE_BACKED_COMPONENT",
    "FILE_READERS",
    "INTERNAL_MODULE",
    "NEEDS_URLLIB3",
    "NOT_A_COMMAND",
    "NOT_YET",
    "PAGE_COLLISION",
    "PAGE_MISSING",
    "PATH_ABSOLUTE",
    "PATH_MISSING",
    "REFUSED",
    "REFUSED_GUARDED",
    "RELATIVE_BEYOND",
    "REWRITTEN",
    "SOCKET_CLIENTS",
    "UNREWRITABLE",
    "UNSUPPORTED_MODULES",
    "Rule",
]


@dataclass(frozen=True, kw_only=True)
class Rule:
    """A diagnostic waiting for a place; ``{fields}`` in the texts are filled in there."""

    code: str
    severity: Severity
    message: str
    hint: str | None = None

    def diagnostic(self, span: Span, **fields: str) -> Diagnostic:
        return Diagnostic(
            code=self.code,
            severity=self.severity,
            message=self.message.format(**fields),
            span=span,
            hint=self.hint.format(**fields) if self.hint else None,
        )


# -- st.* ---------------------------------------------------------------------------

NOT_YET = Rule(
    code="STC101",
    severity="error",
    message="st.{name} is not available in stc yet",
    hint="stc implements part of Streamlit 1.67 (README, 'What works today'); "
    "the page would stop here with an error",
)
NOT_A_COMMAND = Rule(
    code="STC102",
    severity="error",
    message="st.{name} is not a Streamlit command",
    hint="check the spelling against https://docs.streamlit.io/develop/api-reference",
)
INTERNAL_MODULE = Rule(
    code="STC102",
    severity="error",
    message="streamlit.{name} is internal to Streamlit and does not exist in stc",
    hint="use only the documented st.* API",
)
AMBIGUOUS = Rule(
    code="STC103",
    severity="warning",
    message="{name} {why}, so stc does not check the st.* calls made through it",
    hint="bind streamlit and containers once, at the top level, and do not reuse the name",
)
BAD_CALL = Rule(
    code="STC104",
    severity="error",
    message="{message}",
    hint="the signature, as in Streamlit 1.67: {name}{signature}",
)

DEV_SERVER_COMPONENT = Rule(
    code="STC105",
    severity="error",
    message="declare_component(url=...) loads the component from a development server, "
    "which a published site cannot reach",
    hint="build the component's frontend (npm run build) and declare it with "
    "path=<its build folder>; under `if`/`try`, keep url= for development only",
)

FILE_BACKED_COMPONENT = Rule(
    code="STC107",
    severity="error",
    message="{param}={value} names a file of an asset_dir, which only a component of an "
    "installed package has (named '<project>.<component>' and declared in its "
    "pyproject.toml), in Streamlit as in stc",
    hint="pass the file's contents instead (e.g. {param}=Path(...).read_text())",
)
REFUSED = Rule(
    code="STC106",
    severity="error",
    message="{message}",
    hint="{hint}; the page would stop here with this error",
)
REFUSED_GUARDED = Rule(
    code="STC106",
    severity="warning",
    message="{message}",
    hint="{hint}; under an `if`, a loop or a `try` here, so the app may not reach it",
)

# -- modules and calls that cannot work in a browser --------------------------------


def _module(name: str, why: str, hint: str) -> Rule:
    return Rule(
        code="STC201",
        severity="error",
        message=f"{name} cannot work in the browser: {why}",
        hint=hint,
    )


_NO_PROCESSES = "a browser tab cannot start processes"
_FETCHED = "requests, httpx or urllib, which go through the browser's fetch"
UNSUPPORTED_MODULES: Mapping[str, Rule] = {
    "subprocess": _module("subprocess", _NO_PROCESSES, "do the work in Python instead"),
    "multiprocessing": _module(
        "multiprocessing", _NO_PROCESSES, "run the work sequentially, or with asyncio"
    ),
    "concurrent.futures.process": _module(
        "concurrent.futures.process", _NO_PROCESSES, "run the work sequentially"
    ),
    "socket": _module(
        "socket", "pages cannot open raw sockets", "make HTTP(S) requests with " + _FETCHED
    ),
    "signal": _module(
        "signal", "there are no process signals in a browser", "remove the signal handling"
    ),
    "ctypes": _module(
        "ctypes", "there are no native libraries to load", "use a pure-Python package"
    ),
    "webbrowser": _module(
        "webbrowser", "the page cannot open another browser", "show a link with st.markdown"
    ),
    "tkinter": _module("tkinter", "there is no desktop GUI", "use Streamlit widgets"),
    "turtle": _module("turtle", "there is no desktop GUI", "draw with a chart or an image"),
    "curses": _module("curses", "there is no terminal", "use Streamlit widgets"),
    "readline": _module("readline", "there is no terminal", "use st.text_input"),
    "pty": _module("pty", "there is no terminal", "remove it"),
    "termios": _module("termios", "there is no terminal", "remove it"),
}


def _blocking(name: str, why: str, hint: str) -> Rule:
    return Rule(
        code="STC202",
        severity="warning",
        message=f"{name}() {why} in the browser",
        hint=hint,
    )


BLOCKING_CALLS: Mapping[str, Rule] = {
    "os.system": _blocking("os.system", "fails: there are no processes", "do it in Python"),
    "os.popen": _blocking("os.popen", "fails: there are no processes", "do it in Python"),
    "os.fork": _blocking("os.fork", "fails: there are no processes", "do it in Python"),
    "os.forkpty": _blocking("os.forkpty", "fails: there are no processes", "do it in Python"),
    "os.execv": _blocking("os.execv", "fails: there are no processes", "do it in Python"),
    "os.execvp": _blocking("os.execvp", "fails: there are no processes", "do it in Python"),
    "os.spawnv": _blocking("os.spawnv", "fails: there are no processes", "do it in Python"),
    "os.kill": _blocking("os.kill", "fails: there are no processes", "remove it"),
    "builtins.input": _blocking(
        "input", "cannot read a terminal", "ask with st.text_input instead"
    ),
    "getpass.getpass": _blocking(
        "getpass.getpass", "cannot read a terminal", "ask with st.text_input(type='password')"
    ),
}

_WAITS = "waits forever: the browser runs the script on one thread"
_ASYNC = "use asyncio tasks and await them"
# constructor → methods that block on what the constructor made
BLOCKING_METHODS: Mapping[str, Mapping[str, Rule]] = {
    "threading.Thread": {"join": _blocking("Thread.join", _WAITS, _ASYNC)},
    **{
        f"threading.{lock}": {"acquire": _blocking(f"{lock}.acquire", _WAITS, _ASYNC)}
        for lock in ("Lock", "RLock", "Semaphore", "BoundedSemaphore")
    },
    "threading.Event": {"wait": _blocking("Event.wait", _WAITS, _ASYNC)},
    "threading.Condition": {"wait": _blocking("Condition.wait", _WAITS, _ASYNC)},
}


def _socket_client(name: str, why: str, hint: str) -> Rule:
    return Rule(
        code="STC203",
        severity="warning",
        message=f"{name} {why}, which a browser worker cannot open: its requests fail in the site",
        hint=hint,
    )


# HTTP clients the site sends through the browser's fetch (runtime_wasm.http), with
# urllib3's emscripten backend: importing one ships urllib3
FETCH_CLIENTS = frozenset({"requests", "httpx", "urllib3", "urllib.request", "http.client"})
NEEDS_URLLIB3 = Rule(
    code="STC204",
    severity="info",
    message="urllib3 added to the site's packages: in the browser, {module} sends its "
    "requests through the page's fetch with urllib3",
)
# these clients open sockets of their own
SOCKET_CLIENTS: Mapping[str, Rule] = {
    "aiohttp": _socket_client(
        "aiohttp", "connects with its own sockets", "use httpx.AsyncClient, or " + _FETCHED
    ),
    "pycurl": _socket_client("pycurl", "drives libcurl's own sockets", "use " + _FETCHED),
    **{
        name: _socket_client(
            name,
            "opens WebSocket connections on raw sockets",
            "use the browser's WebSocket from Python: `from js import WebSocket`",
        )
        for name in ("websockets", "websocket")  # websockets, websocket-client
    },
    **{
        name: _socket_client(name, f"talks {protocol} on a raw socket", hint)
        for name, protocol, hint in (
            ("smtplib", "SMTP", "send mail through a mail service's HTTP API, with requests"),
            ("imaplib", "IMAP", "read mail through a mail service's HTTP API, with requests"),
            ("poplib", "POP3", "read mail through a mail service's HTTP API, with requests"),
            ("ftplib", "FTP", "fetch the files over HTTP(S) with " + _FETCHED),
        )
    },
}

# -- data files ---------------------------------------------------------------------

# callable → keyword names that may carry the path (else the first positional)
FILE_READERS: Mapping[str, tuple[str, ...]] = {
    "builtins.open": ("file",),
    "io.open": ("file",),
    "pathlib.Path": (),
    "pathlib.PurePath": (),
    "pandas.read_csv": ("filepath_or_buffer",),
    "pandas.read_table": ("filepath_or_buffer",),
    "pandas.read_excel": ("io",),
    "pandas.read_json": ("path_or_buf",),
    "pandas.read_parquet": ("path",),
    "pandas.read_feather": ("path",),
    "pandas.read_pickle": ("filepath_or_buffer",),
    "numpy.load": ("file",),
    "numpy.loadtxt": ("fname",),
    "numpy.genfromtxt": ("fname",),
    "PIL.Image.open": ("fp",),
}
RELATIVE_BEYOND = Rule(
    code="STC411",
    severity="error",
    message="`from {dots} import` {where}: Python raises ImportError here",
    hint="the app's top-level files and scripts are not in a package; import the module "
    "by its name (`import helpers`, `from pkg import util`)",
)

PATH_MISSING = Rule(
    code="STC301",
    severity="warning",
    message="{path} is not in the app folder, so the site will not have it",
    hint="paths are relative to the folder of {entry}; put the file there "
    "(secrets and ignored files are not shipped)",
)
PATH_ABSOLUTE = Rule(
    code="STC302",
    severity="warning",
    message="absolute paths do not exist in the browser: {path}",
    hint="put the file in the app folder and use a path relative to it",
)

# -- rewrites -----------------------------------------------------------------------

UNREWRITABLE = Rule(
    code="STC501",
    severity="warning",
    message="{call} will block the page: {why}",
    hint="the page cannot update while Python waits; call it from the main script or "
    "from functions the app calls directly",
)
REWRITTEN = Rule(
    code="STC502",
    severity="info",
    message="{call} → {replacement} so the page can update while the script waits",
)

# -- multipage apps -------------------------------------------------------------------

PAGE_MISSING = Rule(
    code="STC601",
    severity="error",
    message="page {path} is not a file of the app",
    hint="page paths are relative to the folder of {entry}; Streamlit raises "
    "StreamlitPageNotFoundError when the page is created or followed",
)
PAGE_COLLISION = Rule(
    code="STC602",
    severity="error",
    message="two pages resolve to the URL pathname /{url_path}: {first} and {second}",
    hint="{fix}; Streamlit stops the app with a StreamlitAPIException naming both",
)
