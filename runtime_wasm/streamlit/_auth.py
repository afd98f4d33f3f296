"""``st.secrets``, ``st.user``, ``st.login`` and ``st.logout`` on a static site.

Everything a static site ships is readable by its visitors, so stc never ships
``.streamlit/secrets.toml``: ``st.secrets`` is a read-only mapping of only the keys
the user marked public (``[tool.stc] public_secrets``, passed by the build), and its
missing-key errors are Streamlit's plus a hint saying where the others are. Authentication needs a
server to hold the OIDC client secret and the session cookie: ``st.user`` is a
logged-out visitor and ``st.login`` / ``st.logout`` raise a clear error.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, NoReturn

from runtime_wasm.connections._base import AttrDict
from runtime_wasm.connections._transport import current
from runtime_wasm.http._route import SecretPlaceholder
from runtime_wasm.http._route import current as http_settings

from .._errors import StreamlitAPIException
from .._unsupported import refused

__all__ = ["MissingSecretError", "Secrets", "UserInfoProxy", "login", "logout"]

_MISSING_ENTRY_HINT = (
    "Did you forget to add it to secrets.toml, mount it to secret directory, or the app settings "
    "on Streamlit Cloud? More info: "
    "https://docs.streamlit.io/deploy/streamlit-community-cloud/deploy-your-app/secrets-management"
)
_STATIC_HINT = (
    "(stc: a static site never ships secrets to the browser, where every visitor could "
    "read them: st.secrets holds only the keys marked public in [tool.stc] "
    "public_secrets, and placeholders for the keys [tool.stc.secrets] lets `stc proxy` "
    "put into requests; connections' secrets stay with `stc proxy`.)"
)


def _public() -> Mapping[str, Any]:
    """The keys the site has: the public ones, and a placeholder for each key that
    ``stc proxy`` holds and injects into requests (``[tool.stc.secrets]``)."""
    held = http_settings().secrets
    if not held:
        return current().public_secrets
    merged: dict[str, Any] = dict(current().public_secrets)
    for name in held:
        *tables, key = name.split(".")
        table = merged
        for part in tables:
            inner = table.get(part)
            table[part] = inner = dict(inner) if isinstance(inner, Mapping) else {}
            table = inner
        table[key] = SecretPlaceholder(name)
    return merged


def _wrap(value: Any) -> Any:
    return AttrDict(value) if isinstance(value, Mapping) else value


class MissingSecretError(KeyError, FileNotFoundError):
    """A missing secret: Streamlit raises ``KeyError`` when ``secrets.toml`` lacks the
    key and ``StreamlitSecretNotFoundError`` (a ``FileNotFoundError``) when there is no
    file, so apps catch either; this is both."""


class Secrets(Mapping[str, Any]):
    """``st.secrets``: the public keys the build passed, nothing else."""

    def load_if_toml_exists(self) -> bool:
        """Streamlit loads ``secrets.toml`` here; a site has only its public keys."""
        return bool(_public())

    def has_key(self, k: str) -> bool:
        return k in _public()

    def to_dict(self) -> dict[str, Any]:
        return dict(_public())

    def merge_programmatic_secrets(self, programmatic_secrets: Mapping[str, Any]) -> None:
        raise StreamlitAPIException(refused("streamlit.secrets.merge_programmatic_secrets").message)

    def __getitem__(self, key: str) -> Any:
        try:
            return _wrap(_public()[key])
        except KeyError:
            raise MissingSecretError(
                f'st.secrets has no key "{key}". {_MISSING_ENTRY_HINT} {_STATIC_HINT}'
            ) from None

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return _wrap(_public()[key])
        except KeyError:
            raise AttributeError(
                f'st.secrets has no attribute "{key}". {_MISSING_ENTRY_HINT} {_STATIC_HINT}'
            ) from None

    def __iter__(self) -> Iterator[str]:
        return iter(_public())

    def __len__(self) -> int:
        return len(_public())

    def __setitem__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support item assignment.")

    def __delitem__(self, key: str) -> NoReturn:
        raise TypeError("Secrets does not support item deletion.")

    def __setattr__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support attribute assignment.")

    def __repr__(self) -> str:
        return "{}"


class UserInfoProxy(Mapping[str, Any]):
    """``st.user``: a visitor who is not logged in (read-only)."""

    _info: ClassVar[Mapping[str, Any]] = {"is_logged_in": False}

    def __getitem__(self, key: str) -> Any:
        try:
            return self._info[key]
        except KeyError:
            raise KeyError(f'st.user has no key "{key}".') from None

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self._info[key]
        except KeyError:
            raise AttributeError(f'st.user has no attribute "{key}".') from None

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise StreamlitAPIException("st.user cannot be modified")

    def __setitem__(self, name: str, value: Any) -> NoReturn:
        raise StreamlitAPIException("st.user cannot be modified")

    def __iter__(self) -> Iterator[str]:
        return iter(self._info)

    def __len__(self) -> int:
        return len(self._info)

    def __repr__(self) -> str:
        return repr(self._info)

    def to_dict(self) -> dict[str, Any]:
        return dict(self._info)


def login(provider: str | None = None) -> None:
    """Streamlit starts an OIDC login; a static site has no server to do it."""
    raise StreamlitAPIException(refused("streamlit.login").message)


def logout() -> None:
    """Streamlit ends the login session; a static site never has one."""
    raise StreamlitAPIException(refused("streamlit.logout").message)
