"""Text extras, media, status and layout families (issue 5, part B) through AppTest."""

from __future__ import annotations

import base64
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest

from runtime_wasm._media_store import MediaStore, session_store
from runtime_wasm.testing import AppTest

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def run(body: str, tmp_path: Path | None = None) -> AppTest:
    if tmp_path is not None:
        app = tmp_path / "app.py"
        app.write_text("import streamlit as st\n" + body, encoding="utf-8")
        return AppTest.from_file(str(app)).run()
    return AppTest.from_string("import streamlit as st\n" + body).run()


def stored(at: AppTest) -> MediaStore:
    return session_store(at._session.state)


def only(at: AppTest, kind: str) -> Any:
    assert not at.exception, at.exception
    [node] = at.get(kind)
    return node


@pytest.mark.parametrize(
    ("call", "kind", "expected"),
    [
        ("st.html('<b>hi</b>')", "html", {"body": "<b>hi</b>", "style_only": False}),
        ("st.html('<style>p{}</style>')", "html", {"style_only": True}),
        (
            "st.html('<script>1</script>', unsafe_allow_javascript=True)",
            "html",
            {"unsafe_allow_javascript": True},
        ),
        ("st.latex(r'e^{i\\pi}+1=0')", "latex", {"body": "e^{i\\pi}+1=0"}),
        ("st.badge('New')", "markdown", {"body": ":blue-badge[New]"}),
        (
            "st.badge('a[b]', icon='🔥', color='red')",
            "markdown",
            {"body": ":red-badge[🔥 a\\[b\\]]"},
        ),
        ("st.iframe('https://example.com')", "iframe", {"src": "https://example.com"}),
        ("st.iframe('<p>x</p>', height=80)", "iframe", {"srcdoc": "<p>x</p>", "height": 80}),
        ("st.space()", "space", {"size": "small"}),
        ("st.space(40)", "space", {"size": 40}),
        ("st.toast('Saved', icon='✅')", "toast", {"body": "Saved", "duration": 4, "icon": "✅"}),
        ("st.toast('x', duration='infinite')", "toast", {"duration": 0}),
        ("st.toast('x', duration=7)", "toast", {"duration": 7}),
        (
            "import streamlit.components.v1 as c\nc.html('<p>x</p>')",
            "iframe",
            {"srcdoc": "<p>x</p>", "height": 150, "scrolling": False},
        ),
        (
            "import streamlit.components.v1 as c\nc.iframe('https://e.org', 300, 200, True)",
            "iframe",
            {"src": "https://e.org", "width": 300, "height": 200, "scrolling": True},
        ),
        ("st.image('https://e.org/a.png', caption='A')", "image", {"width": "content"}),
        (
            "st.audio('https://e.org/a.mp3', start_time=3, loop=True)",
            "audio",
            {"start_time": 3.0, "loop": True},
        ),
        (
            "st.video('https://e.org/v.mp4', muted=True, autoplay=True)",
            "video",
            {"muted": True, "autoplay": True},
        ),
        (
            "st.pdf('https://e.org/d.pdf', height=300)",
            "pdf",
            {"url": "https://e.org/d.pdf", "height": 300},
        ),
    ],
)
def test_element_props(call: str, kind: str, expected: dict[str, Any]) -> None:
    node = only(run(call), kind)
    for name, value in expected.items():
        assert node.props[name] == value, name


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.html('')", "The `body` parameter is required."),
        ("st.badge('x', color='pink')", "Invalid `color` value."),
        ("st.space('huge')", "Invalid `size` value."),
        ("st.space(0)", "Invalid `size` value."),
        ("st.toast('x', duration=0)", "Invalid `duration` value."),
        ("st.toast('')", "The `body` parameter is required."),
        ("st.status('x', state='done')", "Unknown state (done)."),
        ("st.popover('x', type='big')", "Invalid `type` value. Supported values: 'primary'"),
        ("st.image([b'a', b'b'], caption=['one'])", "Cannot pair 1 captions with 2 images."),
        ("st.image([b'a', b'b'], alt='x')", "A single `alt` string can only be used"),
        ("st.image([b'a', b'b'], link='https://e.org')", "The `link` parameter is only supported"),
        ("st.audio(3)", "Invalid `data` type."),
        ("st.dialog('')", "The `title` parameter is required."),
        ("st.fragment(run_every='soon')(lambda: 1)()", "Invalid run_every value"),
    ],
)
def test_errors(call: str, message: str) -> None:
    at = run(call)
    assert at.exception, call
    assert message in at.exception[0].message


def test_image_bytes_go_through_the_media_store() -> None:
    at = run(f"st.image({PNG!r}, caption='dot', alt='A dot')")
    store = stored(at)
    node = only(at, "image")
    [item] = node.props["images"]
    assert item["mime"] == "image/png" and item["caption"] == "dot" and item["alt"] == "A dot"
    assert store.get(item["media"]) == ("image/png", PNG)
    assert "url" not in item  # no data URL in the tree


def test_media_store_sends_each_content_once() -> None:
    store = MediaStore()
    a = store.add(b"abc", "image/png")
    assert store.add(b"abc", "image/png") == a
    assert [i for i, _, _ in store.take_unsent()] == [a]
    assert store.add(b"abc", "image/png") == a
    assert store.take_unsent() == []


def _png_pixels(png: bytes) -> tuple[int, int, int, bytes]:
    assert png.startswith(b"\x89PNG")
    width, height, _, color = struct.unpack(">IIBB", png[16:26])
    idat = png[png.index(b"IDAT") + 4 :]
    return (
        width,
        height,
        color,
        zlib.decompress(
            idat[: struct.unpack(">I", png[png.index(b"IDAT") - 4 : png.index(b"IDAT")])[0]]
        ),
    )


def test_numpy_image_is_encoded_as_png() -> None:
    np = pytest.importorskip("numpy")
    at = AppTest.from_function(_numpy_app).run()
    node = only(at, "image")
    mime, png = stored(at).get(node.props["images"][0]["media"])
    assert mime == "image/png"
    width, height, color, raw = _png_pixels(png)
    assert (width, height, color) == (3, 2, 2)
    assert raw[:10] == bytes([0, 255, 0, 0, 255, 0, 0, 255, 0, 0])
    assert np is not None


def _numpy_app() -> None:
    import numpy as np
    import streamlit as st

    image = np.zeros((2, 3, 3), dtype=np.uint8)
    image[:, :, 0] = 255
    st.image(image)


def test_image_file_in_app_folder(tmp_path: Path) -> None:
    (tmp_path / "dot.png").write_bytes(PNG)
    at = run("st.image('dot.png', width=50)", tmp_path)
    node = only(at, "image")
    assert node.props["width"] == 50
    assert stored(at).get(node.props["images"][0]["media"]) == ("image/png", PNG)


def test_status_update_and_exit() -> None:
    at = run(
        "with st.status('Working', expanded=True) as s:\n"
        "    st.write('step')\n"
        "    s.update(label='Almost')\n"
        "t = st.status('Broken')\n"
        "t.update(state='error', expanded=False)\n"
    )
    assert not at.exception
    first, second = at.get("status")
    assert first.props["label"] == "Almost" and first.props["state"] == "complete"
    assert first.props["expanded"] is True
    assert first.markdown[0].value == "step"
    assert second.props["state"] == "error" and second.props["expanded"] is False


def test_status_error_state_on_exception() -> None:
    at = run("with st.status('x'):\n    raise ValueError('boom')\n")
    assert at.get("status")[0].props["state"] == "error"
    assert at.exception[0].message == "boom"


def test_popover_is_a_block() -> None:
    at = run("p = st.popover('Menu', icon='☰')\np.write('inside')\nst.write(p.open)\n")
    [pop] = at.get("popover")
    assert pop.props["label"] == "Menu" and pop.markdown[0].value == "inside"
    assert at.markdown[-1].value == "`None`"


def test_toast_shows_again_on_every_run() -> None:
    at = run("st.toast('hi')")
    first = at.get("toast")[0].props["shot"]
    at.run()
    assert at.get("toast")[0].props["shot"] != first


def test_balloons_and_snow() -> None:
    at = run("st.balloons()\nst.snow()")
    assert at.get("balloons").len == 1 and at.get("snow").len == 1


DIALOG_APP = """
@st.dialog("Vote", width="large")
def vote(item):
    st.write(f"Voting for {item}")
    reason = st.text_input("Because", key="reason")
    if st.button("Submit"):
        st.session_state.voted = (item, reason)
        st.rerun()

if st.button("Open"):
    vote("A")
st.write(st.session_state.get("voted"))
"""


def test_dialog_opens_and_a_full_run_closes_it() -> None:
    """AppTest reruns the whole script, as Streamlit's does: typing in the dialog
    closes it there (the button is False again). In the browser the dialog reruns
    alone and stays open: tests/unit/test_runtime_fragments.py."""
    at = run(DIALOG_APP)
    assert at.get("dialog").len == 0
    at.button[0].click().run()
    [dlg] = at.get("dialog")
    assert dlg.props["title"] == "Vote" and dlg.props["width"] == "large"
    assert dlg.markdown[0].value == "Voting for A"
    at.text_input("reason").input("why not").run()
    assert at.get("dialog").len == 0


def test_dialog_dismissed_by_the_visitor() -> None:
    at = run(DIALOG_APP)
    at.button[0].click().run()
    [dialog] = at.get("dialog")
    dialog.dismiss().run()
    assert at.get("dialog").len == 0
    at.run()
    assert at.get("dialog").len == 0


def test_only_one_dialog_per_run() -> None:
    at = run("@st.dialog('a')\ndef a():\n    pass\na()\na()\n")
    assert "Only one dialog is allowed" in at.exception[0].message


def test_fragment_runs_inline_and_schedules_run_every() -> None:
    at = run(
        "@st.fragment\ndef plain():\n    st.write('plain')\nplain()\n"
        "@st.fragment(run_every='2s')\ndef ticking():\n    st.write('tick')\nticking()\n"
    )
    assert [m.value for m in at.markdown] == ["plain", "tick"]
    [timer] = at.get("fragment_timer")
    assert timer.props["interval"] == 2.0


def test_echo_shows_the_block(tmp_path: Path) -> None:
    at = run("with st.echo():\n    x = 1 + 1\n    st.write(x)\n", tmp_path)
    assert not at.exception
    [code] = at.get("code")
    assert code.value.rstrip("\n") == "x = 1 + 1\nst.write(x)"


def test_echo_prefers_the_original_source(tmp_path: Path) -> None:
    original = tmp_path / ".stc" / "original" / "app.py"
    original.parent.mkdir(parents=True)
    original.write_text(
        "import streamlit as st\nwith st.echo('below'):\n    time.sleep(1)\n", encoding="utf-8"
    )
    at = run("with st.echo('below'):\n    pass\n", tmp_path)
    assert at.get("code")[0].value.rstrip("\n") == "time.sleep(1)"


def test_help_describes_an_object() -> None:
    at = run("st.help(dict)")
    node = only(at, "help")
    assert node.props["name"] == "dict" and node.props["type"] == "type"
    assert any(m["name"] == "keys" for m in node.props["members"])
