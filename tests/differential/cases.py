"""The differential scripts: small apps, one or more per API area stc implements, each
with the interactions to replay (the same calls work on both ``AppTest`` classes)."""

from __future__ import annotations

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


CASES = [
    # -- text ------------------------------------------------------------------------
    _c("title-headers", "st.title('T')\nst.header('H')\nst.subheader('S')"),
    _c("markdown", "st.markdown('**bold** and _it_')\nst.markdown('  indented\\n  text')"),
    _c("text-caption-code", "st.text('plain')\nst.caption('small')\nst.code('x = 1')"),
    _c("divider", "st.write('a')\nst.divider()\nst.write('b')"),
    _c("write-str-int", "st.write('n =', 3)\nst.write(2.5)\nst.write(True)"),
    _c("write-dict-list", "st.write({'a': 1, 'b': [1, 2]})\nst.write([1, 2, 3])"),
    _c("write-none", "st.write(None)"),
    _c("json", "st.json({'a': 1, 'b': {'c': [1, 2]}})\nst.json('[1, 2]')"),
    _c("metric", "st.metric('Temp', 70, 1.2)\nst.metric('Plain', '5 kg')"),
    _c("metric-none", "st.metric('Nothing', None)"),
    # -- data ------------------------------------------------------------------------
    _c("table-records", "st.table([{'a': 1, 'b': 'x'}, {'a': 2, 'b': 'y'}])"),
    _c("table-columns", "st.table({'a': [1, 2], 'b': [3, 4]})"),
    _c("dataframe-columns", "st.dataframe({'x': [1, 2, 3], 'y': ['a', 'b', 'c']})"),
    _c("dataframe-records", "st.dataframe([{'x': 1}, {'x': 2}])"),
    _c("dataframe-pandas", "import pandas as pd\nst.dataframe(pd.DataFrame({'v': [1.5, 2.0]}))"),
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
    _c("sidebar", "st.sidebar.title('Side')\nst.sidebar.button('Side button')\nst.write('main')"),
    _c("sidebar-with", "with st.sidebar:\n    v = st.checkbox('x')\nst.write(f'v={v}')"),
    _c("empty", "slot = st.empty()\nslot.write('first')\nslot.write('second')"),
    _c("empty-clear", "slot = st.empty()\nslot.write('gone')\nslot.empty()\nst.write('end')"),
    _c("container", "c = st.container()\nst.write('outside')\nc.write('inside')"),
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
        "cache-resource",
        "@st.cache_resource\ndef thing_for_diff():\n    return {'n': 1}\n"
        "st.write(thing_for_diff() is thing_for_diff())",
    ),
    _c(
        "query-params",
        "st.query_params['page'] = '2'\nst.write(f\"page={st.query_params.get('page')}\")",
    ),
    _c(
        "progress-spinner",
        "st.progress(40, text='Loading')\nwith st.spinner('wait'):\n    st.write('done')",
    ),
]

# Differences between real Streamlit and stc that are accepted, by case id, with why.
KNOWN_DIFFERENCES: dict[str, str] = {
    "form-clear": "Streamlit's AppTest keeps the submitted value in a clear_on_submit form "
    "(its frontend does the clearing); stc's AppTest shows the cleared value, as the page",
    "site:state": "timestamps differ between runs; Streamlit's AppTest mocks st.context "
    "cookies with a MagicMock, stc reads none",
    "site:gallery_media": "in progress (text extras/media): latex body without $$ fences, "
    "st.help/st.space/st.image values, popover label, fragment not wrapped in a container",
    "site:st_pages": "imports st_pages, which stc ships (runtime_wasm/st_pages) and the "
    "test environment's real Streamlit does not have",
    "site:gallery_inputs": "in progress (inputs): differences to be resolved when it lands",
    "site:multipage": "in progress (multipage): page_link value None, a navigation element",
    "site:navigation": "in progress (multipage): page_link value None, a navigation element",
    "site:gallery_more": "st.secrets is empty in stc (never shipped) where Streamlit without "
    "a secrets.toml raises; stc names st.grid's block 'grid' (Streamlit's AppTest: "
    "'grid_container'); pagination has no label",
}
