"""Components v2: a component made of the script's own HTML, CSS and JavaScript.

The counter's button sends a trigger value (``clicked``, for one run) and a state
value (``count``, kept in ``st.session_state["counter"]``) together: one rerun shows
both. Its CSS stays in its shadow root; the second component mounts in the page's DOM
(``isolate_styles=False``), so its CSS is the page's, and gets bytes. The module's returned function
runs when the counter leaves the page (the toggle hides it).
tests/browser/test_components_v2.py drives this app in Chromium.
"""

import streamlit as st

st.session_state.runs = st.session_state.get("runs", 0) + 1
st.write(f"runs: {st.session_state.runs}")

HTML = """
<button class="press">…</button>
<p class="info"></p>
<span class="leaky">inside</span>
"""
CSS = """
.press { color: rgb(1, 2, 3); border-radius: var(--st-base-radius); }
p { color: rgb(1, 2, 3); }
"""
JS = """
export default function({ name, data, key, parentElement, setStateValue, setTriggerValue }) {
  const button = parentElement.querySelector(".press");
  button.textContent = data.label;
  const shadow = parentElement instanceof ShadowRoot;
  parentElement.querySelector(".info").textContent = `${name} shadow=${shadow} ${key}`;
  button.onclick = () => {
    setTriggerValue("clicked", "yes");
    setStateValue("count", data.count + 1);
  };
  window.__mounts = (window.__mounts ?? 0) + 1;
  return () => {
    window.__cleanups = (window.__cleanups ?? 0) + 1;
  };
}
"""
counter = st.components.v2.component("counter", html=HTML, css=CSS, js=JS)

PLAIN_JS = """
export default ({ parentElement, data }) => {
  parentElement.dataset.light = String(parentElement instanceof HTMLElement);
  parentElement.dataset.bytes = `${data.constructor.name} ${Array.from(data)}`;
};
"""
plain = st.components.v2.component(
    "plain",
    html='<span class="leaky">plain</span>',
    css=".leaky { color: rgb(4, 5, 6); }",
    js=PLAIN_JS,
    isolate_styles=False,
)

if not st.toggle("Hide the counter"):
    count = st.session_state.get("counter", {}).get("count", 0)
    result = counter(
        key="counter",
        data={"label": "Press me", "count": count},
        default={"count": 0},
        on_count_change=lambda: None,
        on_clicked_change=lambda: None,
    )
    st.write(f"clicked: {result.clicked}, count: {result.count}")
plain(data=b"\x01\x02\xff")  # bytes arrive as a Uint8Array
st.markdown("outside paragraph")
st.button("Rerun")
