"""``streamlit.source_util``: page names from file names, as multipage packages
(st-pages) import them."""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["PAGE_FILENAME_REGEX", "page_icon_and_name"]

PAGE_FILENAME_REGEX = re.compile(r"([0-9]*)[_ -]*(.*)\.py")
# An emoji or other pictograph at the start of a name (Streamlit's "leading emoji").
_LEADING_EMOJI = re.compile(
    "^([\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff]"
    "[\ufe0f\u200d\U0001f3fb-\U0001f3ff\U0001f000-\U0001faff\u2600-\u27bf]*)[_ ]*"
)


def _leading_emoji(text: str) -> tuple[str, str]:
    match = _LEADING_EMOJI.match(text)
    if match is None:
        return "", text
    return match.group(1), text[match.end() :]


def page_icon_and_name(script_path: Path) -> tuple[str, str]:
    """``("🎈", "My_page")`` for ``pages/01_🎈_My page.py``; ``("", "")`` for no match."""
    extraction = re.search(PAGE_FILENAME_REGEX, Path(script_path).name)
    if extraction is None:
        return "", ""
    icon_and_name = re.sub(r"[_ ]+", "_", extraction.group(2)).strip() or extraction.group(1)
    return _leading_emoji(icon_and_name)
