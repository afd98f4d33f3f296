"""Media from bytes and from files of the app: the page turns each into a blob URL,
so nothing is fetched from anywhere but the site itself."""

import io
import math
import struct
import wave
from pathlib import Path

import streamlit as st

HERE = Path(__file__).parent

st.title("Media")

st.header("Images", divider="gray")
left, right = st.columns(2)
left.image((HERE / "dot.png").read_bytes(), caption="A red square", width=64)
right.image("dot.png", caption="From a file", width=64)


def tone(hz: int = 440, seconds: float = 0.1, rate: int = 8000) -> bytes:
    """A sine tone as WAV bytes, made with the standard library."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        frames = int(rate * seconds)
        samples = (int(8000 * math.sin(2 * math.pi * hz * t / rate)) for t in range(frames))
        w.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return buffer.getvalue()


st.header("Audio", divider="gray")
st.audio(tone(), format="audio/wav")

st.header("Video", divider="gray")
clip, _ = st.columns([1, 2])
clip.video("ball.webm", format="video/webm", loop=True, muted=True)

st.header("PDF", divider="gray")
st.pdf((HERE / "hello.pdf").read_bytes(), height=300)
