"""The rules of the data layer, as data: connections and their SQL allowlist, secrets,
web requests and their keys, baked data and logins, everything ``stc proxy`` answers
(the rest of the rules are in :mod:`compiler.analyse.passes._rules`). Codes::

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
    STC714 info     extra-streamlit-components added: stc's streamlit_authenticator keeps
                    its login cookie with it
    STC715 error    register_user with roles, domains or pre-authorized emails stc cannot
                    read, or two calls allowing different ones
"""

from __future__ import annotations

from collections.abc import Mapping

from compiler.analyse.passes._rules import (
    Rule,
)

__all__ = [
    "BAD_PROXY",
    "BAKED",
    "BAKE_FAILED",
    "BAKE_SETUP",
    "CONNECTION_NAME",
    "CONNECTION_TYPES",
    "CREDENTIALS_FILE",
    "CREDENTIALS_PUBLIC",
    "CREDENTIALS_REDACTED",
    "CREDENTIALS_SHARED",
    "CREDENTIALS_UNSEEN",
    "DYNAMIC_SQL",
    "NEEDS_COOKIES",
    "NEEDS_PANDAS",
    "NO_PROXY",
    "NO_PROXY_FOR_FORWARD",
    "NO_PROXY_FOR_LOGIN",
    "NO_PROXY_FOR_PARAMS",
    "NO_PROXY_FOR_SECRET",
    "PARAMS_MISMATCH",
    "PRIVATE_SECRET",
    "PROXY_SECRET",
    "REGISTER_SHARED",
    "REGISTER_UNSEEN",
    "REQUEST_FUNCTIONS",
    "SECRETS_METHODS",
    "SECRET_TO_HOST",
    "SHARED_STATEMENT",
    "UNALLOWLISTABLE",
    "UNALLOWLISTED_USE",
    "UNKNOWN_CONNECTION",
    "UNKNOWN_CONNECTION_NO_SECRETS",
    "UNSEEN_SQL",
    "UNSEEN_WRITE",
]

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
    {
        "get",
        "keys",
        "values",
        "items",
        "to_dict",
        "load_if_toml_exists",
        "has_key",
        "copy",
        "merge_programmatic_secrets",
    }
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
REGISTER_UNSEEN = Rule(
    code="STC715",
    severity="error",
    message="stc cannot read register_user's {what} here: stc proxy registers users only "
    "within what the app says, read at build time, since a value the page sent could be "
    "anything",
    hint="{how}",
)
REGISTER_SHARED = Rule(
    code="STC715",
    severity="error",
    message="this register_user allows other roles, domains or pre-authorized emails than "
    "the one at {where}: stc proxy registers users under one set of rules",
    hint="call register_user with the same arguments in every page",
)
NEEDS_COOKIES = Rule(
    code="STC714",
    severity="info",
    message="extra-streamlit-components added to the site's packages: stc's "
    "streamlit_authenticator keeps the login in a cookie with its CookieManager",
)
