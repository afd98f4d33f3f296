"""A value the page sent for one run only (``st.chat_input``'s message, ``st.menu_button``'s
choice): the first read in a run hands it out, later runs read ``None`` (Streamlit's
``string_trigger_value``)."""

from __future__ import annotations

from typing import Any

__all__ = ["Fresh"]


class Fresh:
    """A submitted value not yet handed to the script. Never equal to anything, so
    sending the same message twice still counts as a change."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return self is other

    __hash__ = object.__hash__
