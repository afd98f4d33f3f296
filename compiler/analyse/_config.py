"""The app's ``.streamlit/config.toml``: what a static site can honour of it.

Only ``[theme]`` matters to the page: its colours and font become the ``--stc-*``
CSS custom properties that ``stc.css`` is written against, in a ``<style>`` in
``index.html``. Server and client settings (``[server]``, ``[client] toolbarMode``
...) have no meaning without a server and are ignored. The page ``<title>`` comes
from the app folder's name; ``st.set_page_config(page_title=...)`` sets it at run
time. A file that is not TOML is an ``STC304`` error; a theme value that is not a
colour we can pass through safely is an ``STC305`` warning.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass

from compiler._diagnostics import Diagnostic, Span

__all__ = ["CONFIG", "AppConfig", "read_config", "theme_css"]

CONFIG = ".streamlit/config.toml"

_COLOUR = re.compile(
    r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}|(rgb|rgba|hsl|hsla)\(\s*[0-9.,%\s/deg-]+\))$"
)
_FONT_NAME = re.compile(r"^[A-Za-z0-9 _-]{1,60}$")
_FONTS = {
    "sans serif": None,  # stc.css's default stack
    "sans-serif": None,
    "serif": 'Georgia, "Times New Roman", serif',
    "monospace": "var(--stc-mono)",
}
_COLOURS = {
    "primaryColor": "--stc-primary",
    "backgroundColor": "--stc-bg",
    "secondaryBackgroundColor": "--stc-bg-2",
    "textColor": "--stc-text",
}
_DARK = {  # Streamlit 1.67's dark theme (its frontend's palette)
    "--stc-primary": "#cf4250",
    "--stc-bg": "#171614",
    "--stc-bg-2": "#2d2b27",
    "--stc-code-bg": "#2d2b27",
    "--stc-text": "#edebe8",
    "--stc-muted": "rgba(237, 235, 232, 0.6)",
    "--stc-border": "#4a4742",
}


@dataclass(frozen=True, kw_only=True)
class AppConfig:
    """``theme`` maps ``--stc-*`` properties to CSS values; ``dark`` for ``base = "dark"``."""

    theme: dict[str, str]
    dark: bool = False


def read_config(text: str | None, display: str) -> tuple[AppConfig, tuple[Diagnostic, ...]]:
    """Read *text*, the app's ``.streamlit/config.toml`` (``None``: absent, an empty
    config); *display* is how the app folder is shown in diagnostics."""
    shown = f"{display.rstrip('/')}/{CONFIG}" if display not in ("", ".") else CONFIG
    if text is None:
        return AppConfig(theme={}), ()
    try:
        data = tomllib.loads(text)
    except RecursionError:  # tomllib recurses once per nested array or inline table
        return AppConfig(theme={}), (
            Diagnostic(
                code="STC304",
                severity="error",
                message=f"{CONFIG} is nested too deeply to read",
                span=Span(path=shown, line=0, col=0, end_line=0, end_col=0),
                hint="Streamlit cannot read it either; keep its tables and arrays shallow",
            ),
        )
    except tomllib.TOMLDecodeError as error:
        line = int(m[1]) if (m := re.search(r"line (\d+)", str(error))) else 0
        col = int(m[1]) if (m := re.search(r"column (\d+)", str(error))) else 1
        return AppConfig(theme={}), (
            Diagnostic(
                code="STC304",
                severity="error",
                message=f"{CONFIG} is not valid TOML: {error}",
                span=Span(path=shown, line=line, col=col, end_line=line, end_col=col + 1),
                hint="fix the file, or delete it to use the default theme",
            ),
        )
    theme = data.get("theme", {})
    if not isinstance(theme, dict):
        theme = {}
    return _theme(theme, shown)


def _theme(theme: dict[str, object], shown: str) -> tuple[AppConfig, tuple[Diagnostic, ...]]:
    dark = theme.get("base") == "dark"
    properties = dict(_DARK) if dark else {}
    diagnostics: list[Diagnostic] = []

    def reject(key: str, value: object) -> None:
        diagnostics.append(
            Diagnostic(
                code="STC305",
                severity="warning",
                message=f"[theme] {key} = {value!r} is ignored: not a colour or font stc accepts",
                span=Span(path=shown, line=0, col=0, end_line=0, end_col=0),
                hint='colours like "#c53948" or "rgb(197, 57, 72)"; fonts "sans serif", '
                '"serif", "monospace" or a font name',
            )
        )

    for key, prop in _COLOURS.items():
        value = theme.get(key)
        if value is None:
            continue
        if isinstance(value, str) and _COLOUR.match(value.strip()):
            properties[prop] = value.strip()
            if key == "textColor":
                properties["--stc-muted"] = f"color-mix(in srgb, {value.strip()} 60%, transparent)"
                properties["--stc-border"] = f"color-mix(in srgb, {value.strip()} 20%, transparent)"
        else:
            reject(key, value)
    font = theme.get("font")
    if isinstance(font, str) and font.strip().lower() in _FONTS:
        stack = _FONTS[font.strip().lower()]
        if stack:
            properties["--stc-font"] = stack
    elif isinstance(font, str) and _FONT_NAME.match(font.strip()):
        properties["--stc-font"] = f'"{font.strip()}", sans-serif'
    elif font is not None:
        reject("font", font)
    return AppConfig(theme=properties, dark=dark), tuple(diagnostics)


def theme_css(config: AppConfig) -> str:
    """A ``:root { ... }`` rule overriding stc.css's defaults ("" when nothing is set).

    Every value was checked against a strict pattern, so the text is safe in ``<style>``.
    """
    if not config.theme and not config.dark:
        return ""
    body = "".join(f" {name}: {value};" for name, value in sorted(config.theme.items()))
    scheme = " color-scheme: dark;" if config.dark else ""
    return f":root {{{body}{scheme} }}"
