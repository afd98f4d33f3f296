"""Layout: columns, tabs, expanders, bordered and scrolling containers, grids, a
popover, a dialog, a fragment that reruns on its own, the sidebar, placeholders and
the bottom of the page."""

import streamlit as st

st.title("Layout")
st.session_state.page_runs = st.session_state.get("page_runs", 0) + 1

with st.sidebar:
    st.header("Sidebar")
    mode = st.radio("Mode", ["Simple", "Expert"], key="mode")
st.write("sidebar mode:", mode)

st.header("Columns, tabs and expanders", divider="gray")
left, middle, right = st.columns([2, 1, 1], border=True)
left.write("A wide column")
middle.write("A narrow one")
right.write("And another")

one, two = st.tabs(["First", "Second"])
one.success("In the first tab")
two.info("In the second tab")

with st.expander("Details"):
    st.json({"count": 3, "items": ["a", "b"]})
    st.code("print('hello')")

st.header("Containers", divider="gray")
with st.container(border=True, height=120):
    for line in range(1, 9):
        st.write(f"Scrolling line {line}")

grid = st.grid(3, gap="small", border=True)
for name in ("Alpha", "Beta", "Gamma", "Delta"):
    grid.write(f"Cell {name}")

slot = st.empty()
slot.text("placeholder before")
slot.text("placeholder after")
st.empty()  # a placeholder nothing is written into draws nothing

placeholder = st.skeleton(height=60)
placeholder.write("Loaded into the skeleton")
st.skeleton()

st.header("Overlays", divider="gray")
with st.popover("Settings"):
    st.write("Inside the popover")


@st.dialog("Vote")
def vote(item: str) -> None:
    st.write(f"Voting for {item}")
    reason = st.text_input("Because")
    if st.button("Submit"):
        st.session_state.vote = f"{item}: {reason}"
        st.rerun()


if st.button("Open dialog"):
    vote("A")
st.write(f"Vote: {st.session_state.get('vote', 'none')}")

st.header("Fragments", divider="gray")


@st.fragment
def counter() -> None:
    st.session_state.fragment_runs = st.session_state.get("fragment_runs", 0) + 1
    st.write("fragment body")
    st.button("Rerun the fragment")
    st.write(f"fragment runs: {st.session_state.fragment_runs}")


counter()
st.button("Rerun the page")
st.write(f"page runs: {st.session_state.page_runs}")

st.bottom.write("Pinned to the bottom")
