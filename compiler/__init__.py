"""stc's compiler: turn a Streamlit app into a static site that runs on Pyodide.

The public surface is :data:`__all__`; everything in ``_*`` modules is private. The
tree follows the spine, ``_build.py``: one sub-package per stage, each importing only
the ones before it (:mod:`compiler.analyse` ← :mod:`compiler.resolve` ←
:mod:`compiler.emit`), and :mod:`compiler.devtools` on top (serve, ``stc test``).
"""

from typing import TYPE_CHECKING, Any

from compiler._diagnostics import Diagnostic, Span, render_diagnostic
from compiler._exceptions import (
    AssetError,
    BuildError,
    CompileError,
    StcError,
    ToolError,
    UsageError,
)
from compiler._options import BuildOptions, BuildResult, WrittenFile
from compiler._progress import NullReporter, Reporter, StreamReporter
from compiler.devtools._serve import serve, serving

if TYPE_CHECKING:
    from compiler._build import build
    from compiler._check import check

__all__ = [
    "AssetError",
    "BuildError",
    "BuildOptions",
    "BuildResult",
    "CompileError",
    "Diagnostic",
    "NullReporter",
    "Reporter",
    "Span",
    "StcError",
    "StreamReporter",
    "ToolError",
    "UsageError",
    "WrittenFile",
    "build",
    "check",
    "render_diagnostic",
    "serve",
    "serving",
]


def __getattr__(name: str) -> Any:
    """``build`` and ``check`` load every stage (libcst, the rules: about a second), so
    they are imported on first use: ``stc serve`` and ``stc --version`` start at once."""
    if name == "build":
        from compiler._build import build

        return build
    if name == "check":
        from compiler._check import check

        return check
    raise AttributeError(f"module 'compiler' has no attribute {name!r}")
