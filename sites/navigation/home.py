import streamlit as st

st.title("Home page")
st.page_link("counter.py", label="Open the counter")
