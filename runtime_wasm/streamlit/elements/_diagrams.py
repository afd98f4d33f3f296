"""Diagrams: ``st.graphviz_chart`` and ``st.mermaid_chart``.

A Graphviz chart is sent as its DOT source and layout engine; the page lays it out
with Graphviz compiled to WebAssembly (``js/elements/diagrams.mjs``, Viz.js), loaded the first
time one appears. A Mermaid chart is, as in Streamlit, a markdown element holding a
````` ````mermaid ````` fence: the page draws every such fence, in ``st.markdown`` too,
with mermaid.js. The ``alt`` of a Mermaid chart travels inside the source as
Streamlit's ``%% stAlt:`` comment, which the page reads for the accessible name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..._errors import StreamlitInvalidParameterTypeError
from ..._tree import Element
from .._base import DGBase
from .lib._diagram_props import check_size, normalize_alt

if TYPE_CHECKING:
    from .._dg import DeltaGenerator

__all__ = ["DiagramsMixin", "is_graphviz_chart"]

# The graphviz package's classes, by module path before (dot) and after (graphs) 0.18.
_GRAPHVIZ_TYPES = frozenset(
    {
        "graphviz.dot.Graph",
        "graphviz.dot.Digraph",
        "graphviz.graphs.Graph",
        "graphviz.graphs.Digraph",
        "graphviz.sources.Source",
    }
)

_ST_ALT_LINE = re.compile(r"^\s*%%\s*stAlt\s*:[^\n]*\n?", re.MULTILINE)
_ST_ALT_PREFIX = "%% stAlt: "


def is_graphviz_chart(obj: object) -> bool:
    """Whether *obj* is a ``graphviz`` Graph, Digraph or Source (Streamlit's check)."""
    return f"{type(obj).__module__}.{type(obj).__name__}" in _GRAPHVIZ_TYPES


def _dot(figure_or_dot: Any) -> tuple[str, str]:
    if is_graphviz_chart(figure_or_dot):
        return figure_or_dot.source, figure_or_dot.engine
    if isinstance(figure_or_dot, str):
        return figure_or_dot, "dot"
    raise StreamlitInvalidParameterTypeError(
        "figure_or_dot",
        type(figure_or_dot).__name__,
        ["graphviz.Graph", "graphviz.Digraph", "graphviz.Source", "str"],
    )


def _skip_preamble(lines: list[str]) -> int:
    """The index of the diagram-type line: past comments, ``%%{init}%%`` and YAML
    frontmatter, where Streamlit puts its alt marker."""
    i, n = 0, len(lines)
    while i < n:
        stripped = lines[i].strip()
        if not stripped:
            i += 1
        elif stripped.startswith("%%{"):  # an init directive, maybe over several lines
            if "}%%" not in stripped:
                i += 1
                while i < n and "}%%" not in lines[i]:
                    i += 1
            i += 1
        elif stripped.startswith("%%"):
            i += 1
        elif stripped == "---":
            i += 1
            while i < n and lines[i].strip() != "---":
                i += 1
            i += 1
        else:
            break
    return min(i, n)


def _with_alt(body: str, alt: str) -> str:
    """*body* with ``%% stAlt: <alt>`` just before its diagram type, replacing any."""
    lines = _ST_ALT_LINE.sub("", body).splitlines(keepends=True)
    at = _skip_preamble(lines)
    if at > 0 and not lines[at - 1].endswith("\n"):
        lines[at - 1] += "\n"
    lines.insert(at, f"{_ST_ALT_PREFIX}{' '.join(alt.split())}\n")
    return "".join(lines)


def _longest_run(text: str, char: str) -> int:
    return max((len(m) for m in re.findall(f"{re.escape(char)}+", text)), default=0)


class DiagramsMixin(DGBase):
    def graphviz_chart(
        self, figure_or_dot: Any, use_container_width: bool | None = None, *,
        width: Any = "content", height: Any = "content", alt: str | None = None,
    ) -> DeltaGenerator:  # fmt: skip
        if use_container_width is not None:
            width = "stretch" if use_container_width else "content"
        dot, engine = _dot(figure_or_dot)
        check_size("width", width)
        check_size("height", height)
        props = {"spec": dot, "engine": engine, "width": width, "height": height,
                 "alt": normalize_alt(alt)}  # fmt: skip
        return self._enqueue(Element("graphviz_chart", props))

    def mermaid_chart(
        self, body: str, *, width: Any = "stretch", alt: str | None = None
    ) -> DeltaGenerator:
        normalized = normalize_alt(alt)
        if normalized is not None:
            body = _with_alt(body, normalized)
        check_size("width", width)
        # A fence longer than any run of backticks in the body, so none can close it.
        fence = "`" * max(4, _longest_run(body, "`") + 1)
        props = {"body": f"{fence}mermaid\n{body}\n{fence}", "unsafe_allow_html": False,
                 "help": None, "width": width}  # fmt: skip
        return self._enqueue(Element("markdown", props))
