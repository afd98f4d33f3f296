"""Every input widget of part C, each echoing its value (the browser test drives it)."""

import datetime as dt

import streamlit as st

st.title("Input gallery")

size = st.select_slider("Size", options=["S", "M", "L", "XL"], value="M")
st.text(f"select_slider: {size}")

day = st.date_input("Day", dt.date(2024, 5, 1), min_value=dt.date(2024, 1, 1))
st.text(f"date_input: {day}")

trip = st.date_input("Trip", (dt.date(2024, 5, 1), dt.date(2024, 5, 3)))
st.text("date_range: " + " to ".join(str(d) for d in trip))

alarm = st.time_input("Alarm", dt.time(8, 30))
st.text(f"time_input: {alarm}")

meeting = st.datetime_input("Meeting", dt.datetime(2024, 5, 1, 9, 0))
st.text(f"datetime_input: {meeting}")

color = st.color_picker("Color", "#ff0000")
st.text(f"color_picker: {color}")

fruit = st.pills("Fruit", ["Apple", "Banana", "Cherry"])
st.text(f"pills: {fruit}")

tags = st.pills("Tags", ["red", "green", "blue"], selection_mode="multi", default=["red"])
st.text(f"pills_multi: {tags}")

view = st.segmented_control("View", ["List", "Grid"], default="List")
st.text(f"segmented_control: {view}")

stars = st.feedback("stars")
st.text(f"feedback: {stars}")

st.link_button("Streamlit docs", "https://docs.streamlit.io")
clicked = st.download_button("Download notes", "hello from stc", file_name="notes.txt")
st.text(f"download_button: {clicked}")

upload = st.file_uploader("Upload a text file", type=["txt"])
st.text(
    f"file_uploader: {upload.name} {upload.read().decode()}" if upload else "file_uploader: None"
)

photo = st.camera_input("Take a picture")
st.text(f"camera_input: {photo.name if photo else None}")

table = st.data_editor(
    {"item": ["pen", "ink"], "qty": [1, 2], "ok": [True, False]},
    column_config={"qty": st.column_config.NumberColumn("Quantity", min_value=0)},
    num_rows="dynamic",
    key="table",
)
st.text(f"data_editor: {table}")

if "history" not in st.session_state:
    st.session_state.history = []
prompt = st.chat_input("Say something")
if prompt:
    st.session_state.history.append(prompt)
for message in st.session_state.history:
    with st.chat_message("user"):
        st.text(f"chat: {message}")
    with st.chat_message("assistant"):
        st.write_stream(word + " " for word in f"echo {message}".split())
