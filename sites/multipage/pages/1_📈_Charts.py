"""A page: named "Charts" with the icon 📈 from its file name."""

import streamlit as st

st.title("Charts")
st.write(f"Visits so far: {st.session_state.get('visits', 0)}")
if st.button("Back home"):
    st.switch_page("app.py")
