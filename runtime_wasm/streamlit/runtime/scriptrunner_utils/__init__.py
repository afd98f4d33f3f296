"""``streamlit.runtime.scriptrunner_utils``: where newer Streamlit keeps the context."""
