"""``DeltaGenerator``: ``st``, ``st.sidebar``, columns, containers and placeholders.

Each family of elements is a mixin over ``DGBase`` (targets and appending), as in
Streamlit, so a new family is a new module and one line here.
"""

from __future__ import annotations

from typing import Any

from .._errors import StreamlitAPIException
from ._base import DGBase
from ._charts import ChartsMixin
from ._chat import ChatMixin
from ._compat import CompatMixin
from ._data import DataMixin
from ._dates import DatesMixin
from ._diagrams import DiagramsMixin
from ._echarts import EChartsMixin
from ._editor import EditorMixin
from ._extras import ExtrasMixin
from ._files import FilesMixin
from ._inputs import InputsMixin
from ._inputs2 import Inputs2Mixin
from ._layout import LayoutMixin
from ._layout2 import PopoverMixin
from ._media import MediaMixin
from ._more import MoreMixin
from ._pages import PagesMixin
from ._registry import NOT_YET
from ._selection import SelectionMixin
from ._status import EffectsMixin, StatusMixin
from ._text import TextMixin

__all__ = ["DeltaGenerator"]


class DeltaGenerator(
    # One mixin per element family; a new family is a module and one line here.
    TextMixin,
    ChartsMixin,
    DiagramsMixin,
    EChartsMixin,
    DataMixin,
    SelectionMixin,
    InputsMixin,
    Inputs2Mixin,
    DatesMixin,
    FilesMixin,
    ChatMixin,
    EditorMixin,
    LayoutMixin,
    StatusMixin,
    ExtrasMixin,
    MediaMixin,
    EffectsMixin,
    PopoverMixin,
    PagesMixin,
    MoreMixin,
    CompatMixin,  # old names (beta_columns…), after every family they alias
    DGBase,
):
    """What ``st``, ``st.sidebar``, columns, containers and placeholders are."""

    def __repr__(self) -> str:
        return f"DeltaGenerator(root={self._root!r}, form_id={self._form_id!r})"

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if name in NOT_YET:
            raise NotYetAvailable(f"`st.{name}` is not available in stc yet: {_NOT_YET_HINT}")
        raise StreamlitAPIException(f"`{name}()` is not a valid Streamlit command.")


_NOT_YET_HINT = "stc implements part of Streamlit 1.67 (see its README, 'What works today')."


class NotYetAvailable(StreamlitAPIException, AttributeError):
    """A Streamlit 1.67 command stc lacks; an ``AttributeError`` too, so ``hasattr`` works."""
