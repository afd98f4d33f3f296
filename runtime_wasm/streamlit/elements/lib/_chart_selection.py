"""Chart selections (``on_select``) of ``st.altair_chart``, ``st.vega_lite_chart`` and
``st.plotly_chart``: Streamlit's state types, its checks of ``selection_mode``, and
the widget a selectable chart becomes.

With ``on_select`` other than ``"ignore"`` the chart is a widget whose value is what
the page reports, as Streamlit's front end words it (``js/elements/charts.mjs``):

* Vega-Lite: ``{"selection": {param: ...}}`` for each selection parameter in use, a
  point selection as the list of its points' field values (``[{"a": 1}]``, or
  ``[{"_vgsid_": 3}]`` when it names no fields), an interval as ``{field: [min, max]}``,
  ``{}`` when nothing is selected;
* Plotly: ``{"selection": {"points": [...], "point_indices": [...], "box": [...],
  "lasso": [...]}}``, each point with plotly.js's event data in snake case
  (``curve_number``, ``point_index``, ``x``, ``y``…).

The value goes back to the page with the chart, which keeps its drawing (and what is
selected in it) when nothing else changed. As in Streamlit, a chart without a key
starts empty when anything about it changes (its widget id does); a keyed one keeps
its selection, except a Vega-Lite chart whose selection parameters change and a
Plotly chart whose figure changes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from ...._errors import StreamlitAPIException, StreamlitValueError
from ..._base import DGBase
from ..._widget import Key, widget
from ..._widget_state import ReadOnlyAttributeDictionary

__all__ = [
    "ChartState",
    "PlotlySelectionState",
    "PlotlyState",
    "VegaLiteState",
    "plotly_selection_modes",
    "selectable_chart",
    "stable_names",
    "vega_selection_modes",
]


ChartState = ReadOnlyAttributeDictionary  # what a selectable st.echarts_chart returns


class VegaLiteState(ReadOnlyAttributeDictionary):
    """What a selectable ``st.altair_chart`` / ``st.vega_lite_chart`` returns:
    ``state.selection``, one entry per selection parameter."""


class PlotlySelectionState(ReadOnlyAttributeDictionary):
    """``points``, ``point_indices``, ``box`` and ``lasso`` of a Plotly selection."""


class PlotlyState(ReadOnlyAttributeDictionary):
    """What a selectable ``st.plotly_chart`` returns: ``state.selection``."""


# -- Vega-Lite -------------------------------------------------------------------------

_COMPOSITE = re.compile(r'"(vconcat|hconcat|facet|layer|concat|repeat)"')


def _renumber(prefix: str, text: str) -> str:
    """Streamlit's ``_reset_counter_pattern``: Altair's ``param_7`` / ``view_79c4`` names
    (a global counter, or a hash of the data) as ``param_1``… in order of appearance."""
    pattern = re.compile(rf'"{prefix}[0-9a-f]+(?:_[0-9]+)?"')
    mark = "__stc_renumbered__"  # so a new name is not taken for an old one
    for n, name in enumerate(dict.fromkeys(pattern.findall(text)), start=1):
        text = text.replace(name, f'"{mark}{prefix}{n}"')
    return text.replace(mark, "")


def stable_names(spec: dict[str, Any]) -> dict[str, Any]:
    """The JSON spec with the parameter and view names Altair makes up renumbered, as
    Streamlit's ``_stabilize_vega_json_spec`` does: otherwise each rerun names them
    anew, and the chart's selection state, its widget id and its props would change.
    The data is left alone (a value ``"param_1"`` is data, not a name)."""
    top = {k: v for k, v in spec.items() if k != "datasets"}
    data = spec.get("data")
    if isinstance(data, dict) and "values" in data:
        top["data"] = {k: v for k, v in data.items() if k != "values"}
    text = json.dumps(top)
    renamed = _renumber("param_", text) if '"params"' in text else text
    if _COMPOSITE.search(renamed):
        renamed = _renumber("view_", renamed)
    if renamed == text:
        return spec
    stable: dict[str, Any] = json.loads(renamed)
    if "datasets" in spec:
        stable["datasets"] = spec["datasets"]
    if isinstance(data, dict) and "values" in data:
        stable["data"]["values"] = data["values"]
    return stable


def _selection_params(spec: Mapping[str, Any]) -> set[str]:
    """Streamlit's ``_extract_selection_parameters``: named ``params`` with a ``select``,
    in the spec and in its layers, concatenations and facet/repeat specs."""
    names: set[str] = set()
    params = spec.get("params")
    if isinstance(params, list):
        names.update(
            p["name"] for p in params if isinstance(p, dict) and p.get("name") and p.get("select")
        )
    for part in ("layer", "hconcat", "vconcat", "concat"):
        children = spec.get(part)
        if isinstance(children, list):
            for child in children:
                if isinstance(child, dict):
                    names |= _selection_params(child)
    inner = spec.get("spec")
    if isinstance(inner, dict):
        names |= _selection_params(inner)
    return names


def vega_selection_modes(spec: Mapping[str, Any], selection_mode: Any) -> list[str]:
    """Streamlit's ``_parse_selection_mode``: the selection parameters to report."""
    found = _selection_params(spec)
    if not found:
        raise StreamlitAPIException(
            "Selections are activated, but the provided chart spec does not "
            "have any selections defined. To add selections to `st.altair_chart`, check "
            "out the documentation [here](https://altair-viz.github.io/user_guide/"
            "interactions.html#selections-capturing-chart-interactions). For adding "
            "selections to `st.vega_lite_chart`, take a look at the specification "
            "[here](https://vega.github.io/vega-lite/docs/selection.html)."
        )
    if selection_mode is None:
        return sorted(found)
    chosen = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    for name in chosen:
        if name not in found:
            raise StreamlitAPIException(
                f"Selection parameter '{name}' is not defined in the chart spec. "
                f"Available selection parameters are: {found}."
            )
    return sorted(chosen)


def _vega_state(raw: Any, params: list[str]) -> VegaLiteState:
    """Streamlit's ``VegaLiteStateSerde.deserialize``: the page's JSON, else nothing
    selected in each parameter."""
    state = json.loads(raw) if isinstance(raw, str) else raw
    if not isinstance(state, Mapping) or "selection" not in state:
        state = {"selection": {name: {} for name in params}}
    return VegaLiteState({**state, "selection": ReadOnlyAttributeDictionary(state["selection"])})


# -- Plotly ----------------------------------------------------------------------------

_PLOTLY_MODES = ("box", "lasso", "points")


def plotly_selection_modes(selection_mode: Any) -> list[str]:
    """Streamlit's ``parse_selection_mode``: the modes, checked, sorted."""
    modes = {selection_mode} if isinstance(selection_mode, str) else set(selection_mode)
    if not modes <= set(_PLOTLY_MODES):
        raise StreamlitValueError("selection_mode", [f"'{m}'" for m in _PLOTLY_MODES])
    return sorted(modes)


def _plotly_state(raw: Any) -> PlotlyState:
    """Streamlit's ``PlotlyChartSelectionSerde.deserialize``."""
    state = json.loads(raw) if isinstance(raw, str) else raw
    if not isinstance(state, Mapping) or "selection" not in state:
        state = {"selection": {"points": [], "point_indices": [], "box": [], "lasso": []}}
    return PlotlyState({**state, "selection": PlotlySelectionState(state["selection"])})


# -- the widget ------------------------------------------------------------------------


def _to_page(state: Any) -> str:
    return json.dumps(state, default=str)


def selectable_chart(
    dg: DGBase,
    kind: str,
    *,
    props: dict[str, Any],
    identity: dict[str, Any],
    key: Key | None,
    on_select: Callable[..., Any] | None,
    modes: list[str],
) -> Any:
    """Register the chart drawn from ``props`` as a widget reporting ``modes`` (Vega-Lite
    selection parameters, or Plotly's ``points``/``box``/``lasso``); its state.

    ``identity`` is what Streamlit hashes into the chart's id. With a key, Streamlit
    keeps the key alone, plus the selection parameters for Vega-Lite, and the whole
    identity for Plotly; a state made for another chart starts over."""
    plotly = kind == "plotly_chart"
    # Without a key the widget id already changes with the whole identity.
    made_for = (
        hashlib.md5(json.dumps(identity, sort_keys=True).encode(), usedforsecurity=False).digest()
        if plotly and key is not None
        else tuple(modes)
    )

    def deserialize(raw: Any) -> ReadOnlyAttributeDictionary:
        state = _plotly_state(raw) if plotly else _vega_state(raw, modes)
        object.__setattr__(state, "_made_for", made_for)
        return state

    def coerce(value: Any) -> Any:
        if getattr(value, "_made_for", None) != made_for:
            raise ValueError("the state of another chart")
        return value

    return widget(
        dg, kind, key=key, shared={"selection_mode": modes}, identity={**identity},
        default=deserialize(None), props={**props},
        serialize=_to_page, deserialize=deserialize, coerce=coerce, on_change=on_select,
        read_only=True,
    )  # fmt: skip
