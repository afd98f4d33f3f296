"""``…scriptrunner_utils.script_run_context``: the same names as under ``scriptrunner``."""

from ..scriptrunner.script_run_context import (
    ScriptRunContext,
    add_script_run_ctx,
    get_script_run_ctx,
)

__all__ = ["ScriptRunContext", "add_script_run_ctx", "get_script_run_ctx"]
