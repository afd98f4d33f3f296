"""The rules, as data: qualified name → code, severity, message and hint.

Visitors decide *where* a rule applies; these tables decide *what* is said. Codes::

    STC101 error    st.X exists in Streamlit 1.67 but not in stc yet
    STC102 error    st.X is not a Streamlit command at all (or an internal module)
    STC103 warning  the streamlit alias or a container variable is ambiguous
    STC104 error    a call of st.X that does not match st.X's parameters
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
    STC701 error    SQL given to a connection's query() that is not a literal stc can read
    STC702 error    params= that do not match the statement's placeholders
    STC703 error    st.connection of a name not in secrets.toml (a warning with no secrets.toml)
    STC704 error    .session / .engine / .connect() … on a connection: cannot be allowlisted
    STC705 error    st.secrets read of a key neither public nor held by stc proxy
                    (a warning under "connections")
    STC706 error    the app uses a connection or stc proxy's secrets, and the build has
                    no proxy URL
    STC707 info     pandas added to the site's packages: query() returns a DataFrame
    STC708 error    the same statement sent to two connections
    STC709 warning  stc build --bake shipped a statement's rows: they are public now
                    (an error when the statement could not be run at build time)
    STC710 error    pyproject.toml's [tool.stc] or secrets.toml that stc cannot read
                    (a warning for a [tool.stc.secrets] name secrets.toml lacks)
    STC711 warning  a secret sent toward a host its [tool.stc.secrets] rules do not allow
    STC712 error    streamlit-authenticator's Authenticate with credentials stc cannot find
                    or cannot redact, so stc proxy could not check the logins
    STC713 info     the credentials file ships redacted: users, hashes and key stay on the proxy
    STC714 info     a package added for stc's streamlit_authenticator: extra-streamlit-
                    components (its login cookie), PyYAML (Authenticate("config.yaml"))
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from compiler._diagnostics import Diagnostic, Severity, Span

__all__ = [
    "AMBIGUOUS",
    "BAD_CALL",
    "BAD_PROXY",
    "BLOCKING_CALLS",
    "BLOCKING_METHODS",
    "CONNECTION_NAME",
    "CONNECTION_TYPES",
    "CREDENTIALS_FILE",
    "CREDENTIALS_PUBLIC",
    "CREDENTIALS_REDACTED",
    "CREDENTIALS_UNSEEN",
    "DYNAMIC_SQL",
    "FETCH_CLIENTS",
    "FILE_READERS",
    "INTERNAL_MODULE",
    "NEEDS_COOKIES",
    "NEEDS_PANDAS",
    "NEEDS_URLLIB3",
    "NOT_A_COMMAND",
    "NOT_YET",
    "NO_PROXY",
    "NO_PROXY_FOR_FORWARD",
    "NO_PROXY_FOR_LOGIN",
    "NO_PROXY_FOR_SECRET",
    "PAGE_COLLISION",
    "PAGE_MISSING",
    "PARAMS_MISMATCH",
    "PATH_ABSOLUTE",
    "PATH_MISSING",
    "PRIVATE_SECRET",
    "PROXY_SECRET",
    "RELATIVE_BEYOND",
    "REQUEST_FUNCTIONS",
    "REWRITTEN",
    "SECRETS_METHODS",
    "SECRET_TO_HOST",
    "SHARED_STATEMENT",
    "SOCKET_CLIENTS",
    "UNALLOWLISTABLE",
    "UNALLOWLISTED_USE",
    "UNKNOWN_CONNECTION",
    "UNKNOWN_CONNECTION_NO_SECRETS",
    "UNREWRITABLE",
    "UNSEEN_SQL",
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

# -- connections and secrets (through stc proxy) --------------------------------------

# what st.connection's type= (or the name, or secrets.toml) means → the kind of connection
CONNECTION_TYPES: Mapping[str, str] = {
    "sql": "sql",
    "snowflake": "snowflake",
    "streamlit.connections.SQLConnection": "sql",
    "streamlit.connections.SnowflakeConnection": "snowflake",
    "streamlit.connections.sql_connection.SQLConnection": "sql",
    "streamlit.connections.snowflake_connection.SnowflakeConnection": "snowflake",
}
_PROXY_ONLY = (
    "through stc proxy only the statements the compiler saw in query() run, with bound parameters"
)
# kind → attributes of such a connection that would run arbitrary statements
UNALLOWLISTABLE: Mapping[str, frozenset[str]] = {
    "sql": frozenset({"session", "connect", "engine", "driver", "raw_connection", "_instance"}),
    "snowflake": frozenset({"session", "cursor", "raw_connection", "_instance"}),
}
# methods of st.secrets, which are not keys
SECRETS_METHODS = frozenset(
    {"get", "keys", "values", "items", "to_dict", "load_if_toml_exists", "has_key", "copy"}
)
_METHODS = ("get", "post", "put", "patch", "delete", "head", "options")
# a callable that sends a request → where its URL is: (position, keyword); a position
# of None: the keyword only (httpx.Client's base_url, which its requests start with)
REQUEST_FUNCTIONS: Mapping[str, tuple[int | None, str]] = {
    **{f"{module}.{method}": (0, "url") for module in ("requests", "httpx") for method in _METHODS},
    "requests.request": (1, "url"),
    "httpx.request": (1, "url"),
    "httpx.stream": (1, "url"),
    "httpx.Client": (None, "base_url"),
    "httpx.AsyncClient": (None, "base_url"),
    "urllib.request.Request": (0, "url"),
    "urllib.request.urlopen": (0, "url"),
}
DYNAMIC_SQL = Rule(
    code="STC701",
    severity="error",
    message="this SQL is built at run time ({how}), so stc cannot allowlist it",
    hint="use params=: write the statement as one literal with placeholders (:name) and "
    "pass the values as params={{'name': value}}; " + _PROXY_ONLY,
)
UNSEEN_SQL = Rule(
    code="STC701",
    severity="error",
    message="stc cannot read this SQL at build time: {how}",
    hint="pass query() a string literal, or a constant assigned once in this module; "
    "values go in params=; " + _PROXY_ONLY,
)
UNSEEN_WRITE = Rule(
    code="STC701",
    severity="error",
    message="write_pandas' {what} is not a literal stc can read ({how}), so stc cannot "
    "allowlist where it writes",
    hint="write the table (and database, schema) as string literals and options such as "
    "overwrite=True as literals: stc proxy writes only to the targets the compiler saw",
)
PARAMS_MISMATCH = Rule(
    code="STC702",
    severity="error",
    message="params= does not match the statement's placeholders: {why}",
    hint="the statement has {expected}; the proxy binds exactly those",
)
UNKNOWN_CONNECTION = Rule(
    code="STC703",
    severity="error",
    message="no connection {name!r} in .streamlit/secrets.toml (it has {known})",
    hint="add a [connections.{name}] table to .streamlit/secrets.toml, which stays on "
    "stc proxy, or fix the name",
)
UNKNOWN_CONNECTION_NO_SECRETS = Rule(
    code="STC703",
    severity="warning",
    message="no .streamlit/secrets.toml, so stc cannot check that connection {name!r} exists",
    hint="stc proxy will need a [connections.{name}] table in the secrets file it is given",
)
CONNECTION_NAME = Rule(
    code="STC703",
    severity="error",
    message="the connection's name is not a literal string, so stc cannot tell which "
    "connection the proxy must open",
    hint='write the name: st.connection("pets_db")',
)
UNALLOWLISTED_USE = Rule(
    code="STC704",
    severity="error",
    message=".{attribute} of connection {name!r} ({kind}) cannot be allowlisted: a static site "
    "has no database driver, and " + _PROXY_ONLY,
    hint='use conn.query("...", params=...); writes and ORM code belong in a server',
)
PRIVATE_SECRET = Rule(
    code="STC705",
    severity="error",
    message="st.secrets key {key!r} is not public, so the site does not have it "
    "(public keys: {public})",
    hint="a key every visitor may read goes in public_secrets under [tool.stc] in "
    "pyproject.toml; an API key the app sends to a web API stays on stc proxy: "
    '[tool.stc.secrets] {entry} = {{ hosts = ["api.example.com"] }} lets the app use '
    "it through stc proxy, toward those hosts only",
)
PROXY_SECRET = Rule(
    code="STC705",
    severity="warning",
    message="st.secrets[{key!r}] holds the connections' secrets, which stay on stc proxy: "
    "in the site this read raises",
    hint="let st.connection read them (on the proxy); guard code that reads them with "
    "'connections' in st.secrets",
)
NO_PROXY = Rule(
    code="STC706",
    severity="error",
    message="the app uses connection {name!r}, and the build has no proxy URL to send "
    "its queries to",
    hint="give the URL where stc proxy runs in one of three ways: stc build --proxy-url "
    'https://…, the STC_PROXY_URL environment variable, or proxy_url = "https://…" '
    "under [tool.stc] in the app's pyproject.toml",
)
NO_PROXY_FOR_SECRET = Rule(
    code="STC706",
    severity="error",
    message="st.secrets[{key!r}] stays on stc proxy, and the build has no proxy URL to "
    "send the app's requests through",
    hint=NO_PROXY.hint,
)
NO_PROXY_FOR_FORWARD = Rule(
    code="STC706",
    severity="error",
    message="{what} in pyproject.toml send requests through stc proxy, and the build "
    "has no proxy URL",
    hint=NO_PROXY.hint,
)
NO_PROXY_FOR_LOGIN = Rule(
    code="STC706",
    severity="error",
    message="the app logs in with streamlit_authenticator, whose passwords stc proxy "
    "checks, and the build has no proxy URL",
    hint=NO_PROXY.hint,
)
NO_PROXY_FOR_PARAMS = Rule(
    code="STC706",
    severity="error",
    message="this statement takes parameters ({params}), so --bake cannot run it at "
    "build time, and the build has no proxy URL to send it to",
    hint="give the URL where stc proxy runs (stc build --proxy-url https://…), or bake a "
    "statement without parameters and filter its DataFrame in Python",
)
BAD_PROXY = Rule(
    code="STC706",
    severity="error",
    message="the proxy URL {url!r} is not an http:// or https:// URL",
    hint="give the address stc proxy answers at, e.g. https://db.example.com",
)
SECRET_TO_HOST = Rule(
    code="STC711",
    severity="warning",
    message="st.secrets[{key!r}] is sent to {host}, a host [tool.stc.secrets] does not "
    "allow for it ({allowed}): stc proxy will refuse this request",
    hint='if the secret is meant for {host}, add "{host}" to the hosts of {entry} in '
    "[tool.stc.secrets]",
)
NEEDS_PANDAS = Rule(
    code="STC707",
    severity="info",
    message="pandas added to the site's packages: a connection's query() returns a "
    "pandas DataFrame",
)

SHARED_STATEMENT = Rule(
    code="STC708",
    severity="error",
    message="this statement is also sent to connection '{first}' (at {where}); stc proxy "
    "names each statement once, so it cannot run on '{second}' too",
    hint="tell the two apart with an SQL comment in one of them (`-- {second}`)",
)

BAKED = Rule(
    code="STC709",
    severity="warning",
    message="--bake ran this statement on connection {name!r}: its {rows} rows are now in "
    "the site, where every visitor can read them",
    hint="bake only data you would publish; rebuild to refresh it (the workflow of "
    "`stc init-pages --bake` rebuilds on a schedule)",
)
BAKE_FAILED = Rule(
    code="STC709",
    severity="error",
    message="--bake could not run this statement on connection {name!r} ({code}): {why}",
    hint="--bake runs each statement without parameters at build time, with the secrets "
    "in {secrets}; fix the connection or build without --bake",
)
BAKE_SETUP = Rule(
    code="STC709",
    severity="error",
    message="--bake runs the app's statements at build time, and {why}",
    hint="{fix}",
)

# -- logins (streamlit-authenticator, checked by stc proxy) ---------------------------

_CREDENTIALS_HOW = (
    'read them from a YAML file of the app by a literal path: stauth.Authenticate("config.yaml"), '
    'or with open("config.yaml") as f: config = yaml.load(f, Loader=SafeLoader) then '
    'stauth.Authenticate(config["credentials"], …); or keep them in the proxy\'s secrets: '
    'stauth.Authenticate(st.secrets["credentials"].to_dict(), …)'
)
CREDENTIALS_UNSEEN = Rule(
    code="STC712",
    severity="error",
    message="stc cannot tell where these logins' users and password hashes are ({how}), "
    "so stc proxy could not check their passwords",
    hint=_CREDENTIALS_HOW,
)
CREDENTIALS_FILE = Rule(
    code="STC712",
    severity="error",
    message="{why}: stc proxy reads the users from it, and the site gets it without them",
    hint="{fix}",
)
CREDENTIALS_PUBLIC = Rule(
    code="STC712",
    severity="error",
    message="st.secrets[{key!r}] is public ([tool.stc] public_secrets names {top!r}), so "
    "every visitor could read {what}",
    hint="take {top!r} out of public_secrets: stc proxy reads it from its secrets file",
)
CREDENTIALS_SHARED = Rule(
    code="STC712",
    severity="error",
    message="this Authenticate reads its users from {this}, and the one at {where} from "
    "{first}: stc proxy checks one set of users",
    hint="read the users from one place in every page",
)
CREDENTIALS_REDACTED = Rule(
    code="STC713",
    severity="info",
    message="shipped redacted: its users, their password hashes and the cookie key stay "
    "on stc proxy, which checks the logins; the site's copy keeps the rest{rest}",
)
NEEDS_COOKIES = Rule(
    code="STC714",
    severity="info",
    message="extra-streamlit-components added to the site's packages: stc's "
    "streamlit_authenticator keeps the login in a cookie with its CookieManager",
)
