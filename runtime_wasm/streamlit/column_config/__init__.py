"""``st.column_config``: column settings for ``st.dataframe`` and ``st.data_editor``.

Each function returns a plain dict, as Streamlit's do (``label``, the common
settings, and ``type_config`` with the column type's own settings), so configs can
be compared, merged and sent to the page as JSON. ``format_func`` of a selectbox or
multiselect column is applied here: the page only sees the labels. The modules hold
the columns by kind; this package only re-exports them.
"""

from ._button_column import ButtonColumn
from ._chart_columns import AreaChartColumn, BarChartColumn, LineChartColumn
from ._choice_columns import CheckboxColumn, MultiselectColumn, SelectboxColumn
from ._column import Column
from ._datetime_columns import DateColumn, DatetimeColumn, TimeColumn
from ._media_columns import AudioColumn, ImageColumn, VideoColumn
from ._number_columns import NumberColumn, ProgressColumn
from ._structured_columns import JsonColumn, ListColumn
from ._text_columns import LinkColumn, MarkdownColumn, TextColumn

__all__ = [
    "AreaChartColumn",
    "AudioColumn",
    "BarChartColumn",
    "ButtonColumn",
    "CheckboxColumn",
    "Column",
    "DateColumn",
    "DatetimeColumn",
    "ImageColumn",
    "JsonColumn",
    "LineChartColumn",
    "LinkColumn",
    "ListColumn",
    "MarkdownColumn",
    "MultiselectColumn",
    "NumberColumn",
    "ProgressColumn",
    "SelectboxColumn",
    "TextColumn",
    "TimeColumn",
    "VideoColumn",
]
