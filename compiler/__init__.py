"""stc's compiler: turn a Streamlit app into a static site that runs on Pyodide.

The public surface is :data:`__all__`; everything in ``_*`` modules is private.
"""

from compiler._build import build
from compiler._check import check
from compiler._diagnostics import Diagnostic, Span, render_diagnostic
from compiler._exceptions import AssetError, BuildError, CompileError, StcError, UsageError
from compiler._options import BuildOptions, BuildResult, WrittenFile
from compiler._progress import NullReporter, Reporter, StreamReporter
from compiler.devtools._serve import serve, serving

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
    "UsageError",
    "WrittenFile",
    "build",
    "check",
    "render_diagnostic",
    "serve",
    "serving",
]
