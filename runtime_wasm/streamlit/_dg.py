"""``DeltaGenerator``: ``st``, ``st.sidebar``, columns, containers and placeholders.

Each family of elements is a mixin over ``DGBase`` (targets and appending), as in
Streamlit, so a new family is a new module under ``elements/`` and one line here.
``StatusContainer``, ``TabContainer``, ``ExpanderContainer`` and ``PopoverContainer``,
what ``st.status``, ``st.tabs``, ``st.expander`` and ``st.popover`` return, are
generators too, with what ``_containers`` adds.
"""

from __future__ import annotations

from typing import Any

from .._errors import StreamlitAPIException
from ._base import ContainerKind, DGBase
from ._compat import CompatMixin
from ._containers import OpenStateMixin, StatusContainerMixin
from ._not_yet import NOT_YET
from .elements._charts import ChartsMixin
from .elements._data import DataMixin
from .elements._deck_gl_json_chart import PydeckMixin
from .elements._diagrams import DiagramsMixin
from .elements._echarts import EChartsMixin
from .elements._html import HtmlMixin
from .elements._layouts import LayoutsMixin
from .elements._media import MediaMixin
from .elements._pages import PagesMixin
from .elements._status import StatusMixin
from .elements._text import TextMixin
from .elements._write import WriteMixin
from .elements.widgets._audio_input import AudioInputMixin
from .elements.widgets._button import ButtonMixin
from .elements.widgets._button_group import ButtonGroupMixin
from .elements.widgets._camera_input import CameraInputMixin
from .elements.widgets._chat import ChatMixin
from .elements.widgets._checkbox import CheckboxMixin
from .elements.widgets._color_picker import ColorPickerMixin
from .elements.widgets._data_editor import DataEditorMixin
from .elements.widgets._feedback import FeedbackMixin
from .elements.widgets._file_uploader import FileUploaderMixin
from .elements.widgets._menu_button import MenuButtonMixin
from .elements.widgets._multiselect import MultiselectMixin
from .elements.widgets._number_input import NumberInputMixin
from .elements.widgets._pagination import PaginationMixin
from .elements.widgets._radio import RadioMixin
from .elements.widgets._selectbox import SelectboxMixin
from .elements.widgets._slider import SliderMixin
from .elements.widgets._text_widgets import TextWidgetsMixin
from .elements.widgets._time_widgets import TimeWidgetsMixin

__all__ = [
    "DeltaGenerator",
    "ExpanderContainer",
    "NotYetAvailable",
    "PopoverContainer",
    "StatusContainer",
    "TabContainer",
]


class DeltaGenerator(
    # One mixin per element family; a new family is a module and one line here.
    TextMixin,
    HtmlMixin,
    WriteMixin,
    DataMixin,
    ChartsMixin,
    EChartsMixin,
    PydeckMixin,
    DiagramsMixin,
    MediaMixin,
    StatusMixin,
    LayoutsMixin,
    PagesMixin,
    ButtonMixin,
    CheckboxMixin,
    RadioMixin,
    SelectboxMixin,
    MultiselectMixin,
    SliderMixin,
    TextWidgetsMixin,
    NumberInputMixin,
    TimeWidgetsMixin,
    ColorPickerMixin,
    ButtonGroupMixin,
    FeedbackMixin,
    FileUploaderMixin,
    CameraInputMixin,
    AudioInputMixin,
    ChatMixin,
    DataEditorMixin,
    PaginationMixin,
    MenuButtonMixin,
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

    def _handle(self, **where: Any) -> DeltaGenerator:
        return DeltaGenerator(**where)

    def _make_container(
        self, kind: ContainerKind, handle: DGBase, *, open: bool | None = None
    ) -> DGBase:
        assert handle._block is not None
        made = _CONTAINERS[kind](
            block=handle._block, form_id=handle._form_id, container=handle._container
        )
        if isinstance(made, OpenStateMixin):
            made._open = open
        return made


class StatusContainer(StatusContainerMixin, DeltaGenerator):
    """What ``st.status`` returns (see ``_containers.StatusContainerMixin``)."""


class TabContainer(OpenStateMixin, DeltaGenerator):
    """What ``st.tabs`` returns, one per tab (see ``_containers.OpenStateMixin``)."""


class ExpanderContainer(OpenStateMixin, DeltaGenerator):
    """What ``st.expander`` returns (see ``_containers.OpenStateMixin``)."""


class PopoverContainer(OpenStateMixin, DeltaGenerator):
    """What ``st.popover`` returns (see ``_containers.OpenStateMixin``)."""


_CONTAINERS: dict[ContainerKind, type[DeltaGenerator]] = {
    "status": StatusContainer,
    "tab": TabContainer,
    "expander": ExpanderContainer,
    "popover": PopoverContainer,
}


_NOT_YET_HINT = "stc implements part of Streamlit 1.67 (see its README, 'What works today')."


class NotYetAvailable(StreamlitAPIException, AttributeError):
    """A Streamlit 1.67 command stc lacks; an ``AttributeError`` too, so ``hasattr`` works."""
