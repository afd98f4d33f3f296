"""``BaseConnection``: what ``st.connection`` builds, with Streamlit 1.67's interface.

A subclass provides ``_connect(**kwargs)``; ``_instance`` connects lazily and
``reset()`` drops the raw connection. In the browser ``_secrets`` holds only the keys
of ``[connections.<name>]`` the user marked public (``[tool.stc] public_secrets``):
the rest stay on the proxy, so a custom connection that needs a password must go
through it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any, Generic, Literal, TypeVar

from runtime_wasm.connections._transport import current

__all__ = ["AttrDict", "BaseConnection", "RawConnectionT"]

RawConnectionT = TypeVar("RawConnectionT")


class AttrDict(dict[str, Any]):
    """A read-only mapping whose keys are attributes too (Streamlit's ``AttrDict``)."""

    def __getattr__(self, key: str) -> Any:
        try:
            value = self[key]
        except KeyError:
            raise AttributeError(f"{key!r} is not in this section of st.secrets") from None
        return AttrDict(value) if isinstance(value, Mapping) else value

    def to_dict(self) -> dict[str, Any]:
        return dict(self)


class BaseConnection(ABC, Generic[RawConnectionT]):
    """The abstract base class of every connection (``streamlit.connections``)."""

    def __init__(self, connection_name: str, **kwargs: Any) -> None:
        self._connection_name = connection_name
        self._kwargs = kwargs
        self._raw_instance: RawConnectionT | None = self._connect(**kwargs)

    def __getattribute__(self, name: str) -> Any:
        try:
            return object.__getattribute__(self, name)
        except AttributeError:
            if name != "_instance" and hasattr(self._instance, name):
                raise AttributeError(
                    f"`{name}` doesn't exist here, but you can call `._instance.{name}` instead"
                ) from None
            raise

    @property
    def _secrets(self) -> AttrDict:
        """This connection's public keys from ``[connections.<name>]``, nothing else."""
        section = current().public_secrets.get("connections", {})
        found = section.get(self._connection_name, {}) if isinstance(section, Mapping) else {}
        return AttrDict(found if isinstance(found, Mapping) else {})

    def reset(self) -> None:
        """Drop the raw connection: the next use connects again."""
        self._raw_instance = None

    @property
    def _instance(self) -> RawConnectionT:
        if self._raw_instance is None:
            self._raw_instance = self._connect(**self._kwargs)
        return self._raw_instance

    @abstractmethod
    def _connect(self, **kwargs: Any) -> RawConnectionT:
        """Create the underlying connection object."""

    @classmethod
    def scope(cls) -> Literal["global", "session"]:
        """``"global"``: one instance for every session (here, the tab's only one)."""
        return "global"

    def close(self) -> None:
        """Called when ``st.connection``'s cache releases the connection."""
