"""Gallery of Streamlit 1.67's newer elements: logo, skeleton, grid, pagination,
menu_button, audio_input, bottom, and what a static site says about secrets,
users and config options. Each widget echoes its value as "name: value"."""

import streamlit as st

LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="24">'
    '<rect width="120" height="24" rx="4" fill="#ff4b4b"/></svg>'
)

st.logo(LOGO, size="large")
st.title("More elements")

placeholder = st.skeleton(height=60)
placeholder.write("Loaded into the skeleton")
st.skeleton()

grid = st.grid(3, gap="small", border=True)
for name in ("Alpha", "Beta", "Gamma", "Delta"):
    grid.write(f"Cell {name}")

page = st.pagination(12, default=1, max_visible_pages=5, key="page")
st.text(f"pagination: {page}")

choice = st.menu_button("Export", ["CSV", "JSON", "Parquet"])
if choice is not None:
    st.session_state.exported = choice
st.text(f"menu_button: {st.session_state.get('exported')}")

clip = st.audio_input("Record a voice note")
st.text(f"audio_input: {None if clip is None else clip.name}")

st.text(f"secrets: {len(st.secrets)} entries")
st.text(f"user.is_logged_in: {st.user.is_logged_in}")
st.text(f"client.toolbarMode: {st.get_option('client.toolbarMode')}")

st.bottom.write("Pinned to the bottom")
