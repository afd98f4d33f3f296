"""``st.get_option`` / ``st.set_option``: the config options a browser app can read.

A static site has no ``streamlit run`` command line and no server, so the table
holds the options whose value means something in the page (``theme.*``,
``client.*``, ``server.baseUrlPath``…) at Streamlit 1.67's defaults. As in
Streamlit, only the ``client.*`` options it marks scriptable can be set from the
script; others, and unknown keys, raise Streamlit's errors.
"""

from __future__ import annotations

from typing import Any

from .._errors import StreamlitAPIException

__all__ = ["get_option", "reset_options", "set_option"]

_THEME_KEYS = (
    "theme.base",
    "theme.primaryColor",
    "theme.backgroundColor",
    "theme.secondaryBackgroundColor",
    "theme.textColor",
    "theme.redColor",
    "theme.orangeColor",
    "theme.yellowColor",
    "theme.blueColor",
    "theme.greenColor",
    "theme.violetColor",
    "theme.grayColor",
    "theme.redBackgroundColor",
    "theme.orangeBackgroundColor",
    "theme.yellowBackgroundColor",
    "theme.blueBackgroundColor",
    "theme.greenBackgroundColor",
    "theme.violetBackgroundColor",
    "theme.grayBackgroundColor",
    "theme.redTextColor",
    "theme.orangeTextColor",
    "theme.yellowTextColor",
    "theme.blueTextColor",
    "theme.greenTextColor",
    "theme.violetTextColor",
    "theme.grayTextColor",
    "theme.linkColor",
    "theme.linkUnderline",
    "theme.codeTextColor",
    "theme.codeBackgroundColor",
    "theme.font",
    "theme.fontFaces",
    "theme.baseFontSize",
    "theme.baseFontWeight",
    "theme.metricValueFontSize",
    "theme.metricValueFontWeight",
    "theme.headingFont",
    "theme.headingFontSizes",
    "theme.headingFontWeights",
    "theme.codeFont",
    "theme.codeFontSize",
    "theme.codeFontWeight",
    "theme.baseRadius",
    "theme.buttonRadius",
    "theme.paddingTop",
    "theme.paddingBottom",
    "theme.borderColor",
    "theme.dataframeBorderColor",
    "theme.dataframeHeaderBackgroundColor",
    "theme.dataframeHeaderTextColor",
    "theme.showWidgetBorder",
    "theme.showSidebarBorder",
    "theme.chartCategoricalColors",
    "theme.chartSequentialColors",
    "theme.chartDivergingColors",
)

# Streamlit 1.67's defaults (``config._config_options_template``).
_DEFAULTS: dict[str, Any] = {
    "global.developmentMode": False,
    "global.showWarningOnDirectExecution": True,
    "client.showErrorDetails": "full",
    "client.toolbarMode": "auto",
    "client.disableDataExport": False,
    "client.showSidebarNavigation": True,
    "client.showErrorLinks": "auto",
    "runner.magicEnabled": True,
    "runner.fastReruns": True,
    "server.baseUrlPath": "",
    "server.maxUploadSize": 200,
    "server.maxMessageSize": 200,
    "server.enableStaticServing": False,
    "browser.gatherUsageStats": False,  # a static site sends no usage statistics
    "ui.hideTopBar": False,
    **dict.fromkeys(_THEME_KEYS),
}

# The options Streamlit lets a script set (``scriptable=True`` in its config).
_SCRIPTABLE = frozenset(
    (
        "client.showErrorDetails",
        "client.toolbarMode",
        "client.disableDataExport",
        "client.showSidebarNavigation",
    )
)

_values: dict[str, Any] = dict(_DEFAULTS)


def get_option(key: str) -> Any:
    """Return the current value of the config option ``key`` ("section.optionName")."""
    if key not in _values:
        raise RuntimeError(f'Config key "{key}" not defined.')
    return _values[key]


def set_option(key: str, value: Any) -> None:
    """Set a config option; only the scriptable ``client.*`` options can be set."""
    if key not in _DEFAULTS:
        raise StreamlitAPIException(f"Unrecognized config option: {key}")
    if key not in _SCRIPTABLE:
        raise StreamlitAPIException(
            f"{key} cannot be set on the fly. Set as command line option, e.g. "
            f"streamlit run script.py --{key}, or in config.toml instead."
        )
    _values[key] = value


def reset_options() -> None:
    """Back to the defaults (tests)."""
    _values.clear()
    _values.update(_DEFAULTS)
