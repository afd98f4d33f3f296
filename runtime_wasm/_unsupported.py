"""What the runtime refuses to do in a static site, and why: one table that the runtime
raises from and the compiler reports from, so the two cannot drift.

Each :class:`Refusal` names an API as an app reaches it (``streamlit.login``, a method
of a class the app constructs: ``streamlit_authenticator.Authenticate.forgot_password``,
or a parameter value: ``register_user`` given ``two_factor_auth=True``). The runtime raises
``message`` word for word (``refused(api).text()``); ``stc check`` reports the same
text at the call (``STC106``, :mod:`compiler.analyse.passes._refusals`), so an app
that would stop in the browser fails at build time instead. Connections' ``.session``,
``.engine``… are here for their message; the compiler reports them as ``STC704``,
where it follows the connection (``tests/unit/test_refusals.py`` checks both lists
agree). Streamlit commands stc has not written yet are another list,
:data:`runtime_wasm.streamlit._not_yet.NOT_YET` (``STC101``).

Plain data, no ``js``: the compiler imports it on CPython.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["REFUSALS", "Refusal", "refused"]


@dataclass(frozen=True, kw_only=True)
class Refusal:
    """One API the runtime refuses.

    With ``arguments`` only a call that gives that parameter (by keyword, or at
    ``position``) one of ``values`` is refused: ``"True"`` for the literal, else the
    qualified name of a callable whose call makes the value (``datetime.date``; its
    class methods, ``datetime.date.today``, count too). With ``accepted`` only a call
    that gives its ``**kwargs`` a keyword not listed there is refused, and ``{names}``
    in the message are those keywords (:meth:`text`)."""

    api: str
    message: str
    hint: str
    arguments: tuple[tuple[str, int | None], ...] = ()
    values: tuple[str, ...] = ()
    instance: bool = False  # api is Class.method, reached through an instance the app makes
    accepted: tuple[str, ...] | None = None

    def text(self, names: list[str] | None = None) -> str:
        """The message; for ``accepted``, naming the keywords it does not accept."""
        if self.accepted is None:
            return self.message
        return self.message.format(names=", ".join(names or ()))


_NO_AUTH = (
    "`st.{name}()` needs a server: authentication keeps an OIDC client secret and a "
    "session cookie that a static site cannot hold. stc builds static sites, so "
    "`st.login` and `st.logout` are not available (see stc's README, limits); "
    "`st.user.is_logged_in` is always False."
)
_AUTH_HINT = (
    "streamlit-authenticator's Authenticate logs users in through stc proxy (README, 'Components')"
)
_NOT_THROUGH_PROXY = (
    "`{what}` is not available in stc: a static site reaches its database only "
    "through `stc proxy`, which runs the statements the compiler found in the app's "
    "`conn.query(...)` calls, with bound parameters. Use `conn.query(sql, params=...)`."
)


def _connection(cls: str, attribute: str, what: str) -> Refusal:
    return Refusal(
        api=f"streamlit.connections.{cls}.{attribute}",
        instance=True,
        message=_NOT_THROUGH_PROXY.format(what=what),
        hint="use conn.query(sql, params=...); writes and ORM code belong in a server",
    )


REFUSALS: tuple[Refusal, ...] = (
    Refusal(api="streamlit.login", message=_NO_AUTH.format(name="login"), hint=_AUTH_HINT),
    Refusal(api="streamlit.logout", message=_NO_AUTH.format(name="logout"), hint=_AUTH_HINT),
    Refusal(
        api="streamlit.secrets.merge_programmatic_secrets",
        message="st.secrets.merge_programmatic_secrets is not available in stc: a static "
        "site never ships secrets to the browser, where every visitor could read them.",
        hint="mark keys every visitor may read with public_secrets under [tool.stc]; "
        "keys the app sends to web APIs go in [tool.stc.secrets] and stay on stc proxy",
    ),
    Refusal(
        api="streamlit.runtime.get_instance",
        message="`streamlit.runtime.get_instance()` is Streamlit's server, which a static "
        "stc site does not have.",
        hint="streamlit.runtime.exists() tells whether a script run is in progress",
    ),
    Refusal(
        api="streamlit.components.v1.components.register_widget",
        message="`register_widget` of `streamlit.components.v1.components` is not available "
        "in stc: it is Streamlit's internal widget registry, which stc does not have.",
        hint="declare the component with components.declare_component(name, path=...) "
        "and call what it returns",
    ),
    Refusal(
        api="streamlit_authenticator.Authenticate.forgot_password",
        instance=True,
        message="`Authenticate.forgot_password()` is not available in stc: the package makes "
        "a new password and hands it to the app's code, which in a static site runs in the "
        "visitor's browser, so anyone who knows a user name could take over that account. "
        "Let users change their password with `reset_password()` once logged in.",
        hint="offer reset_password() to logged-in users instead",
    ),
    Refusal(
        api="streamlit_authenticator.Authenticate.forgot_username",
        instance=True,
        message="`Authenticate.forgot_username()` is not available in stc: the package hands "
        "the user name of any email to the app's code, which in a static site runs in the "
        "visitor's browser.",
        hint="remove the call; an administrator can look the user name up",
    ),
    Refusal(
        api="streamlit_authenticator.Authenticate.experimental_guest_login",
        instance=True,
        message="`Authenticate.experimental_guest_login()` is not available in stc: guest "
        "logins are OAuth2 (Google, Microsoft), whose client secret stc proxy would have to "
        "hold, and stc proxy does not offer OAuth2 yet (see stc's README, 'Not yet').",
        hint="log users in with login(), which stc proxy checks",
    ),
    Refusal(
        api="streamlit_authenticator.Authenticate.register_user",
        instance=True,
        arguments=(("two_factor_auth", 8),),
        values=("True",),
        message="Two-factor authentication is not available in stc: streamlit-authenticator "
        "sends its codes through its cloud service with an API key, which a static site "
        "would hand to every visitor.",
        hint="call register_user without two_factor_auth",
    ),
    Refusal(
        api="streamlit.connections.SQLConnection.query",
        instance=True,
        accepted=("dtype", "parse_dates"),
        message="query() does not take {names} in stc: the proxy runs the statement, and "
        "the page builds the DataFrame with the read_sql options dtype and parse_dates "
        "only.",
        hint="leave the option out, or convert the DataFrame query() returns",
    ),
    _connection("SQLConnection", "connect", "SQLConnection.connect()"),
    _connection("SQLConnection", "engine", "SQLConnection.engine"),
    _connection("SQLConnection", "driver", "SQLConnection.driver"),
    _connection("SQLConnection", "session", "SQLConnection.session"),
    _connection("SnowflakeConnection", "cursor", "SnowflakeConnection.cursor()"),
    _connection("SnowflakeConnection", "raw_connection", "SnowflakeConnection.raw_connection"),
    _connection("SnowflakeConnection", "session", "SnowflakeConnection.session()"),
)

_BY_API = {refusal.api: refusal for refusal in REFUSALS}


def refused(api: str) -> Refusal:
    """The refusal of *api* (a ``KeyError`` for an API the table does not list)."""
    return _BY_API[api]
