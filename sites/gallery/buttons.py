"""Buttons that do more than rerun, and the widgets that take files: each echoes what
it returns. Camera and microphone need the visitor's permission; without it they say
so and return None."""

import streamlit as st

st.title("Buttons and files")

st.header("Links and downloads", divider="gray")
st.link_button("Streamlit docs", "https://docs.streamlit.io")
st.page_link("https://github.com/streamlit/streamlit", label="Streamlit on GitHub", icon="🐙")
clicked = st.download_button("Download notes", "hello from stc", file_name="notes.txt")
st.text(f"download_button: {clicked}")

st.header("Menus and pages", divider="gray")
choice = st.menu_button("Export", ["CSV", "JSON", "Parquet"])
if choice is not None:
    st.session_state.exported = choice
st.text(f"menu_button: {st.session_state.get('exported')}")

page = st.pagination(12, default=1, max_visible_pages=5, key="page")
st.text(f"pagination: {page}")

st.header("Files, camera and microphone", divider="gray")
upload = st.file_uploader("Upload a text file", type=["txt"])
st.text(
    f"file_uploader: {upload.name} {upload.read().decode()}" if upload else "file_uploader: None"
)

photo = st.camera_input("Take a picture")
st.text(f"camera_input: {photo.name if photo else None}")

clip = st.audio_input("Record a voice note")
st.text(f"audio_input: {None if clip is None else clip.name}")
