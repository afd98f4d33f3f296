"""What ``st.components.v2.component`` registers: a name and the HTML, CSS and
JavaScript the page mounts under it.

Streamlit keeps one registry per server and looks a component up by name at every
mount, so the last registration of a name wins (its docs say so). A site runs one
session, so one registry per process does the same; a mount also registers its own
definition when the name is missing (``component()`` may have run at import in an
earlier process state, as Streamlit's ``_ensure_component_on_active_runtime``).

``css`` and ``js`` are inline text, or a path or glob into the ``asset_dir`` that an
installed package declares in its ``pyproject.toml``. Streamlit's server serves that
folder; a static site has no server, so a file-backed entry is refused with a message
saying so (Streamlit's own message when the component declares no ``asset_dir``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...._errors import StreamlitAPIException, StreamlitInvalidParameterTypeError
from ._manifests import declares_asset_dir

__all__ = ["ComponentDefinition", "define", "definition", "ensure", "looks_like_inline_content"]

_GLOB = ("*", "?", "[", "]")


@dataclass(frozen=True, slots=True)
class ComponentDefinition:
    """One registered component: its inline HTML, CSS and JavaScript (each optional)."""

    name: str
    html: str | None = None
    css: str | None = None
    js: str | None = None


_registry: dict[str, ComponentDefinition] = {}


def looks_like_inline_content(value: str) -> bool:
    r"""Streamlit's ``ComponentPathUtils.looks_like_inline_content``: text with a line
    break is content; a glob, a leading ``./``, ``/`` or ``\``, a path separator or an
    asset extension (``.js``, ``.mjs``, ``.cjs``, ``.css``) make it a path."""
    s = value.strip()
    if "\n" in s or "\r" in s:
        return True
    if any(char in s for char in _GLOB) or s.startswith(("./", "/", "\\")):
        return False
    if "/" in s or "\\" in s:
        return False
    return not s.lower().endswith((".js", ".css", ".mjs", ".cjs"))


def _check_entry(name: str, kind: str, value: str | None) -> None:
    if value is None or looks_like_inline_content(value):
        return
    if declares_asset_dir(name):
        raise StreamlitAPIException(
            f"Component '{name}' reads its {kind} from the file {value!r} of its package's "
            "asset_dir, which a static site does not serve: stc runs components whose "
            "CSS and JavaScript are passed inline (the files' contents as strings)."
        )
    raise StreamlitAPIException(
        f"Component '{name}' must be declared in pyproject.toml with asset_dir "
        f"to use file-backed {kind}."
    )


def define(name: str, html: str | None, css: str | None, js: str | None) -> ComponentDefinition:
    """Check and register a component under *name* (replacing one of that name)."""
    for param, value in (("css", css), ("js", js)):
        if value is not None and not isinstance(value, str):
            raise StreamlitInvalidParameterTypeError(
                param, type(value).__name__, ["str", "None"], detail="Pass a string path or glob."
            )
    _check_entry(name, "css", css)
    _check_entry(name, "js", js)
    found = _registry[name] = ComponentDefinition(name=name, html=html, css=css, js=js)
    return found


def ensure(found: ComponentDefinition) -> None:
    """Register *found* again if its name is missing (a mount after a reset)."""
    _registry.setdefault(found.name, found)


def definition(name: str) -> ComponentDefinition:
    """The component registered as *name*: Streamlit's error when there is none."""
    found = _registry.get(name)
    if found is None:
        raise StreamlitAPIException(f"Component '{name}' is not registered.")
    return found
