"""STC106: what the runtime refuses, reported at build time where the app reaches it,
in the runtime's words; an error when reached unconditionally, a warning when guarded."""

from __future__ import annotations

from pathlib import Path

import pytest

from runtime_wasm._unsupported import refused
from tests.unit._analysis import analyse_app

ST = "import streamlit as st\n"
AUTH = ST + "import streamlit_authenticator as stauth\nauth = stauth.Authenticate('c.yaml')\n"


def _stc106(tmp_path: Path, source: str) -> list[tuple[str, int, int, str]]:
    analysis = analyse_app(tmp_path, {"app.py": source})
    return [
        (d.severity, d.span.line, d.span.col, d.message)
        for d in analysis.diagnostics
        if d.code == "STC106"
    ]


LOGIN = refused("streamlit.login").message
FORGOT = refused("streamlit_authenticator.Authenticate.forgot_password").message
TWO_FACTOR = refused("streamlit_authenticator.Authenticate.register_user").message
QUERY = refused("streamlit.connections.SQLConnection.query")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # -- st.* commands, through StreamlitVisitor ---------------------------------------
        pytest.param(ST + "st.login()\n", [("error", 2, 1, LOGIN)], id="login"),
        pytest.param(ST + "st.login('google')\n", [("error", 2, 1, LOGIN)], id="login-provider"),
        pytest.param(
            ST + "st.logout()\n",
            [("error", 2, 1, refused("streamlit.logout").message)],
            id="logout",
        ),
        pytest.param(
            ST + "st.button('In', on_click=st.login)\n",
            [("error", 2, 26, LOGIN)],
            id="login-as-callback",
        ),
        pytest.param("import streamlit as s\ns.login()\n", [("error", 2, 1, LOGIN)], id="alias"),
        pytest.param(
            "from streamlit import login as li\nli()\n", [("error", 1, 23, LOGIN)], id="from-import"
        ),
        pytest.param(
            ST + "if not st.user.is_logged_in:\n    st.login()\n",
            [("warning", 3, 5, LOGIN)],
            id="login-under-if",
        ),
        pytest.param(
            ST + "try:\n    st.login()\nexcept Exception:\n    pass\n",
            [("warning", 3, 5, LOGIN)],
            id="login-under-try",
        ),
        pytest.param(
            ST + "def sign_in():\n    st.login()\n",
            [("error", 3, 5, LOGIN)],
            id="in-a-function-still-an-error",
        ),
        # -- qualified names, through RefusalVisitor ---------------------------------------
        pytest.param(
            ST + "st.secrets.merge_programmatic_secrets({'a': 1})\n",
            [("error", 2, 1, refused("streamlit.secrets.merge_programmatic_secrets").message)],
            id="merge-secrets",
        ),
        pytest.param(
            "from streamlit.runtime import get_instance\nget_instance()\n",
            [("error", 2, 1, refused("streamlit.runtime.get_instance").message)],
            id="get-instance",
        ),
        pytest.param(
            "from streamlit.runtime import get_instance as server\nserver()\n",
            [("error", 2, 1, refused("streamlit.runtime.get_instance").message)],
            id="get-instance-aliased",
        ),
        pytest.param(
            "import streamlit.runtime as rt\nif rt.exists():\n    rt.get_instance()\n",
            [("warning", 3, 5, refused("streamlit.runtime.get_instance").message)],
            id="get-instance-guarded",
        ),
        pytest.param(
            "from streamlit.components.v1 import components\ncomponents.register_widget('x')\n",
            [
                (
                    "error",
                    2,
                    1,
                    refused("streamlit.components.v1.components.register_widget").message,
                )
            ],
            id="register-widget",
        ),
        # -- methods of instances ----------------------------------------------------------
        pytest.param(AUTH + "auth.forgot_password()\n", [("error", 4, 1, FORGOT)], id="forgot"),
        pytest.param(
            AUTH + "stauth.Authenticate('c.yaml').forgot_username()\n",
            [
                (
                    "error",
                    4,
                    1,
                    refused("streamlit_authenticator.Authenticate.forgot_username").message,
                )
            ],
            id="forgot-username-on-the-call",
        ),
        pytest.param(
            AUTH + "if st.button('Guest'):\n    auth.experimental_guest_login()\n",
            [
                (
                    "warning",
                    5,
                    5,
                    refused(
                        "streamlit_authenticator.Authenticate.experimental_guest_login"
                    ).message,
                )
            ],
            id="guest-login-guarded",
        ),
        pytest.param(
            AUTH + "auth.register_user(two_factor_auth=True)\n",
            [("error", 4, 1, TWO_FACTOR)],
            id="two-factor",
        ),
        pytest.param(
            ST + "from streamlit_authenticator import Authenticate as A\na = A('c.yaml')\n"
            "a.register_user('main', None, None, None, True, None, False, True, True)\n",
            [("error", 4, 1, TWO_FACTOR)],
            id="two-factor-positional",
        ),
        # -- connections' query() options, through ConnectionVisitor --------------------------
        pytest.param(
            ST + "conn = st.connection('db', type='sql')\n"
            "conn.query('select 1', coerce_float=False, ttl=60, parse_dates=['d'])\n",
            [("error", 3, 24, QUERY.text(["coerce_float"]))],
            id="query-option",
        ),
        pytest.param(
            ST + "st.connection('sf', type='snowflake').query('select 1', dtype_backend='x')\n",
            [("error", 2, 57, QUERY.text(["dtype_backend"]))],
            id="query-option-snowflake",
        ),
        # -- must not trigger ----------------------------------------------------------------
        pytest.param(ST + "st.write(st.user.is_logged_in)\n", [], id="st-user"),
        pytest.param(ST + "st.slider('n', 0, 10, 5)\n", [], id="slider-numbers"),
        pytest.param(
            ST + "import datetime\nst.slider('d', value=datetime.date(2026, 1, 1))\n",
            [],
            id="slider-date",  # date, datetime and time sliders run in stc
        ),
        pytest.param(ST + "st.slider('n', value=(1.0, 2.0))\n", [], id="slider-float-range"),
        pytest.param(
            ST + "import datetime\nst.date_input('d', datetime.date(2026, 1, 1))\n",
            [],
            id="date-input-takes-dates",
        ),
        pytest.param(ST + "st.secrets.to_dict()\n", [], id="secrets-method"),
        pytest.param("from streamlit.runtime import exists\nexists()\n", [], id="runtime-exists"),
        pytest.param(AUTH + "auth.login()\nauth.reset_password('u')\n", [], id="auth-methods"),
        pytest.param(AUTH + "auth.register_user(roles=['viewer'])\n", [], id="register-plain"),
        pytest.param(
            AUTH + "auth.register_user(two_factor_auth=False)\n", [], id="two-factor-false"
        ),
        pytest.param(
            "class Mailer:\n    def forgot_password(self): ...\nMailer().forgot_password()\n",
            [],
            id="same-method-other-class",
        ),
        pytest.param("def login(): ...\nlogin()\n", [], id="a-local-login"),
        pytest.param(
            ST + "conn = st.connection('db', type='sql')\n"
            "conn.query(sql='select 1', params={}, ttl=1, index_col='a', chunksize=2, dtype={})\n",
            [],
            id="query-own-parameters",
        ),
        pytest.param(
            "import pandas as pd\npd.read_sql('select 1', None, coerce_float=False)\n",
            [],
            id="pandas-itself",
        ),
        pytest.param("import other as st\nst.login()\n", [], id="not-streamlit"),
    ],
)
def test_refusals(tmp_path: Path, source: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert _stc106(tmp_path, source) == expected


def test_merge_programmatic_secrets_is_not_a_secret_key(tmp_path: Path) -> None:
    analysis = analyse_app(tmp_path, {"app.py": ST + "st.secrets.merge_programmatic_secrets({})\n"})
    assert [d.code for d in analysis.diagnostics] == ["STC106"]


def test_the_hint_says_what_to_do(tmp_path: Path) -> None:
    analysis = analyse_app(tmp_path, {"app.py": ST + "st.login()\n"})
    (diagnostic,) = analysis.diagnostics
    assert diagnostic.hint is not None
    assert diagnostic.hint.startswith(refused("streamlit.login").hint)
    assert diagnostic.hint.endswith("the page would stop here with this error")
