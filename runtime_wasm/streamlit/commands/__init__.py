"""``streamlit.commands``: modules packages import single helpers from."""
