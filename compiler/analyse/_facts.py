"""Facts the analysis finds and later stages consume (one definition, shared).

``analyse`` produces them from the libcst modules; ``resolve`` turns imports into
packages and files to ship. Keeping the types here lets both stages be written and
tested independently.
"""

from __future__ import annotations

from dataclasses import dataclass

from compiler._diagnostics import Span
from runtime_wasm.auth import CredentialsSource, RegisterRules

__all__ = ["ConnectionUse", "ImportRef", "LoginUse", "PageRef", "RegisterUse", "RemoteResource"]


@dataclass(frozen=True, kw_only=True)
class ImportRef:
    """One import in the app's code.

    ``module`` is the absolute dotted name as imported (relative imports already
    resolved against the importing file), ``top`` its first component. ``optional``
    marks imports the app survives without: inside ``try`` with an ``except
    ImportError``/``ModuleNotFoundError``, or under a conditional. ``dynamic`` marks
    ``importlib.import_module("literal")`` and ``__import__("literal")``.
    """

    module: str
    top: str
    file: str  # the importing file, relative to the app folder ("pkg/util.py")
    span: Span
    optional: bool = False
    dynamic: bool = False


@dataclass(frozen=True, kw_only=True)
class PageRef:
    """A page of a multipage app found in the code: a literal ``st.Page(...)``, or a
    literal path or a function name given to ``st.navigation``.

    ``script`` is the page's file relative to the app folder (``None`` for a
    callable), ``url_path`` its address (``""`` for ``default=True``): literals only,
    so a computed ``url_path`` leaves the page to the runtime (no static entry)."""

    url_path: str | None
    script: str | None
    default: bool
    span: Span


@dataclass(frozen=True, kw_only=True)
class ConnectionUse:
    """A literal ``st.connection(name, ...)`` whose queries go through ``stc proxy``.

    ``kind`` is ``"sql"``, ``"snowflake"``, or ``None`` when neither ``type=``, the
    name nor secrets.toml says (stc then reads its queries as SQLAlchemy's)."""

    name: str
    kind: str | None
    span: Span
    file: str  # the file it is in, relative to the app folder


@dataclass(frozen=True, kw_only=True)
class RegisterUse:
    """A call of ``Authenticate.register_user``: the registrations ``stc proxy`` allows
    (``None`` when stc cannot read them: the call has an ``STC715`` already)."""

    rules: RegisterRules | None
    span: Span
    where: str  # "app.py:12:5"


@dataclass(frozen=True, kw_only=True)
class LoginUse:
    """A call of streamlit-authenticator's ``Authenticate``, whose logins ``stc proxy``
    checks.

    ``source`` says where the proxy reads the users and the signing key (``None`` when
    stc cannot tell: the call has an ``STC712`` already). ``accounted`` are the spans
    of the reads the call accounts for, whose diagnostics would mislead: the
    ``st.secrets`` reads the proxy answers (``STC705``), the literal path of a
    credentials file the site gets redacted (``STC301``)."""

    source: CredentialsSource | None
    span: Span
    file: str  # the file it is in, relative to the app folder
    where: str  # "app.py:12:5", as AuthConfig.where gives it
    accounted: tuple[Span, ...] = ()


@dataclass(frozen=True, kw_only=True)
class RemoteResource:
    """A URL on another host that an element hands to the page (``st.image("https://…")``):
    the visitor's browser fetches it from there, so the site depends on that host.

    ``command`` is how the app calls it (``"st.image"``); ``where`` is ``"app.py:12:5"``."""

    url: str
    command: str
    span: Span

    @property
    def where(self) -> str:
        return f"{self.span.path}:{self.span.line}:{self.span.col}"
