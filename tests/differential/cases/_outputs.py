"""Cases of elements that show something: text, data, diagrams, charts' selection state, alerts."""

from __future__ import annotations

from ._case import Case, _c

__all__ = ["OUTPUTS"]

OUTPUTS: list[Case] = [
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
]
