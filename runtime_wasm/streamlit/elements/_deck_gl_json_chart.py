"""``st.pydeck_chart``: a pydeck ``Deck`` sent as the deck.gl JSON it makes.

As in Streamlit, the chart is ``pydeck_obj.to_json()`` (any object with a ``to_json``
works: pydeck's ``Deck`` is duck-typed, a dict is refused with the same
``AttributeError``), the tooltip travels beside it, and no object draws an empty map
centred on 0, 0. The page converts the JSON with deck.gl's ``JSONConverter``
(``js/elements/deck_gl_json_chart.mjs``, deck.gl loaded on first use) and draws the
layers over the basemap of the map style the spec names (pydeck's default is Carto's),
drawn by MapLibre, or on a plain background when it names none. The Mapbox token
Streamlit sends (``mapbox_key``, config ``mapbox.token``) is not sent: a static site
carries no secret, so a ``mapbox://`` style is not drawn.

With ``on_select`` the chart is a widget whose value is Streamlit's ``PydeckState``:
``selection.indices`` and ``selection.objects`` by layer id, filled by clicks on the
page. With a key, only the key and ``selection_mode`` define the widget, as in
Streamlit, so a changed spec keeps the selection.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable
from typing import Any, Final

from ..._errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)
from ..._tree import Element
from .._base import DGBase
from .._widget import widget
from .._widget_state import ReadOnlyAttributeDictionary, check_on_select
from .lib._diagram_props import normalize_alt

__all__ = ["EMPTY_MAP", "PydeckMixin", "PydeckSelectionState", "PydeckState"]

# Streamlit's spec when no object is given.
EMPTY_MAP: Final[dict[str, Any]] = {
    "initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0, "zoom": 1},
}
_SELECTION_MODES: Final = ("multi-object", "single-object")


class PydeckSelectionState(ReadOnlyAttributeDictionary):
    """``indices`` and ``objects`` of a pydeck selection, each by layer id."""


class PydeckState(ReadOnlyAttributeDictionary):
    """What a selectable ``st.pydeck_chart`` returns: ``state.selection``."""

    def __getitem__(self, key: Any) -> Any:
        item = dict.__getitem__(self, key)
        if key == "selection" and not isinstance(item, PydeckSelectionState):
            return PydeckSelectionState(item)
        return super().__getitem__(key)


def _state(raw: Any) -> PydeckState:
    """Streamlit's ``PydeckSelectionSerde.deserialize``: the page's JSON, else nothing
    selected (also for a value without ``selection``)."""
    state = json.loads(raw) if isinstance(raw, str) else raw
    if not isinstance(state, dict) or "selection" not in state:
        state = {"selection": {"indices": {}, "objects": {}}}
    return PydeckState({**state, "selection": PydeckSelectionState(state["selection"])})


def _to_page(state: Any) -> str:
    return json.dumps(state, default=str)


def _check_selection_mode(selection_mode: Any) -> str:
    """Streamlit's ``parse_selection_mode``: one string, one of the two modes."""
    if not isinstance(selection_mode, str):
        raise StreamlitInvalidParameterTypeError(
            "selection_mode", type(selection_mode).__name__, ["str"],
            detail="Selection mode must be a single value.",
        )  # fmt: skip
    if selection_mode not in _SELECTION_MODES:
        raise StreamlitValueError("selection_mode", [f"'{m}'" for m in _SELECTION_MODES])
    return selection_mode


def _check_size(name: str, value: Any) -> None:
    """Streamlit's ``validate_width`` / ``validate_height`` without "content"."""
    if isinstance(value, bool) or not (
        value == "stretch" if isinstance(value, str) else isinstance(value, int) and value > 0
    ):
        raise StreamlitAPIException(
            f"Invalid {name} value: {value!r}. {name.capitalize()} must be either a "
            "positive integer (pixels) or 'stretch'."
        )


def _records_for_json(pydeck_obj: Any) -> None:
    """Streamlit's ``_prepare_pydeck_for_json``: each layer's DataFrame as records, in
    place, since pydeck's serializer cannot read a pandas 3 frame (pydeck wraps frames
    in weak references). Records are what pydeck sends for a frame anyway."""
    for layer in getattr(pydeck_obj, "layers", None) or ():
        data = getattr(layer, "data", None)
        if isinstance(data, weakref.ref):
            data = data()
        if type(data).__name__ == "DataFrame" and callable(
            to_dict := getattr(data, "to_dict", None)
        ):
            layer.data = to_dict(orient="records")


def _tooltip(pydeck_obj: Any) -> dict[str, Any] | None:
    """Streamlit's ``_get_pydeck_tooltip``: a dict tooltip, from the Jupyter widget of
    older pydecks or ``_tooltip`` of newer ones (``tooltip=True`` is deck.gl's own)."""
    widget_obj = getattr(pydeck_obj, "deck_widget", None)
    if widget_obj is not None and isinstance(getattr(widget_obj, "tooltip", None), dict):
        return dict(widget_obj.tooltip)
    tooltip = getattr(pydeck_obj, "_tooltip", None)
    return dict(tooltip) if isinstance(tooltip, dict) else None


class PydeckMixin(DGBase):
    def pydeck_chart(
        self, pydeck_obj: Any = None, *, width: Any = "stretch",
        use_container_width: bool | None = None, height: Any = 500,
        selection_mode: Any = "single-object", on_select: Any = "ignore",
        key: Any = None, alt: str | None = None,
    ) -> Any:  # fmt: skip
        if use_container_width:
            width = "stretch"
        _check_size("width", width)
        _check_size("height", height)
        if pydeck_obj is not None:
            _records_for_json(pydeck_obj)
        spec = json.dumps(EMPTY_MAP) if pydeck_obj is None else pydeck_obj.to_json()
        tooltip = _tooltip(pydeck_obj)
        props = {
            "spec": spec,
            "tooltip": json.dumps(tooltip) if tooltip else "",
            "width": width,
            "height": height,
            "alt": normalize_alt(alt),
        }
        callback = check_on_select(on_select)
        if on_select == "ignore":
            return self._enqueue(Element("deck_gl_json_chart", {**props, "selection_mode": ""}))
        mode = _check_selection_mode(selection_mode)
        return _selectable(self, props, mode, key, callback, use_container_width)


def _selectable(
    dg: DGBase, props: dict[str, Any], mode: str, key: Any,
    callback: Callable[..., Any] | None, use_container_width: bool | None,
) -> PydeckState:  # fmt: skip
    """The chart as a widget. Streamlit hashes only ``selection_mode`` with the key: a
    state made under another mode starts over (``coerce``), as its id would change."""

    def deserialize(raw: Any) -> PydeckState:
        state = _state(raw)
        object.__setattr__(state, "_mode", mode)
        return state

    def coerce(value: Any) -> Any:
        if getattr(value, "_mode", None) != mode:
            raise ValueError("the state of another selection mode")
        return value

    identity = {"spec": props["spec"], "alt": props["alt"],
                "use_container_width": use_container_width}  # fmt: skip
    result: PydeckState = widget(
        dg, "deck_gl_json_chart", key=key, shared={"selection_mode": mode}, identity=identity,
        default=deserialize(None), props=props, serialize=_to_page, deserialize=deserialize,
        coerce=coerce, on_change=callback, read_only=True,
    )  # fmt: skip
    return result
