"""The connections pass: the SQL allowlist, dynamic SQL, params, names, secrets reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.analyse._analyse import analyse
from compiler.analyse._parse import parse
from tests.unit._analysis import analyse_app, findings, write_app

HEAD = 'import streamlit as st\nconn = st.connection("pets_db", type="sql")\n'  # lines 1-2
SECRETS = """\
mapbox_token = "pk.public-value"
api_key = "sk-private-value"

[connections.pets_db]
url = "sqlite:///pets.db"

[connections.snowflake]
account = "acme"

[connections.warehouse]
type = "snowflake"
"""
PYPROJECT = '[tool.stc]\npublic_secrets = ["mapbox_token"]\nproxy_url = "https://db.example"\n'


def _app(tmp_path: Path, source: str, *, secrets: str | None = SECRETS) -> dict[str, str]:
    files = {"app.py": source, "pyproject.toml": PYPROJECT}
    if secrets is not None:
        files[".streamlit/secrets.toml"] = secrets
    return files


def _codes(tmp_path: Path, source: str, **kwargs: str | None) -> list[tuple[str, int]]:
    analysis = analyse_app(tmp_path, _app(tmp_path, source, **kwargs))
    codes = ("STC701", "STC702", "STC703", "STC704", "STC705", "STC706")
    return [(code, line) for code, _, line in findings(analysis, *codes)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # SQL the compiler can read: allowlisted, nothing to say
        pytest.param(HEAD + 'conn.query("select 1")\n', [], id="literal"),
        pytest.param(HEAD + 'conn.query("""\n  select *\n  from pets\n""")\n', [], id="triple"),
        pytest.param(HEAD + 'conn.query("select * " "from pets")\n', [], id="implicit-concat"),
        pytest.param(HEAD + 'conn.query(("select * " + "from pets"))\n', [], id="plus-literals"),
        pytest.param(HEAD + 'Q = "select 1"\nconn.query(Q)\n', [], id="constant"),
        pytest.param(HEAD + 'conn.query(sql="select 1", ttl=60)\n', [], id="keyword"),
        pytest.param(HEAD + 'conn.query(f"select 1")\n', [], id="f-string-without-fields"),
        pytest.param(
            HEAD + 'conn.query("select * from pets where kind = :kind", params={"kind": k})\n',
            [],
            id="params-match",
        ),
        pytest.param(
            HEAD + 'conn.query("select * from t where a = :a", params=values)\n',
            [],
            id="params-variable-unchecked",
        ),
        pytest.param(HEAD + 'conn.query("select x::int from t")\n', [], id="cast-is-no-param"),
        # SQL assembled at run time
        pytest.param(HEAD + 'conn.query(f"select * from {table}")\n', [("STC701", 3)], id="fstr"),
        pytest.param(HEAD + 'conn.query("select %s" % x)\n', [("STC701", 3)], id="percent"),
        pytest.param(HEAD + 'conn.query("select {}".format(x))\n', [("STC701", 3)], id="format"),
        pytest.param(HEAD + 'conn.query("select " + col)\n', [("STC701", 3)], id="plus-value"),
        pytest.param(
            HEAD + 'Q = "select 1"\nif x:\n    Q = "select 2"\nconn.query(Q)\n',
            [("STC701", 6)],
            id="bound-twice",
        ),
        pytest.param(
            HEAD + 'Q = "select 1"\nQ += " where a = 1"\nconn.query(Q)\n',
            [("STC701", 5)],
            id="augmented",
        ),
        pytest.param(
            HEAD + "def run(sql):\n    return conn.query(sql)\n", [("STC701", 4)], id="parameter"
        ),
        pytest.param(HEAD + 'conn.query(" ".join(parts))\n', [("STC701", 3)], id="join"),
        # params= against the placeholders
        pytest.param(
            HEAD + 'conn.query("select * from t where a = :a", params={"b": 1})\n',
            [("STC702", 3)],
            id="params-wrong-key",
        ),
        pytest.param(
            HEAD + 'conn.query("select * from t where a = :a and b = :b", params={"a": 1})\n',
            [("STC702", 3)],
            id="params-missing",
        ),
        pytest.param(
            HEAD + 'conn.query("select * from t where a = :a")\n',
            [("STC702", 3)],
            id="placeholders-without-params",
        ),
        pytest.param(
            HEAD + 'conn.query("select 1", params={"a": 1})\n',
            [("STC702", 3)],
            id="params-without-placeholders",
        ),
        # connection names
        pytest.param(
            'import streamlit as st\nst.connection("pet_db", type="sql")\n',
            [("STC703", 2)],
            id="unknown-name",
        ),
        pytest.param(
            'import streamlit as st\nst.connection(name, type="sql")\n',
            [("STC703", 2)],
            id="name-not-literal",
        ),
        # what cannot be allowlisted
        pytest.param(HEAD + 'conn.session.execute("x")\n', [("STC704", 3)], id="session"),
        pytest.param(HEAD + "conn.engine.dispose()\n", [("STC704", 3)], id="engine"),
        pytest.param(HEAD + "with conn.connect() as c:\n    pass\n", [("STC704", 3)], id="connect"),
        pytest.param(HEAD + "conn.driver\n", [("STC704", 3)], id="driver"),
        pytest.param(
            'import streamlit as st\nsf = st.connection("snowflake")\nsf.cursor()\n',
            [("STC704", 3)],
            id="snowflake-cursor",
        ),
        # snowflake placeholders
        pytest.param(
            'import streamlit as st\nsf = st.connection("warehouse")\n'
            'sf.query("select * from o where id = %(id)s", params={"id": 1})\n',
            [],
            id="snowflake-pyformat",
        ),
        pytest.param(
            'import streamlit as st\nsf = st.connection("snowflake")\n'
            "sf.query(\"select '?' , a from o where id = ? and b = ?\", params=[1, 2])\n",
            [],
            id="snowflake-qmark",
        ),
        pytest.param(
            'import streamlit as st\nsf = st.connection("warehouse")\n'
            'sf.query("select * from o where id = %(id)s", params={"ident": 1})\n',
            [("STC702", 3)],
            id="snowflake-pyformat-mismatch",
        ),
        # the ways a connection reaches query()
        pytest.param(
            'import streamlit as st\nst.connection("pets_db").query(f"select {x}")\n',
            [("STC701", 2)],
            id="direct",
        ),
        pytest.param(
            "import streamlit as st\n@st.cache_resource\ndef db():\n"
            '    return st.connection("pets_db", type="sql")\n'
            'db().query(f"select {x}")\n',
            [("STC701", 5)],
            id="cache-resource",
        ),
        pytest.param(
            "import streamlit as s2\nfrom streamlit import connection as c\n"
            'a = s2.connection("pets_db")\nb = c("pets_db")\n'
            'a.query(f"select {x}")\nb.session\n',
            [("STC701", 5), ("STC704", 6)],
            id="aliases",
        ),
        # must not trigger
        pytest.param(
            'import pandas as pd\ndf = pd.DataFrame()\ndf.query(f"a > {x}")\n', [], id="df-query"
        ),
        pytest.param(
            "class C:\n    session = 1\nconn = C()\nconn.session\nconn.query(f'{x}')\n",
            [],
            id="own-object",
        ),
        pytest.param(
            'import streamlit as st\nc = st.connection("pets_db", type="my.pkg.Conn")\n'
            'c.query(f"{x}")\nc.session\n',
            [],
            id="custom-connection-runs-in-browser",
        ),
        pytest.param(
            HEAD + 'conn = other\nconn.query(f"{x}")\n', [], id="rebound-to-something-else"
        ),
        # st.secrets
        pytest.param('import streamlit as st\nst.secrets["mapbox_token"]\n', [], id="public"),
        pytest.param("import streamlit as st\nst.secrets.mapbox_token\n", [], id="public-attr"),
        pytest.param(
            'import streamlit as st\nst.secrets["api_key"]\n', [("STC705", 2)], id="private"
        ),
        pytest.param(
            'import streamlit as st\nst.secrets.get("api_key")\n', [("STC705", 2)], id="get"
        ),
        pytest.param(
            "import streamlit as st\nst.secrets.api_key\n", [("STC705", 2)], id="private-attr"
        ),
        pytest.param(
            'from streamlit import secrets as s\ns["api_key"]\n', [("STC705", 2)], id="alias"
        ),
        pytest.param(
            'import streamlit as st\nst.secrets["connections"]["pets_db"]["url"]\n',
            [("STC705", 2)],
            id="connections-warning",
        ),
        pytest.param(
            'import streamlit as st\n"api_key" in st.secrets\nst.secrets.to_dict()\n'
            "st.secrets[key]\n",
            [],
            id="secrets-not-read",
        ),
        pytest.param('secrets = {}\nsecrets["api_key"]\n', [], id="own-secrets"),
    ],
)
def test_connection_rules(tmp_path: Path, source: str, expected: list[tuple[str, int]]) -> None:
    assert _codes(tmp_path, source) == expected


def test_severities(tmp_path: Path) -> None:
    source = (
        'import streamlit as st\nst.connection("pets_db")\nst.secrets["connections"]\n'
        'st.secrets["api_key"]\n'
    )
    analysis = analyse_app(tmp_path, _app(tmp_path, source, secrets=None))
    found = [(d.code, d.severity) for d in analysis.diagnostics if d.code.startswith("STC70")]
    assert found == [
        ("STC705", "error"),  # a private key
        ("STC703", "warning"),  # no secrets.toml: cannot tell
        ("STC705", "warning"),  # the proxy's part
        ("STC707", "info"),  # pandas
    ]


def test_unknown_connection_names_the_known_ones(tmp_path: Path) -> None:
    source = 'import streamlit as st\nst.connection("pet_db", type="sql")\n'
    analysis = analyse_app(tmp_path, _app(tmp_path, source))
    (unknown,) = [d for d in analysis.diagnostics if d.code == "STC703"]
    assert unknown.severity == "error"
    assert "'pets_db', 'snowflake', 'warehouse'" in unknown.message


def test_the_allowlist(tmp_path: Path) -> None:
    source = (
        HEAD
        + 'KINDS = "select distinct kind from pets"\n'
        + 'kind = st.selectbox("kind", conn.query(KINDS)["kind"])\n'
        + 'conn.query(\n    "select * from pets"\n    " where kind = :kind",\n'
        + '    params={"kind": kind},\n)\n'
        + 'conn.query("  select distinct kind from pets  ")\n'  # the same statement
        + 'st.connection("warehouse").query("select 1 where a = %(a)s", params={"a": 1})\n'
    )
    analysis = analyse_app(tmp_path, _app(tmp_path, source))
    assert not analysis.errors
    got = [(q.sql, q.connection, q.params, q.where) for q in analysis.queries]
    assert got == [
        ("select distinct kind from pets", "pets_db", (), "app.py:4:29"),
        ("select * from pets where kind = :kind", "pets_db", ("kind",), "app.py:5:1"),
        ("select 1 where a = %(a)s", "warehouse", ("a",), "app.py:11:1"),
    ]
    assert [(c.name, c.kind) for c in analysis.connections] == [
        ("pets_db", "sql"),
        ("warehouse", "snowflake"),
    ]
    assert analysis.proxy_url == "https://db.example"
    assert analysis.project.public_secrets == {"mapbox_token": "pk.public-value"}
    assert any(i.top == "pandas" for i in analysis.imports)  # query() returns DataFrames


def test_no_connection_no_pandas_no_allowlist(tmp_path: Path) -> None:
    analysis = analyse_app(tmp_path, _app(tmp_path, 'import streamlit as st\nst.write("x")\n'))
    assert not analysis.queries and not analysis.connections
    assert not any(i.top == "pandas" for i in analysis.imports)


def test_diagnostics_never_show_a_secret_value(tmp_path: Path) -> None:
    source = (
        'import streamlit as st\nst.connection("nope")\nst.secrets["api_key"]\n'
        'st.secrets["connections"]\nst.connection("pets_db").session\n'
    )
    analysis = analyse_app(tmp_path, _app(tmp_path, source))
    shown = " ".join(f"{d.message} {d.hint}" for d in analysis.diagnostics)
    for value in ("sk-private-value", "sqlite:///pets.db", "acme", "pk.public-value"):
        assert value not in shown
    broken = analyse_app(
        tmp_path / "broken", _app(tmp_path, "x = 1\n", secrets='password = "hunter2\n')
    )
    (bad,) = [d for d in broken.diagnostics if d.code == "STC710"]
    assert "hunter2" not in f"{bad.message} {bad.hint}" and not bad.quote


def test_pandas_is_added_only_when_the_app_does_not_import_it(tmp_path: Path) -> None:
    source = 'import streamlit as st\nconn = st.connection("pets_db")\nimport pandas as pd\n'
    analysis = analyse_app(tmp_path, _app(tmp_path, source))
    assert [i.file for i in analysis.imports if i.top == "pandas"] == ["app.py"]
    assert not [d for d in analysis.diagnostics if d.code == "STC707"]


def test_a_secrets_file_linked_from_outside_is_never_read(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.toml"
    outside.write_text('[connections.outside]\nurl = "postgresql://u:CANARY-LINKED@h/db"\n')
    app = tmp_path / "app"
    (app / ".streamlit").mkdir(parents=True)
    (app / ".streamlit" / "secrets.toml").symlink_to(outside)
    source = 'import streamlit as st\nst.connection("outside")\n'
    analysis = analyse_app(app, {"app.py": source, "pyproject.toml": PYPROJECT})
    assert not analysis.project.has_secrets and not analysis.project.connections
    (name,) = [d for d in analysis.diagnostics if d.code == "STC703"]
    assert name.severity == "warning"  # as if there were no secrets.toml


def test_one_statement_on_two_connections_is_stc708(tmp_path: Path) -> None:
    app = (
        "import streamlit as st\n"
        "a = st.connection('a', type='sql')\n"
        "b = st.connection('b', type='sql')\n"
        "a.query('select 1')\n"
        "b.query('select 1')\n"
        "b.query('select 1 -- b')\n"
    )
    entry = write_app(tmp_path, {"app.py": app})
    analysis = analyse(parse(entry, tmp_path / "site"), proxy_url="https://p.example")
    (shared,) = [d for d in analysis.diagnostics if d.code == "STC708"]
    assert (shared.span.line, shared.span.col) == (5, 1)
    assert "also sent to connection 'a' (at app.py:4:1)" in shared.message
    assert [q.connection for q in analysis.queries] == ["a", "b"]


SF_HEAD = 'import streamlit as st\nsf = st.connection("snowflake")\n'  # lines 1-2


def test_write_pandas_targets_join_the_allowlist(tmp_path: Path) -> None:
    from runtime_wasm.connections import AllowedWrite, load_writes

    source = SF_HEAD + (
        'sf.write_pandas(df, "PETS")\n'
        'sf.write_pandas(df, "PETS")\n'  # the same target: one entry
        'sf.write_pandas(df, table_name="SALES", schema="PUBLIC", overwrite=True, chunk_size=n)\n'
        'T = "LOG"\nsf.write_pandas(df, T, None, None, 1000, auto_create_table=True)\n'
    )
    analysis = analyse_app(tmp_path, _app(tmp_path, source))
    assert [d for d in analysis.diagnostics if d.code == "STC701"] == []
    assert analysis.writes == (
        AllowedWrite(connection="snowflake", table="PETS", where="app.py:3:1"),
        AllowedWrite(
            connection="snowflake",
            table="SALES",
            schema="PUBLIC",
            options={"overwrite": True},
            where="app.py:5:1",
        ),
        AllowedWrite(
            connection="snowflake",
            table="LOG",
            options={"auto_create_table": True},
            where="app.py:7:1",
        ),
    )
    from runtime_wasm.connections import dump_allowlist

    assert set(load_writes(dump_allowlist(analysis.queries, analysis.writes))) == {
        w.id for w in analysis.writes
    }


@pytest.mark.parametrize(
    ("call", "what"),
    [
        ('sf.write_pandas(df, f"T_{n}")', "table_name"),
        ("sf.write_pandas(df, name)", "table_name"),
        ("sf.write_pandas(df)", "table_name"),
        ('sf.write_pandas(df, "T", schema=s)', "schema"),
        ('sf.write_pandas(df, "T", overwrite=flag)', "option overwrite"),
        ('sf.write_pandas(df, "T", on_conflict="x")', "option on_conflict"),
        ('sf.write_pandas(df, "T", **options)', "**options"),
    ],
)
def test_a_write_target_stc_cannot_read_is_stc701(tmp_path: Path, call: str, what: str) -> None:
    analysis = analyse_app(tmp_path, _app(tmp_path, SF_HEAD + call + "\n"))
    (found,) = [d for d in analysis.diagnostics if d.code == "STC701"]
    assert found.span.line == 3 and f"write_pandas' {what} is not a literal" in found.message
    assert analysis.writes == ()
