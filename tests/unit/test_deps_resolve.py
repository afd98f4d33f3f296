"""Imports and declared requirements → the packages a site loads (fake wheel source).

Pyodide's real pinned lock is used, so the aliases (``PIL`` → pillow, ``sklearn`` →
scikit-learn) and dependency closures are Pyodide 314's own. Wheels come from
:class:`FakeWheels`: no network.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from compiler import AssetError
from compiler._diagnostics import Span
from compiler.analyse._facts import ImportRef
from compiler.resolve._deps import Dependencies, resolve_dependencies
from compiler.resolve._pyodide import ensure_core
from compiler.resolve._requirements import Declared
from compiler.resolve._sitelock import PinnedLock, load_pinned_lock

from ._wheelmaker import FakeWheels, make_wheel

CDN = "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/"


@pytest.fixture(scope="session")
def lock() -> PinnedLock:
    return load_pinned_lock(ensure_core().folder / "pyodide-lock.json")


def ref(top: str, *, line: int = 1, optional: bool = False, file: str = "app.py") -> ImportRef:
    span = Span(path=file, line=line, col=1, end_line=line, end_col=len(top) + 8)
    return ImportRef(module=top, top=top, file=file, span=span, optional=optional)


def run(
    lock: PinnedLock,
    imports: tuple[ImportRef, ...] = (),
    declared: tuple[Declared, ...] = (),
    wheels: FakeWheels | None = None,
    local: frozenset[str] = frozenset(),
) -> Dependencies:
    return resolve_dependencies(
        imports=imports, declared=declared, local=local, lock=lock,
        wheels=wheels or FakeWheels({}), cdn=CDN,
    )  # fmt: skip


def names(deps: Dependencies) -> set[str]:
    return {p.name for p in deps.packages}


def codes(deps: Dependencies) -> list[tuple[str, str]]:
    return [(d.code, d.severity) for d in deps.diagnostics]


def test_stdlib_local_and_streamlit_need_nothing(lock: PinnedLock) -> None:
    imports = (ref("os"), ref("csv"), ref("streamlit"), ref("helpers"), ref("tkinter"))
    deps = run(lock, imports, local=frozenset({"helpers"}))
    assert deps.packages == ()
    assert deps.diagnostics == ()


def test_binary_lock_package_loads_from_the_cdn(lock: PinnedLock) -> None:
    deps = run(lock, (ref("PIL", line=3),))
    (pillow,) = deps.packages
    assert pillow.name == "pillow"
    assert pillow.url == CDN + lock.packages["pillow"].file_name
    assert pillow.sha256 == lock.packages["pillow"].sha256
    assert pillow.wheel is None
    (note,) = deps.diagnostics
    assert (note.code, note.severity, note.span.line) == ("STC403", "info", 3)
    assert "pillow 12.2.0" in note.message


@pytest.mark.parametrize(
    ("top", "package"),
    [
        ("PIL", "pillow"),
        ("sklearn", "scikit-learn"),
        ("yaml", "pyyaml"),
        ("dateutil", "python-dateutil"),
    ],
)
def test_import_names_map_through_the_lock(lock: PinnedLock, top: str, package: str) -> None:
    assert package in names(run(lock, (ref(top),)))


def test_closure_over_depends_vendors_pure_lock_packages(lock: PinnedLock, tmp_path: Path) -> None:
    joblib = make_wheel(tmp_path, "joblib", "1.5.3")
    wheels = FakeWheels({"joblib": joblib})
    deps = run(lock, (ref("sklearn"),), wheels=wheels)
    assert {"scikit-learn", "scipy", "numpy", "joblib", "threadpoolctl"} <= names(deps)
    by_name = {p.name: p for p in deps.packages}
    assert by_name["joblib"].wheel == joblib  # pure: vendored at Pyodide's version
    assert ("joblib", "1.5.3") in wheels.asked
    assert by_name["threadpoolctl"].url is not None  # not obtainable: CDN
    assert by_name["scikit-learn"].depends == ("scipy", "joblib", "threadpoolctl")
    assert [c for c, _ in codes(deps)] == ["STC403"]


def test_pypi_package_and_its_requirements(lock: PinnedLock, tmp_path: Path) -> None:
    requires = (
        "six>=1.10",
        "tinydep>=1",
        "colorama; sys_platform == 'win32'",
        "rich; extra == 'cli'",
        "backport; python_version < '3.12'",
        "streamlit>=1.0",
    )
    wheels = FakeWheels(
        {
            "humanize": make_wheel(tmp_path, "humanize", "4.13.0", requires),
            "tinydep": make_wheel(tmp_path, "tinydep", "1.0"),
            "six": make_wheel(tmp_path, "six", "1.17.0", modules=("six",)),
        }
    )
    deps = run(lock, (ref("humanize"),), wheels=wheels)
    assert names(deps) == {"humanize", "six", "tinydep"}
    by_name = {p.name: p for p in deps.packages}
    assert by_name["humanize"].depends == ("six", "tinydep")
    assert by_name["humanize"].origin == "pypi"
    assert by_name["humanize"].imports == ("humanize",)
    assert by_name["six"].origin == "pyodide"
    assert by_name["six"].wheel is not None
    assert deps.diagnostics == ()


def test_unknown_import_is_stc402_at_the_import(lock: PinnedLock) -> None:
    deps = run(lock, (ref("nosuchthing", line=7, file="lib/util.py"),))
    (error,) = deps.diagnostics
    assert (error.code, error.severity) == ("STC402", "error")
    assert (error.span.path, error.span.line) == ("lib/util.py", 7)
    assert error.hint is not None and "local module" in error.hint


def test_binary_only_is_stc401(lock: PinnedLock) -> None:
    deps = run(lock, (ref("uvloop", line=2),), wheels=FakeWheels({}, binary=frozenset({"uvloop"})))
    (error,) = deps.diagnostics
    assert (error.code, error.severity, error.span.line) == ("STC401", "error", 2)
    assert "neither in Pyodide nor pure Python" in error.message
    assert deps.packages == ()


def test_binary_only_dependency_names_its_parent(lock: PinnedLock, tmp_path: Path) -> None:
    wheels = FakeWheels(
        {"fancy": make_wheel(tmp_path, "fancy", "1.0", ("fastcore-bin",))},
        binary=frozenset({"fastcore-bin"}),
    )
    deps = run(lock, (ref("fancy", line=4),), wheels=wheels)
    (error,) = deps.diagnostics
    assert error.code == "STC401"
    assert "fastcore-bin (needed by fancy)" in error.message
    assert error.span.line == 4
    assert {p.name: p for p in deps.packages}["fancy"].depends == ()


def test_pypi_name_that_does_not_provide_the_module(lock: PinnedLock, tmp_path: Path) -> None:
    wheels = FakeWheels({"attrz": make_wheel(tmp_path, "attrz", "1.0", modules=("other",))})
    deps = run(lock, (ref("attrz"),), wheels=wheels)
    assert [c for c, _ in codes(deps)] == ["STC402"]
    assert deps.packages == ()


def test_optional_import_that_cannot_be_had_is_a_note(lock: PinnedLock) -> None:
    deps = run(lock, (ref("nosuchthing", optional=True),))
    assert codes(deps) == [("STC407", "info")]


def test_removed_stdlib_module_warns(lock: PinnedLock) -> None:
    deps = run(lock, (ref("imghdr"),))
    assert codes(deps) == [("STC404", "warning")]


def test_declared_requirements(lock: PinnedLock, tmp_path: Path) -> None:
    span = Span(path="requirements.txt", line=2, col=1, end_line=2, end_col=10)
    wheels = FakeWheels({"humanize": make_wheel(tmp_path, "humanize", "4.13.0")})
    declared = (
        Declared(name="humanize", extras=frozenset(), pin="4.13.0", span=span),
        Declared(name="pyyaml", extras=frozenset(), pin="5.0", span=span),
    )
    deps = run(lock, (ref("humanize"), ref("yaml")), declared, wheels)
    assert names(deps) == {"humanize", "pyyaml"}
    assert ("humanize", "4.13.0") in wheels.asked
    assert ("STC405", "warning") in codes(deps)  # pyyaml 5.0 pinned, Pyodide has 6.0.3


def _declared(
    name: str, pin: str | None = None, hashes: tuple[str, ...] = (), specifier: str = ""
) -> Declared:
    span = Span(path="requirements.txt", line=2, col=1, end_line=2, end_col=10)
    specifier = specifier or (f"=={pin}" if pin else "")
    return Declared(
        name=name, extras=frozenset(), pin=pin, span=span, hashes=hashes, specifier=specifier
    )


def test_a_version_pyodide_lacks_comes_from_pypi_when_it_is_pure(
    lock: PinnedLock, tmp_path: Path
) -> None:
    """streamlit-pydantic 0.6.0 needs pydantic 1 (``pydantic>=1.9`` in its metadata; the
    app's requirements.txt says ``pydantic<2``): Pyodide ships pydantic 2, PyPI a pure
    pydantic 1, and the requirement holds even though a line above needs pydantic."""
    pyodide_version = lock.packages["pydantic"].version
    assert pyodide_version.startswith("2.")
    wheels = FakeWheels({
        "streamlit-pydantic": make_wheel(tmp_path, "streamlit-pydantic", "0.6.0",
                                         ("pydantic>=1.9",)),
        "pydantic": make_wheel(tmp_path, "pydantic", "1.10.22", ("typing-extensions>=4.2.0",)),
    })  # fmt: skip
    declared = (_declared("streamlit-pydantic", "0.6.0"), _declared("pydantic", specifier="<2"))
    deps = run(lock, declared=declared, wheels=wheels)
    pydantic = next(p for p in deps.packages if p.name == "pydantic")
    assert (pydantic.version, pydantic.origin) == ("1.10.22", "pypi")
    assert "typing-extensions" in pydantic.depends
    assert "pydantic-core" not in names(deps)  # pydantic 2's binary half stays out
    assert ("pydantic", "<2") in wheels.specifiers
    (note,) = [d for d in deps.diagnostics if d.code == "STC405"]
    assert note.severity == "info"
    assert f"Pyodide ships pydantic {pyodide_version}" in note.message
    assert "PyPI's pure-Python pydantic 1.10.22 instead" in note.message


def test_a_version_pyodide_lacks_and_pypi_has_no_pure_wheel_of_warns(lock: PinnedLock) -> None:
    deps = run(lock, declared=(_declared("numpy", specifier="<2"),))
    (warning,) = [d for d in deps.diagnostics if d.code == "STC405"]
    assert warning.severity == "warning"
    assert "numpy<2 is asked for" in warning.message
    assert next(p for p in deps.packages if p.name == "numpy").origin == "pyodide"


def test_a_range_pyodide_meets_keeps_pyodide_s_build(lock: PinnedLock) -> None:
    deps = run(lock, declared=(_declared("numpy", specifier=">=1.20"),))
    assert not [d for d in deps.diagnostics if d.code == "STC405"]


def test_a_pin_python_cannot_read_as_a_number_is_not_a_crash(lock: PinnedLock) -> None:
    deps = run(lock, declared=(_declared("numpy", "9" * 5000),))
    assert [c for c, _ in codes(deps)] == ["STC405", "STC403"]
    assert len(deps.diagnostics[0].message) < 300  # the pin is cut, not printed whole


def test_hostile_requires_dist_is_skipped_or_unpinned(lock: PinnedLock, tmp_path: Path) -> None:
    requires = ("six==" + "9" * 5000, "nope; python_version ~= '3'", "x; " + "(" * 3000)
    wheels = FakeWheels(
        {
            "fancy": make_wheel(tmp_path, "fancy", "1.0", requires),
            "six": make_wheel(tmp_path, "six", "1.17.0"),
        }
    )
    deps = run(lock, (ref("fancy"),), wheels=wheels)
    assert names(deps) == {"fancy", "six"}
    assert ("six", "1.17.0") in wheels.asked  # the unreadable pin is dropped: Pyodide's six
    assert deps.diagnostics == ()


def test_a_200k_character_import_is_one_short_stc402(lock: PinnedLock) -> None:
    deps = run(lock, (ref("a" * 200_000),))
    (error,) = deps.diagnostics
    assert error.code == "STC402"
    assert len(error.message) < 300


@pytest.mark.parametrize(
    ("package", "hashes", "expected"),
    [
        pytest.param("humanize", lambda sha: (f"sha256:{sha}",), [], id="sha256-matches"),
        pytest.param(
            "humanize",
            lambda sha: ("sha256:" + "0" * 64, f"sha256:{sha}"),
            [],
            id="one-of-several-matches",
        ),
        pytest.param(
            "humanize", lambda sha: ("sha256:" + "0" * 64,), [("STC410", "error")], id="mismatch"
        ),
        pytest.param(
            "humanize", lambda sha: ("sha512:" + "0" * 128,), [("STC410", "error")], id="sha512"
        ),
        pytest.param("humanize", lambda sha: (), [], id="no-hashes"),
        pytest.param(
            "numpy",
            lambda sha: ("sha256:" + "0" * 64,),
            [("STC403", "info"), ("STC410", "info")],
            id="pyodide-build",
        ),
    ],
)
def test_hashes_name_the_wheel_the_site_ships(
    lock: PinnedLock,
    tmp_path: Path,
    package: str,
    hashes: Callable[[str], tuple[str, ...]],
    expected: list[tuple[str, str]],
) -> None:
    wheel = make_wheel(tmp_path, "humanize", "4.13.0")
    sha = hashlib.sha256(wheel.read_bytes()).hexdigest()
    deps = run(lock, declared=(_declared(package, hashes=hashes(sha)),),
               wheels=FakeWheels({"humanize": wheel}))  # fmt: skip
    assert codes(deps) == expected
    for diagnostic in deps.diagnostics:
        assert diagnostic.span.path == "requirements.txt" or diagnostic.code == "STC403"


def test_a_sha512_hash_is_checked_as_sha512(lock: PinnedLock, tmp_path: Path) -> None:
    wheel = make_wheel(tmp_path, "humanize", "4.13.0")
    sha512 = hashlib.sha512(wheel.read_bytes()).hexdigest()
    declared = (_declared("humanize", hashes=(f"sha512:{sha512}",)),)
    assert run(lock, declared=declared, wheels=FakeWheels({"humanize": wheel})).diagnostics == ()


class _BrokenPip:
    def fetch(self, name: str, pin: str | None = None, specifier: str = "") -> Path:
        raise AssetError("could not run pip (download --no-deps): [Errno 7] Argument list too long")


def test_a_pip_failure_names_the_requirement_and_where(lock: PinnedLock) -> None:
    with pytest.raises(AssetError) as raised:
        resolve_dependencies(
            imports=(), declared=(_declared("humanize"),), local=frozenset(), lock=lock,
            wheels=_BrokenPip(), cdn=CDN,
        )  # fmt: skip
    assert raised.value.message.startswith("requirements.txt:2:1: humanize: could not run pip")


def test_an_unreadable_wheel_names_the_import_and_where(lock: PinnedLock, tmp_path: Path) -> None:
    broken = tmp_path / "fancy-1.0-py3-none-any.whl"
    broken.write_bytes(b"not a zip")
    with pytest.raises(AssetError) as raised:
        run(lock, (ref("fancy", line=3),), wheels=FakeWheels({"fancy": broken}))
    assert raised.value.message.startswith("app.py:3:1: fancy: fancy-1.0-py3-none-any.whl is not")


PLUGIN_SOURCE = """\
import json
import pandas as pd
from PIL import Image
from .helpers import thing
try:
    import pyarrow
except ImportError:
    pyarrow = None
if False:
    import altair
def later():
    import numpy
"""


def test_a_streamlit_plugin_brings_the_streamlit_dependencies_it_imports(
    lock: PinnedLock, tmp_path: Path
) -> None:
    """Module-level imports of Streamlit's own dependencies (which pip installs with
    Streamlit, and stc's streamlit does not bring) are resolved; conditional, optional
    and function-level ones, the stdlib's and the app's own modules are not."""
    wheels = FakeWheels({
        "plugin": make_wheel(tmp_path, "plugin", "1.0", ("streamlit>=1.0",), source=PLUGIN_SOURCE),
        "plain": make_wheel(tmp_path, "plain", "1.0", source=PLUGIN_SOURCE),
    })  # fmt: skip
    deps = run(lock, declared=(_declared("plugin"), _declared("plain")), wheels=wheels)
    plugin = next(p for p in deps.packages if p.name == "plugin")
    assert set(plugin.depends) == {"pandas", "pillow"}
    assert {"pandas", "pillow"} <= names(deps)
    assert {"pyarrow", "altair"}.isdisjoint(names(deps))
    assert next(p for p in deps.packages if p.name == "plain").depends == ()  # not a plugin

    shadowed = resolve_dependencies(
        imports=(), declared=(_declared("plugin"),), local=frozenset({"pandas"}), lock=lock,
        wheels=wheels, cdn=CDN,
    )  # fmt: skip
    assert next(p for p in shadowed.packages if p.name == "plugin").depends == ("pillow",)
