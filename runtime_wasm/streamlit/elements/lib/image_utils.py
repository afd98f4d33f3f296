"""``streamlit.elements.lib.image_utils``: ``image_to_url`` as a ``data:`` URL (no
media server in a static site) and the ``AtomicImage`` type alias."""

from __future__ import annotations

import base64
import io
import mimetypes
from pathlib import Path
from typing import Any

__all__ = ["AtomicImage", "image_to_url"]

AtomicImage = Any  # PIL image, numpy array, bytes, BytesIO, path or URL string


def _image_bytes(image: Any, output_format: str) -> tuple[bytes, str]:
    if isinstance(image, bytes):
        return image, "image/png"
    if isinstance(image, io.BytesIO):
        return image.getvalue(), "image/png"
    if hasattr(image, "save"):  # a PIL image
        fmt = "JPEG" if output_format.upper() in ("JPEG", "JPG") else "PNG"
        buffer = io.BytesIO()
        image.save(buffer, format=fmt)
        return buffer.getvalue(), f"image/{fmt.lower()}"
    path = Path(str(image))
    return path.read_bytes(), mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def image_to_url(
    image: AtomicImage,
    layout_config: Any,
    clamp: bool,
    channels: str,
    output_format: str,
    image_id: str,
) -> str:
    """A URL the page can show: URLs pass through, anything else becomes ``data:``."""
    if isinstance(image, str) and image.startswith(("http://", "https://", "data:")):
        return image
    data, mime = _image_bytes(image, output_format)
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
