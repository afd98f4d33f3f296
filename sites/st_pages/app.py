"""An app written for st-pages 0.x: show_pages with sections, add_page_title."""

import streamlit as st
from st_pages import Page, Section, add_page_title, show_pages

show_pages(
    [
        Page("app.py", "Home", "🏠"),
        Section("Tools", icon="🧰"),
        Page("tools/numbers.py", "Numbers", ":1234:"),
        Page("tools/words.py", "Words", "🔤"),
    ]
)
add_page_title()

st.write("Pick a tool in the menu.")
st.session_state.setdefault("picked", 0)
