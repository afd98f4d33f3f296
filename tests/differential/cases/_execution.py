"""Cases of state, callbacks and execution: session state, query params, reruns,
fragments, caching, components, widgets bound to the URL, progress, selections and
data editors."""

from __future__ import annotations

from ._case import Case, _c

__all__ = ["EXECUTION"]

EXECUTION: list[Case] = [
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
    # Rows added with missing cells: NaN where the column's dtype allows it, labels
    # after the highest one left, dtypes as pandas widens them (Streamlit's .loc).
    _c(
        "data-editor-added-rows",
        "import pandas as pd\n"
        "df = st.data_editor(pd.DataFrame({'a': [1, 2], 'b': ['x', 'y'], 'c': [1.5, 2.5]}),\n"
        "                    key='e', num_rows='dynamic')\n"
        "st.write(repr(df.to_dict('index')))\nst.write(str(df.dtypes.to_dict()))",
        lambda at: at.session_state.__setitem__(
            "e", {"edited_rows": {}, "added_rows": [{"a": 3}], "deleted_rows": []}
        ),
        lambda at: at.session_state.__setitem__(
            "e", {"edited_rows": {}, "added_rows": [{"a": 3}, {"b": "w"}], "deleted_rows": [0]}
        ),
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
