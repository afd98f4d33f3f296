"""A multipage app with st.navigation: pages from files and callables, in sections."""

import streamlit as st


def about() -> None:
    st.title("About")
    st.write(f"Counter is {st.session_state.get('counter', 0)}")
    if st.button("To the counter"):
        st.switch_page(counter_page)


home = st.Page("home.py", title="Home", icon="🏠", default=True)
counter_page = st.Page("counter.py", title="Counter", url_path="count")
pg = st.navigation({"Main": [home, counter_page], "More": [st.Page(about)]})
st.sidebar.caption(f"On: {pg.title}")
pg.run()
