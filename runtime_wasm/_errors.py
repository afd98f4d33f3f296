"""Exceptions with Streamlit's names and messages, so ``except`` clauses in apps and
in code written for Streamlit keep working.

    StreamlitAPIException
     ├── DuplicateWidgetID
     │    ├── StreamlitDuplicateElementId
     │    └── StreamlitDuplicateElementKey
     ├── StreamlitAPIWarning
     ├── StreamlitBadTimeStringError
     ├── StreamlitIncompatibleParametersError
     ├── StreamlitInvalidParameterTypeError
     ├── StreamlitMissingRequiredParameterError
     ├── StreamlitQueryParamDictValueError
     ├── StreamlitValueError
     ├── UnhashableParamError
     ├── UnserializableReturnValueError
     ├── UserHashError
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
    "StreamlitBadTimeStringError",
    "StreamlitDuplicateElementId",
    "StreamlitDuplicateElementKey",
    "StreamlitIncompatibleParametersError",
    "StreamlitInvalidParameterTypeError",
    "StreamlitMissingRequiredParameterError",
    "StreamlitQueryParamDictValueError",
    "StreamlitValueAssignmentNotAllowedError",
    "StreamlitValueError",
    "StreamlitValueOutOfRangeError",
    "StreamlitWidgetAlreadyInstantiatedError",
    "UnhashableParamError",
    "UnserializableReturnValueError",
    "UserHashError",
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
    def __init__(
        self,
        parameter: str,
        provided_type: str,
        expected_types: list[str],
        *,
        detail: str | None = None,
    ) -> None:
        super().__init__(
            f"Invalid `{parameter}` type. Expected one of: {', '.join(expected_types)}. "
            f"Provided type: {provided_type}." + (f" {detail}" if detail else "")
        )


class StreamlitMissingRequiredParameterError(StreamlitAPIException):
    """A required parameter is missing, ``None`` or empty (``st.tabs([])``)."""

    def __init__(self, parameter: str, *, detail: str | None = None) -> None:
        super().__init__(
            f"The `{parameter}` parameter is required." + (f" {detail}" if detail else "")
        )


class StreamlitValueError(StreamlitAPIException):
    def __init__(
        self, parameter: str, valid_values: list[str], *, detail: str | None = None
    ) -> None:
        super().__init__(
            f"Invalid `{parameter}` value. Supported values: {', '.join(valid_values)}."
            + (f" {detail}" if detail else "")
        )


class StreamlitIncompatibleParametersError(StreamlitAPIException):
    """Two or more parameter uses that cannot be combined, each shown in backticks."""

    def __init__(
        self, first_use: str, second_use: str, *other_uses: str, explanation: str | None = None
    ) -> None:
        quoted = [f"`{use}`" for use in (first_use, second_use, *other_uses)]
        if len(quoted) == 2:
            uses = f"{quoted[0]} and {quoted[1]}"
        else:
            uses = ", ".join(quoted[:-1]) + f", and {quoted[-1]}"
        super().__init__(
            f"{uses} cannot be used together." + (f" {explanation}" if explanation else "")
        )


class StreamlitBadTimeStringError(StreamlitAPIException):
    def __init__(self, time_string: str) -> None:
        super().__init__(
            "Time string doesn't look right. It should be formatted as "
            f"`'1d2h34m'` or `2 days`, for example. Got: {time_string}"
        )


class StreamlitQueryParamDictValueError(StreamlitAPIException):
    def __init__(self, key: str) -> None:
        super().__init__(
            f"Query param value for `{key}` cannot be set to a dictionary. "
            "Provide a string or iterable of strings instead."
        )


CACHE_DOCS_URL = "https://docs.streamlit.io/develop/concepts/architecture/caching"


class UnhashableParamError(StreamlitAPIException):
    """A cached function got an argument it cannot hash (Streamlit's wording)."""

    def __init__(self, decorator: str, func: object, arg_name: str | None, arg_value: object):
        shown = arg_name if arg_name is not None else "(unnamed)"
        cls = type(arg_value)
        arg_type = f"{cls.__module__}.{cls.__qualname__}"
        func_name = getattr(func, "__name__", "unknown")
        replacement = f"_{arg_name}" if arg_name is not None else "_arg"
        super().__init__(
            f"Cannot hash argument '{shown}' (of type `{arg_type}`) in '{func_name}'.\n\n"
            "To address this, you can tell Streamlit not to hash this argument by adding a\n"
            "leading underscore to the argument's name in the function signature:\n\n"
            f"```\n@st.{decorator}\ndef {func_name}({replacement}, ...):\n    ...\n```"
            # Streamlit's template strips newlines, not the indent of its closing quotes
            "\n            "
        )


class UserHashError(StreamlitAPIException):
    """A function of a cached function's ``hash_funcs`` raised (Streamlit's wording).

    ``chain`` is what was being hashed, innermost first: the object the hash function
    failed on, then what held it, up to the argument.
    """

    def __init__(
        self,
        orig_exc: BaseException,
        decorator: str,
        cached_func: object,
        hash_func: object,
        chain: list[object],
    ) -> None:
        self.alternate_name = type(orig_exc).__name__
        func_name = f"`{hash_func.__name__}()`" if hasattr(hash_func, "__name__") else "a function"
        cached = f"`{cached_func.__name__}()`" if hasattr(cached_func, "__name__") else "a function"
        failed = type(chain[0]) if chain else type(None)
        super().__init__(
            f"{orig_exc}\n\n"
            f"This error is likely due to a bug in {func_name}, which is a\n"
            f"user-defined hash function that was passed into the `@st.{decorator}` "
            f"decorator of\n{cached}.\n\n"
            f"{func_name} failed when hashing an object of type\n"
            f"`{failed.__module__}.{failed.__qualname__}`.  If you don't know where that "
            "object is coming from,\ntry looking at the hash chain below for an object "
            "that you do recognize, then\npass that to `hash_funcs` instead:\n\n"
            f"```\n{_hash_chain(chain)}\n```\n\n"
            "If you think this is actually a Streamlit bug, please\n"
            "[file a bug report here](https://github.com/streamlit/streamlit/issues/new/choose)."
        )


def _hash_chain(chain: list[object]) -> str:
    def line(obj: object) -> str:
        try:
            cls = type(obj)
            return f"Object of type {cls.__module__}.{cls.__qualname__}: {obj}"
        except Exception:
            return "<Unable to convert item to string>"

    return "\n".join(line(obj) for obj in chain)


class UnserializableReturnValueError(StreamlitAPIException):
    """``st.cache_data`` could not pickle what the function returned."""

    def __init__(self, func: object, return_value: object) -> None:
        value_type = f"`{getattr(return_value, '__module__', 'builtins')}."
        value_type += f"{type(return_value).__name__}`"
        name = f"`{getattr(func, '__name__', type(func).__name__)}()`"
        super().__init__(
            f"Cannot serialize the return value (of type {value_type}) in {name}. "
            "`st.cache_data` uses [pickle](https://docs.python.org/3/library/pickle.html) "
            "to serialize the function's return value and safely store it in the cache "
            "without mutating the original object. Please convert the return value to a "
            "pickle-serializable type. If you want to cache unserializable objects such "
            "as database connections or Tensorflow sessions, use `st.cache_resource` "
            f"instead (see [our docs]({CACHE_DOCS_URL}) for differences)."
        )
