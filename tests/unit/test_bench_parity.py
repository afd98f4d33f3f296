"""bench/parity.py's comparison (bench/_parity_compare.py): what counts as a
difference between an stc element and Streamlit's, in type, box and pixels."""

from __future__ import annotations

import dataclasses
import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType

from PIL import Image

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _compare() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_parity_compare", BENCH / "_parity_compare.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


parity = _compare()
BASE = parity.Sample(
    kind="markdown", text="Hello", family="Source Sans", size=16.0, weight=400,
    color="rgb(47, 45, 43)", width=700.0, height=24.0, index=0,
)  # fmt: skip


def test_what_a_reader_would_not_notice_is_no_difference() -> None:
    near = dataclasses.replace(
        BASE, family="source sans", size=16.5, weight=450, color="rgba(50, 40, 43, 0.9)",
        width=60.0, height=27.0,
    )  # fmt: skip
    assert parity.compare(near, BASE) == []


def test_each_difference_is_named() -> None:
    far = dataclasses.replace(
        BASE, family="Arial", size=14.0, weight=700, color="rgb(255, 75, 75)", height=60.0
    )
    assert parity.compare(far, BASE) == [
        "font Arial vs Source Sans",
        "size 14 vs 16px",
        "weight 700 vs 400",
        "colour rgb(255, 75, 75) vs rgb(47, 45, 43)",
        "height 60 vs 24px",
    ]


def _png(size: tuple[int, int], colour: str, patch: tuple[int, int] = (0, 0)) -> bytes:
    image = Image.new("RGB", size, "white")
    if patch != (0, 0):
        image.paste(Image.new("RGB", patch, colour), (0, 0))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_pixels_compare_on_white_canvases_of_the_larger_size() -> None:
    same = _png((40, 10), "black", (10, 10))
    assert parity.pixel_difference(same, same) == 0.0
    # The same black square in a wider white box: no pixel differs.
    assert parity.pixel_difference(same, _png((80, 10), "black", (10, 10))) == 0.0
    # A square twice as wide: the extra 10x10 differs, of 40x10.
    assert parity.pixel_difference(same, _png((40, 10), "black", (20, 10))) == 0.25
    # Anti-aliasing levels do not count.
    assert parity.pixel_difference(same, _png((40, 10), "#141414", (10, 10))) == 0.0
