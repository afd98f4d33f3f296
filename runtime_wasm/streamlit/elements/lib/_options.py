"""The option helpers of the widgets that choose among options: ``st.radio``,
``st.selectbox``, ``st.multiselect``, ``st.select_slider``, ``st.pills`` and
``st.segmented_control`` (Streamlit's ``options_selector_utils``), and the one widget
``st.radio`` and ``st.selectbox`` both are: a single choice sent as an option index.

Options go to the page as their labels (``format_func`` applied), values as indices
into them; ``format_func`` runs only in Python.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...._errors import StreamlitAPIException
from ..._base import DGBase
from ..._widget import Key, check_label_visibility, widget

__all__ = ["check_max_selections", "index_of", "locate", "single_choice", "to_options"]


def to_options(options: Any) -> list[Any]:
    if options is None:
        return []
    if isinstance(options, dict):
        return list(options.keys())
    if hasattr(options, "columns") and hasattr(options, "iloc"):  # a pandas DataFrame
        return list(options.iloc[:, 0])
    return list(options)


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
) -> Any:
    check_label_visibility(label_visibility)
    opts = to_options(options)
    if index is not None:
        if not isinstance(index, int) or isinstance(index, bool):
            raise StreamlitAPIException(f"Selectbox Value has invalid type: {type(index).__name__}")
        if opts and not 0 <= index < len(opts):
            raise StreamlitAPIException(
                "Selectbox index must be greater than or equal to 0 "
                "and less than the length of options."
            )
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
    )
