"""The option helpers of the widgets that choose among options: ``st.radio``,
``st.selectbox``, ``st.multiselect``, ``st.select_slider``, ``st.pills`` and
``st.segmented_control`` (Streamlit's ``options_selector_utils``), and the one widget
``st.radio`` and ``st.selectbox`` both are: a single choice sent as an option index.

Options go to the page as their labels (``format_func`` applied), values as indices
into them; ``format_func`` runs only in Python. Options and defaults may be any of
what Streamlit's ``convert_anything_to_list`` takes (``to_list``); a NumPy array or a
pandas Series gives its values as Python scalars, as Streamlit's detour through a
DataFrame does, so a widget over ``np.array([1, 2])`` returns ``1``, not ``np.int64(1)``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from enum import Enum, EnumMeta
from typing import Any

from ...._errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueOutOfRangeError,
)
from ..._base import DGBase
from ..._types import has_callable_attr, is_list_like
from ..._widget import Key, check_label_visibility, widget
from ._to_pandas import as_pandas
from ._url_codecs import choice_codec

__all__ = [
    "check_max_selections",
    "default_indices",
    "index_of",
    "locate",
    "single_choice",
    "to_list",
    "to_options",
]


def to_list(obj: Any) -> list[Any]:
    """*obj* as a list, as Streamlit's ``convert_anything_to_list``: a scalar is one
    item, a mapping its keys, an enum class its members (a ``str`` member its value),
    a DataFrame its first column. NumPy and pandas are never imported here: an object of
    theirs only exists once the app has imported them."""
    if obj is None:
        return []
    if isinstance(obj, str | int | float | bool):
        return [obj]
    if isinstance(obj, EnumMeta):
        members: list[Enum] = list(obj)
        return [m.value if isinstance(m, str) else m for m in members]
    if isinstance(obj, Mapping):
        return list(obj.keys())
    if is_list_like(obj):
        return list(obj)
    return _first_column(as_pandas(obj))


def _first_column(obj: Any) -> list[Any]:
    if hasattr(obj, "iloc") and hasattr(obj, "columns"):  # a DataFrame
        return [] if obj.empty else list(obj.iloc[:, 0].to_list())
    if has_callable_attr(obj, "to_list"):  # a pandas Series or Index
        return list(obj.to_list())
    if type(obj).__module__.split(".")[0] == "numpy" and hasattr(obj, "ndim"):
        if obj.ndim == 0:
            return [obj.item()]
        column = obj[:, 0] if obj.ndim > 1 else obj
        pandas = sys.modules.get("pandas")
        if pandas is not None and column.dtype.kind in "mM":
            # Streamlit's DataFrame makes datetime64 values Timestamps, not dates
            return list(pandas.Series(column).to_list())
        return list(column.tolist())
    try:
        return list(obj)
    except TypeError:
        return [obj]


def to_options(options: Any) -> list[Any]:
    """*options* as a list whose items compare with ``==`` to a bool (Streamlit's
    ``convert_to_sequence_and_check_comparable``): NumPy arrays as options do not."""
    opts = to_list(options)
    try:
        bool(opts[0] == opts[0])
    except IndexError:
        pass
    except ValueError:
        raise StreamlitAPIException(
            "Invalid option type provided. Options must be comparable, returning a "
            f"boolean when used with *==*. \n\nGot **{type(opts[0]).__name__}**, "
            "which cannot be compared. Refactor your code to use elements of "
            "comparable types as options, e.g. use indices instead."
        ) from None
    return opts


def default_indices(options: list[Any], default: Any) -> list[int]:
    """The indices of *default*'s values among *options* (Streamlit's
    ``check_and_convert_to_indices``); the widget then returns those options, so a
    ``np.int64(2)`` default among ``[1, 2, 3]`` gives ``2``."""
    indices = []
    for value in to_list(default):
        try:
            indices.append(options.index(value))
        except ValueError:
            raise StreamlitAPIException(
                f"The default value '{value}' is not part of the options. "
                "Please make sure that every default value also exists in the options."
            ) from None
    return indices


def index_of(options: list[Any], value: Any) -> int:
    for i, option in enumerate(options):
        if option is value or option == value:
            return i
    raise ValueError(value)


def locate(
    options: list[Any], labels: list[str], format_func: Callable[[Any], Any], value: Any
) -> int:
    """Index of ``value``, else of the option with the same label. Streamlit matches
    stored values by their formatted label, so an option object from an earlier run
    (an instance of a class the script defines anew each run) still finds its option.
    """
    try:
        return index_of(options, value)
    except ValueError:
        pass
    try:
        return labels.index(str(format_func(value)))
    except Exception:
        raise ValueError(value) from None


def check_max_selections(selected: list[Any], max_selections: int | None) -> None:
    count = len(selected)
    if max_selections is None or count <= max_selections:
        return
    raise StreamlitAPIException(
        f"Multiselect has {count} {'option' if count == 1 else 'options'} selected but "
        f"`max_selections` is set to {max_selections}. This happened because you either "
        "gave too many options to `default` or you manipulated the widget's state through "
        "`st.session_state`. Note that the latter can happen before the line indicated in "
        f"the traceback. Please select at most {max_selections} "
        f"{'option' if max_selections == 1 else 'options'}."
    )


def single_choice(
    dg: DGBase,
    kind: str,
    label: str,
    options: Any,
    index: int | None,
    format_func: Callable[[Any], Any],
    key: Key | None,
    help: str | None,
    on_change: Any,
    args: Any,
    kwargs: Any,
    label_visibility: str,
    props: dict[str, Any],
    *,
    bind: Any = None,
) -> Any:
    check_label_visibility(label_visibility)
    opts = to_options(options)
    # As Streamlit: an int (a bool too, but not np.int64) within the options
    if index is not None and not isinstance(index, int):
        raise StreamlitInvalidParameterTypeError("index", type(index).__name__, ["int", "None"])
    if index is not None and opts and not 0 <= index < len(opts):
        raise StreamlitValueOutOfRangeError("index", index, 0, len(opts) - 1)
    default = opts[index] if (opts and index is not None) else None
    labels = [str(format_func(o)) for o in opts]

    def serialize(value: Any) -> int | None:
        return None if value is None else index_of(opts, value)

    def deserialize(raw: Any) -> Any:
        return None if raw is None else opts[int(raw)]

    def coerce(value: Any) -> Any:
        return None if value is None else opts[locate(opts, labels, format_func, value)]

    return widget(
        dg,
        kind,
        key=key,
        shared={"label": label, "options": labels, "help": help},
        identity={"index": index},
        default=default,
        serialize=serialize,
        deserialize=deserialize,
        coerce=coerce,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        props={"label_visibility": label_visibility, **props},
        bind=bind,
        url=choice_codec(opts, labels, format_func, clearable=index is None),
    )
