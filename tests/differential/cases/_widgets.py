"""Cases of widgets and forms."""

from __future__ import annotations

import datetime

from ._case import Case, _c, _first

__all__ = ["WIDGETS"]

WIDGETS: list[Case] = [
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
]
