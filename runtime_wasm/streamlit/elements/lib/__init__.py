"""``streamlit.elements.lib``: see the modules."""
