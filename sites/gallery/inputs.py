"""Every input widget, each echoing the value it returns (``name: value``)."""

import datetime as dt

import streamlit as st

st.title("Inputs")
st.caption("Each widget echoes its value below it.")

st.header("Buttons and choices", divider="gray")
clicked = st.button("Press me")
st.write("button:", clicked)

agree = st.checkbox("I agree")
st.write("checkbox:", agree)

dark = st.toggle("Dark mode")
st.write("toggle:", dark)

flavour = st.radio("Flavour", ["Vanilla", "Chocolate", "Strawberry"], horizontal=True)
st.write("radio:", flavour)

city = st.selectbox("City", ["Paris", "Lima", "Osaka"], index=None, placeholder="Pick a city")
st.write("selectbox:", city)

colours = st.multiselect("Colours", ["Red", "Green", "Blue"], default=["Green"])
st.write("multiselect:", ", ".join(colours) or "nothing")

fruit = st.pills("Fruit", ["Apple", "Banana", "Cherry"])
st.text(f"pills: {fruit}")

tags = st.pills("Tags", ["red", "green", "blue"], selection_mode="multi", default=["red"])
st.text(f"pills_multi: {tags}")

view = st.segmented_control("View", ["List", "Grid"], default="List")
st.text(f"segmented_control: {view}")

stars = st.feedback("stars")
st.text(f"feedback: {stars}")

st.header("Numbers and ranges", divider="gray")
level = st.slider("Level", 0, 10, 5)
st.write("slider:", level)

low, high = st.slider("Range", 0.0, 1.0, (0.25, 0.75))
st.write(f"range: {low:.2f}-{high:.2f}")

size = st.select_slider("Size", options=["S", "M", "L", "XL"], value="M")
st.text(f"select_slider: {size}")

delivery = st.slider(
    "Delivery", dt.date(2024, 5, 1), dt.date(2024, 5, 31), dt.date(2024, 5, 6), format="ddd D MMM"
)
st.text(f"date_slider: {delivery}")

qty = st.number_input("Quantity", min_value=0, max_value=5, value=1)
st.write("number_input:", qty)

st.header("Text", divider="gray")
name = st.text_input("Name", placeholder="Your name")
st.write("text_input:", name or "empty")

bio = st.text_area("Bio")
st.write("text_area:", len(bio), "characters")

st.header("Dates, times and colours", divider="gray")
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

st.header("Forms", divider="gray")
with st.form("order"):
    dish = st.text_input("Dish")
    spicy = st.checkbox("Spicy")
    sent = st.form_submit_button("Order")
st.write("form:", dish or "none", spicy, sent)
