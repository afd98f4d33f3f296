"""Cache keys of data objects from third-party libraries: pandas and polars frames and
series, numpy arrays, PIL images.

Each is recognised by the fully qualified name of its type, never by ``isinstance``:
in the browser pandas, numpy or polars may be absent, and importing one costs
hundreds of milliseconds, so their modules are imported only when an argument is one
of their objects (and then they are loaded already).

Streamlit's choices, kept so an app hits and misses its cache as it does there: a
frame of ``PANDAS_ROWS_LARGE`` rows or more is hashed on ``PANDAS_SAMPLE_SIZE`` rows
drawn with the fixed seed ``SAMPLE_SEED`` (and an array of ``NP_SIZE_LARGE`` items or
more on ``NP_SAMPLE_SIZE`` of them), so a change outside the sample keeps the key;
a frame pandas cannot hash (cells holding lists) is hashed as its pickle.

Where Streamlit's hash misses a change, ours sees it (more misses, never a stale
hit): a polars frame is hashed on every row's hash (Streamlit's goes through
pyarrow's ``to_string``, which shows the first and last ten), and an image on its
mode and size besides its pixels.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from typing import Any, Final

__all__ = [
    "NP_SAMPLE_SIZE",
    "NP_SIZE_LARGE",
    "PANDAS_ROWS_LARGE",
    "PANDAS_SAMPLE_SIZE",
    "SAMPLE_SEED",
    "data_bytes",
]

PANDAS_ROWS_LARGE: Final = 50_000
PANDAS_SAMPLE_SIZE: Final = 10_000
NP_SIZE_LARGE: Final = 500_000
NP_SAMPLE_SIZE: Final = 100_000
# Streamlit's default ``runner.cacheHashSeed``; stc has no config.toml to change it.
SAMPLE_SEED: Final = 0

ToBytes = Callable[[Any], bytes]


def _digest(to_bytes: ToBytes, *parts: Any) -> bytes:
    h = hashlib.sha256()
    for part in parts:
        h.update(to_bytes(part))
    return h.digest()


def _pandas_series(series: Any, to_bytes: ToBytes) -> bytes:
    from pandas.util import hash_pandas_object  # type: ignore[import-untyped, unused-ignore]

    head = [series.size, series.dtype.name]
    if len(series) >= PANDAS_ROWS_LARGE:
        series = series.sample(n=PANDAS_SAMPLE_SIZE, random_state=SAMPLE_SEED)
    try:
        return _digest(to_bytes, *head, hash_pandas_object(series).to_numpy().tobytes())
    except TypeError:  # unhashable cells (lists, dicts): pandas cannot, pickle can
        return pickle.dumps(series, pickle.HIGHEST_PROTOCOL)


def _pandas_frame(frame: Any, to_bytes: ToBytes) -> bytes:
    from pandas.util import hash_pandas_object

    shape = frame.shape
    if len(frame) >= PANDAS_ROWS_LARGE:
        frame = frame.sample(n=PANDAS_SAMPLE_SIZE, random_state=SAMPLE_SEED)
    try:
        # the column names and types, then every row (index included)
        columns = hash_pandas_object(frame.dtypes)
        return _digest(to_bytes, shape, to_bytes(columns), to_bytes(hash_pandas_object(frame)))
    except TypeError:
        return pickle.dumps(frame, pickle.HIGHEST_PROTOCOL)


def _polars_series(series: Any, to_bytes: ToBytes) -> bytes:
    head = [str(series.dtype), series.shape]
    if len(series) >= PANDAS_ROWS_LARGE:
        series = series.sample(n=PANDAS_SAMPLE_SIZE, seed=SAMPLE_SEED)
    try:
        return _digest(to_bytes, *head, series.hash(seed=0).to_list())
    except TypeError:
        return pickle.dumps(series, pickle.HIGHEST_PROTOCOL)


def _polars_frame(frame: Any, to_bytes: ToBytes) -> bytes:
    shape = frame.shape
    if len(frame) >= PANDAS_ROWS_LARGE:
        frame = frame.sample(n=PANDAS_SAMPLE_SIZE, seed=SAMPLE_SEED)
    try:
        schema = [(name, str(dtype)) for name, dtype in frame.schema.items()]
        return _digest(to_bytes, shape, schema, frame.hash_rows(seed=0).to_list())
    except TypeError:
        return pickle.dumps(frame, pickle.HIGHEST_PROTOCOL)


def _numpy_array(array: Any, to_bytes: ToBytes) -> bytes:
    head = [array.shape, str(array.dtype)]
    if array.size >= NP_SIZE_LARGE:
        import numpy as np

        array = np.random.RandomState(SAMPLE_SEED).choice(array.flat, size=NP_SAMPLE_SIZE)
    # an object array's bytes are its items' addresses, as in Streamlit: equal
    # objects elsewhere in memory miss, an object changed in place hits
    return _digest(to_bytes, *head, array.tobytes())


def _pil_image(image: Any, to_bytes: ToBytes) -> bytes:
    pixels = image.tobytes()
    if image.mode == "P":  # the pixels are indices into the palette
        palette = image.getpalette()
        pixels = bytes(palette or b"") + pixels
    if len(pixels) >= NP_SIZE_LARGE:  # sampled as Streamlit samples arrays
        try:
            import numpy as np
        except ImportError:  # Pillow without numpy in the browser: every pixel
            pass
        else:
            pixels = np.frombuffer(pixels, dtype="uint8")
    return _digest(to_bytes, image.mode, image.size, pixels)


_BY_TYPE_NAME: Final[dict[str, Callable[[Any, ToBytes], bytes]]] = {
    # pandas 3 names its classes ``pandas.DataFrame``; pandas 2, by their modules
    "pandas.Series": _pandas_series,
    "pandas.core.series.Series": _pandas_series,
    "pandas.DataFrame": _pandas_frame,
    "pandas.core.frame.DataFrame": _pandas_frame,
    "polars.series.series.Series": _polars_series,
    "polars.dataframe.frame.DataFrame": _polars_frame,
    "numpy.ndarray": _numpy_array,
    "PIL.Image.Image": _pil_image,
}


def data_bytes(obj: Any, type_name: str, to_bytes: ToBytes) -> bytes | None:
    """The bytes of ``obj`` if its type (named ``type_name``) is one of the data
    types above, else ``None``; ``to_bytes`` hashes the parts."""
    hasher = _BY_TYPE_NAME.get(type_name)
    return None if hasher is None else hasher(obj, to_bytes)
