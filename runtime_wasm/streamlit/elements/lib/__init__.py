"""``streamlit.elements.lib``: the helpers element families share, each module named
for what it does, and the public shims packages import (``image_utils``, ``layout_utils``)."""
