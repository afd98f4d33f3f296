"""From the app's imports and declared requirements to the packages the site loads.

Each top-level import name is one of: ``streamlit`` (stc's own, ``st_pages`` and
``streamlit_authenticator`` too), ``local`` (a module or folder of the app, shipped in
``app.zip``), ``stdlib`` (Python 3.14's or Pyodide's), ``removed`` (gone from the
standard library since 3.12/3.13) or ``third-party`` (:mod:`compiler.resolve._import_kinds`).
Third-party names and declared requirements become packages:

* in Pyodide's pinned lock (``imports`` maps ``sklearn`` to ``scikit-learn``):
  pure-Python ones are vendored from PyPI at Pyodide's version, binary ones load
  from the Pyodide CDN at run time (``STC403``); the lock's dependencies come along,
  and those PyPI's wheel needs beyond Pyodide's own build (``PYPI_DEPENDS``);
* otherwise a ``py3-none-any`` wheel from PyPI, whose ``Requires-Dist`` (markers
  evaluated for the browser) are resolved the same way, and so are a Streamlit
  plugin's module-level imports of Streamlit's own dependencies
  (``STREAMLIT_IMPORTS``), which pip would have installed with Streamlit.
A pin or range in requirements.txt that excludes Pyodide's version ships PyPI's pure
wheel that meets it instead (``STC405`` info), or warns (``STC405``) when there is none.

A project with no pure wheel is ``STC401``, an unknown name ``STC402``; imports the
app survives without (``optional``) only get an ``STC407`` note. A declared
requirement's ``--hash`` values must name the wheel the site ships (``STC410``).
When pip itself fails (offline, no pip), the :class:`AssetError` says which
requirement or import needed it, and where.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal, Protocol

from packaging.requirements import InvalidRequirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

from compiler._diagnostics import Diagnostic, Span
from compiler._exceptions import AssetError
from compiler.analyse._facts import ImportRef
from compiler.resolve._import_kinds import PYPI_DEPENDS, STREAMLIT_IMPORTS, classify
from compiler.resolve._pep508 import IGNORED, Declared, exact_pin, parse_requirement, shown
from compiler.resolve._requirement_rules import HASH_MISMATCH, HASH_UNCHECKED
from compiler.resolve._sitelock import LockEntry, Package, PinnedLock
from compiler.resolve._wheels import NoPureWheel, UnknownPackage, module_imports, read_wheel

__all__ = ["Dependencies", "WheelSource", "resolve_dependencies"]


class WheelSource(Protocol):
    """Where pure-Python wheels come from (:class:`compiler.resolve._wheels.PipWheels`)."""

    def fetch(self, name: str, pin: str | None = None, specifier: str = "") -> Path: ...


@dataclass(frozen=True, kw_only=True)
class Dependencies:
    packages: tuple[Package, ...]  # sorted by name
    diagnostics: tuple[Diagnostic, ...]


def resolve_dependencies(
    *,
    imports: Iterable[ImportRef],
    declared: Iterable[Declared],
    local: frozenset[str],
    lock: PinnedLock,
    wheels: WheelSource,
    cdn: str,
) -> Dependencies:
    """Close *declared* and the third-party *imports* over their dependencies."""
    declared = tuple(declared)
    resolver = _Resolver(lock, wheels, cdn, declared, local)
    for requirement in declared:
        resolver.want(
            requirement.name,
            pin=requirement.pin,
            extras=requirement.extras,
            span=requirement.span,
            via=requirement.name,
        )
    removed: list[ImportRef] = []
    for ref in _first_per_top(imports):
        kind = classify(ref.top, local)
        if kind == "removed":
            removed.append(ref)
        elif kind == "third-party":
            resolver.want_import(ref)
    resolver.note_removed(removed)
    resolver.note_cdn()
    resolver.check_hashes(declared)
    packages = tuple(sorted(resolver.packages.values(), key=lambda p: p.name))
    return Dependencies(packages=packages, diagnostics=tuple(resolver.diagnostics))


def _first_per_top(imports: Iterable[ImportRef]) -> list[ImportRef]:
    """The first import of each top-level name; required imports win over optional ones."""
    ordered = sorted(imports, key=lambda r: (r.optional, r.file, r.span.line, r.span.col))
    seen: dict[str, ImportRef] = {}
    for ref in ordered:
        seen.setdefault(ref.top, ref)
    return sorted(seen.values(), key=lambda r: (r.file, r.span.line, r.span.col))


class _Resolver:
    def __init__(
        self,
        lock: PinnedLock,
        wheels: WheelSource,
        cdn: str,
        declared: Iterable[Declared],
        local: frozenset[str] = frozenset(),
    ) -> None:
        self.local = local  # the app's own top-level modules, which shadow packages
        # what requirements.txt asks of a package holds wherever it is wanted from,
        # even as a dependency of a line above it
        self.declared = {requirement.name: requirement for requirement in declared}
        self.lock = lock
        self.wheels = wheels
        self.cdn = cdn
        self.packages: dict[str, Package] = {}
        self.failed: set[str] = set()
        self.diagnostics: list[Diagnostic] = []
        self.first_span: dict[str, Span] = {}

    def want_import(self, ref: ImportRef) -> None:
        top = ref.top
        if any(top in p.imports for p in self.packages.values()):
            return
        mark = len(self.diagnostics)
        name = self.lock.by_import.get(top) or canonicalize_name(top)
        ok = self.want(
            name,
            pin=None,
            extras=frozenset(),
            span=ref.span,
            via=f"import {top}",
            provides=None if top in self.lock.by_import else top,
        )
        if not ok and ref.optional:
            del self.diagnostics[mark:]
            self.diagnostics.append(
                _diagnostic(
                    "STC407",
                    "info",
                    ref.span,
                    f"optional import {top} is not available in the browser; the app "
                    "runs without it",
                )
            )

    def want(
        self,
        name: str,
        *,
        pin: str | None,
        extras: frozenset[str],
        span: Span,
        via: str,
        provides: str | None = None,
    ) -> bool:
        """Add *name* and its dependencies; False (with a diagnostic) when it cannot be had."""
        name = canonicalize_name(name)
        if name in IGNORED or name in self.packages:
            return True
        if name in self.failed:
            return False
        specifier = ""
        if (declared := self.declared.get(name)) is not None:
            pin, specifier, span = declared.pin or pin, declared.specifier, declared.span
        entry = self.lock.packages.get(name)
        if entry is None:
            return self._from_pypi(name, pin, extras, span, via, provides, specifier=specifier)
        if _allows(entry.version, pin, specifier):
            self._from_lock(entry, span)
        elif not self._instead_of_pyodide(entry, pin, specifier, extras, span, via):
            self._from_lock(entry, span, asked=f"=={pin}" if pin else specifier)
        return True

    def _instead_of_pyodide(
        self,
        entry: LockEntry,
        pin: str | None,
        specifier: str,
        extras: frozenset[str],
        span: Span,
        via: str,
    ) -> bool:
        """PyPI's pure-Python wheel of a version requirements.txt asks for and Pyodide's
        lock has not (pydantic 1 for streamlit-pydantic 0.6.0); False if PyPI has none."""
        try:
            wheel = self._fetch(entry.name, pin, span, entry.name, specifier)
        except (NoPureWheel, UnknownPackage):
            return False
        if not self._from_pypi(entry.name, pin, extras, span, via, None, wheel=wheel):
            return False
        version = self.packages[entry.name].version
        self.diagnostics.append(
            _diagnostic(
                "STC405",
                "info",
                span,
                f"{entry.name}{shown(f'=={pin}' if pin else specifier)} is asked for and "
                f"Pyodide ships {entry.name} {entry.version}: the site uses PyPI's "
                f"pure-Python {entry.name} {version} instead",
                "packages of Pyodide's that need its version will not find it",
            )
        )
        return True

    def _from_lock(self, entry: LockEntry, span: Span, asked: str = "") -> None:
        if asked:
            self.diagnostics.append(
                _diagnostic(
                    "STC405",
                    "warning",
                    span,
                    f"{entry.name}{shown(asked)} is asked for, but Pyodide ships {entry.name} "
                    f"{entry.version} and PyPI has no pure-Python wheel of that version; the "
                    f"site uses {entry.version}",
                    "Pyodide's packages are built for its Python; ask for its version to "
                    "silence this",
                )
            )
        wheel = None
        if entry.pure:
            try:
                wheel = self._fetch(entry.name, entry.version, span, entry.name)
            except (NoPureWheel, UnknownPackage):
                wheel = None
        depends = entry.depends
        if wheel is not None:  # PyPI's wheel, not Pyodide's build: what it needs too
            depends = tuple(sorted({*depends, *PYPI_DEPENDS.get(entry.name, ())}))
        package = Package(
            name=entry.name,
            version=entry.version,
            imports=entry.imports,
            depends=depends,
            origin="pyodide",
            package_type=entry.package_type,
            file_name=wheel.name if wheel else entry.file_name,
            sha256=_sha256(wheel) if wheel else entry.sha256,
            wheel=wheel,
            url=None if wheel else self.cdn + entry.file_name,
        )
        if wheel is None:
            self.first_span.setdefault(entry.name, span)
        self.packages[entry.name] = package
        for dependency in depends:
            self.want(dependency, pin=None, extras=frozenset(), span=span, via=entry.name)

    def _from_pypi(
        self,
        name: str,
        pin: str | None,
        extras: frozenset[str],
        span: Span,
        via: str,
        provides: str | None,
        *,
        specifier: str = "",
        wheel: Path | None = None,
    ) -> bool:
        what = (
            shown(name)
            if via in (name, f"import {name}")
            else f"{shown(name)} (needed by {shown(via)})"
        )
        try:
            wheel = wheel or self._fetch(name, pin, span, what, specifier)
        except NoPureWheel:
            self._fail(
                name,
                "STC401",
                span,
                f"{what} is neither in Pyodide nor pure Python: PyPI has no py3-none-any "
                "wheel of it, so it cannot run in the browser",
                "the browser loads only Pyodide's packages and pure-Python wheels; use "
                "another package, or make the import optional (try/except ImportError)",
            )
            return False
        except UnknownPackage:
            self._fail(
                name,
                "STC402",
                span,
                f"unknown package {what}: not in Pyodide and not on PyPI",
                "is it a local module missing from the app folder (or left out by "
                ".stcignore)? If the package's name differs from the import name, "
                "list the package in requirements.txt",
            )
            return False
        try:
            info = read_wheel(wheel)
        except AssetError as error:
            raise _located(error, span, what) from error
        if provides is not None and provides not in info.tops:
            self._fail(
                name,
                "STC402",
                span,
                f"no known package provides the module {provides} (PyPI's {name} "
                f"{info.version} installs {', '.join(info.tops) or 'no modules'})",
                "list the package that provides it in requirements.txt",
            )
            return False
        package = Package(
            name=name,
            version=info.version,
            file_name=wheel.name,
            sha256=_sha256(wheel),
            imports=info.tops,
            depends=(),
            origin="pypi",
            wheel=wheel,
        )
        self.packages[name] = package
        depends: list[str] = []
        plugin = False  # a Streamlit plugin: requires streamlit
        for text in info.requires:
            try:
                requirement = parse_requirement(text, extras)
            except InvalidRequirement:
                continue
            if requirement is None:
                continue
            dependency = canonicalize_name(requirement.name)
            plugin = plugin or dependency == "streamlit"
            if dependency in IGNORED or dependency == name:
                continue
            try:
                pin = exact_pin(requirement)
            except InvalidRequirement:
                pin = None  # a pin no version can meet: let the index choose
            if self.want(
                dependency,
                pin=pin,
                extras=frozenset(requirement.extras),
                span=span,
                via=name,
            ):
                depends.append(dependency)
        if plugin:
            depends.extend(self._streamlit_imports(wheel, info.tops, span, name))
        self.packages[name] = replace(package, depends=tuple(sorted(set(depends))))
        return True

    def _streamlit_imports(
        self, wheel: Path, tops: tuple[str, ...], span: Span, via: str
    ) -> list[str]:
        """The projects of :data:`STREAMLIT_IMPORTS` a plugin's modules import."""
        try:
            imported = module_imports(wheel)
        except AssetError as error:
            raise _located(error, span, via) from error
        wanted: list[str] = []
        for top in sorted(imported & STREAMLIT_IMPORTS.keys() - {*tops, *self.local}):
            project = STREAMLIT_IMPORTS[top]
            if self.want(project, pin=None, extras=frozenset(), span=span, via=via):
                wanted.append(project)
        return wanted

    def _fetch(
        self, name: str, pin: str | None, span: Span, what: str, specifier: str = ""
    ) -> Path:
        """The wheel of *name*; a pip failure says which requirement needed it, and where."""
        try:
            return self.wheels.fetch(name, pin, specifier)
        except AssetError as error:
            raise _located(error, span, what) from error

    def check_hashes(self, declared: tuple[Declared, ...]) -> None:
        """``STC410`` where the wheel the site ships is not one its line's --hash names."""
        for requirement in declared:
            package = self.packages.get(requirement.name)
            if not requirement.hashes or package is None:
                continue
            if package.wheel is None:
                self.diagnostics.append(
                    HASH_UNCHECKED.diagnostic(
                        requirement.span, name=package.name, version=package.version
                    )
                )
                continue
            algorithms = {h.partition(":")[0] for h in requirement.hashes}
            digests = {f"{a}:{_digest(package.wheel, a)}" for a in sorted(algorithms)}
            if not digests & set(requirement.hashes):
                self.diagnostics.append(
                    HASH_MISMATCH.diagnostic(
                        requirement.span,
                        file=package.wheel.name,
                        digest=f"sha256:{package.sha256[:16]}…",
                    )
                )

    def _fail(self, name: str, code: str, span: Span, message: str, hint: str) -> None:
        self.failed.add(name)
        self.diagnostics.append(_diagnostic(code, "error", span, message, hint))

    def note_removed(self, refs: list[ImportRef]) -> None:
        for ref in refs:
            if any(ref.top in p.imports for p in self.packages.values()):
                continue
            self.diagnostics.append(
                _diagnostic(
                    "STC404",
                    "warning",
                    ref.span,
                    f"{ref.top} was removed from the standard library (PEP 594 / 3.12); "
                    "the browser runs Python 3.14, where importing it fails",
                    "use a replacement, or list a backport package in requirements.txt",
                )
            )

    def note_cdn(self) -> None:
        cdn = sorted((p for p in self.packages.values() if p.url), key=lambda p: p.name)
        if not cdn:
            return
        names = ", ".join(f"{p.name} {p.version}" for p in cdn)
        span = self.first_span[min(self.first_span, key=lambda n: _span_key(self.first_span[n]))]
        self.diagnostics.append(
            _diagnostic(
                "STC403",
                "info",
                span,
                f"{names} {'loads' if len(cdn) == 1 else 'load'} from the Pyodide CDN at run "
                "time (binary packages are not "
                "in the npm core), so the site needs the internet on its first visit",
            )
        )


def _located(error: AssetError, span: Span, what: str) -> AssetError:
    """*error*, saying first where the requirement or import that needed it is."""
    where = f"{span.path}:{span.line}:{span.col}"
    return AssetError(f"{where}: {what}: {error.message}", path=error.path)


def _span_key(span: Span) -> tuple[str, int, int]:
    return (span.path, span.line, span.col)


def _allows(version: str, pin: str | None, specifier: str) -> bool:
    """Whether Pyodide's *version* is what a requirement asks for."""
    try:
        if pin is not None and Version(pin) != Version(version):
            return False
        return not specifier or SpecifierSet(specifier).contains(version, prereleases=True)
    except ValueError:  # not PEP 440, or more digits than Python reads as a number
        return pin == version


def _sha256(path: Path) -> str:
    return _digest(path, "sha256")


def _digest(path: Path, algorithm: str) -> str:
    digest = hashlib.new(algorithm)
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _diagnostic(
    code: str,
    severity: Literal["error", "warning", "info"],
    span: Span,
    message: str,
    hint: str | None = None,
) -> Diagnostic:
    return Diagnostic(code=code, severity=severity, message=message, span=span, hint=hint)
