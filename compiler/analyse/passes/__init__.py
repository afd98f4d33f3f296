"""The analysis passes: libcst visitors that read the app and change nothing.

Each visitor walks one module with the metadata it declares, and appends imports
and diagnostics to the app-wide :class:`Findings`; what each diagnostic says is
data in :mod:`compiler.analyse.passes._rules`. :data:`VISITORS` is the list
:func:`compiler.analyse._analyse.analyse` runs; :class:`CallVisitor` feeds the rewrite.
"""

from __future__ import annotations

from compiler.analyse.passes._auth import AuthVisitor
from compiler.analyse.passes._browser import BrowserVisitor
from compiler.analyse.passes._calls import CallFacts, CallVisitor
from compiler.analyse.passes._connections import ConnectionVisitor
from compiler.analyse.passes._context import (
    AppModule,
    Findings,
    ModuleVisitor,
    StreamlitUses,
    module_name,
)
from compiler.analyse.passes._http import HttpVisitor
from compiler.analyse.passes._imports import ImportVisitor
from compiler.analyse.passes._pages import PagesVisitor, pages_folder_collisions
from compiler.analyse.passes._paths import PathVisitor
from compiler.analyse.passes._refusals import RefusalVisitor
from compiler.analyse.passes._register import RegisterVisitor
from compiler.analyse.passes._secret_reads import SecretsVisitor
from compiler.analyse.passes._streamlit import StreamlitVisitor

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
    RefusalVisitor,
)
