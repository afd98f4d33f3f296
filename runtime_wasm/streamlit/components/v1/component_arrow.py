"""DataFrames between a script and a custom component, as Streamlit sends them:
Arrow IPC streams, one each for the cells, the index and the column labels
(Streamlit's ``component_arrow``; streamlit-component-lib's ``ArrowTable`` reads and
writes these three). pyarrow loads on first use (``runtime_wasm._packages``): most
sites never pay for it.
"""

from __future__ import annotations

from typing import Any, TypedDict

from ...._packages import require
from ...elements.lib._to_pandas import as_pandas

__all__ = ["ArrowTable", "arrow_to_dataframe", "ipc_stream", "marshall"]


class ArrowTable(TypedDict):
    """Streamlit's ``ArrowTable`` proto: three Arrow IPC streams."""

    data: bytes
    index: bytes
    columns: bytes


_WHY = "A DataFrame sent to or from a custom component"


def _pyarrow() -> Any:
    return require("pyarrow", package="pyarrow", why=_WHY)


def _pandas() -> Any:
    return require("pandas", package="pandas", why=_WHY)


def _as_frame(data: Any) -> Any:
    pd = _pandas()
    data = as_pandas(data)
    if isinstance(data, pd.Series):
        return data.to_frame()
    return data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)


def _ipc(df: Any) -> bytes:
    """*df* as one Arrow IPC stream; mixed-type columns as text, and Arrow's large
    types as the standard ones older Arrow JS libraries (bundled by components) read."""
    pa = _pyarrow()
    try:
        table = pa.Table.from_pandas(df)
    except (pa.ArrowTypeError, pa.ArrowInvalid, pa.ArrowNotImplementedError, OverflowError):
        mixed = {c: str for c in df.columns if df[c].dtype == object}
        table = pa.Table.from_pandas(df.astype(mixed))
    fields = [field.with_type(_standard(pa, field.type)) for field in table.schema]
    table = table.cast(pa.schema(fields, metadata=table.schema.metadata))
    sink = pa.BufferOutputStream()
    with pa.RecordBatchStreamWriter(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue().to_pybytes())


def _standard(pa: Any, kind: Any) -> Any:
    if kind == pa.large_string():
        return pa.string()
    if kind == pa.large_binary():
        return pa.binary()
    if isinstance(kind, pa.LargeListType | pa.ListType):
        return pa.list_(_standard(pa, kind.value_type))
    return kind


def ipc_stream(data: Any) -> bytes:
    """*data* (anything ``st.dataframe`` takes) as one Arrow IPC stream, its index in
    the table: what Streamlit sends a components v2 frontend."""
    return _ipc(_as_frame(data))


def _labels(values: Any) -> Any:
    pd = _pandas()
    return pd.DataFrame([list(v) if isinstance(v, tuple) else v for v in values])


def marshall(data: Any) -> ArrowTable:
    """*data* (anything ``st.dataframe`` takes) as the three streams a component reads."""
    df = _as_frame(data)
    index, columns = _labels(df.index.values), _labels(df.columns.values)
    return ArrowTable(data=_ipc(df), index=_ipc(index), columns=_ipc(columns))


def arrow_to_dataframe(table: ArrowTable) -> Any:
    """The DataFrame a component sent (``setComponentValue`` of an ``ArrowTable``)."""
    pa, pd = _pyarrow(), _pandas()

    def read(stream: bytes) -> Any:
        return pa.ipc.open_stream(stream).read_pandas()

    data, index, columns = read(table["data"]), read(table["index"]), read(table["columns"])
    return pd.DataFrame(
        data.to_numpy(), index=index.to_numpy().T.tolist(), columns=columns.to_numpy().T.tolist()
    )
