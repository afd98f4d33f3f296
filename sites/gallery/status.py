"""Status: alerts, progress, spinners, a status container, toasts, balloons and snow,
and an exception the app caught and shows."""

import streamlit as st

st.title("Status")

st.header("Alerts", divider="gray")
st.success("Saved", icon="✅")
st.info("Pyodide runs this page's Python")
st.warning("A warning")
st.error("An error")
# Behind a button: a page that shows an exception on load fails `stc test`.
if st.button("Catch an exception"):
    try:
        int("forty-two")
    except ValueError as error:
        st.exception(error)

st.header("Progress", divider="gray")
bar = st.progress(0, text="Loading")
for percent in (25, 50, 75, 100):
    bar.progress(percent, text=f"Loading {percent}%")
with st.spinner("Thinking"):
    total = sum(i * i for i in range(100_000))
st.write(f"spinner: done, {total}")

with st.status("Crunching", expanded=True) as status:
    st.write("step one")
status.update(label="Crunched")

st.header("Celebrations", divider="gray")
if st.button("Celebrate"):
    st.toast("Done!", icon="🎉")
    st.balloons()
    st.snow()
