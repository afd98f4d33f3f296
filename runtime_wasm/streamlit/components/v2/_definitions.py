"""What ``st.components.v2.component`` registers: a name and the HTML, CSS and
JavaScript the page mounts under it.

Streamlit keeps one registry per server and looks a component up by name at every
mount, so the last registration of a name wins (its docs say so). A site runs one
session, so one registry per process does the same; a mount also registers its own
definition when the name is missing (``component()`` may have run at import in an
earlier process state, as Streamlit's ``_ensure_component_on_active_runtime``).

``css`` and ``js`` are inline text, or a path or glob into the ``asset_dir`` that an
installed package declares in its ``pyproject.toml`` (``_manifests``): that file then
loads from the site, which carries the folder (``_assets``). Without a declared
``asset_dir``, a path is Streamlit's error.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...._errors import StreamlitAPIException, StreamlitInvalidParameterTypeError
from ._assets import asset_src
from ._manifests import asset_root

__all__ = ["ComponentDefinition", "define", "definition", "ensure", "looks_like_inline_content"]

_GLOB = ("*", "?", "[", "]")


@dataclass(frozen=True, slots=True)
class ComponentDefinition:
    """One registered component: its inline HTML, CSS and JavaScript (each optional),
    or the site paths of its CSS and JavaScript files (``css_src``, ``js_src``)."""

    name: str
    html: str | None = None
    css: str | None = None
    js: str | None = None
    css_src: str | None = None
    js_src: str | None = None


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


def _entry(name: str, kind: str, value: str | None) -> tuple[str | None, str | None]:
    """``(inline text, site path)`` of a ``css`` or ``js`` value, one of them ``None``."""
    if value is None or looks_like_inline_content(value):
        return value, None
    root = asset_root(name)
    if root is None:
        raise StreamlitAPIException(
            f"Component '{name}' must be declared in pyproject.toml with asset_dir "
            f"to use file-backed {kind}."
        )
    return None, asset_src(value, root, kind)


def define(name: str, html: str | None, css: str | None, js: str | None) -> ComponentDefinition:
    """Check and register a component under *name* (replacing one of that name)."""
    for param, value in (("css", css), ("js", js)):
        if value is not None and not isinstance(value, str):
            raise StreamlitInvalidParameterTypeError(
                param, type(value).__name__, ["str", "None"], detail="Pass a string path or glob."
            )
    css, css_src = _entry(name, "css", css)
    js, js_src = _entry(name, "js", js)
    found = _registry[name] = ComponentDefinition(
        name=name, html=html, css=css, js=js, css_src=css_src, js_src=js_src
    )
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
