"""Streamlit's type checks (its ``type_util`` and ``dataframe_util``), without imports.

``st.write`` and ``st.json`` ask of every value whether it is a DataFrame, an Altair
chart, a SymPy expression… Asking must not import those packages: writing a dict would
then load pandas, slow in the browser and impossible where it is not installed. So a
check goes by the type's qualified name (``is_type``), as Streamlit's do, or, where
Streamlit uses ``isinstance`` with a class of an optional package, looks that package up
in ``sys.modules``: an object of its types cannot exist before it is imported. (Names
alone would not do for pandas: pandas 3 calls its DataFrame ``pandas.DataFrame``, where
pandas 2 said ``pandas.core.frame.DataFrame``.)
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections import ChainMap, UserDict, UserList, deque
from collections.abc import ItemsView, KeysView, Mapping, Sequence, ValuesView
from enum import EnumMeta
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable

from ._base import DGBase

__all__ = [
    "get_fqn_type",
    "has_callable_attr",
    "is_altair_chart",
    "is_custom_dict",
    "is_dataframe_like",
    "is_dbapi_cursor",
    "is_delta_generator",
    "is_graphviz_chart",
    "is_list_like",
    "is_namedtuple",
    "is_openai_chunk",
    "is_openai_response_event",
    "is_pandas_styler",
    "is_pillow_image",
    "is_plotly_chart",
    "is_pydantic_model",
    "is_pydeck",
    "is_sequence_of_pydantic_models",
    "is_sympy_expression",
    "is_type",
]


def get_fqn_type(obj: object) -> str:
    """``"matplotlib.figure.Figure"`` for a Matplotlib figure."""
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def is_type(obj: object, fqn_type_pattern: str | re.Pattern[str]) -> bool:
    """Whether ``obj``'s fully qualified type name is (or matches) the pattern."""
    fqn = get_fqn_type(obj)
    if isinstance(fqn_type_pattern, str):
        return fqn_type_pattern == fqn
    return fqn_type_pattern.match(fqn) is not None


def _is_type_instance(obj: object, fqn: str) -> bool:
    """Whether a class of ``obj``'s MRO has the qualified name ``fqn``."""
    return any(f"{t.__module__}.{t.__qualname__}" == fqn for t in type(obj).__mro__)


def _isinstance_of(obj: object, module: str, *names: str) -> bool:
    """``isinstance(obj, module.name)`` for any of the (dotted) names, if ``module`` is
    imported; if it is not, ``obj`` cannot be one of its types. A module of that name
    without them (an app's own ``pandas.py``) has none of them."""
    loaded = sys.modules.get(module)
    if loaded is None:
        return False
    classes: list[type] = []
    for name in names:
        found: Any = loaded
        for part in name.split("."):
            found = getattr(found, part, None)
        if isinstance(found, type):
            classes.append(found)
    return isinstance(obj, tuple(classes))


def has_callable_attr(obj: object, name: str) -> bool:
    """Whether ``obj.name`` exists and is callable (never so for a ``DeltaGenerator``)."""
    return hasattr(obj, name) and callable(getattr(obj, name)) and not is_delta_generator(obj)


def is_delta_generator(obj: object) -> bool:
    """Whether ``obj`` is a ``DeltaGenerator``: ``st``, a column, a container, a slot.

    Streamlit compares the exact type name, so its ``st.status`` and ``st.popover``
    containers (subclasses) fall through to checks its catch-all ``__getattr__`` fools
    into taking them for database cursors, and ``st.dataframe`` fails; here they are
    shown with ``st.help`` like every other container.
    """
    return isinstance(obj, DGBase)


def is_namedtuple(obj: object) -> bool:
    return isinstance(obj, tuple) and has_callable_attr(obj, "_asdict")


def is_custom_dict(obj: object) -> bool:
    """Streamlit's own mappings with ``to_dict``: session state, query params, secrets…"""
    module = type(obj).__module__
    return (
        isinstance(obj, Mapping)
        and module.startswith(("streamlit", "runtime_wasm.streamlit"))
        and has_callable_attr(obj, "to_dict")
    )


def is_pydantic_model(obj: object) -> bool:
    """A Pydantic model instance (not the class)."""
    return not isinstance(obj, type) and _is_type_instance(obj, "pydantic.main.BaseModel")


def is_sequence_of_pydantic_models(obj: object) -> bool:
    if not isinstance(obj, list | tuple | set | frozenset) or len(obj) == 0:
        return False
    return is_pydantic_model(next(iter(obj)))


def is_list_like(obj: object) -> bool:
    if isinstance(obj, str):
        return False
    return isinstance(
        obj,
        list
        | set
        | tuple
        | deque
        | EnumMeta
        | enumerate
        | frozenset
        | ItemsView
        | KeysView
        | map
        | range
        | UserList
        | ValuesView,
    ) or _isinstance_of(obj, "array", "ArrayType")


# -- charts and pictures ------------------------------------------------------------------

_ALTAIR_RE = re.compile(r"^altair\.vegalite\.v\d+\.api\.\w*Chart$")
_PILLOW_RE = re.compile(r"^PIL\..*")
_SYMPY_RE = re.compile(r"^sympy.*$")
_OPENAI_CHUNK_RE = re.compile(r"^openai\..+\.ChatCompletionChunk$")
_OPENAI_RESPONSE_EVENT_RE = re.compile(r"^openai\..+\.Response.+Event$")
_GRAPHVIZ = frozenset(
    {
        "graphviz.dot.Graph",  # graphviz < 0.18
        "graphviz.dot.Digraph",
        "graphviz.graphs.Graph",
        "graphviz.graphs.Digraph",
        "graphviz.sources.Source",
    }
)


def is_altair_chart(obj: object) -> bool:
    return is_type(obj, _ALTAIR_RE)


def is_pillow_image(obj: object) -> bool:
    return is_type(obj, _PILLOW_RE)


def is_graphviz_chart(obj: object) -> bool:
    return get_fqn_type(obj) in _GRAPHVIZ


def is_pydeck(obj: object) -> bool:
    return is_type(obj, "pydeck.bindings.deck.Deck")


def is_sympy_expression(obj: object) -> bool:
    return is_type(obj, _SYMPY_RE) and _isinstance_of(obj, "sympy", "Expr")


def is_openai_chunk(obj: object) -> bool:
    """An OpenAI chat-completion stream chunk."""
    return is_type(obj, _OPENAI_CHUNK_RE)


def is_openai_response_event(obj: object) -> bool:
    """An OpenAI Responses API stream event."""
    return is_type(obj, _OPENAI_RESPONSE_EVENT_RE)


def is_plotly_chart(obj: object) -> bool:
    """A plotly Figure, a non-empty list of plotly objects, or a dict of
    ``data``/``layout``/``frames``/``config`` holding some."""
    return (
        is_type(obj, "plotly.graph_objs._figure.Figure")
        or _is_list_of_plotly_objs(obj)
        or _is_probably_plotly_dict(obj)
    )


def _is_plotly_obj(obj: object) -> bool:
    return type(obj).__module__.startswith("plotly.graph_objs")


def _is_list_of_plotly_objs(obj: object) -> bool:
    return isinstance(obj, list) and len(obj) > 0 and all(_is_plotly_obj(x) for x in obj)


def _is_probably_plotly_dict(obj: object) -> bool:
    if not isinstance(obj, dict) or not obj:
        return False
    if any(k not in {"config", "data", "frames", "layout"} for k in obj):
        return False
    return any(_is_plotly_obj(v) or _is_list_of_plotly_objs(v) for v in obj.values())


# -- dataframes ------------------------------------------------------------------------

# Streamlit's dataframe_util: the types it names rather than imports.
_DATAFRAME_TYPES = frozenset(
    {
        "pandas.io.formats.style.Styler",
        "polars.series.series.Series",
        "polars.dataframe.frame.DataFrame",
        "polars.lazyframe.frame.LazyFrame",
        "modin.pandas.dataframe.DataFrame",
        "modin.pandas.series.Series",
        "snowflake.snowpark.modin.pandas.dataframe.DataFrame",
        "snowflake.snowpark.modin.pandas.series.Series",
        "snowflake.snowpark.modin.plugin.extensions.index.Index",
        "pyspark.sql.dataframe.DataFrame",
        "pyspark.sql.connect.dataframe.DataFrame",
        "xarray.core.dataset.Dataset",
        "xarray.core.dataarray.DataArray",
        "dask.dataframe.dask_expr._collection.DataFrame",
        "dask.dataframe.dask_expr._collection.Series",
        "dask.dataframe.dask_expr._collection.Index",
        "dask.dataframe.core.DataFrame",
        "dask.dataframe.core.Series",
        "dask.dataframe.core.Index",
        "snowflake.snowpark.table.Table",
        "snowflake.snowpark.dataframe.DataFrame",
    }
)


@runtime_checkable
class _DBAPICursor(Protocol):
    """PEP 249's cursor, as far as Streamlit reads one (``dataframe_util.DBAPICursor``)."""

    @property
    def description(self) -> Sequence[tuple[Any, ...]] | None: ...
    def fetchmany(self, size: int = ..., /) -> Sequence[Sequence[Any]]: ...
    def fetchall(self) -> Sequence[Sequence[Any]]: ...


def is_dbapi_cursor(obj: object) -> bool:
    return isinstance(obj, _DBAPICursor)


def is_pandas_styler(obj: object) -> bool:
    return is_type(obj, "pandas.io.formats.style.Styler")


def is_dataframe_like(obj: object) -> bool:
    """What ``st.dataframe`` takes as a table (``dataframe_util.is_dataframe_like``): not
    lists or plain dicts, but a dict whose first value is a pandas Series."""
    if obj is None or isinstance(obj, tuple | set | str | bytes | int | float | bool):
        return False
    return (
        _isinstance_of(
            obj, "pandas", "DataFrame", "Series", "Index", "api.extensions.ExtensionArray"
        )
        or _isinstance_of(obj, "numpy", "ndarray")
        or _isinstance_of(obj, "pyarrow", "Table", "Array")
        or get_fqn_type(obj) in _DATAFRAME_TYPES
        or _is_snowpark_row_list(obj)
        or is_dbapi_cursor(obj)
        or _is_column_series_mapping(obj)
    )


def _is_snowpark_row_list(obj: object) -> bool:
    return (
        isinstance(obj, list)
        and len(obj) > 0
        and is_type(obj[0], "snowflake.snowpark.row.Row")
        and has_callable_attr(obj[0], "as_dict")
    )


def _is_column_series_mapping(obj: object) -> bool:
    """A mapping of columns to pandas Series; the mappings Streamlit takes for key-value
    dicts (and namedtuples, dataclasses, models) are checked first."""
    if (
        isinstance(obj, ChainMap | UserDict | MappingProxyType)
        or (dataclasses.is_dataclass(obj) and not isinstance(obj, type))
        or is_namedtuple(obj)
        or is_custom_dict(obj)
        or is_pydantic_model(obj)
        or not isinstance(obj, Mapping)
        or not obj
    ):
        return False
    return _isinstance_of(next(iter(obj.values())), "pandas", "Series")
