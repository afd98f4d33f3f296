"""``streamlit.errors``: the exception names apps catch."""

from .._errors import (
    DuplicateWidgetID,
    StreamlitAPIException,
    StreamlitAPIWarning,
    StreamlitBadTimeStringError,
    StreamlitDuplicateElementId,
    StreamlitDuplicateElementKey,
    StreamlitIncompatibleParametersError,
    StreamlitMissingRequiredParameterError,
    StreamlitQueryParamDictValueError,
    StreamlitValueAssignmentNotAllowedError,
    StreamlitValueError,
    StreamlitWidgetAlreadyInstantiatedError,
    UnhashableParamError,
    UnserializableReturnValueError,
)

__all__ = [
    "DuplicateWidgetID",
    "StreamlitAPIException",
    "StreamlitAPIWarning",
    "StreamlitBadTimeStringError",
    "StreamlitDuplicateElementId",
    "StreamlitDuplicateElementKey",
    "StreamlitIncompatibleParametersError",
    "StreamlitMissingRequiredParameterError",
    "StreamlitQueryParamDictValueError",
    "StreamlitValueAssignmentNotAllowedError",
    "StreamlitValueError",
    "StreamlitWidgetAlreadyInstantiatedError",
    "UnhashableParamError",
    "UnserializableReturnValueError",
]
