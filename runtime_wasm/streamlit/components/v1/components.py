"""``streamlit.components.v1.components``: the module older packages import
``CustomComponent`` and ``declare_component`` from."""

from __future__ import annotations

from typing import Any, NoReturn

from ...._errors import StreamlitAPIException
from ...._unsupported import refused
from .custom_component import CustomComponent, MarshallComponentException

__all__ = ["CustomComponent", "MarshallComponentException", "declare_component", "register_widget"]


def declare_component(
    name: str, path: str | Any | None = None, url: str | None = None
) -> CustomComponent:
    """Declare a custom component: its frontend is the folder *path* (a built
    ``index.html`` and its files); a *url* (a development server) cannot be reached
    from a published site, which calling it says."""
    import inspect

    frame = inspect.currentframe()
    caller = frame.f_back if frame is not None else None
    module = caller.f_globals.get("__name__") if caller is not None else None
    return CustomComponent(
        name=f"{module}.{name}" if module else name,
        path=None if path is None else str(path),
        url=url,
        module_name=module,
    )


def register_widget(*args: Any, **kwargs: Any) -> NoReturn:
    """Streamlit registers a component's widget state here; packages wrap it."""
    raise StreamlitAPIException(
        refused("streamlit.components.v1.components.register_widget").message
    )
