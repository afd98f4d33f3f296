"""Media elements: image, audio, video, pdf, and the page-level ``st.logo``.

A source is a URL (passed to the page as is) or bytes (from ``bytes``, a file in the
app folder, a file-like object, a PIL image or a NumPy array), which go through the
media store (``runtime_wasm._media_store``): props carry ``{"media": id}`` and the
page turns the id into one cached object URL. NumPy images are encoded as PNG here,
with zlib, so they need neither PIL nor a canvas. ``st.logo`` is the root's ``logo``
prop, not an element.
"""

from __future__ import annotations

import io
import mimetypes
import re
import struct
import zlib
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..._context import current
from ..._errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)
from ..._media_store import MediaStore, session_store
from ..._tree import Element
from .._base import DGBase

if TYPE_CHECKING:
    from .._dg import DeltaGenerator

__all__ = ["MediaMixin", "logo", "media_source"]


def _store() -> MediaStore:
    return session_store(current().state)


_URL_PREFIXES = ("http://", "https://", "data:", "blob:", "//")

_MAGIC = (
    (b"\x89PNG", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
    (b"BM", "image/bmp"),
    (b"%PDF", "application/pdf"),
    (b"ID3", "audio/mpeg"),
    (b"OggS", "audio/ogg"),
    (b"fLaC", "audio/flac"),
)


def _sniff(data: bytes, fallback: str) -> str:
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "audio/wav"
    if data[4:8] == b"ftyp":
        return fallback if fallback.startswith(("video/", "audio/")) else "video/mp4"
    head = data[:256].lstrip().lower()
    if head.startswith((b"<svg", b"<?xml")) and b"<svg" in data[:4096].lower():
        return "image/svg+xml"
    return fallback


def media_source(data: Any, fallback_mime: str) -> dict[str, Any]:
    """``{"url": ...}`` or ``{"media": id, "mime": ...}`` for one media value."""
    if isinstance(data, str) and data.startswith(_URL_PREFIXES):
        return {"url": data}
    if isinstance(data, str) and data.lstrip().startswith("<svg"):
        data = data.encode()
        return {"media": _store().add(data, "image/svg+xml"), "mime": "image/svg+xml"}
    if isinstance(data, str | Path):
        path = Path(data)
        if not path.is_absolute() and not path.is_file():
            path = Path(current().script_path).parent / path  # AppTest runs elsewhere
        if not path.is_file():
            if isinstance(data, str):
                return {"url": data}  # a relative URL, as Streamlit passes it on
            raise StreamlitAPIException(f"File not found: {path}")
        raw = path.read_bytes()
        guessed = mimetypes.guess_type(path.name)[0]
        mime = guessed or _sniff(raw, fallback_mime)
        return {"media": _store().add(raw, mime), "mime": mime}
    if isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
    elif isinstance(data, io.BytesIO):
        raw = data.getvalue()
    elif hasattr(data, "read"):
        if hasattr(data, "seek"):
            data.seek(0)
        raw = data.read()
        if isinstance(raw, str):
            raw = raw.encode()
    else:
        raise StreamlitInvalidParameterTypeError(
            "data", type(data).__name__, ["str", "bytes", "Path", "BytesIO", "file-like"]
        )
    mime = _sniff(raw, fallback_mime)
    return {"media": _store().add(raw, mime), "mime": mime}


# -- images -------------------------------------------------------------------------


def _png(rows: list[bytes], width: int, height: int, color_type: int) -> bytes:
    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))

    header = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _array_png(array: Any, clamp: bool, channels: str) -> bytes:
    import numpy as np  # only reached with a NumPy array in hand

    data = np.asarray(array)
    if data.ndim == 3 and data.shape[-1] == 1:
        data = data[:, :, 0]
    if data.ndim not in (2, 3):
        raise StreamlitAPIException(
            "Invalid `image` value. Supported values: a 2D or 3D NumPy array."
        )
    if data.ndim == 3 and data.shape[-1] not in (3, 4):
        raise StreamlitAPIException(
            f"Channel can only be 1, 3, or 4 got {data.shape[-1]}. Shape is {data.shape}"
        )
    if data.dtype.kind == "f":
        if clamp:
            data = np.clip(data, 0.0, 1.0)
        elif data.size and (data.min() < 0.0 or data.max() > 1.0):
            raise StreamlitAPIException("Data is outside [0.0, 1.0] and clamp is not set.")
        data = (data * 255).astype(np.uint8)
    elif data.dtype != np.uint8:
        if clamp:
            data = np.clip(data, 0, 255)
        elif data.size and (data.min() < 0 or data.max() > 255):
            raise StreamlitAPIException("Data is outside [0, 255] and clamp is not set.")
        data = data.astype(np.uint8)
    if channels == "BGR":
        if data.ndim != 3 or data.shape[-1] != 3:
            raise StreamlitAPIException(
                'When using `channels="BGR"`, the input image should have exactly 3 color channels'
            )
        data = data[:, :, ::-1]
    height, width = data.shape[:2]
    color_type = 0 if data.ndim == 2 else {3: 2, 4: 6}[data.shape[-1]]
    contiguous = np.ascontiguousarray(data)
    return _png([contiguous[y].tobytes() for y in range(height)], width, height, color_type)


def _image_source(image: Any, clamp: bool, channels: str, output_format: str) -> dict[str, Any]:
    module = type(image).__module__.split(".")[0]
    if module == "numpy":
        png = _array_png(image, clamp, channels)
        return {"media": _store().add(png, "image/png"), "mime": "image/png"}
    if module == "PIL" and hasattr(image, "save"):
        fmt = output_format.upper() if output_format.upper() in ("PNG", "JPEG") else None
        if fmt is None:
            fmt = "JPEG" if getattr(image, "format", None) == "JPEG" else "PNG"
        buffer = io.BytesIO()
        image.save(buffer, format=fmt)
        mime = f"image/{fmt.lower()}"
        return {"media": _store().add(buffer.getvalue(), mime), "mime": mime}
    return media_source(image, "image/png")


def _width(width: Any, use_container_width: bool | None) -> Any:
    if use_container_width is not None:
        return "stretch" if use_container_width else "content"
    if width in ("content", "stretch") or (isinstance(width, int) and not isinstance(width, bool)):
        return width
    if width is None:
        return "content"
    raise StreamlitAPIException(
        f"Invalid width value: {width!r}. Width must be either an integer (pixels), "
        "'stretch', or 'content'."
    )


def _seconds(value: Any, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        match = _DURATION.fullmatch(value.strip())
        if match:
            return float(match[1]) * _UNITS[match[2] or "s"]
    raise StreamlitAPIException(
        f"Invalid {name}: {value!r}. It must be an int, float, timedelta or a duration string."
    )


_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?")
_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


class MediaMixin(DGBase):
    def image(
        self,
        image: Any,
        caption: str | list[str] | None = None,
        width: Any = "content",
        clamp: bool = False,
        channels: str = "RGB",
        output_format: str = "auto",
        *,
        use_container_width: bool | None = None,
        link: str | None = None,
        use_column_width: Any = None,
        alt: str | Sequence[str | None] | None = None,
    ) -> DeltaGenerator:
        is_list = isinstance(image, list | tuple | set) or (
            type(image).__module__.split(".")[0] == "numpy" and getattr(image, "ndim", 0) == 4
        )
        images = list(image) if is_list else [image]
        captions: list[Any]
        if caption is None:
            captions = [None] * len(images)
        elif isinstance(caption, str):
            captions = [caption] + [None] * (len(images) - 1)
        else:
            captions = list(caption)
        if len(captions) != len(images):
            raise StreamlitAPIException(
                f"Cannot pair {len(captions)} captions with {len(images)} images."
            )
        alts = _alts(alt, images, isinstance(image, set))
        if link is not None and len(images) != 1:
            raise StreamlitAPIException(
                "The `link` parameter is only supported when displaying a single image. "
                f"You passed {len(images)} images."
            )
        items = [
            {
                **_image_source(img, clamp, channels, output_format),
                "caption": None if c is None else str(c),
                "alt": a,
            }
            for img, c, a in zip(images, captions, alts, strict=True)
        ]
        props = {"images": items, "width": _width(width, use_container_width), "link": link}
        return self._enqueue(Element("image", props))

    def audio(
        self,
        data: Any,
        format: str = "audio/wav",
        start_time: Any = 0,
        *,
        sample_rate: int | None = None,
        end_time: Any = None,
        loop: bool = False,
        autoplay: bool = False,
        alt: str | None = None,
        width: Any = "stretch",
    ) -> DeltaGenerator:
        if type(data).__module__.split(".")[0] == "numpy":
            if sample_rate is None:
                raise StreamlitAPIException(
                    "Missing required parameter `sample_rate`. Must be specified when "
                    "`data` is a numpy array."
                )
            data = _wav(data, sample_rate)
        return self._media("audio", data, format, start_time, end_time, loop, autoplay, alt)

    def video(
        self,
        data: Any,
        format: str = "video/mp4",
        start_time: Any = 0,
        *,
        subtitles: Any = None,
        end_time: Any = None,
        loop: bool = False,
        autoplay: bool = False,
        muted: bool = False,
        alt: str | None = None,
        width: Any = "stretch",
    ) -> DeltaGenerator:
        return self._media(
            "video", data, format, start_time, end_time, loop, autoplay, alt, muted=muted
        )

    def _media(
        self,
        kind: str,
        data: Any,
        format: str,
        start_time: Any,
        end_time: Any,
        loop: bool,
        autoplay: bool,
        alt: str | None,
        **extra: Any,
    ) -> DeltaGenerator:
        source = media_source(data, format)
        props = {
            **source,
            "format": format,
            "start_time": _seconds(start_time, "start_time") or 0,
            "end_time": _seconds(end_time, "end_time"),
            "loop": loop,
            "autoplay": autoplay,
            "alt": alt,
            **extra,
        }
        return self._enqueue(Element(kind, props))

    def pdf(
        self,
        data: Any,
        *,
        height: Any = 500,
        key: str | None = None,
        alt: str | None = None,
    ) -> DeltaGenerator:
        source = media_source(data, "application/pdf")
        if "mime" in source:
            source["mime"] = "application/pdf"
        return self._enqueue(Element("pdf", {**source, "height": height, "alt": alt, "key": key}))


def _alts(alt: Any, images: list[Any], is_set: bool) -> list[str | None]:
    n = len(images)
    if alt is None:
        return [None] * n
    if isinstance(alt, str):
        if n != 1:
            raise StreamlitAPIException(
                "A single `alt` string can only be used with a single image. "
                f"You passed {n} images; provide a sequence of {n} alt values (use None to "
                "skip an image)."
            )
        return [alt]
    if is_set:
        raise StreamlitAPIException(
            "A sequence-valued `alt` cannot be paired with a set of images because set "
            "order is undefined. Pass a list or tuple of images."
        )
    alts = [None if a is None else str(a) for a in alt]
    if len(alts) != n:
        raise StreamlitAPIException(f"Cannot pair {len(alts)} alt values with {n} images.")
    return alts


def _wav(samples: Any, sample_rate: int) -> bytes:
    """16-bit PCM WAV from a NumPy array (1-D mono, or 2-D channels x samples)."""
    import numpy as np

    data = np.asarray(samples, dtype=float)
    channels = 1 if data.ndim == 1 else data.shape[0]
    if data.ndim == 2:
        data = data.T.ravel()
    peak = float(np.max(np.abs(data))) if data.size else 0.0
    scaled = (data / peak * 32767).astype("<i2") if peak else data.astype("<i2")
    pcm = scaled.tobytes()
    header = struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        36 + len(pcm),
        b"WAVE",
        b"fmt ",
        16,
        1,
        channels,
        sample_rate,
        sample_rate * channels * 2,
        channels * 2,
        16,
        b"data",
        len(pcm),
    )
    return header + pcm


# -- st.logo ------------------------------------------------------------------------


def _logo_image(image: Any, what: str) -> dict[str, Any]:
    try:
        return _image_source(image, False, "RGB", "auto")
    except Exception as ex:
        raise StreamlitAPIException(
            f"The {what} passed to st.logo is invalid - See [documentation]"
            "(https://docs.streamlit.io/develop/api-reference/media/st.logo) "
            f"for more information on valid types"
        ) from ex


def logo(
    image: Any,
    *,
    size: str = "medium",
    link: str | None = None,
    icon_image: Any = None,
) -> None:
    """Show ``image`` at the top of the sidebar and ``icon_image`` (or ``image``) in
    the upper-left corner of the page; ``link`` makes both a hyperlink."""
    source = _logo_image(image, "image")
    if link and not link.startswith(("http://", "https://")):
        raise StreamlitAPIException(
            f"Invalid URL '{link}': must use one of the following schemes: http, https."
        )
    icon = _logo_image(icon_image, "icon_image") if icon_image else None
    if not isinstance(size, str) or size.lower() not in ("small", "medium", "large"):
        raise StreamlitValueError("size", ["'small'", "'medium'", "'large'"])
    ctx = current()
    ctx.version += 1
    # A prop of the root, which the page draws beside its blocks: Streamlit sends the
    # logo in a page-level message, not as an element its AppTest shows.
    ctx.root.props["logo"] = {
        "image": source,
        "icon_image": icon,
        "size": size.lower(),
        "link": link or None,
    }
