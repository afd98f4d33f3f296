import streamlit as st

st.title("Counter page")
st.session_state.setdefault("counter", 0)
if st.button("Add one"):
    st.session_state.counter += 1
st.write(f"Counter: {st.session_state.counter}")
st.write(f"Query: {st.query_params.to_dict()}")
