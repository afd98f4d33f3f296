"""``streamlit.errors``: the exception names apps catch."""

from .._errors import (
    DuplicateWidgetID,
    StreamlitAPIException,
    StreamlitAPIWarning,
    StreamlitDuplicateElementId,
    StreamlitDuplicateElementKey,
    StreamlitValueAssignmentNotAllowedError,
    StreamlitWidgetAlreadyInstantiatedError,
)

__all__ = [
    "DuplicateWidgetID",
    "StreamlitAPIException",
    "StreamlitAPIWarning",
    "StreamlitDuplicateElementId",
    "StreamlitDuplicateElementKey",
    "StreamlitValueAssignmentNotAllowedError",
    "StreamlitWidgetAlreadyInstantiatedError",
]
