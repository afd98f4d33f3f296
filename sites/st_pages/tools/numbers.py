import streamlit as st
from st_pages import add_page_title

add_page_title()
st.session_state.picked = st.session_state.get("picked", 0) + 1
st.write(f"Tools opened: {st.session_state.picked}")
