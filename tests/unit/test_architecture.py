"""The layout rules of issue 16, held by a test so they stay true.

- No import cycles among ``runtime_wasm``'s modules, nor ``proxy``'s: an import
  inside a function is a dependency too; only ``if TYPE_CHECKING:`` imports are left
  out.
- No Python or JS module of ours past 500 lines (vendored code aside).
- Element families have the same stem on both sides: ``streamlit/elements/**/_x.py``
  draws with ``js/elements/**/x.mjs``, in the same sub-folder (``lib/`` holds the
  helpers the families share, on each side its own).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ROOT / "runtime_wasm"
API_ELEMENTS = RUNTIME / "streamlit" / "elements"
JS_ELEMENTS = RUNTIME / "js" / "elements"
MAX_LINES = 500


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def _imports(path: Path, modules: set[str]) -> Iterator[str]:
    """The ``runtime_wasm`` modules *path* imports (a package import counts as its
    ``__init__``; ``from pkg import mod`` as ``pkg.mod`` when that is a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    here = _module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    for node in ast.walk(tree):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if _type_checking_only(node, parents):
            continue
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = package[: len(package) - node.level + 1] if node.level else []
            stem = ".".join([*base, *([node.module] if node.module else [])])
            targets = [stem, *(f"{stem}.{alias.name}" for alias in node.names)]
        for target in targets:
            if target in modules:
                yield target


def _import_graph(package: Path = RUNTIME) -> dict[str, set[str]]:
    files = [p for p in package.rglob("*.py") if "__pycache__" not in p.parts]
    modules = {_module_name(p): p for p in files}
    names = set(modules)
    return {name: set(_imports(path, names)) - {name} for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in graph[node]:
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


@pytest.mark.parametrize("package", ["runtime_wasm", "proxy"])  # compiler: test_compiler_layout
def test_no_import_cycles(package: str) -> None:
    cycles = _cycles(_import_graph(ROOT / package))
    assert cycles == [], f"import cycles in {package}:\n" + "\n".join(
        f"  {len(c)} modules: {', '.join(c)}" for c in cycles
    )


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def _our_sources() -> Iterator[Path]:
    for folder in ("compiler", "runtime_wasm", "proxy"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".py", ".mjs"} and not {"vendor", "__pycache__"} & set(path.parts):
                yield path


def test_no_module_is_past_500_lines() -> None:
    long = {
        str(p.relative_to(ROOT)): n
        for p in _our_sources()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def _stems(folder: Path, suffix: str) -> set[str]:
    found = set()
    for path in folder.rglob(f"*{suffix}"):
        rel = path.relative_to(folder)
        if {"__pycache__", "lib"} & set(rel.parts) or path.name == "__init__.py":
            continue  # lib/: helpers shared by families, named for what they do
        name = path.stem.removeprefix("_")
        found.add("/".join([*rel.parts[:-1], name]))
    return found


def test_every_js_element_family_has_its_python_family() -> None:
    # JS modules under elements/ draw what the Python family of the same stem emits;
    # a Python family may have no JS of its own (st.write, st.echo draw other kinds).
    js = _stems(JS_ELEMENTS, ".mjs")
    python = _stems(API_ELEMENTS, ".py")
    assert js - python == set()
