"""The differential scripts: small apps, one or more per API area stc implements, each
with the interactions to replay (the same calls work on both ``AppTest`` classes)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["CASES", "KNOWN_DIFFERENCES", "Case"]


@dataclass(frozen=True)
class Case:
    id: str
    script: str
    actions: list[Callable[[Any], Any]] = field(default_factory=list)


def _c(id: str, script: str, *actions: Callable[[Any], Any]) -> Case:
    return Case(id, "import streamlit as st\n" + script.strip() + "\n", list(actions))


_TOKYO = datetime.timezone(datetime.timedelta(hours=9))


def _first(at: Any, *kinds: str) -> Any:
    """The first widget of the first of *kinds* the AppTest has: Streamlit's calls
    st.pills a ``button_group``, stc's a ``pills``."""
    for kind in kinds:
        found = at.get(kind)
        if len(found):
            return found[0]
    raise LookupError(kinds)


CASES = [
    # -- text ------------------------------------------------------------------------
    _c("title-headers", "st.title('T')\nst.header('H')\nst.subheader('S')"),
    _c("markdown", "st.markdown('**bold** and _it_')\nst.markdown('  indented\\n  text')"),
    _c("text-caption-code", "st.text('plain')\nst.caption('small')\nst.code('x = 1')"),
    _c("divider", "st.write('a')\nst.divider()\nst.write('b')"),
    _c("write-str-int", "st.write('n =', 3)\nst.write(2.5)\nst.write(True)"),
    _c("write-dict-list", "st.write({'a': 1, 'b': [1, 2]})\nst.write([1, 2, 3])"),
    _c("write-none", "st.write(None)"),
    _c("write-stringio", "from io import StringIO\nst.write(StringIO('**bold**'), 'after')"),
    _c(
        "write-generator",
        "def words():\n    yield 'a'\n    yield 'b'\n    yield {'k': 1}\n"
        "st.write(words())\nst.write(words)\nst.write(st.write_stream(words))",
    ),
    _c(
        "write-dataclass",
        "import dataclasses\n@dataclasses.dataclass\nclass Point:\n    x: int = 1\n"
        "st.write(Point())\nst.write(Point)",
    ),
    _c("write-class", "class Plain:\n    pass\nst.write(Plain)"),
    _c("write-memory-address", "class Plain:\n    pass\nst.write('a', Plain(), 'b')"),
    _c(
        "write-namedtuple",
        "import collections\nPair = collections.namedtuple('Pair', 'a b')\nst.write(Pair(1, 2))",
    ),
    _c("write-delta-generator", "st.write(st.sidebar)"),
    _c("write-exception", "st.write(ValueError('bad'))\nst.write('still running')"),
    _c(
        "write-multiline",
        "class Lines:\n    def __str__(self):\n        return 'one\\ntwo `x`'\n"
        "st.write('a', Lines(), 'b')",
    ),
    _c("write-mixed", "st.write('n =', 3, {'k': [1]}, 'and', (1, 2), [1], 'end')"),
    _c(
        "write-json-kinds",
        "import collections, types\nst.write({'a': 1}.items(), map(str, [1]), "
        "types.MappingProxyType({'m': 1}), collections.ChainMap({'c': 1}), {(1, 2): 3})",
    ),
    _c(
        "write-repr-html",
        "class Html:\n    def _repr_html_(self):\n        return '<b>h</b>'\n"
        "st.write('a', Html(), 'b', unsafe_allow_html=True)",
    ),
    _c("write-sympy", "import sympy\nst.write(sympy.Symbol('x') ** 2 + 1)"),
    _c("write-pil", "from PIL import Image\nst.write(Image.new('RGB', (4, 4)))"),
    _c(
        "write-matplotlib",
        "import matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
        "fig, ax = plt.subplots()\nax.plot([1, 2])\nst.write(fig)",
    ),
    _c(
        "write-altair",
        "import altair as alt\nimport pandas as pd\n"
        "st.write(alt.Chart(pd.DataFrame({'a': [1, 2]})).mark_bar().encode(y='a'))",
    ),
    _c(
        "write-plotly",
        "import plotly.graph_objects as go\nst.write(go.Figure(go.Bar(y=[1, 2])))",
    ),
    _c(
        "write-dataframes",
        "import numpy as np\nimport pandas as pd\ndf = pd.DataFrame({'a': [1, 2]})\n"
        "st.write(df, np.array([[1, 2], [3, 4]]), df.style, {'s': pd.Series([5, 6])})",
    ),
    _c("json", "st.json({'a': 1, 'b': {'c': [1, 2]}})\nst.json('[1, 2]')"),
    _c("metric", "st.metric('Temp', 70, 1.2)\nst.metric('Plain', '5 kg')"),
    _c("metric-none", "st.metric('Nothing', None)"),
    # -- data ------------------------------------------------------------------------
    _c("table-records", "st.table([{'a': 1, 'b': 'x'}, {'a': 2, 'b': 'y'}])"),
    _c("table-columns", "st.table({'a': [1, 2], 'b': [3, 4]})"),
    _c("dataframe-columns", "st.dataframe({'x': [1, 2, 3], 'y': ['a', 'b', 'c']})"),
    _c("dataframe-records", "st.dataframe([{'x': 1}, {'x': 2}])"),
    _c("dataframe-pandas", "import pandas as pd\nst.dataframe(pd.DataFrame({'v': [1.5, 2.0]}))"),
    # Selectable dataframes: the state before any click, in each mode (AppTest cannot click).
    *(
        _c(
            f"dataframe-select-{mode}",
            f"ev = st.dataframe({{'a': [1, 2], 'b': ['x', 'y']}}, key='df', on_select='rerun', "
            f"selection_mode={mode!r})\nst.write(ev.selection)\nst.text(repr(st.session_state.df))"
            "\nst.text(type(ev).__name__ + ' ' + type(ev.selection).__name__)",
        )
        for mode in (
            "single-row",
            "single-row-required",
            "multi-row",
            "single-column",
            "multi-column",
            "single-cell",
            "multi-cell",
        )
    ),
    _c(
        "dataframe-select-default",
        "ev = st.dataframe([{'a': 1, 'b': 'x'}, {'a': 2, 'b': 'y'}, {'a': 3, 'b': 'z'}],\n"
        "    on_select=lambda: None, selection_mode=['single-cell', 'multi-row', 'multi-column'],\n"
        "    selection_default={'selection': {'rows': [2, 0, 9, 2], 'columns': ['b', 'zz', 'a'],\n"
        "                                     'cells': [[1, 'a'], (0, 'b')]}})\n"
        "st.write(ev)\nst.text(repr(ev))",
    ),
    _c(
        "dataframe-select-set-in-script",
        "st.session_state.df = {'selection': {'rows': [2, 7, 1], 'cells': [[0, 'a']]}}\n"
        "ev = st.dataframe({'a': [1, 2, 3]}, key='df', on_select='rerun', "
        "selection_mode='single-row')\nst.text(repr(ev))",
    ),
    _c(
        "dataframe-select-pandas-ignore",
        "import pandas as pd\nev = st.dataframe(pd.DataFrame({'v': [1.5, 2.0], 'w': [3, 4]}),\n"
        "    on_select='rerun', hide_index=False)\nst.text(repr(ev))\n"
        "st.text(type(st.dataframe({'a': [1]}, key='k')).__name__)\n"
        "st.text(repr('k' in st.session_state))",
    ),
    _c(
        "dataframe-select-errors",
        "from streamlit.errors import StreamlitAPIException\n"
        "for kw in [{'on_select': None}, {'on_select': 'rerun', 'selection_mode': 'rows'},\n"
        "           {'on_select': 'rerun', 'selection_mode': ['single-row', 'multi-row']},\n"
        "           {'on_select': 'rerun', 'selection_mode': ['single-column', 'multi-column']},\n"
        "           {'on_select': 'rerun', 'selection_mode': ['single-cell', 'multi-cell']},\n"
        "           {'selection_default': {'selection': {}}},\n"
        "           {'on_select': 'rerun', 'selection_default': [1]}]:\n"
        "    try:\n        st.dataframe({'a': [1]}, **kw)\n"
        "    except StreamlitAPIException as e:\n        st.text(str(e))",
    ),
    _c(
        "dataframe-select-bad-state",
        "st.session_state.df = [1]\nst.dataframe({'a': [1]}, key='df', on_select='rerun')",
    ),
    # -- diagrams (a mermaid chart is a markdown fence, in Streamlit too) ---------------
    _c("graphviz-chart", "st.graphviz_chart('digraph { a -> b }', alt='A to B')"),
    _c(
        "mermaid-chart",
        "st.mermaid_chart('graph LR\\n  A --> B', alt='A to B')\n"
        "st.mermaid_chart('---\\ntitle: T\\n---\\nflowchart TD\\n  X --> Y', width='content')",
    ),
    _c(
        "echarts-chart",
        "e = st.echarts_chart({'series': [{'type': 'bar', 'data': [1], 'selectedMode': True}]},"
        " on_select='rerun')\nst.write(e.selection)\n"
        'st.echarts_chart(\'{"xAxis": {}, "yAxis": {}, "series": []}\', renderer=\'svg\')',
    ),
    _c(
        "echarts-key-read-only",
        "st.session_state.k = {'selection': {}}\n"
        "st.echarts_chart({'series': [{'type': 'bar', 'data': [1], 'selectedMode': True}]},"
        " key='k', on_select='rerun')",
    ),
    _c(
        "pydeck-chart",
        "import pydeck as pdk\n"
        "layer = pdk.Layer('ScatterplotLayer', data=[{'x': 1, 'y': 2}], id='pts',"
        " get_position='[x, y]')\n"
        "deck = pdk.Deck(layers=[layer], tooltip={'text': '{x}'})\n"
        "st.pydeck_chart(deck, alt='Points')\n"
        "st.pydeck_chart()\n"
        "e = st.pydeck_chart(deck, key='d', on_select='rerun', selection_mode='multi-object')\n"
        "st.write(e.selection)\nst.text(repr(st.session_state.d))",
        lambda at: None,  # a rerun keeps the (empty) selection
    ),
    # -- chart selections: the state before any selection (AppTest cannot select) -------
    _c(
        "vega-lite-select",
        "rows = [{'a': 1, 'b': 2}, {'a': 2, 'b': 1}]\n"
        "spec = {'mark': 'point', 'encoding': {'x': {'field': 'a', 'type': 'quantitative'}},\n"
        "        'params': [{'name': 'pick', 'select': 'point'},\n"
        "                   {'name': 'span', 'select': {'type': 'interval'}}]}\n"
        "e = st.vega_lite_chart(rows, spec, key='v', on_select='rerun')\n"
        "st.write(e.selection)\nst.text(repr(st.session_state.v))\n"
        "st.text(type(e).__name__ + ' ' + type(e.selection).__name__)\n"
        "f = st.vega_lite_chart(rows, spec, on_select=lambda: None, selection_mode='span')\n"
        "st.text(repr(f))",
    ),
    _c(
        "altair-select",
        "import altair as alt\nimport pandas as pd\n"
        "df = pd.DataFrame({'a': [1, 2], 'b': [3, 4]})\n"
        "c = alt.Chart(df).mark_point().encode(x='a', y='b')\n"
        "e = st.altair_chart(c.add_params(alt.selection_point(), alt.selection_interval()),\n"
        "                    on_select='rerun')\n"
        "st.text(repr(e))\n"
        "layered = alt.layer(c.add_params(alt.selection_point(fields=['a'], name='p')), c)\n"
        "st.text(repr(st.altair_chart(layered, on_select='rerun', selection_mode=['p'])))",
        lambda at: None,  # a rerun: Altair's names for the parameters do not move
    ),
    _c(
        "plotly-select",
        "fig = {'data': [{'type': 'scatter', 'x': [1, 2], 'y': [3, 4]}]}\n"
        "e = st.plotly_chart(fig, key='p', on_select='rerun')\n"
        "st.write(e.selection)\nst.text(repr(st.session_state.p))\n"
        "st.text(type(e).__name__ + ' ' + type(e.selection).__name__)\n"
        "st.text(repr(st.plotly_chart(fig, on_select='rerun', selection_mode='lasso')))",
    ),
    _c(
        "chart-select-errors",
        "spec = {'mark': 'point', 'params': [{'name': 'pick', 'select': 'point'}]}\n"
        "fig = {'data': [{'type': 'bar', 'y': [1]}]}\n"
        + "for code in "
        + repr(
            [
                "st.vega_lite_chart({'mark': 'point'}, on_select='rerun')",
                "st.vega_lite_chart(spec, on_select='rerun', selection_mode='nope')",
                "st.vega_lite_chart(spec, on_select='select')",
                "st.vega_lite_chart(spec, theme='dark')",
                "st.plotly_chart(fig, on_select='rerun', selection_mode='rows')",
                "st.plotly_chart(fig, on_select=None)",
                "st.line_chart([1], on_select='rerun')",
            ]
        )
        + ":\n    try:\n        eval(code)\n    except Exception as e:\n"
        "        # a TypeError names the mixin class: ChartsMixin in stc\n"
        "        st.text(type(e).__name__ + ': ' + str(e).partition('.')[2]\n"
        "                if isinstance(e, TypeError) else str(e))",
    ),
    _c(
        "chart-select-read-only",
        "st.session_state.p = 1\nst.plotly_chart({'data': []}, key='p', on_select='rerun')",
    ),
    # -- alerts and exceptions ---------------------------------------------------------
    _c("alerts", "st.success('ok')\nst.info('fyi')\nst.warning('careful')\nst.error('bad')"),
    _c("exception", "try:\n    1 / 0\nexcept Exception as e:\n    st.exception(e)"),
    _c("uncaught", "st.write('before')\nraise ValueError('boom')"),
    # -- widgets -------------------------------------------------------------------------
    _c(
        "button",
        "if st.button('Go'):\n    st.write('clicked')\nelse:\n    st.write('idle')",
        lambda at: at.button[0].click(),
        lambda at: None,
    ),
    _c(
        "checkbox",
        "v = st.checkbox('Agree')\nst.write(f'v={v}')",
        lambda at: at.checkbox[0].check(),
        lambda at: at.checkbox[0].uncheck(),
    ),
    _c(
        "toggle",
        "v = st.toggle('On', value=True)\nst.write(f'v={v}')",
        lambda at: at.toggle[0].set_value(False),
    ),
    _c(
        "radio",
        "v = st.radio('Pick', ['a', 'b', 'c'], index=1)\nst.write(f'v={v}')",
        lambda at: at.radio[0].set_value("c"),
    ),
    _c(
        "selectbox",
        "v = st.selectbox('Pick', ['x', 'y'])\nst.write(f'v={v}')",
        lambda at: at.selectbox[0].select("y"),
    ),
    _c(
        "selectbox-none",
        "v = st.selectbox('Pick', ['x', 'y'], index=None)\nst.write(f'v={v}')",
        lambda at: at.selectbox[0].select_index(0),
    ),
    _c(
        "multiselect",
        "v = st.multiselect('Many', ['a', 'b', 'c'], default=['a'])\nst.write(f'v={v}')",
        lambda at: at.multiselect[0].select("c"),
        lambda at: at.multiselect[0].unselect("a"),
    ),
    _c(
        "slider-int",
        "v = st.slider('Level', 0, 10, 3)\nst.write(f'v={v}')",
        lambda at: at.slider[0].set_value(7),
    ),
    _c(
        "slider-range",
        "v = st.slider('Range', 0.0, 1.0, (0.2, 0.8))\nst.write(f'v={v}')",
        lambda at: at.slider[0].set_range(0.1, 0.5),
    ),
    # sliders over dates and times: the value's type, bounds, zone, key and callback
    _c(
        "slider-date",
        "import datetime as dt\n"
        "v = st.slider('Day', dt.date(2024, 1, 1), dt.date(2024, 12, 31), dt.date(2024, 6, 1))\n"
        "st.text(repr(v))\nst.text(repr(st.slider('Around', value=dt.date(2024, 3, 10))))",
        lambda at: at.slider[0].set_value(datetime.date(2024, 7, 4)),
        lambda at: at.slider[1].set_value(datetime.date(2024, 3, 20)),
    ),
    _c(
        "slider-datetime-range",
        "import datetime as dt\ntz = dt.timezone(dt.timedelta(hours=9))\n"
        "v = st.slider('When', value=(dt.datetime(2024, 3, 5, tzinfo=tz),\n"
        "    dt.datetime(2024, 3, 1, 12, tzinfo=tz)), step=dt.timedelta(hours=6),\n"
        "    format='MMM D HH:mm')\n"
        "st.text(repr(v))",
        lambda at: at.slider[0].set_range(
            datetime.datetime(
                2024, 2, 25, 6, tzinfo=datetime.timezone(datetime.timedelta(hours=9))
            ),
            datetime.datetime(2024, 3, 2, tzinfo=datetime.timezone(datetime.timedelta(hours=9))),
        ),
    ),
    _c(
        "slider-time",
        "import datetime as dt\n"
        "def changed():\n    st.session_state.log = repr(st.session_state.alarm)\n"
        "v = st.slider('Alarm', value=dt.time(8, 30), key='alarm', on_change=changed)\n"
        "r = st.slider('Hours', value=(dt.time(9), dt.time(17)), format='h:mm A')\n"
        "st.text(repr((v, r, st.session_state.get('log'))))",
        lambda at: at.slider[0].set_value(datetime.time(10, 15)),
        lambda at: at.slider[1].set_range(datetime.time(8), datetime.time(12, 45)),
        lambda at: None,
    ),
    _c(
        "slider-date-state",
        "import datetime as dt\nif 'd' not in st.session_state:\n"
        "    st.session_state.d = (dt.date(2024, 1, 3), dt.date(2024, 1, 9))\n"
        "st.text(repr(st.slider('Span', dt.date(2024, 1, 1), dt.date(2024, 2, 1), key='d')))",
        lambda at: at.slider[0].set_range(datetime.date(2024, 1, 10), datetime.date(2024, 1, 20)),
    ),
    _c(
        "slider-state-out-of-bounds",
        "import datetime as dt\n"
        "def jump():\n    st.session_state.level = 50\n"
        "def fine():\n    st.session_state.day = dt.date(2024, 1, 20)\n"
        "st.text(repr(st.slider('Day', dt.date(2024, 1, 1), dt.date(2024, 2, 1), key='day')))\n"
        "st.button('Fine', on_click=fine)\n"
        "st.slider('Level', 0, 10, key='level')\nst.button('Jump', on_click=jump)",
        lambda at: at.button[0].click(),
        lambda at: at.button[1].click(),
    ),
    _c(
        "slider-date-errors",
        "import datetime as dt\nfrom streamlit.errors import StreamlitAPIException\n"
        "d, t = dt.date(2024, 1, 1), dt.time(1)\n"
        "for kw in [dict(min_value=d, max_value=d), dict(min_value=t, max_value=t),\n"
        "           dict(value=d, step=1), dict(value=d, step=dt.timedelta(0)),\n"
        "           dict(value=(d, t)), dict(value=(d, d, d)), dict(value='x'),\n"
        "           dict(min_value=dt.date(1, 1, 1), max_value=d)]:\n"
        "    try:\n        st.slider('s', **kw)\n"
        "    except StreamlitAPIException as e:\n        st.text(str(e))",
    ),
    # NumPy and pandas values as options, defaults and numbers
    _c(
        "pills-numpy-default",
        "import numpy as np\n"
        "p = st.pills('Tags', ['a', 'b', 'c'], selection_mode='multi',\n"
        "             default=np.array(['a', 'c']))\n"
        "s = st.segmented_control('Size', np.array([1, 2, 3]), default=np.int64(2))\n"
        "st.text(repr((p, s, type(s).__name__)))",
        lambda at: _first(at, "button_group", "pills").set_value(["b"]),
    ),
    _c(
        "multiselect-numpy",
        "import numpy as np\nimport pandas as pd\n"
        "m = st.multiselect('Ids', np.array([1, 2, 3]), default=np.array([3, 1]))\n"
        "n = st.multiselect('Names', pd.Series(['x', 'y']), default=pd.Index(['y']))\n"
        "st.text(repr((m, [type(x).__name__ for x in m], n)))",
        lambda at: at.multiselect[0].select(2),
    ),
    _c(
        "numpy-numbers",
        "import numpy as np\n"
        "a = st.slider('A', np.int64(0), np.int64(10), np.int64(4))\n"
        "b = st.select_slider('B', np.array([1, 2, 3]), value=(np.int64(3), np.int64(1)))\n"
        "c = st.number_input('C', value=np.int32(5))\n"
        "st.text(repr((a, b, c, type(a).__name__, type(c).__name__)))",
        lambda at: at.slider[0].set_value(7),
    ),
    # A dialog is a block of the event container, its body a fragment's container.
    _c(
        "dialog-in-event-container",
        "@st.dialog('Vote', width='large')\ndef vote(item):\n    st.write(f'Voting for {item}')\n"
        "    st.text_input('Because', key='reason')\n"
        "if st.button('Open'):\n    vote('A')\nst.write('after')",
        lambda at: at.button[0].click(),
        lambda at: at.text_input("reason").input("why not"),
    ),
    # Keyboard shortcuts add nothing to the tree.
    _c(
        "button-shortcut",
        "if st.button('Go', shortcut='Ctrl+K', key='go', icon=':material/add:', type='primary'):\n"
        "    st.write('went')\nst.download_button('D', b'x', shortcut='d')\n"
        "with st.form('f'):\n    st.text_input('T')\n"
        "    sent = st.form_submit_button('Send', shortcut='Enter')\nst.write(sent)",
        lambda at: at.button("go").click(),
        lambda at: at.button[1].click(),
    ),
    _c(
        "text-input",
        "v = st.text_input('Name', 'Ann')\nst.write(f'hello {v}')",
        lambda at: at.text_input[0].input("Bob"),
    ),
    _c(
        "text-area",
        "v = st.text_area('Notes')\nst.write(f'len={len(v)}')",
        lambda at: at.text_area[0].input("abc"),
    ),
    _c(
        "number-input",
        "v = st.number_input('N', 0, 10, 5)\nst.write(f'v={v}')",
        lambda at: at.number_input[0].increment(),
        lambda at: at.number_input[0].set_value(0),
    ),
    _c(
        "number-float",
        "v = st.number_input('X', value=1.5, step=0.5)\nst.write(f'v={v}')",
        lambda at: at.number_input[0].decrement(),
    ),
    _c(
        "file-uploader",
        "f = st.file_uploader('F')\nfs = st.file_uploader('Fs', accept_multiple_files=True)\n"
        "st.write(f and (f.name, f.type, f.size, f.getvalue().decode()))\n"
        "st.write([(x.name, x.getvalue().decode()) for x in fs])",
        lambda at: at.file_uploader[0].upload("a.txt", b"abc", "text/plain"),
        lambda at: at.file_uploader[1].set_value([("b.csv", b"1", "text/csv"), ("c", b"2", "x/y")]),
        lambda at: at.file_uploader[0].clear(),
    ),
    # -- forms -----------------------------------------------------------------------
    _c(
        "form",
        "with st.form('f'):\n    n = st.text_input('Name')\n"
        "    go = st.form_submit_button('Send')\n"
        "st.write(f'{go} {n}')",
        lambda at: at.text_input[0].input("Zed") and at.button[0].click(),
    ),
    _c(
        "form-clear",
        "with st.form('f', clear_on_submit=True):\n    v = st.slider('S', 0, 5, 1)\n"
        "    st.form_submit_button()\nst.write(f'v={v}')",
        lambda at: at.slider[0].set_value(4) and at.button[0].click(),
    ),
    # -- layout ------------------------------------------------------------------------
    _c("columns", "a, b = st.columns(2)\na.write('left')\nb.write('right')"),
    _c("columns-with", "cols = st.columns([1, 2, 1])\nwith cols[1]:\n    st.write('mid')"),
    _c(
        "tabs",
        "t1, t2 = st.tabs(['One', 'Two'])\nt1.write('first')\nwith t2:\n    st.write('second')",
    ),
    _c("expander", "with st.expander('More'):\n    st.write('hidden')\nst.write('after')"),
    # Tabs and expanders that track their open state (on_change): only the open tab's
    # code runs. Streamlit's AppTest cannot click a tab: the switch is made through
    # st.session_state, which the page's switch also writes.
    _c(
        "tabs-open",
        "ran = []\ncat, dog = st.tabs(['Cat', 'Dog'], on_change='rerun', key='animal')\n"
        "if cat.open:\n    ran.append('cat')\n    cat.write('cat body')\n"
        "if dog.open:\n    ran.append('dog')\n    dog.write('dog body')\n"
        "st.write(ran, cat.open, dog.open, st.session_state.animal)",
        lambda at: at.session_state.__setitem__("animal", "Dog"),
        lambda at: None,  # a rerun keeps the open tab
        lambda at: at.session_state.__setitem__("animal", "Bird"),  # not a tab: the default
    ),
    _c(
        "tabs-default",
        "a, b, c = st.tabs(['A', 'B', 'C'], default='C')\nst.write(a.open, c.open)\n"
        "x, y = st.tabs(['X', 'Y'], default='Y', on_change=lambda: None, key='xy')\n"
        "if y.open:\n    y.write('y body')\nst.write(x.open, y.open, st.session_state.xy)",
        lambda at: at.session_state.__setitem__("xy", "X"),
    ),
    _c(
        "expander-open",
        "def toggled():\n    st.session_state.n = st.session_state.get('n', 0) + 1\n"
        "more = st.expander('More', on_change=toggled, key='more')\n"
        "if more.open:\n    more.write('expensive')\n"
        "plain = st.expander('Plain', expanded=True)\n"
        "st.write(more.open, plain.open, st.session_state.more)",
        lambda at: at.session_state.__setitem__("more", True),
        lambda at: None,
    ),
    _c("sidebar", "st.sidebar.title('Side')\nst.sidebar.button('Side button')\nst.write('main')"),
    _c("sidebar-with", "with st.sidebar:\n    v = st.checkbox('x')\nst.write(f'v={v}')"),
    _c("empty", "slot = st.empty()\nslot.write('first')\nslot.write('second')"),
    _c("empty-clear", "slot = st.empty()\nslot.write('gone')\nslot.empty()\nst.write('end')"),
    # st.empty is an element that what is written into it replaces: the tree holds the
    # placeholder or what took its place, never a block around it.
    _c(
        "empty-slots",
        "st.empty()\nph = st.empty()\nwith ph:\n    st.write('one')\n    st.write('two')\n"
        "box = st.empty().container()\nbox.write('in box')\nbox.write('box too')\n"
        "left, right = st.empty().columns(2)\nleft.write('left')\n"
        "inner = st.empty()\ninner.empty().text('nested')\nst.write('end')",
    ),
    _c(
        "empty-filled-on-click",
        "ph = st.empty()\nif st.button('Fill'):\n    ph.success('filled')\n"
        "with st.sidebar:\n    side = st.empty()\n    side.write('side')\n    side.empty()\n"
        "st.skeleton()\nst.skeleton(height=40).write('loaded')",
        lambda at: at.button[0].click(),
        lambda at: None,
    ),
    # st.spinner is transient: once its block is over it leaves nothing in the tree, also
    # the one a cached function shows while it computes.
    _c(
        "spinner-transient",
        "with st.spinner('wait'):\n    st.write('inside')\nst.write('after')\n"
        "a, b = st.columns(2)\nwith b:\n    with st.spinner('col', show_time=True):\n"
        "        pass\n    st.write('in b')\n"
        "@st.cache_data(show_spinner='Computing')\ndef slow_for_diff(x):\n    return x * 2\n"
        "st.write(slow_for_diff(21))\n"
        "ph = st.empty()\nwith ph:\n    with st.spinner('in a placeholder'):\n        pass\n"
        "kept = st.empty()\nkept.write('kept')\nwith kept:\n    with st.spinner('again'):\n"
        "        pass\nst.button('Again')",
        lambda at: at.button[0].click(),
    ),
    _c("container", "c = st.container()\nst.write('outside')\nc.write('inside')"),
    _c(
        "columns-nested",
        "a, b = st.columns(2)\nwith a:\n    x, y = st.columns([1, 2])\n    with x:\n"
        "        p, q = st.columns(2, gap='large')\n        p.write('deep')\n"
        "        q.button('Deep button')\n    y.write('y')\nb.write('b')\n"
        "with st.sidebar:\n    s1, s2 = st.columns(2)\n    with s1:\n"
        "        t1, t2 = st.columns(2)\n        t2.write('side deep')\n"
        "with st.expander('E', expanded=True):\n    u, v = st.columns(2, border=True)\n"
        "    v.write('in expander')",
        lambda at: at.button[0].click(),
    ),
    # The menu of st.navigation and st.logo are no elements: Streamlit sends them in
    # page-level messages its AppTest does not show.
    _c(
        "navigation-menu-and-logo",
        "def one():\n    st.write('page one')\n    if st.button('Go two'):\n"
        "        st.switch_page(two_page)\n"
        "def two():\n    st.write('page two')\n"
        "one_page = st.Page(one, title='One')\ntwo_page = st.Page(two, title='Two', icon='🔥')\n"
        "st.logo('https://example.com/logo.png', link='https://example.com')\n"
        "pg = st.navigation({'Main': [one_page], 'More': [two_page]})\n"
        "st.sidebar.write('side text')\npg.run()",
        lambda at: at.button[0].click(),
        lambda at: None,
    ),
    _c(
        "navigation-top",
        "def one():\n    st.write('page one')\ndef two():\n    st.write('page two')\n"
        "st.navigation([st.Page(one, title='One'), st.Page(two, title='Two')],\n"
        "              position='top').run()\nst.write('after')",
    ),
    # st.toast goes into Streamlit's event container (the root's third block) from the
    # module-level st, whatever `with` block is open; a container's own .toast stays.
    _c(
        "toast-event-container",
        "st.write('a')\nst.toast('hi', icon='🎉')\nst.balloons()\n"
        "with st.sidebar:\n    st.toast('from the sidebar block')\n    st.sidebar.toast('side')\n"
        "c = st.container()\nc.toast('in container')\nwith c:\n    st.toast('with c')\n"
        "@st.fragment\ndef part():\n    st.toast('from a fragment')\n    st.write('in part')\n"
        "part()\nst.button('Again')",
        lambda at: at.button[0].click(),
    ),
    # -- state, callbacks, execution ---------------------------------------------------------
    _c(
        "session-state",
        "st.session_state.setdefault('n', 0)\nif st.button('Inc'):\n"
        "    st.session_state.n += 1\nst.write(f'n={st.session_state.n}')",
        lambda at: at.button[0].click(),
        lambda at: at.button[0].click(),
    ),
    _c(
        "widget-key",
        "st.text_input('Name', key='name')\nst.write(f\"name={st.session_state.name}\")",
        lambda at: at.text_input("name").input("Kim"),
    ),
    _c(
        "callback",
        "def bump(by):\n    st.session_state.total = st.session_state.get('total', 0) + by\n"
        "st.button('Add', on_click=bump, args=(2,))\n"
        "st.write(f\"total={st.session_state.get('total', 0)}\")",
        lambda at: at.button[0].click(),
    ),
    _c(
        "on-change",
        "def changed():\n    st.session_state.log = st.session_state.get('log', 0) + 1\n"
        "st.checkbox('c', on_change=changed)\nst.write(f\"log={st.session_state.get('log', 0)}\")",
        lambda at: at.checkbox[0].check(),
    ),
    _c("stop", "st.write('one')\nst.stop()\nst.write('two')"),
    _c(
        "rerun",
        "st.session_state.setdefault('runs', 0)\nst.session_state.runs += 1\n"
        "if st.session_state.runs < 3:\n    st.rerun()\nst.write(f'runs={st.session_state.runs}')",
    ),
    _c(
        "cache-data",
        "calls = []\n@st.cache_data\ndef square_for_diff(x):\n"
        "    calls.append(x)\n    return x * x\n"
        "st.write(square_for_diff(4))\nst.write(square_for_diff(4))",
    ),
    _c(
        # a DataFrame argument: a changed frame computes, the same frame again hits
        "cache-data-dataframe",
        "import pandas as pd\n"
        "if 'computed' not in st.session_state:\n"
        "    st.cache_data.clear()\n    st.session_state.computed = 0\n"
        "@st.cache_data\ndef totals_for_diff(df):\n"
        "    st.session_state.computed += 1\n"
        "    return df.groupby('team', as_index=False)['points'].sum()\n"
        "least = st.slider('least points', 0, 10, 0)\n"
        "frame = pd.DataFrame({'team': ['a', 'b', 'a', 'c'], 'points': [3, 5, 7, 2]})\n"
        "st.dataframe(totals_for_diff(frame[frame.points >= least]))\n"
        "st.write(f'computed={st.session_state.computed}')",
        lambda at: at.slider[0].set_value(4),
        lambda at: at.slider[0].set_value(0),
        lambda at: at.slider[0].set_value(4),
    ),
    _c(
        "cache-data-unhashable",
        "import threading\n@st.cache_data\ndef locked_for_diff(lock, n):\n    return n\n"
        "st.write('before')\nlocked_for_diff(threading.Lock(), 1)",
    ),
    _c(
        "cache-data-hash-funcs-error",
        "class Point:\n    def __repr__(self):\n        return 'a point'\n"
        "def broken(point):\n    raise ValueError('no hash for points')\n"
        "@st.cache_data(hash_funcs={Point: broken})\ndef area_for_diff(shape):\n    return 1\n"
        "st.write(area_for_diff([1, Point()]))",
    ),
    _c(
        "cache-resource",
        "@st.cache_resource\ndef thing_for_diff():\n    return {'n': 1}\n"
        "st.write(thing_for_diff() is thing_for_diff())",
    ),
    _c(
        "query-params",
        "st.query_params['page'] = '2'\nst.write(f\"page={st.query_params.get('page')}\")",
    ),
    # bind="query-params": a widget drawn for the first time takes its value from the
    # URL (Streamlit's AppTest sends its query_params with the run that draws it).
    _c(
        "bind-query-params-seed",
        "import datetime\nif st.query_params.get('go'):\n"
        "    a = st.checkbox('c', key='c', bind='query-params')\n"
        "    s = st.slider('s', 0, 10, 3, key='s', bind='query-params')\n"
        "    r = st.slider('r', 0.0, 10.0, (2.0, 5.0), key='r', bind='query-params')\n"
        "    m = st.multiselect('m', ['x', 'y', 'z'], key='m', bind='query-params')\n"
        "    o = st.radio('o', ['x', 'y', 'z'], key='o', bind='query-params')\n"
        "    b = st.selectbox('b', ['x', 'y'], index=None, key='b', bind='query-params')\n"
        "    t = st.text_input('t', key='t', bind='query-params')\n"
        "    n = st.number_input('n', 0, 10, 3, key='n', bind='query-params')\n"
        "    d = st.date_input('d', datetime.date(2024, 1, 1), key='d', bind='query-params')\n"
        "    p = st.pills('p', ['x', 'y'], key='p', bind='query-params')\n"
        "    st.write(repr((a, s, r, m, o, b, t, n, d, p)))\n"
        "    st.write(repr(sorted(st.query_params.to_dict().items())))",
        lambda at: at.query_params.update(
            go="1",
            c="True",
            s="7",
            r=["1.5", "9"],
            m=["y", "q", "x"],
            o="z",
            b="w",
            t="hi",
            n="12",
            d="2024/02/03",
            p="y",
        ),
    ),
    _c(
        "bind-query-params-remount",
        "if st.toggle('Show', True):\n"
        "    st.slider('Zoom', 1, 10, 3, key='zoom', bind='query-params')\n"
        "    st.slider('Plain', 1, 10, 3, key='plain')\n"
        "st.write(repr(dict(sorted(st.session_state.to_dict().items()))))",
        lambda at: (at.slider[0].set_value(8), at.slider[1].set_value(8)),
        lambda at: at.toggle[0].set_value(False),
        lambda at: at.toggle[0].set_value(True),
    ),
    _c(
        "bind-query-params-errors",
        "for call in (lambda: st.checkbox('a', bind='query-params'),\n"
        "             lambda: st.slider('b', key='b', bind='url'),\n"
        "             lambda: st.toggle('c', key='embed', bind='query-params')):\n"
        "    try:\n        call()\n    except Exception as e:\n        st.write(str(e))\n"
        "st.checkbox('d', key='d', bind='query-params')\n"
        "for change in (lambda: st.query_params.update(d='1'), st.query_params.clear):\n"
        "    try:\n        change()\n    except Exception as e:\n        st.write(str(e))",
    ),
    _c(
        "progress-spinner",
        "st.progress(40, text='Loading')\nwith st.spinner('wait'):\n    st.write('done')",
    ),
    # Charts and dataframes with on_select are widgets in stc: the same one node each.
    _c(
        "selection-charts",
        "import altair as alt\nimport pandas as pd\nimport plotly.express as px\n"
        "df = pd.DataFrame({'a': [1, 2], 'b': [3, 4]})\n"
        "pt = alt.selection_point(name='pt')\n"
        "chart = alt.Chart(df).mark_point().encode(x='a', y='b').add_params(pt)\n"
        "left, right = st.columns(2)\nwith left:\n"
        "    st.write(st.altair_chart(chart, on_select='rerun', key='alt'))\n"
        "    st.write(st.vega_lite_chart(df, {'mark': 'point', 'encoding': {'x': {'field': 'a'}},"
        " 'params': [{'name': 'p', 'select': 'point'}]}, on_select=lambda: None))\n"
        "with right:\n"
        "    st.write(st.plotly_chart(px.scatter(df, x='a', y='b'), on_select='rerun',\n"
        "                             selection_mode=('points', 'box'), key='pl'))\n"
        "with st.sidebar:\n"
        "    st.write(st.dataframe(df, on_select='rerun', selection_mode='multi-row'))\n"
        "st.write(st.session_state.alt, st.session_state.pl)\nst.button('Again')",
        lambda at: at.button[0].click(),
    ),
    # st.data_editor: Streamlit's AppTest shows a 'dataframe' whose value is the table the
    # app passed; the edits (set through session state) are the widget's value.
    _c(
        "data-editor-as-dataframe",
        "import pandas as pd\n"
        "d1 = st.data_editor(pd.DataFrame({'a': [1, 2], 'b': ['x', 'y']}), key='ed',\n"
        "                    num_rows='dynamic')\nst.write(d1)\n"
        "d2 = st.data_editor({'n': [1.5, 2.5], 'ok': [True, False]}, hide_index=True)\n"
        "st.write(d2)\n"
        "d3 = st.data_editor([{'k': 'a', 'v': 1}], column_config={'v': st.column_config"
        ".NumberColumn('Vee')})\nst.write(d3)\n"
        "st.write(st.session_state.ed)",
        lambda at: at.session_state.__setitem__(
            "ed",
            {"edited_rows": {0: {"a": 9}}, "added_rows": [{"a": 3, "b": "z"}], "deleted_rows": [1]},
        ),
        lambda at: None,
    ),
    # Components v2: Streamlit's AppTest cannot click inside one, but sets its state
    # through session state, whole or one name at a time (the write-through view).
    _c(
        "components-v2-state",
        "c = st.components.v2.component('counter', html='<button>+</button>', "
        "js='export default function(c) {}')\n"
        "r = c(key='k', data={'label': 'x'}, default={'count': 0}, "
        "on_count_change=lambda: None, on_clicked_change=lambda: None)\n"
        "st.write('count', r.count, 'clicked', r.clicked)\nst.write(r)\n"
        "st.write(dict(st.session_state))\nst.write(c(data=[1, 2], width='content'))",
        lambda at: at.session_state.__setitem__("k", {"count": 5}),
        lambda at: at.session_state["k"].__setitem__("count", 9),
    ),
]

_ST_PAGES = (
    "a page of the st_pages site: `from st_pages import add_page_title` fails in the reference "
    "environment, which lacks st-pages; stc ships a shim of it"
)

# Differences between real Streamlit and stc that are accepted, by case id, with why.
KNOWN_DIFFERENCES: dict[str, str] = {
    "write-memory-address": "st.help's value of an object without a readable repr: "
    "Streamlit's is its class's signature (`__main__.Plain()`), stc's the repr; both help_info",
    "write-delta-generator": "st.help's value is the DeltaGenerator's repr, which names "
    "Streamlit's internals (cursor, parent); both help_info",
    "form-clear": "Streamlit's AppTest keeps the submitted value in a clear_on_submit form "
    "(its frontend does the clearing); stc's AppTest shows the cleared value, as the page",
    "site:state": "timestamps differ between runs; Streamlit's AppTest mocks st.context "
    "cookies with a MagicMock, stc reads none",
    "site:st_pages": "imports st_pages, which stc ships (runtime_wasm/st_pages) and the "
    "test environment's real Streamlit does not have",
    "page:st_pages/tools/numbers.py": _ST_PAGES,
    "page:st_pages/tools/words.py": _ST_PAGES,
    "page:gallery/layout.py": "Streamlit's AppTest has no popover node: a generic block without "
    "a label; stc's popover block carries its label 'Settings'",
    "page:gallery/media.py": "Streamlit's AppTest gives st.image a /mock/media/ URL as value, "
    "stc's none (the bytes go to the page's blob store); Streamlit's st.pdf raises without "
    "the streamlit[pdf] extra, which the reference environment does not install",
    "page:gallery/navigation_state.py": "len(st.secrets) raises in Streamlit without a "
    "secrets.toml; in stc st.secrets is empty (a static site never ships secrets)",
}
