"""Text elements: headings with anchors and dividers, Streamlit's markdown, code,
formulas, HTML, badges, JSON and the help of a Python object."""

import streamlit as st
import streamlit.components.v1 as components

st.title("Text", anchor="text")
st.header("Headings and dividers", divider="rainbow")
st.subheader("A subheader with its own anchor", anchor="subheader-anchor")
st.caption("Headings get an anchor from their text unless given one, or none with anchor=False.")

st.header("Markdown", divider="blue")
st.markdown(
    "Streamlit's markdown is GitHub-flavoured: **bold**, _italic_, ~~struck~~, "
    "`inline code` and [links](#text)."
)
st.markdown(
    """
| Element | Family | Drawn with |
| --- | --- | --- |
| `st.latex` | text | KaTeX |
| `st.line_chart` | charts | Vega-Lite |
| `st.plotly_chart` | charts | plotly.js |
"""
)
st.markdown("Emoji :smile: and :red-background[highlighted] text")
st.markdown(":red[Red], :orange[orange], :green[green], :blue[blue] and :violet[violet] text.")
st.markdown(":blue-background[A blue background] and a :violet-badge[✔ badge] inline.")
st.badge("New", icon="🔥", color="green")
st.badge("Stable", color="blue")
st.text("Fixed-width text, kept exactly as written.")

st.header("Code and formulas", divider="gray")
st.code("def greet(name: str) -> str:\n    return f'Hello, {name}!'", language="python")
with st.echo():
    answer = 6 * 7
st.write(answer)
st.latex(r"e^{i\pi} + 1 = 0")

st.header("HTML, JSON and help", divider="gray")
st.html("<p class='from-html'>Hello <b>HTML</b><script>window.bad = 1</script></p>")
components.html("<p id='inside'>In a frame</p>", height=60)
st.json({"family": "text", "elements": ["title", "markdown", "code"], "count": 3})
st.help(len)
st.space("medium")
st.divider()
st.caption("st.divider() draws the rule above.")
