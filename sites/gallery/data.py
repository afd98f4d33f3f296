"""Data elements from plain Python data (pandas is a binary package the site would
fetch from the Pyodide CDN): tables, metrics and an editor whose edits come back."""

import streamlit as st

st.title("Data")

st.header("Metrics", divider="gray")
left, middle, right = st.columns(3)
left.metric("Temperature", "21 °C", "1.5 °C")
middle.metric("Wind", "9 km/h", "-2 km/h")
right.metric("Errors", 3, -2, delta_color="inverse")

st.header("Tables", divider="gray")
st.table({"animal": ["cat", "dog"], "legs": [4, 4]})
st.dataframe([{"x": 1, "y": "one"}, {"x": 2, "y": "two"}])

st.header("Data editor", divider="gray")
st.caption("Edit a cell or add a row: the value st.data_editor returns is echoed below.")
table = st.data_editor(
    {
        "item": ["pen", "ink"],
        "qty": [1, 2],
        "ok": [True, False],
        "colour": ["blue", "black"],
    },
    column_config={
        "item": st.column_config.TextColumn("Item", max_chars=20),
        "qty": st.column_config.NumberColumn("Quantity", min_value=0),
        "ok": st.column_config.CheckboxColumn("In stock"),
        "colour": st.column_config.SelectboxColumn("Colour", options=["blue", "black", "red"]),
    },
    num_rows="dynamic",
    key="table",
)
st.text(f"data_editor: {table}")
