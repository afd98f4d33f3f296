"""``streamlit.elements``: the few helper names component packages import from it."""
