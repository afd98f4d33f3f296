"""Cases of layout: columns, containers, tabs, expanders, popovers, dialogs, the
sidebar, navigation."""

from __future__ import annotations

from ._case import Case, _c

__all__ = ["LAYOUT"]

LAYOUT: list[Case] = [
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
]
