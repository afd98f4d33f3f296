"""Remote media: the URLs ``st.image``, ``st.audio``, ``st.video``, ``st.pdf`` and
``st.logo`` hand to the page, which the visitor's browser then fetches from their host;
and the images of Markdown text (``![cat](https://…)``, ``<img src="https://…">``).

Streamlit passes an ``http(s)://`` string on as the element's ``src``, and so does
stc: the site depends on that host at run time, which the build report says
("remote resources the page will fetch") and ``stc test`` refuses unless the host is
allowed (``--allow-host``). Only literals are seen (a string, or a list or tuple of
them for ``st.image``'s several images); a URL built at run time is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import libcst as cst

from compiler.analyse.passes._names import argument, string_value

__all__ = ["MARKDOWN_COMMANDS", "MEDIA_URL_PARAMETERS", "media_urls"]

# command → the parameters that may hold a URL: (name, position; None: keyword-only)
MEDIA_URL_PARAMETERS: Mapping[str, tuple[tuple[str, int | None], ...]] = {
    "image": (("image", 0),),
    "audio": (("data", 0),),
    "video": (("data", 0), ("subtitles", None)),
    "pdf": (("data", 0),),
    "logo": (("image", 0), ("icon_image", None)),
}
_REMOTE = ("http://", "https://", "//")
# Commands whose text is Markdown (images included), and st.html, whose is HTML.
MARKDOWN_COMMANDS = frozenset(
    {"markdown", "write", "caption", "title", "header", "subheader", "info", "success",
     "warning", "error", "html"}
)  # fmt: skip
# Bounded runs: an unbounded one rescans the rest of the text at every "<img" or "!["
# that does not close, which on a hostile 1 MB literal would take hours.
_IMAGES = re.compile(
    r"!\[[^\[\]]{0,500}\]\(\s{0,50}<?(?P<md>(?:https?:)?//[^\s)>]{1,2000})"  # ![alt](url)
    r"|<img\b[^<>]{0,500}?\bsrc\s{0,50}=\s{0,50}[\"'](?P<html>(?:https?:)?//[^\"']{1,2000})",
    re.IGNORECASE,
)


def media_urls(command: str, call: cst.Call) -> Iterator[tuple[str, cst.BaseExpression]]:
    """The remote URLs *call* of *command* (``"image"``, ``"DeltaGenerator.image"``)
    gives the page, each with the literal that holds it."""
    command = command.removeprefix("DeltaGenerator.")
    if command in MARKDOWN_COMMANDS:
        # Raw HTML is shown, not escaped, by st.html and with unsafe_allow_html=True.
        unsafe = argument(call, None, "unsafe_allow_html")
        html = command == "html" or (isinstance(unsafe, cst.Name) and unsafe.value == "True")
        for arg in call.args:
            shown = arg.keyword is None or arg.keyword.value == "body"
            text = string_value(arg.value) if shown and not arg.star else None
            for match in _IMAGES.finditer(text or ""):
                if match["md"] or html:
                    yield match["md"] or match["html"], arg.value
    for name, position in MEDIA_URL_PARAMETERS.get(command, ()):
        value = argument(call, position, name)
        items = value.elements if isinstance(value, cst.List | cst.Tuple) else [value]
        for item in items:
            node = item.value if isinstance(item, cst.BaseElement) else item
            url = string_value(node) if node is not None else None
            if node is not None and url is not None and url.strip().startswith(_REMOTE):
                yield url.strip(), node
