"""Gallery B: text extras, media, status and layout, each once (a browser fixture)."""

import io
import math
import struct
import wave
from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components

st.title("Gallery B")

# -- text extras
st.html("<p class='from-html'>Hello <b>HTML</b><script>window.bad = 1</script></p>")
st.latex(r"e^{i\pi} + 1 = 0")
st.badge("New", icon="🔥", color="green")
st.markdown("Emoji :smile: and :red-background[highlighted] text")
with st.echo():
    answer = 6 * 7
st.write(answer)
st.help(len)
components.html("<p id='inside'>In a frame</p>", height=60)
st.space("medium")

# -- media
st.image(Path(__file__).with_name("dot.png").read_bytes(), caption="A red square", width=64)
st.image("dot.png", caption="From a file")


def tone() -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        samples = (int(8000 * math.sin(2 * math.pi * 440 * t / 8000)) for t in range(800))
        w.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return buffer.getvalue()


st.audio(tone(), format="audio/wav")

# -- status
with st.status("Crunching", expanded=True) as status:
    st.write("step one")
status.update(label="Crunched")
if st.button("Celebrate"):
    st.toast("Done!", icon="🎉")
    st.balloons()
    st.snow()

# -- layout
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


@st.fragment
def counter() -> None:
    st.write("fragment body")


counter()
