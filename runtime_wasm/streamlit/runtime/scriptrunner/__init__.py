"""``streamlit.runtime.scriptrunner``: the names packages import from it."""

from . import script_runner
from .script_run_context import ScriptRunContext, add_script_run_ctx, get_script_run_ctx
from .script_runner import RerunException, StopException

__all__ = [
    "RerunException",
    "ScriptRunContext",
    "StopException",
    "add_script_run_ctx",
    "get_script_run_ctx",
    "script_runner",
]
