"""Every element and widget of the walking skeleton, each echoing its value.

Used by the browser tests (click and type through each widget, check the echo) and
as a tour of what the runtime draws.
"""

import streamlit as st

st.title("Widgets")
st.caption("Each widget echoes its value below it.")

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

level = st.slider("Level", 0, 10, 5)
st.write("slider:", level)

low, high = st.slider("Range", 0.0, 1.0, (0.25, 0.75))
st.write(f"range: {low:.2f}-{high:.2f}")

name = st.text_input("Name", placeholder="Your name")
st.write("text_input:", name or "empty")

bio = st.text_area("Bio")
st.write("text_area:", len(bio), "characters")

qty = st.number_input("Quantity", min_value=0, max_value=5, value=1)
st.write("number_input:", qty)

with st.form("order"):
    dish = st.text_input("Dish")
    spicy = st.checkbox("Spicy")
    sent = st.form_submit_button("Order")
st.write("form:", dish or "none", spicy, sent)

left, right = st.columns(2)
left.metric("Temperature", "21 °C", "1.5 °C")
right.metric("Wind", "9 km/h", "-2 km/h")

with st.sidebar:
    st.header("Sidebar")
    mode = st.radio("Mode", ["Simple", "Expert"], key="mode")
st.write("sidebar mode:", mode)

with st.expander("Details"):
    st.json({"count": 3, "items": ["a", "b"]})
    st.code("print('hello')")

one, two = st.tabs(["First", "Second"])
one.success("In the first tab")
two.info("In the second tab")

slot = st.empty()
slot.text("placeholder before")
slot.text("placeholder after")

st.table({"animal": ["cat", "dog"], "legs": [4, 4]})
st.dataframe([{"x": 1, "y": "one"}, {"x": 2, "y": "two"}])
st.divider()
st.warning("A warning")
st.error("An error")
