"""Charts from plain Python data. The built-in charts, st.vega_lite_chart and st.map
draw with Vega-Lite; st.plotly_chart with plotly.js. Both libraries ship inside the
site, so the charts draw offline.

Not here: st.altair_chart needs the altair package, whose jsonschema dependency
pulls in rpds-py, a binary wheel only the Pyodide CDN serves, so the Vega-Lite chart
below is written as the dict spec altair would produce. st.pyplot needs matplotlib,
also a binary package from the Pyodide CDN, which an offline site (and the browser
tests) cannot reach.
"""

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
st.write(f"scale: {scale}")

line, area = st.columns(2)
with line:
    st.subheader("Line")
    st.line_chart(scaled, x="month", y=["north", "south"])
with area:
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
        "mark": {"type": "point", "filled": True},
        "encoding": {
            "x": {"field": "x", "type": "quantitative"},
            "y": {"field": "y", "type": "quantitative"},
            "color": {"field": "group", "type": "nominal"},
        },
    },
)

st.subheader("Map")
st.map({"lat": [52.52, 48.86, 51.51, 40.42], "lon": [13.40, 2.35, -0.13, -3.70]})

st.subheader("Plotly")
# Plain dict figures: plotly.js draws them; the plotly package is not needed.
n = st.slider("Points", 2, 6, 3)
st.plotly_chart(
    {
        "data": [
            {
                "type": "scatter",
                "mode": "lines+markers",
                "x": list(range(n)),
                "y": [v * v for v in range(n)],
                "name": "squares",
            }
        ],
        "layout": {"title": {"text": "Squares"}},
    },
    key="squares",
)
st.plotly_chart([{"type": "bar", "x": ["a", "b"], "y": [2, 5]}], width=400, height=300)
st.write(f"points: {n}")
