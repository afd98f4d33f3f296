"""A page with the same checkbox label as nothing else: its state is per page."""

import streamlit as st

st.title("Settings")
dark = st.checkbox("Dark mode")
st.write(f"Dark mode: {dark}")
st.write(f"Query: {st.query_params.to_dict()}")
