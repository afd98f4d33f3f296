"""The stc gallery: every element family the runtime implements, one page each.

A multipage app with ``st.navigation``: this script sets the page up, declares the
pages in sections and runs the chosen one. Each page shows what its widgets return
(``name: value``), which is what the browser tests assert after each interaction.
It is also the public demo: everything runs in the visitor's browser, offline.
"""

import streamlit as st

st.set_page_config(page_title="stc gallery", page_icon="🎈", layout="wide")

LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="24">'
    '<rect width="120" height="24" rx="4" fill="#ff4b4b"/>'
    '<text x="60" y="17" font-family="sans-serif" font-size="14" fill="white" '
    'text-anchor="middle">stc gallery</text></svg>'
)
st.logo(LOGO)

FAMILIES = {
    "Elements": [
        st.Page("text.py", title="Text", icon="✍️", url_path="text"),
        st.Page("data.py", title="Data", icon="🧮", url_path="data"),
        st.Page("charts.py", title="Charts", icon="📈", url_path="charts"),
        st.Page("diagrams.py", title="Diagrams", icon="🕸️", url_path="diagrams"),
        st.Page("media.py", title="Media", icon="🖼️", url_path="media"),
    ],
    "Widgets": [
        st.Page("inputs.py", title="Inputs", icon="🎛️", url_path="inputs"),
        st.Page("buttons.py", title="Buttons and files", icon="📎", url_path="buttons"),
        st.Page("chat.py", title="Chat", icon="💬", url_path="chat"),
    ],
    "App structure": [
        st.Page("layout.py", title="Layout", icon="🧱", url_path="layout"),
        st.Page("status.py", title="Status", icon="🚦", url_path="status"),
        st.Page("navigation_state.py", title="State", icon="🧠", url_path="state"),
    ],
}

BLURBS = {
    "text": "Headings, markdown, code, formulas, HTML, JSON",
    "data": "Metrics, tables and an editable grid",
    "charts": "Vega-Lite charts, maps and Plotly figures",
    "diagrams": "Graphviz, Mermaid and ECharts",
    "media": "Images, audio, video and PDF",
    "inputs": "Choices, sliders, text, dates, colours, forms",
    "buttons": "Links, downloads, menus, files, camera, microphone",
    "chat": "Messages, a prompt and a streamed reply",
    "layout": "Columns, tabs, containers, dialogs, fragments",
    "status": "Alerts, progress, spinners, toasts",
    "state": "Session state, query parameters, context, caching",
}


def home() -> None:
    st.title("stc gallery")
    st.markdown(
        "Every element family of Streamlit that **stc** implements, compiled to a static "
        "site: Python runs in your browser on Pyodide, and nothing leaves this page."
    )
    for section, pages in FAMILIES.items():
        st.subheader(section, divider="gray")
        columns = st.columns(len(pages))
        for index, page in enumerate(pages):
            columns[index].page_link(page)
            columns[index].caption(BLURBS[page.url_path])


home_page = st.Page(home, title="Home", icon="🏠", default=True)
st.navigation({"Overview": [home_page], **FAMILIES}).run()
