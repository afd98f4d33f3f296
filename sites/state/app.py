"""State that lives in the browser: cached values in IndexedDB, the page's URL,
and what the browser says about its visitor."""

import time

import streamlit as st

st.title("Browser state")


@st.cache_data
def stamp():
    return time.time_ns()


@st.cache_data(ttl=1)
def short_lived():
    return time.time_ns()


st.subheader("st.cache_data")
st.text(f"stamp: {stamp()}")
st.text(f"short: {short_lived()}")
st.button("Clear cache", on_click=stamp.clear)
st.button("Rerun")

st.subheader("st.query_params")
PAGES = ["home", "about", "contact"]
page = st.query_params.get("page", "home")


def go() -> None:
    st.query_params["page"] = st.session_state.page_choice


st.session_state.page_choice = page if page in PAGES else "home"
st.radio("Page", PAGES, key="page_choice", on_change=go)
st.text(f"showing: {page}")

# A widget bound to the URL: ?zoom=7&size=L opens it there, and moving it rewrites
# the address (the default leaves it out).
zoom = st.slider("Zoom", 1, 10, 3, key="zoom", bind="query-params")
size = st.radio("Size", ["S", "M", "L"], key="size", bind="query-params", horizontal=True)
st.text(f"bound: zoom={zoom} size={size}")

st.subheader("st.context")
st.text(f"cookie: {st.context.cookies.get('flavour', 'none')}")
st.text(f"locale: {st.context.locale}, theme: {st.context.theme.type}")
