"""The props ``st.graphviz_chart``, ``st.mermaid_chart`` and ``st.echarts_chart`` check
alike, with Streamlit's messages: a width or height, and the ``alt`` text."""

from __future__ import annotations

from typing import Any

from ...._errors import StreamlitAPIException

__all__ = ["check_size", "normalize_alt"]


def check_size(name: str, value: Any) -> None:
    """Streamlit's ``validate_width``/``validate_height`` with "content" allowed."""
    ok = (
        value in ("stretch", "content")
        if isinstance(value, str)
        else isinstance(value, int) and value > 0
    )
    if not ok:
        raise StreamlitAPIException(
            f"Invalid {name} value: {value!r}. {name.capitalize()} must be either a "
            "positive integer (pixels), 'stretch', or 'content'."
        )


def normalize_alt(alt: object | None) -> str | None:
    """Streamlit's ``normalize_alt``: stripped text, or ``None`` for none or blank."""
    if alt is None:
        return None
    return str(alt).strip() or None
