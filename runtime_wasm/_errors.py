"""Exceptions with Streamlit's names and messages, so ``except`` clauses in apps and
in code written for Streamlit keep working.

    StreamlitAPIException
     ├── DuplicateWidgetID
     │    ├── StreamlitDuplicateElementId
     │    └── StreamlitDuplicateElementKey
     ├── StreamlitAPIWarning
     ├── StreamlitInvalidParameterTypeError
     ├── StreamlitValueOutOfRangeError
     ├── StreamlitValueAssignmentNotAllowedError
     └── StreamlitWidgetAlreadyInstantiatedError
"""

from __future__ import annotations

__all__ = [
    "FORM_DOCS_INFO",
    "DuplicateWidgetID",
    "StreamlitAPIException",
    "StreamlitAPIWarning",
    "StreamlitDuplicateElementId",
    "StreamlitDuplicateElementKey",
    "StreamlitInvalidParameterTypeError",
    "StreamlitValueAssignmentNotAllowedError",
    "StreamlitValueOutOfRangeError",
    "StreamlitWidgetAlreadyInstantiatedError",
]

# Streamlit appends this to its "used outside/inside a form" errors (it shows them stripped).
FORM_DOCS_INFO = (
    "\n\nFor more information, refer to the\n[documentation for forms]"
    "(https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."
)


class StreamlitAPIException(Exception):
    """An app called the Streamlit API incorrectly."""


class StreamlitAPIWarning(StreamlitAPIException, Warning):
    """Shown with ``st.exception`` as a warning, never raised."""


class DuplicateWidgetID(StreamlitAPIException):
    """Two widgets in one run resolved to the same identity."""


class StreamlitDuplicateElementId(DuplicateWidgetID):
    def __init__(self, element_type: str) -> None:
        super().__init__(
            f"There are multiple `{element_type}` elements with the same "
            "auto-generated ID. When this element is created, it is assigned an "
            "internal ID based on the element type and provided parameters. Multiple "
            "elements with the same type and parameters will cause this error.\n\n"
            "To fix this error, please pass a unique `key` argument to the "
            f"`{element_type}` element."
        )


class StreamlitDuplicateElementKey(DuplicateWidgetID):
    def __init__(self, user_key: str) -> None:
        super().__init__(
            f"There are multiple elements with the same `key='{user_key}'`. "
            "To fix this, please make sure that the `key` argument is unique for "
            "each element you create."
        )


def _item(key: str) -> str:
    return f"`st.session_state[{key!r}]`"


class StreamlitValueAssignmentNotAllowedError(StreamlitAPIException):
    def __init__(self, key: str) -> None:
        super().__init__(
            f"{_item(key)} is read-only and cannot be assigned through session state. "
            "Use a different session state key for values you need to set."
        )


class StreamlitWidgetAlreadyInstantiatedError(StreamlitAPIException):
    def __init__(self, key: str) -> None:
        super().__init__(
            f"{_item(key)} cannot be modified after the widget with that key is "
            f"instantiated. Assign {_item(key)} before creating the widget, or update "
            "it from an `on_change` or `on_click` callback, which runs before the widget "
            "is instantiated. If this is a read-only session state key (buttons, file and "
            "media inputs, `st.data_editor`, forms, chart or `ButtonColumn` selections), "
            "store the value under a different session state key."
        )


class StreamlitValueOutOfRangeError(StreamlitAPIException):
    def __init__(self, parameter: str, value: object, min_value: object, max_value: object) -> None:
        super().__init__(
            f"The `{parameter}` parameter, set to {value}, is outside the required range "
            f"[{min_value}, {max_value}]."
        )


class StreamlitInvalidParameterTypeError(StreamlitAPIException):
    def __init__(self, parameter: str, provided_type: str, expected_types: list[str]) -> None:
        super().__init__(
            f"Invalid `{parameter}` type. Expected one of: {', '.join(expected_types)}. "
            f"Provided type: {provided_type}."
        )
