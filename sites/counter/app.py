"""The counter: the smallest app that shows Streamlit's execution model."""

import streamlit as st

st.title("Counter")

if "count" not in st.session_state:
    st.session_state.count = 0

if st.button("Increment"):
    st.session_state.count += 1

step = st.slider("Step size", 1, 10, 1)
st.write(f"Count: {st.session_state.count}")
st.text(f"Next value: {st.session_state.count + step}")
