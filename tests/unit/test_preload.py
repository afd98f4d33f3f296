"""The modulepreload list (compiler/emit/_preload.py) follows the page's whole import graph.

The element families live in sub-folders of ``js/`` and import their helpers with
``../`` paths; a module the walk misses is fetched one round trip late at boot.
"""

from __future__ import annotations

from pathlib import Path

from compiler.emit._preload import page_modules

JS = Path(__file__).resolve().parents[2] / "runtime_wasm" / "js"


def _files(tree: dict[str, str], root: Path) -> list[tuple[str, Path]]:
    found = []
    for rel, text in tree.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        found.append((rel, path))
    return found


def test_relative_imports_up_and_down_are_followed(tmp_path: Path) -> None:
    files = _files(
        {
            "page.mjs": 'import { render } from "./render.mjs";\n',
            "render.mjs": 'import { KINDS } from "./kinds.mjs";\n',
            "kinds.mjs": (
                'export { A } from "./elements/a.mjs";\nimport "./elements/widgets/b.mjs";\n'
            ),
            "elements/a.mjs": 'import { h } from "../dom.mjs";\nimport { x } from "./lib/x.mjs";\n',
            "elements/widgets/b.mjs": (
                'import { x } from "../lib/x.mjs";\nimport("../../vendor/v.mjs");\n'
            ),
            "elements/lib/x.mjs": 'import { h } from "../../dom.mjs";\n',
            "dom.mjs": "",
            "vendor/v.mjs": "",
            "worker.mjs": "",
        },
        tmp_path,
    )
    assert page_modules(files) == [
        "dom.mjs",
        "elements/a.mjs",
        "elements/lib/x.mjs",
        "elements/widgets/b.mjs",
        "kinds.mjs",
        "page.mjs",
        "render.mjs",
    ]


def test_every_element_module_of_the_runtime_is_preloaded() -> None:
    files = [(p.relative_to(JS).as_posix(), p) for p in JS.rglob("*.mjs")]
    preloaded = set(page_modules(files))
    elements = {rel for rel, _ in files if rel.startswith("elements/")}
    assert elements, "no element families under js/elements/"
    assert elements - preloaded == set()
    assert {"page.mjs", "render.mjs", "kinds.mjs", "dom.mjs"} <= preloaded
    assert not any(rel.startswith("vendor/") and rel != "vendor/marked.esm.js" for rel in preloaded)
