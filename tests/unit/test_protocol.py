"""The page/worker protocol is declared once per side, runtime_wasm/_protocol.py and
runtime_wasm/js/protocol.mjs; this test fails when the two drift: the version, the
busy signal, the message tags and every message's fields, the boot stages, and the
fields (required or optional) of each shared structure. It also holds the compiler
to the declaration: every page config it writes is a PageConfig.
"""

from __future__ import annotations

import json
import re
import typing
from pathlib import Path
from typing import Any, get_args

import pytest

from runtime_wasm import _protocol as protocol

JS = (Path(protocol.__file__).parent / "js" / "protocol.mjs").read_text(encoding="utf-8")
STRUCTURES = ["PageConfig", "BootConfig", "DataConfig", "HttpConfig", "FileDigest",
              "ClientSnapshot", "Node"]  # fmt: skip


def _js_constant(name: str) -> str:
    found = re.search(rf"export const {name} = (.+?);", JS)
    assert found, name
    return found.group(1)


def _js_frozen(name: str) -> dict[str, str]:
    found = re.search(rf"export const {name} = Object\.freeze\(\{{(.*?)\}}\);", JS, re.S)
    assert found, name
    return dict(re.findall(r'(\w+): "([^"]+)"', found.group(1)))


def _js_typedef_properties(name: str) -> dict[str, bool]:
    """``@property`` names of the ``@typedef {object} name`` block: name → required."""
    block = re.search(rf"@typedef \{{object\}} {name}\n(.*?)\*/", JS, re.S)
    assert block, name
    found = re.findall(r"@property \{[^}]*\} (\[?)(\w+)\]?", block.group(1))
    return {prop: not optional for optional, prop in found}


def _js_messages() -> dict[str, dict[str, bool]]:
    """Each ``@typedef {{type: "x", …}} XMessage``: its tag → fields → required."""
    messages = {}
    for body, _name in re.findall(r"@typedef \{\{(type: \"\w+\".*?)\}\} (\w+Message)", JS):
        fields = dict(re.findall(r"(\w+)(\??): ", body))
        tag = re.match(r'type: "(\w+)"', body)
        assert tag
        messages[tag.group(1)] = {k: not v for k, v in fields.items() if k != "type"}
    return messages


def _py_fields(kind: Any) -> dict[str, bool]:
    """A TypedDict's fields → required (read from the hints: with postponed
    annotations, Python 3.11's ``__required_keys__`` misses ``NotRequired``)."""
    hints = typing.get_type_hints(kind, include_extras=True)
    fields = {}
    for name, hint in hints.items():
        origin = typing.get_origin(hint)
        if origin is typing.NotRequired:
            fields[name] = False
        elif origin is typing.Required:
            fields[name] = True
        else:
            fields[name] = kind.__total__
    fields.pop("type", None)
    return fields


def test_the_constants_are_the_same() -> None:
    assert int(_js_constant("PROTOCOL_VERSION")) == protocol.PROTOCOL_VERSION
    assert int(_js_constant("BUSY_SIGNAL")) == protocol.BUSY_SIGNAL
    assert _js_constant("RUNTIME_ZIP") == f'"{protocol.RUNTIME_ZIP}"'
    assert _js_constant("RELOAD_ZIP") == f'"{protocol.RELOAD_ZIP}"'
    assert _js_constant("DEV_EVENTS") == f'"{protocol.DEV_EVENTS}"'
    assert set(_js_frozen("STAGE").values()) == set(get_args(protocol.Stage))
    assert set(_js_frozen("RUN_STATUS").values()) == set(get_args(protocol.RunStatus))


def test_the_messages_are_the_same() -> None:
    assert set(_js_frozen("MSG").values()) == set(protocol.MESSAGES)
    js = _js_messages()
    assert set(js) == set(protocol.MESSAGES)
    for tag, kind in protocol.MESSAGES.items():
        assert js[tag] == _py_fields(kind), tag


@pytest.mark.parametrize("name", STRUCTURES)
def test_the_structures_are_the_same(name: str) -> None:
    assert _js_typedef_properties(name) == _py_fields(getattr(protocol, name)), name


def test_the_drift_test_sees_a_field_one_side_lacks() -> None:
    """The parsers are not blind: a field added to the JS text is seen."""
    global JS
    saved = JS
    try:
        entry = " * @property {string} entry    the main script"
        JS = JS.replace(entry, " * @property {string} extra\n" + entry, 1)
        assert "extra" in _js_typedef_properties("PageConfig")
        assert _js_typedef_properties("PageConfig") != _py_fields(protocol.PageConfig)
    finally:
        JS = saved


def test_the_compiler_writes_a_page_config(tmp_path: Path) -> None:
    """Every key the build writes into a page is a PageConfig field, with its type's
    shape (multipage, packages, data and integrity included)."""
    from compiler import BuildOptions, NullReporter, build

    app = tmp_path / "app"
    (app / "pages").mkdir(parents=True)
    (app / "app.py").write_text("import streamlit as st\nimport humanize\nst.write(1)\n")
    (app / "pages" / "1_Two.py").write_text("import streamlit as st\nst.write(2)\n")
    (app / "requirements.txt").write_text("humanize==4.13.0\n")
    (app / "pyproject.toml").write_text('[tool.stc]\npublic_secrets = ["token"]\n')
    (app / ".streamlit").mkdir()
    (app / ".streamlit" / "secrets.toml").write_text('token = "public"\n')
    site = tmp_path / "site"
    build(BuildOptions(app=app / "app.py", out_dir=site), NullReporter())
    fields = _py_fields(protocol.PageConfig)
    for page in [site / "index.html", site / "Two" / "index.html"]:
        text = page.read_text(encoding="utf-8")
        found = re.search(r'<script type="application/json" id="stc-config">(.*?)</script>',
                          text, re.S)  # fmt: skip
        assert found, page
        config = json.loads(found.group(1))
        assert set(config) <= set(fields), set(config) - set(fields)
        assert {k for k, required in fields.items() if required} <= set(config)
        assert {"packages", "lock", "data", "pages", "integrity"} <= set(config)
