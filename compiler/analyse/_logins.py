"""What the build knows of the app's logins: ``stc/auth.json`` and the redacted file.

The logins visitor (:mod:`compiler.analyse.passes._auth`) finds each ``Authenticate`` call
and where its users are. Here they become the one
:class:`~runtime_wasm.auth.AuthConfig` the proxy reads, with ``[tool.stc.login]``'s
names and roles; every call must name the same credentials (``STC712``), since the
proxy checks one set of users.

A credentials file of the app never ships as it is. The site gets a redacted copy
(:func:`compiler.analyse._redact.redact`) in its place, whether the content scan left the
original out (bcrypt hashes, ``STC012``) or not (0.4 also takes plain passwords); a
copy that still holds a credential, or a file stc cannot redact, does not ship at all.
The copy's diagnostics replace the ones that no longer hold: the original's
``STC012`` (an ``STC713`` note instead), ``STC301`` at its path (the site has it), and
``STC705`` at the ``st.secrets`` reads the proxy answers.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from compiler._diagnostics import Diagnostic, Span
from compiler.analyse._appfiles import SCAN_LIMIT, inside
from compiler.analyse._facts import LoginUse, RegisterUse
from compiler.analyse._parse import ParsedApp, display_path
from compiler.analyse._project import PYPROJECT, SECRETS, Project, file_span
from compiler.analyse._redact import redact, secrets_view
from compiler.analyse._secret_files import scan_text
from compiler.analyse.passes._proxy_rules import (
    CREDENTIALS_FILE,
    CREDENTIALS_REDACTED,
    CREDENTIALS_SHARED,
    REGISTER_SHARED,
)
from runtime_wasm.auth import AuthConfig, CredentialsSource, RegisterRules

__all__ = ["Logins", "plan_logins"]

_SHAPE = (
    "streamlit-authenticator's config.yaml: credentials: usernames: {<user>: {email, name, "
    "password}}, and cookie: name, key, expiry_days"
)
_NO_COOKIE_KEY = "; it has no cookie key, so stc proxy signs logins with STC_PROXY_AUTH_KEY"


@dataclass(frozen=True, kw_only=True)
class Logins:
    """``config`` for ``stc/auth.json`` (``None``: the app has no login stc can serve);
    ``redacted``: rel → the copy the site gets of a credentials file, or ``None``
    when it gets none."""

    config: AuthConfig | None = None
    redacted: Mapping[str, bytes | None] = field(default_factory=dict)
    # users in st.secrets: what the page's st.secrets holds of them (compiler.analyse._redact)
    public_secrets: Mapping[str, Any] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()
    accounted: frozenset[tuple[str, Span]] = frozenset()  # (code, span) that no longer hold
    cleared: frozenset[str] = frozenset()  # shown paths of files whose STC012 the copy answers

    def supersedes(self, diagnostic: Diagnostic) -> bool:
        """Whether *diagnostic* no longer holds, given the logins."""
        if diagnostic.code == "STC012":
            return diagnostic.span.path in self.cleared
        return (diagnostic.code, diagnostic.span) in self.accounted


def plan_logins(
    uses: Sequence[LoginUse],
    parsed: ParsedApp,
    project: Project,
    registers: Sequence[RegisterUse] = (),
) -> Logins:
    """The logins of the app whose ``Authenticate`` calls are *uses*, and whose
    ``register_user`` calls are *registers*."""
    if not uses:
        if not project.login.declared:
            return Logins()
        message = (
            "[tool.stc.login] says what needs a login, and the app never calls "
            "streamlit_authenticator's Authenticate: stc proxy would refuse those requests"
        )
        span = file_span(display_path(parsed.app_dir), PYPROJECT)
        warning = Diagnostic(code="STC710", severity="warning", message=message, span=span,
                             quote=False)  # fmt: skip
        return Logins(diagnostics=(warning,))
    known = [use for use in uses if use.source is not None]
    if not known:
        return Logins()  # each call has its STC712
    first = known[0]
    assert first.source is not None
    diagnostics = [
        CREDENTIALS_SHARED.diagnostic(
            use.span, this=_shown(use.source), first=_shown(first.source), where=first.where
        )
        for use in known
        if use.source is not None and use.source != first.source
    ]
    accounted = {
        (code, span)
        for use in known
        if use.source == first.source
        for span in use.accounted
        for code in (("STC705",) if first.source.kind == "secrets" else ("STC301",))
    }
    source = first.source
    redacted: dict[str, bytes | None] = {}
    cleared: set[str] = set()
    public: dict[str, Any] = {}
    if source.kind == "secrets":
        public = secrets_view(_secrets_toml(parsed), source.key, source.cookie_key)
        rest = " (the cookie's name and expiry_days)"
        diagnostics.append(CREDENTIALS_REDACTED.diagnostic(first.span, rest=rest))
    if source.kind == "file":
        copy = _redacted_file(source, first, parsed)
        diagnostics += copy.diagnostics
        if copy.present:  # never as it is: redacted, or not at all
            redacted[source.path] = copy.text
        if copy.text is None:
            accounted = set()  # the site has no copy: STC301 at its path still holds
        else:
            cleared.add(display_path(parsed.app_dir / source.path))
        if not copy.cookie_key:  # the proxy signs with STC_PROXY_AUTH_KEY
            source = replace(source, cookie_key="")
    register, differ = _register_rules(registers)
    diagnostics += differ
    config = AuthConfig(
        credentials=source,
        require=project.login.required,
        roles=dict(project.login.roles),
        max_expiry_days=project.login.max_expiry_days,
        where=first.where,
        register=register,
    )
    return Logins(config=config, redacted=redacted, public_secrets=public,
                  diagnostics=tuple(diagnostics), accounted=frozenset(accounted),
                  cleared=frozenset(cleared))  # fmt: skip


def _register_rules(
    registers: Sequence[RegisterUse],
) -> tuple[RegisterRules | None, list[Diagnostic]]:
    """The one set of rules the app's ``register_user`` calls allow (``None``: the app
    registers nobody, or stc could not read a call, which has its ``STC715``)."""
    read = [use for use in registers if use.rules is not None]
    if not read or len(read) < len(registers):
        return None, []
    first = read[0]
    differ = [
        REGISTER_SHARED.diagnostic(use.span, where=first.where)
        for use in read[1:]
        if use.rules != first.rules
    ]
    return (None if differ else first.rules), differ


def _secrets_toml(parsed: ParsedApp) -> dict[str, Any] | None:
    """The app's secrets.toml at build (never shipped), or None without a readable one."""
    path = parsed.app_dir / SECRETS
    if not path.is_file() or not inside(parsed.app_dir, path):
        return None
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None  # its own diagnostic comes from compiler.analyse._project


@dataclass(frozen=True, kw_only=True)
class _Copy:
    present: bool  # the file is in the app folder: shipped, or left out for its content
    text: bytes | None = None  # None: the site gets no copy
    cookie_key: bool = True  # whether the signing key is in the file
    diagnostics: tuple[Diagnostic, ...] = ()


def _redacted_file(source: CredentialsSource, use: LoginUse, parsed: ParsedApp) -> _Copy:
    """The copy of the credentials file the site gets, or why it gets none."""
    rel = source.path
    path = parsed.withheld.get(rel) or next((f.path for f in parsed.files if f.rel == rel), None)
    if path is None:
        why = f"{rel} is not a file the site gets (missing, outside the app folder, or .stcignore)"
        fix = f"put the file in the app folder, at the path the app opens it by: {rel}"
        missing = CREDENTIALS_FILE.diagnostic(use.span, why=why, fix=fix)
        return _Copy(present=False, diagnostics=(missing,))
    where = Span(path=display_path(path), line=0, col=0, end_line=0, end_col=0)

    def refused(problem: str, fix: str = _SHAPE) -> _Copy:
        found = CREDENTIALS_FILE.diagnostic(where, why=f"{rel} {problem}", fix=fix)
        return _Copy(present=True, diagnostics=(replace(found, quote=False),))

    try:
        if path.stat().st_size > SCAN_LIMIT:
            return refused("is over 8 MB, too large to redact")
        text = path.read_bytes().decode("utf-8")
    except OSError:
        return refused("cannot be read")
    except UnicodeDecodeError:
        return refused("is not UTF-8 text")
    copy = redact(text, source.key, source.cookie_key)
    if isinstance(copy, str):
        return refused(copy)
    left = scan_text(copy.text)
    if left is not None:
        problem = (
            f"still holds what looks like a {left.kind} once its users and cookie key are "
            "taken out, so no copy of it ships"
        )
        return refused(problem, "move that value out of the file: a static site is public")
    rest = "" if copy.cookie_key else _NO_COOKIE_KEY
    note = replace(CREDENTIALS_REDACTED.diagnostic(where, rest=rest), quote=False)
    return _Copy(present=True, text=copy.text.encode("utf-8"), cookie_key=copy.cookie_key,
                 diagnostics=(note,))  # fmt: skip


def _shown(source: CredentialsSource) -> str:
    if source.kind == "file":
        return f"{source.path} ({source.key})"
    return f"st.secrets[{source.key!r}]"
