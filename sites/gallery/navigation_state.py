"""State: session state across reruns and pages, the URL's query parameters, what
st.context knows about the visitor, cached functions, and what a static site says
about secrets, users and config options."""

import streamlit as st

st.title("State")

st.header("Session state", divider="gray")
st.session_state.setdefault("count", 0)
if st.button("Add one"):
    st.session_state.count += 1
st.write(f"count: {st.session_state.count}")
st.caption("Session state lives as long as the tab: switch pages and come back.")

st.header("Query parameters", divider="gray")
flavour = st.selectbox("Flavour in the URL", ["vanilla", "mint"], key="flavour")
st.query_params["flavour"] = flavour
st.write(f"query_params: {st.query_params.to_dict()}")

st.header("Context", divider="gray")
st.write(f"context.url: {st.context.url}")
st.write(f"context.is_embedded: {st.context.is_embedded}")
st.write(f"context.theme.type: {st.context.theme.type}")


@st.cache_data
def squares(n: int) -> list[int]:
    """Computed once per argument; later calls read the cache."""
    return [i * i for i in range(n)]


st.header("Caching", divider="gray")
st.write(f"cache_data: {squares(5)}")

st.header("Secrets, users and options", divider="gray")
st.text(f"secrets: {len(st.secrets)} entries")
st.text(f"user.is_logged_in: {st.user.is_logged_in}")
st.text(f"client.toolbarMode: {st.get_option('client.toolbarMode')}")
