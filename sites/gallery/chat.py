"""A chat: messages by role, a prompt pinned to the bottom of the page, and a reply
streamed word by word with st.write_stream."""

import streamlit as st

st.title("Chat")

if "history" not in st.session_state:
    st.session_state.history = []

with st.chat_message("assistant"):
    st.write("Say something: I echo it back, one word at a time.")

prompt = st.chat_input("Say something")
if prompt:
    st.session_state.history.append(prompt)
for message in st.session_state.history:
    with st.chat_message("user"):
        st.text(f"chat: {message}")
    with st.chat_message("assistant"):
        st.write_stream(word + " " for word in f"echo {message}".split())
