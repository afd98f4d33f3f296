"""Facts the analysis finds and later stages consume (one definition, shared).

``analyse`` produces them from the libcst modules; ``resolve`` turns imports into
packages and files to ship. Keeping the types here lets both stages be written and
tested independently.
"""

from __future__ import annotations

from dataclasses import dataclass

from compiler._diagnostics import Span

__all__ = ["ImportRef"]


@dataclass(frozen=True, kw_only=True)
class ImportRef:
    """One import in the app's code.

    ``module`` is the absolute dotted name as imported (relative imports already
    resolved against the importing file), ``top`` its first component. ``optional``
    marks imports the app survives without: inside ``try`` with an ``except
    ImportError``/``ModuleNotFoundError``, or under a conditional. ``dynamic`` marks
    ``importlib.import_module("literal")`` and ``__import__("literal")``.
    """

    module: str
    top: str
    file: str  # the importing file, relative to the app folder ("pkg/util.py")
    span: Span
    optional: bool = False
    dynamic: bool = False
