"""Text as Streamlit cleans it before it shows it (``string_util.clean_text``): the text
elements and the alerts of the status family do the same."""

from __future__ import annotations

import textwrap
from typing import Any

__all__ = ["clean_text"]


def clean_text(body: Any) -> str:
    """Streamlit's ``clean_text``: the text, dedented and stripped."""
    return textwrap.dedent(str(body)).strip()
