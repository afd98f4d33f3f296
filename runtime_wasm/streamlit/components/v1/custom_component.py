"""Custom components: a Python function plus a JavaScript frontend that Streamlit's
server serves from the package. A static stc site has no such server, so declaring
one works (packages declare theirs at import time) and calling one says why it
cannot show.
"""

from __future__ import annotations

from typing import Any

from ...._errors import StreamlitAPIException

__all__ = ["CustomComponent", "MarshallComponentException"]


class MarshallComponentException(StreamlitAPIException):
    """A custom component was called with arguments it cannot send."""


class CustomComponent:
    """What ``declare_component`` returns; calling it raises a clear error."""

    def __init__(
        self,
        name: str,
        path: str | None = None,
        url: str | None = None,
        module_name: str | None = None,
    ) -> None:
        self.name = name
        self.path = path
        self.url = url
        self.module_name = module_name

    def __repr__(self) -> str:
        return f"CustomComponent(name={self.name!r}, path={self.path!r}, url={self.url!r})"

    def __call__(
        self,
        *args: Any,
        default: Any = None,
        key: str | None = None,
        on_change: Any = None,
        tab_index: int | None = None,
        **kwargs: Any,
    ) -> Any:
        return self.create_instance(*args, default=default, key=key, **kwargs)

    def create_instance(self, *args: Any, **kwargs: Any) -> Any:
        raise StreamlitAPIException(
            f"The custom component `{self.name}` cannot run in stc: custom components "
            "need their JavaScript frontend served by a Streamlit server, and a static "
            "stc site has none. Use a built-in `st.*` element instead."
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CustomComponent) and (self.name, self.path, self.url) == (
            other.name,
            other.path,
            other.url,
        )

    __hash__ = object.__hash__
