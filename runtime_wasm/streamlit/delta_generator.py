"""``streamlit.delta_generator``: where third-party packages import ``DeltaGenerator``."""

from ._dg import DeltaGenerator

__all__ = ["DeltaGenerator"]
