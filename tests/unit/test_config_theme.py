"""``.streamlit/config.toml``: [theme] to CSS custom properties, STC304 for bad TOML."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler import BuildOptions, NullReporter, build
from compiler.analyse._config import AppConfig, read_config, theme_css


def test_no_config_no_css() -> None:
    app_config, diagnostics = read_config(None, ".")
    assert (theme_css(app_config), diagnostics) == ("", ())


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        pytest.param(
            '[theme]\nprimaryColor = "#1e88e5"\n', "--stc-primary: #1e88e5;", id="primary"
        ),
        pytest.param('[theme]\nbackgroundColor = "white"\n', "--stc-bg: white;", id="named"),
        pytest.param(
            '[theme]\nsecondaryBackgroundColor = "rgb(240, 242, 246)"\n',
            "--stc-bg-2: rgb(240, 242, 246);",
            id="rgb",
        ),
        pytest.param(
            '[theme]\ntextColor = "#222"\n',
            "--stc-muted: color-mix(in srgb, #222 60%, transparent);",
            id="text-derives-muted",
        ),
        pytest.param('[theme]\nfont = "serif"\n', "--stc-font: Georgia", id="serif"),
        pytest.param('[theme]\nfont = "monospace"\n', "--stc-font: var(--stc-mono);", id="mono"),
        pytest.param(
            '[theme]\nfont = "Inter"\n', '--stc-font: "Inter", sans-serif;', id="font-name"
        ),
        pytest.param('[theme]\nbase = "dark"\n', "color-scheme: dark;", id="dark"),
        pytest.param('[theme]\nbase = "dark"\n', "--stc-bg: #171614;", id="dark-bg"),
    ],
)
def test_theme_css(toml: str, expected: str) -> None:
    app_config, diagnostics = read_config(toml, ".")
    assert diagnostics == ()
    css = theme_css(app_config)
    assert css.startswith(":root {") and expected in css


def test_dark_base_with_own_primary() -> None:
    app_config, _ = read_config('[theme]\nbase="dark"\nprimaryColor="#0f0"\n', ".")
    assert app_config.dark and app_config.theme["--stc-primary"] == "#0f0"


@pytest.mark.parametrize(
    "value", ['"red; } body { display: none"', '"</style><script>"', "12", '"url(x)"']
)
def test_unsafe_values_are_ignored_with_a_warning(value: str) -> None:
    app_config, diagnostics = read_config(f"[theme]\nprimaryColor = {value}\n", ".")
    assert app_config == AppConfig(theme={})
    assert [(d.code, d.severity) for d in diagnostics] == [("STC305", "warning")]


def test_other_sections_are_ignored() -> None:
    app_config, diagnostics = read_config(
        '[client]\ntoolbarMode = "minimal"\n[server]\nport = 1\n', "."
    )
    assert (theme_css(app_config), diagnostics) == ("", ())


def test_malformed_toml_is_stc304_with_the_line() -> None:
    _, diagnostics = read_config('[theme]\nprimaryColor = "#fff\n', "app")
    (error,) = diagnostics
    assert (error.code, error.severity) == ("STC304", "error")
    assert (error.span.path, error.span.line) == ("app/.streamlit/config.toml", 2)


def test_theme_in_index_html(tmp_path: Path) -> None:
    app = tmp_path / "themed" / "app.py"
    app.parent.mkdir()
    app.write_text("import streamlit as st\n", encoding="utf-8")
    (app.parent / ".streamlit").mkdir()
    (app.parent / ".streamlit" / "config.toml").write_text(
        '[theme]\nprimaryColor = "#1e88e5"\nfont = "serif"\n', encoding="utf-8"
    )
    build(BuildOptions(app=app, out_dir=tmp_path / "site"), NullReporter())
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    style = '<style id="stc-theme">:root {'
    assert style in html and "--stc-primary: #1e88e5;" in html
    assert html.index('href="stc/stc.css"') < html.index(style)  # overrides the defaults
