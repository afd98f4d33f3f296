"""``streamlit.elements.widgets``: one module per widget family (private, as in Streamlit)."""
