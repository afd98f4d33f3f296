"""The analysis passes: libcst visitors that read the app and change nothing.

Each visitor walks one module with the metadata it declares, and appends imports
and diagnostics to the app-wide :class:`Findings`; what each diagnostic says is
data in :mod:`compiler._analysis._rules`. :data:`VISITORS` is the list
:func:`compiler._analyse.analyse` runs; :class:`CallVisitor` feeds the rewrite.
"""

from __future__ import annotations

from compiler._analysis._auth import AuthVisitor
from compiler._analysis._browser import BrowserVisitor
from compiler._analysis._calls import CallFacts, CallVisitor
from compiler._analysis._connections import ConnectionVisitor
from compiler._analysis._context import (
    AppModule,
    Findings,
    ModuleVisitor,
    StreamlitUses,
    module_name,
)
from compiler._analysis._http import HttpVisitor
from compiler._analysis._imports import ImportVisitor
from compiler._analysis._pages import PagesVisitor, pages_folder_collisions
from compiler._analysis._paths import PathVisitor
from compiler._analysis._register import RegisterVisitor
from compiler._analysis._secret_reads import SecretsVisitor
from compiler._analysis._streamlit import StreamlitVisitor

__all__ = [
    "VISITORS",
    "AppModule",
    "CallFacts",
    "CallVisitor",
    "Findings",
    "ModuleVisitor",
    "PagesVisitor",
    "StreamlitUses",
    "module_name",
    "pages_folder_collisions",
]

VISITORS: tuple[type[ModuleVisitor], ...] = (
    ImportVisitor,
    StreamlitVisitor,
    BrowserVisitor,
    PathVisitor,
    PagesVisitor,
    ConnectionVisitor,
    SecretsVisitor,
    HttpVisitor,
    AuthVisitor,
    RegisterVisitor,
)
