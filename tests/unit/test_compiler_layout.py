"""``compiler/`` follows its spine: one sub-package per stage, imported in stage order.

``analyse`` (parse and the libcst passes) ← ``resolve`` (what the site is made of) ←
``emit`` (plan, render, write) ← ``devtools`` (serve, ``stc test``). A stage imports
only the stages before it and the shared values at the top (diagnostics, exceptions,
options, progress, version), never the spines (``_build``, ``_check``) nor the entry points, so
the tree answers "where is X?" and the dependency order with one look. Imports are
read the way tests/unit/test_architecture.py reads them (inside functions too).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.test_architecture import ROOT, _cycles, _imports, _module_name

COMPILER = ROOT / "compiler"
STAGES = ("analyse", "resolve", "emit", "devtools")
TOP = ("compiler._diagnostics", "compiler._exceptions", "compiler._options", "compiler._progress",
       "compiler._version")  # fmt: skip


def _graph() -> dict[str, set[str]]:
    files = [p for p in COMPILER.rglob("*.py") if "__pycache__" not in p.parts]
    modules = {_module_name(p): p for p in files}
    names = set(modules)
    return {name: set(_imports(path, names)) - {name} for name, path in modules.items()}


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def test_compiler_has_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_only_the_stages_before_it(stage: str) -> None:
    allowed = set(STAGES[: STAGES.index(stage) + 1])
    wrong = {
        f"{module} -> {target}"
        for module, targets in _graph().items()
        if _stage(module) == stage
        for target in targets
        if (_stage(target) or target) not in allowed
        and target not in TOP
        and not (stage == "devtools" and target == "compiler._build")  # stc test builds
    }
    assert wrong == set()


def test_every_stage_is_a_package_that_says_what_it_is() -> None:
    for stage in STAGES:
        init = Path(COMPILER / stage / "__init__.py")
        assert init.read_text(encoding="utf-8").startswith('"""'), stage
