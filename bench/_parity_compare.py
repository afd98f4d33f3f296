"""What bench/parity.py compares, and its tolerances: plain Python (and Pillow for
the pixels), so a CPython unit test checks it without a browser or Streamlit.

Tolerances are what a reader would not notice: a pixel of font size, one step of
weight, a few levels of colour, a fifth of a box's height (line heights round
differently), and a pixel whose colour differs by 24 levels or less counts as the
same (anti-aliasing). Widths are not compared as such: Streamlit fits many elements
to their content where stc's take the row, which shows only in the pixels."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from PIL import Image, ImageChops

__all__ = ["Sample", "compare", "pixel_difference"]

SIZE_PX = 1.0
WEIGHT = 100
COLOUR_LEVELS = 16
HEIGHT_SHARE, BOX_PX = 0.20, 6.0
PIXEL_LEVELS = 24


@dataclass(frozen=True)
class Sample:
    """One element as the page shows it (see parity.SAMPLE_SCRIPT)."""

    kind: str
    text: str
    family: str
    size: float
    weight: int
    color: str
    width: float
    height: float
    index: int


def _rgb(color: str) -> tuple[int, ...]:
    return tuple(int(float(v)) for v in re.findall(r"[\d.]+", color)[:3])


def _near(a: float, b: float, share: float) -> bool:
    return abs(a - b) <= max(BOX_PX, share * max(a, b))


def compare(ours: Sample, theirs: Sample) -> list[str]:
    """What differs beyond tolerance, as short phrases ("size 14 vs 16"); [] if nothing."""
    faults = []
    if ours.family.lower() != theirs.family.lower():
        faults.append(f"font {ours.family} vs {theirs.family}")
    if abs(ours.size - theirs.size) > SIZE_PX:
        faults.append(f"size {ours.size:g} vs {theirs.size:g}px")
    if abs(ours.weight - theirs.weight) >= WEIGHT:
        faults.append(f"weight {ours.weight} vs {theirs.weight}")
    pairs = zip(_rgb(ours.color), _rgb(theirs.color), strict=False)  # rgb() vs rgba()
    if any(abs(a - b) > COLOUR_LEVELS for a, b in pairs):
        faults.append(f"colour {ours.color} vs {theirs.color}")
    if not _near(ours.height, theirs.height, HEIGHT_SHARE):
        faults.append(f"height {ours.height:.0f} vs {theirs.height:.0f}px")
    return faults


def pixel_difference(ours_png: bytes, theirs_png: bytes) -> float:
    """The share of pixels that differ, the two screenshots laid top-left on white
    canvases of the larger one's size: an element that takes the whole row where the
    other fits its content differs only where the pixels do."""
    ours = Image.open(io.BytesIO(ours_png)).convert("RGB")
    theirs = Image.open(io.BytesIO(theirs_png)).convert("RGB")
    size = (max(ours.width, theirs.width), max(ours.height, theirs.height))
    if 0 in size:
        return 1.0
    canvases = []
    for shot in (ours, theirs):
        canvas = Image.new("RGB", size, "white")
        canvas.paste(shot, (0, 0))
        canvases.append(canvas)
    diff = ImageChops.difference(*canvases).convert("L")
    differing = diff.point(lambda level: 255 if level > PIXEL_LEVELS else 0).histogram()[255]
    return differing / (size[0] * size[1])
