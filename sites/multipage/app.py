"""A multipage app in the pages/ folder convention: this script is the first page,
pages/*.py the others, ordered by their number and named from their file names."""

import streamlit as st

st.title("Home")

if "visits" not in st.session_state:
    st.session_state.visits = 0
st.session_state.visits += 1
st.write(f"Visits: {st.session_state.visits}")

name = st.text_input("Your name", key="name")
st.page_link("pages/2_Settings.py", label="Go to settings")
