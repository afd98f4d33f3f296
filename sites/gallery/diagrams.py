"""Diagrams: Graphviz (Viz.js, Graphviz compiled to WebAssembly), Mermaid and Apache
ECharts. Each library ships inside the site and loads when its first diagram appears,
which is why they have a page of their own: the other pages never fetch them."""

import streamlit as st

st.title("Diagrams")

steps = st.slider("Steps", 2, 6, 3)

st.subheader("Graphviz")
st.graphviz_chart(
    "digraph {\n  rankdir=LR;\n" + "".join(f"  s{i} -> s{i + 1};\n" for i in range(steps)) + "}",
    alt="A pipeline of steps",
)

st.subheader("Mermaid")
st.mermaid_chart(
    "sequenceDiagram\n"
    "  Visitor->>Page: click\n"
    "  Page->>Worker: widget update\n"
    "  Worker-->>Page: new element tree\n",
    alt="One rerun, page and worker",
)

st.subheader("ECharts")
sales = st.echarts_chart(
    {
        "xAxis": {"type": "category", "data": [f"day {i + 1}" for i in range(steps)]},
        "yAxis": {"type": "value"},
        "series": [
            {
                "type": "bar",
                "name": "sold",
                "selectedMode": "single",
                "data": [(i * 7) % 11 + 3 for i in range(steps)],
            }
        ],
    },
    height=300,
    key="sales",
    on_select="rerun",
)
st.write(f"selected bars: {sales.selection.selected}")
