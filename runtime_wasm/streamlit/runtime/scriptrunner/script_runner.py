"""``…scriptrunner.script_runner``: the module whose exception handler packages patch
(streamlit-extras' ``exception_handler``). stc's runner is ``runtime_wasm._script``;
this module exists so looking it up in ``sys.modules`` works."""

from ...._script import RerunRequested as RerunException
from ...._script import StopRequested as StopException

__all__ = ["RerunException", "StopException"]
