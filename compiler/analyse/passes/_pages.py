"""The multipage visitor: every page the app declares, found statically.

``st.Page("path.py", url_path=..., default=...)`` with a literal path, a literal
path or a function name in ``st.navigation([...])`` / ``st.navigation({...})``, each
become a :class:`PageRef`: the plan writes one static entry per url path, so a
reload or a deep link on any page works. A literal page path that is not a file of
the app (given to ``st.Page``, ``st.navigation``, ``st.switch_page`` or
``st.page_link``) is ``STC601``: Streamlit would raise when the page is created or
followed. Computed paths and url paths are left to the runtime.

Two pages with one URL pathname are ``STC602``, as Streamlit 1.67 stops the app
with ``StreamlitAPIException`` for them: within one ``st.navigation`` call (its
list, or a name bound once to it; elements that are ``st.Page(...)`` calls or names
bound once to one), and in the ``pages/`` folder (:func:`pages_folder_collisions`),
where the number prefix orders pages but is not part of their name.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

import libcst as cst
from libcst.metadata import Assignment, PositionProvider, ScopeProvider

from compiler._diagnostics import Diagnostic, Span
from compiler.analyse._facts import PageRef
from compiler.analyse.passes._context import AppModule, Findings, ModuleVisitor
from compiler.analyse.passes._names import qualified_names, string_value
from compiler.analyse.passes._rules import (
    PAGE_COLLISION,
    PAGE_MISSING,
)
from runtime_wasm._pagefiles import (
    is_page_script,
    page_icon_and_name,
    pages_folder_scripts,
    sanitize_url_path,
)

__all__ = ["PagesVisitor", "pages_folder_collisions"]

_FOLLOWERS = frozenset({"switch_page", "page_link"})  # methods of st, st.sidebar, columns…
_RENAME = "rename one of the files: the number prefix orders pages, the rest names them"
_UNIQUE = "set a unique url_path in st.Page for one of them"


def pages_folder_collisions(
    entry: str, shipped: Iterable[str], display: Callable[[str], str]
) -> list[Diagnostic]:
    """``STC602`` at each ``pages/`` file whose URL pathname an earlier page has (the
    main script is the first page); *display* shows an app path in diagnostics."""
    names = [rel.partition("/")[2] for rel in shipped if is_page_script(rel)]
    if not names:
        return []
    first_of: dict[str, str] = {}
    found: list[Diagnostic] = []
    for rel in [entry, *(f"pages/{name}" for name in pages_folder_scripts(names))]:
        url_path = page_icon_and_name(PurePosixPath(rel))[1]
        if url_path in first_of:
            span = Span(path=display(rel), line=0, col=0, end_line=0, end_col=0)
            fields = {"url_path": url_path, "first": first_of[url_path], "second": rel}
            found.append(PAGE_COLLISION.diagnostic(span, **fields, fix=_RENAME))
        else:
            first_of[url_path] = rel
    return found


class PagesVisitor(ModuleVisitor):
    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider)

    def __init__(self, module: AppModule, findings: Findings) -> None:
        super().__init__(module, findings)
        self._bound: dict[cst.Name, cst.BaseExpression] = {}  # `name = value` seen so far

    def visit_Assign(self, node: cst.Assign) -> None:
        if len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name):
            self._bound[node.targets[0].target] = node.value

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None and isinstance(node.target, cst.Name):
            self._bound[node.target] = node.value

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
        pages = self._value(pages) if pages is not None else None
        groups: list[cst.BaseExpression] = []
        if isinstance(pages, cst.Dict):
            groups = [e.value for e in pages.elements if isinstance(e, cst.DictElement)]
        elif pages is not None:
            groups = [pages]
        first_of: dict[str, str] = {}  # url path -> the page that has it, in this call
        for group in map(self._value, groups):
            if not isinstance(group, cst.List | cst.Tuple):
                continue
            for element in group.elements:
                if isinstance(element, cst.StarredElement):
                    continue
                value = element.value
                path = string_value(value)
                identity: tuple[str, str] | None = None
                if path is not None and not _is_url(path):
                    script = self._script(path, value)
                    url_path = page_icon_and_name(PurePosixPath(path))[1]
                    self._add(url_path, script, False, value)
                    identity = (url_path, script) if script is not None else None
                elif isinstance(value, cst.Name) and self._is_function(value):
                    self._add(value.value, None, False, value)
                    identity = (value.value, _callable(value.value, None))
                else:
                    identity = self._identity(self._value(value))
                if identity is not None and identity[0] in first_of:
                    url_path, page = identity
                    self.report(PAGE_COLLISION, value, url_path=url_path,
                                first=first_of[url_path], second=page, fix=_UNIQUE)  # fmt: skip
                elif identity is not None:
                    first_of[identity[0]] = identity[1]

    def _identity(self, node: cst.BaseExpression) -> tuple[str, str] | None:
        """``(url path, what the page is)`` of a literal ``st.Page(...)``, as Streamlit
        infers them; None when either depends on a value or Streamlit refuses it."""
        if not isinstance(node, cst.Call) or "streamlit.Page" not in qualified_names(
            self, node.func
        ):
            return None
        first = _argument(node, 0, "page")
        explicit = _argument(node, None, "url_path")
        title_node = _argument(node, None, "title")
        title = string_value(title_node) if title_node is not None else None
        url_path = string_value(explicit) if explicit is not None else None
        if explicit is not None and url_path is None:
            return None
        url_path = url_path.strip().strip("/") if url_path is not None else None
        path = string_value(first) if first is not None else None
        if path is not None and _is_url(path):
            url_path = url_path if url_path is not None else sanitize_url_path(title or "")
            identity = (url_path, f"external URL {path}")
        elif path is not None:
            script = posixpath.normpath(path.replace("\\", "/"))
            if script not in self.findings.shipped:
                return None  # STC601 already
            inferred = page_icon_and_name(PurePosixPath(path))[1]
            identity = (inferred if url_path is None else url_path, script)
        elif isinstance(first, cst.Name) and self._is_function(first):
            url_path = first.value if url_path is None else url_path
            identity = (url_path, _callable(first.value, title))
        else:
            return None
        return identity if identity[0] and "/" not in identity[0] else None

    def _value(self, node: cst.BaseExpression) -> cst.BaseExpression:
        """What *node* stands for: the value of a name bound once (and seen already),
        else *node* itself."""
        if not isinstance(node, cst.Name):
            return node
        scope = self.get_metadata(ScopeProvider, node, None)
        assignments = list(scope[node.value]) if scope is not None else []
        if len(assignments) == 1 and isinstance(assignments[0], Assignment):
            target = assignments[0].node
            if isinstance(target, cst.Name):
                return self._bound.get(target, node)
        return node

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


def _callable(name: str, title: str | None) -> str:
    """How Streamlit names a callable page in its errors."""
    return f'callable titled "{title or name.replace("_", " ")}"'
