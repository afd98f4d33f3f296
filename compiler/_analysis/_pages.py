"""The multipage visitor: every page the app declares, found statically.

``st.Page("path.py", url_path=..., default=...)`` with a literal path, a literal
path or a function name in ``st.navigation([...])`` / ``st.navigation({...})``, each
become a :class:`PageRef`: the plan writes one static entry per url path, so a
reload or a deep link on any page works. A literal page path that is not a file of
the app (given to ``st.Page``, ``st.navigation``, ``st.switch_page`` or
``st.page_link``) is ``STC601``: Streamlit would raise when the page is created or
followed. Computed paths and url paths are left to the runtime.
"""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath

import libcst as cst
from libcst.metadata import Assignment, PositionProvider, QualifiedNameProvider, ScopeProvider

from compiler._analysis._context import ModuleVisitor
from compiler._analysis._names import qualified_names, string_value
from compiler._analysis._rules import PAGE_MISSING
from compiler._facts import PageRef
from runtime_wasm._pagefiles import page_icon_and_name

__all__ = ["PagesVisitor"]

_FOLLOWERS = frozenset({"switch_page", "page_link"})  # methods of st, st.sidebar, columns…


class PagesVisitor(ModuleVisitor):
    METADATA_DEPENDENCIES = (PositionProvider, QualifiedNameProvider, ScopeProvider)

    def visit_Call(self, node: cst.Call) -> None:
        names = qualified_names(self, node.func)
        if "streamlit.Page" in names:
            self._page(node)
        elif "st_pages.Page" in names:  # st-pages 0.x show_pages([Page("x.py", ...)])
            self._st_pages_page(node)
        elif "streamlit.navigation" in names:
            self._navigation(node)
        elif names & {"streamlit.switch_page", "streamlit.page_link"} or (
            isinstance(node.func, cst.Attribute) and node.func.attr.value in _FOLLOWERS
        ):
            first = _argument(node, 0, "page")
            path = string_value(first) if first is not None else None
            if first is not None and path and not _is_url(path):
                self._script(path, first)

    def _page(self, node: cst.Call) -> None:
        first = _argument(node, 0, "page")
        if first is None:
            return
        url_path: str | None = None
        explicit = _argument(node, None, "url_path")
        if explicit is not None:
            url_path = string_value(explicit)
            url_path = url_path.strip().strip("/") if url_path is not None else None
        default = _argument(node, None, "default")
        is_default = isinstance(default, cst.Name) and default.value == "True"
        path = string_value(first)
        if path is not None:
            if _is_url(path):
                return
            script = self._script(path, first)
            if explicit is None:
                url_path = page_icon_and_name(PurePosixPath(path))[1]
            self._add("" if is_default else url_path, script, is_default, node)
        elif isinstance(first, cst.Name) and self._is_function(first):
            url_path = first.value if explicit is None else url_path
            self._add("" if is_default else url_path, None, is_default, node)

    def _st_pages_page(self, node: cst.Call) -> None:
        first = _argument(node, 0, "path")
        path = string_value(first) if first is not None else None
        if first is None or not path:
            return  # Section("name") is a Page with path "": no page
        script = self._script(path, first)
        explicit = _argument(node, None, "url_path")
        url_path = string_value(explicit) if explicit is not None else None
        if explicit is None:
            url_path = page_icon_and_name(PurePosixPath(path))[1]
        self._add(url_path, script, False, node)

    def _navigation(self, node: cst.Call) -> None:
        pages = _argument(node, 0, "pages")
        groups: list[cst.BaseExpression] = []
        if isinstance(pages, cst.Dict):
            groups = [e.value for e in pages.elements if isinstance(e, cst.DictElement)]
        elif pages is not None:
            groups = [pages]
        for group in groups:
            if not isinstance(group, cst.List | cst.Tuple):
                continue
            for element in group.elements:
                value = element.value
                path = string_value(value)
                if path is not None and not _is_url(path):
                    script = self._script(path, value)
                    url_path = page_icon_and_name(PurePosixPath(path))[1]
                    self._add(url_path, script, False, value)
                elif isinstance(value, cst.Name) and self._is_function(value):
                    self._add(value.value, None, False, value)

    def _is_function(self, name: cst.Name) -> bool:
        scope = self.get_metadata(ScopeProvider, name, None)
        if scope is None:
            return False
        return any(
            isinstance(a, Assignment) and isinstance(a.node, cst.FunctionDef)
            for a in scope[name.value]
        )

    def _script(self, path: str, node: cst.CSTNode) -> str | None:
        """*path* relative to the app folder when it ships; else ``STC601``."""
        rel = posixpath.normpath(path.replace("\\", "/"))
        if rel in self.findings.shipped and rel.endswith(".py"):
            return rel
        self.report(PAGE_MISSING, node, path=path, entry=self.findings.entry)
        return None

    def _add(
        self, url_path: str | None, script: str | None, default: bool, node: cst.CSTNode
    ) -> None:
        self.findings.pages.append(
            PageRef(url_path=url_path, script=script, default=default, span=self.span(node))
        )


def _argument(node: cst.Call, index: int | None, keyword: str) -> cst.BaseExpression | None:
    for arg in node.args:
        if arg.keyword is not None and arg.keyword.value == keyword:
            return arg.value
    positional = [a for a in node.args if a.keyword is None and not a.star]
    if index is not None and index < len(positional):
        return positional[index].value
    return None


def _is_url(path: str) -> bool:
    return path.startswith(("http://", "https://"))
