"""Charts from plain Python data (no pandas): every Vega-Lite chart command stc has."""

import streamlit as st

st.title("Charts")

sales = {
    "month": ["Jan", "Feb", "Mar", "Apr", "May", "Jun"],
    "north": [12, 18, 9, 22, 17, 25],
    "south": [8, 11, 15, 13, 21, 19],
}
points = [
    {"x": 1.0, "y": 2.5, "size": 40, "group": "a"},
    {"x": 2.0, "y": 1.0, "size": 90, "group": "b"},
    {"x": 3.5, "y": 3.2, "size": 60, "group": "a"},
    {"x": 4.0, "y": 0.5, "size": 120, "group": "b"},
]

scale = st.slider("Scale", 1, 5, 1)
scaled = {**sales, "north": [v * scale for v in sales["north"]]}

st.subheader("Line")
st.line_chart(scaled, x="month", y=["north", "south"])
st.subheader("Area")
st.area_chart({"north": sales["north"], "south": sales["south"]}, stack="normalize")
st.subheader("Bar")
st.bar_chart(sales, x="month", y=["north", "south"], stack=False)
st.bar_chart(sales, x="month", y="south", horizontal=True, color="#29b09d")
st.subheader("Scatter")
st.scatter_chart(points, x="x", y="y", size="size", color="group")
st.subheader("Vega-Lite")
st.vega_lite_chart(
    points,
    {
        "mark": "point",
        "encoding": {
            "x": {"field": "x", "type": "quantitative"},
            "y": {"field": "y", "type": "quantitative"},
        },
    },
)
st.subheader("Map")
st.map({"lat": [52.52, 48.86, 51.51, 40.42], "lon": [13.40, 2.35, -0.13, -3.70]})
st.write(f"scale: {scale}")
