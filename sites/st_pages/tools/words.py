import streamlit as st
from st_pages import add_page_title

add_page_title()
st.write("Words, words, words.")
