"""Settings in files (issue 19): ``[tool.stc]`` and ``.streamlit/config.toml`` under the
flags, each key applied, wrong ones said at their line and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compiler import render_diagnostic
from compiler._command_settings import BuildFlags, build_settings, server_settings
from compiler._exceptions import SettingsError
from compiler._settings import read_settings
from compiler._settings_table import ELSEWHERE, SETTINGS
from compiler._toml_keys import find_key, split_dotted
from compiler.cli import main

CDN = "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/"


def _app(root: Path, pyproject: str | None = None, config: str | None = None) -> Path:
    (root / ".streamlit").mkdir(parents=True, exist_ok=True)
    (root / "app.py").write_text("import streamlit as st\nst.write('hi')\n")
    if pyproject is not None:
        (root / "pyproject.toml").write_text(pyproject)
    if config is not None:
        (root / ".streamlit" / "config.toml").write_text(config)
    return root / "app.py"


# --- where a key is -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        pytest.param('[tool.stc]\noutput = "x"\n', ("tool", "stc", "output"), (2, 1, 7, 10),
                     id="plain"),
        pytest.param('[ tool . "stc" ]\n  output="x"\n', ("tool", "stc", "output"), (2, 3, 9, 10),
                     id="spaced-quoted-header"),
        pytest.param('[tool]\nstc.output = "x"\n', ("tool", "stc", "output"), (2, 1, 11, 14),
                     id="dotted-under-tool"),
        pytest.param('tool.stc.port = 1\n', ("tool", "stc", "port"), (1, 1, 14, 17),
                     id="dotted-top-level"),
        pytest.param('[tool.stc]\n"out put" = 1\n', ("tool", "stc", "out put"), (2, 1, 10, 13),
                     id="quoted-key"),
        pytest.param('[tool.stc.login]\nrequired = []\n', ("tool", "stc", "login"), (1, 1, 17, 1),
                     id="sub-table-header"),
        pytest.param('[project]\noutput = "x"\n[tool.stc]\noutput = "y"\n',
                     ("tool", "stc", "output"), (4, 1, 7, 10), id="same-key-other-table"),
        pytest.param('[tool.stc]\nd = """\noutput = 1\n"""\noutput = 2\n',
                     ("tool", "stc", "output"), (5, 1, 7, 10), id="skips-multiline-string"),
    ],
)  # fmt: skip
def test_find_key(text: str, path: tuple[str, ...], expected: tuple[int, int, int, int]) -> None:
    where = find_key(text, path)
    assert where is not None
    assert (where.line, where.col, where.end_col, where.value_col) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("[tool]\nstc = { output = 'x' }\n", id="inline-table"),
        pytest.param("[tool.stcx]\noutput = 1\n", id="other-table"),
        pytest.param("[tool.stc]\n# output = 1\n", id="comment"),
    ],
)
def test_find_key_must_not_find(text: str) -> None:
    assert find_key(text, ("tool", "stc", "output")) is None


def test_split_dotted() -> None:
    assert split_dotted(' tool . "s.tc" ') == ("tool", "s.tc")
    assert split_dotted("a b") is None


# --- each key read and applied ----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "attribute", "expected"),
    [
        ('output = "dist"', "out_dir", "{app}/dist"),
        ('output = "../out"', "out_dir", "{root}/out"),
        (f'pyodide_url = "{CDN}"', "pyodide_url", CDN),
        ("force = true", "force", True),
        ('proxy_url = "https://proxy.example"', "proxy_url", "https://proxy.example"),
        ("bake = true", "bake", True),
        ('secrets_file = "conf/s.toml"', "secrets", "{app}/conf/s.toml"),
        ('include_assets = "all"', "include_assets", "all"),
        ("service_worker = true", "service_worker", True),
        ("snapshot = false", "snapshot", False),
    ],
)  # fmt: skip
def test_each_build_key_is_applied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str, attribute: str, expected: object
) -> None:
    monkeypatch.chdir(tmp_path)
    app = _app(tmp_path / "app", f'[project]\nname = "x"\n\n[tool.stc]\n{line}\n')
    settings = build_settings(app, BuildFlags(), env={})
    value = getattr(settings.options, attribute)
    if isinstance(expected, str) and expected.startswith("{"):
        expected = Path(expected.format(app=tmp_path / "app", root=tmp_path))
    assert value == expected
    [chosen] = settings.chosen
    assert (chosen.key, chosen.source) == (line.split(" ")[0], "app/pyproject.toml:5")


def test_every_row_of_the_table_is_tested() -> None:
    # A row added to SETTINGS must be added to the table above (or the server tests).
    tested = {"output", "pyodide_url", "force", "proxy_url", "bake", "secrets_file",
              "include_assets", "service_worker", "snapshot", "port", "host"}  # fmt: skip
    assert {s.key for s in SETTINGS} == tested
    assert not set(ELSEWHERE) & tested


def test_defaults_without_files(tmp_path: Path) -> None:
    settings = build_settings(_app(tmp_path), BuildFlags(), env={})
    assert settings.chosen == ()
    options = settings.options
    assert (options.out_dir, options.force, options.snapshot, options.include_assets) == (
        Path("site"), False, True, "auto")  # fmt: skip
    assert server_settings(tmp_path, host=None, port=None, default_port=8000)[:2] == (
        "127.0.0.1", 8000)  # fmt: skip


@pytest.mark.parametrize(
    "pyproject",
    [
        pytest.param('[project]\nname = "x"\n', id="no-tool"),
        pytest.param("[tool.ruff]\nline-length = 100\n", id="tool-without-stc"),
        pytest.param("", id="empty"),
    ],
)
def test_pyproject_without_tool_stc(tmp_path: Path, pyproject: str) -> None:
    _app(tmp_path, pyproject)
    assert read_settings(tmp_path).values == {}
    assert read_settings(tmp_path).diagnostics == ()


def test_keys_read_elsewhere_are_known(tmp_path: Path) -> None:
    _app(tmp_path, '[tool.stc]\npublic_secrets = ["k"]\nproxy_hosts = ["a.example"]\n'
                   '[tool.stc.secrets]\nK2 = { hosts = ["a.example"] }\n')  # fmt: skip
    settings = read_settings(tmp_path)
    assert (settings.values, settings.diagnostics) == ({}, ())


# --- precedence ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flag", "pyproject", "config", "expected", "source"),
    [
        (8001, "port = 8002", "[server]\nport = 8003", 8001, "command line"),
        (None, "port = 8002", "[server]\nport = 8003", 8002, "pyproject.toml:2"),
        (None, "", "[server]\nport = 8003", 8003, ".streamlit/config.toml:2"),
        (None, "", "", 8501, None),
    ],
)  # fmt: skip
def test_port_flag_then_pyproject_then_config_then_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    flag: int | None, pyproject: str, config: str, expected: int, source: str | None,
) -> None:  # fmt: skip
    _app(tmp_path, f"[tool.stc]\n{pyproject}\n", config)
    monkeypatch.chdir(tmp_path)
    _, port, chosen = server_settings(tmp_path, host=None, port=flag, default_port=8501)
    assert port == expected
    assert [c.source for c in chosen] == ([source] if source else [])


def test_host_from_streamlit_server_address(tmp_path: Path) -> None:
    _app(tmp_path, config='[server]\naddress = "0.0.0.0"\nheadless = true\n')
    host, port, _ = server_settings(tmp_path, host=None, port=None, default_port=8000)
    assert (host, port) == ("0.0.0.0", 8000)
    assert server_settings(tmp_path, host="::1", port=None, default_port=8000)[0] == "::1"


@pytest.mark.parametrize(
    ("flags", "env", "expected", "source"),
    [
        (BuildFlags(proxy_url="https://flag"), {"STC_PROXY_URL": "https://env"}, "https://flag",
         "command line"),
        (BuildFlags(), {"STC_PROXY_URL": "https://env"}, "https://env", "$STC_PROXY_URL"),
        (BuildFlags(), {}, "https://file", "pyproject.toml:2"),
    ],
)  # fmt: skip
def test_proxy_url_flag_then_environment_then_pyproject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    flags: BuildFlags, env: dict[str, str], expected: str, source: str,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    app = _app(tmp_path, '[tool.stc]\nproxy_url = "https://file"\n')
    settings = build_settings(app, flags, env=env)
    assert settings.options.proxy_url == expected
    assert [c.source for c in settings.chosen] == [source]


def test_flags_win_over_the_file_both_ways(tmp_path: Path) -> None:
    app = _app(tmp_path, '[tool.stc]\nsnapshot = false\nforce = true\noutput = "dist"\n')
    flags = BuildFlags(snapshot=True, force=False, out=Path("elsewhere"))
    options = build_settings(app, flags, env={}).options
    assert (options.snapshot, options.force, options.out_dir) == (True, False, Path("elsewhere"))


def test_a_link_out_of_the_folder_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "outside.toml").write_text('[tool.stc]\noutput = "x"\n')
    app = _app(tmp_path / "app")
    (tmp_path / "app" / "pyproject.toml").symlink_to(tmp_path / "outside.toml")
    assert build_settings(app, BuildFlags(), env={}).chosen == ()


# --- diagnostics --------------------------------------------------------------------


def _rendered(root: Path, pyproject: str | None = None, config: str | None = None) -> list[str]:
    _app(root, pyproject, config)
    return [render_diagnostic(d) for d in read_settings(root).diagnostics]


def test_unknown_key_at_its_line_with_a_guess(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    [shown] = _rendered(tmp_path, '[project]\nname = "x"\n\n[tool.stc]\n  ouput = "dist"\n')
    assert shown.splitlines()[:3] == [
        "pyproject.toml:5:3: error[STC306]: unknown [tool.stc] key 'ouput' (did you mean "
        "'output'?)",
        '      ouput = "dist"',
        "      ^^^^^",
    ]
    assert "output, port" in shown


def test_unknown_key_without_a_guess(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    [shown] = _rendered(tmp_path, "[tool.stc]\nzzz = 1\n")
    assert shown.startswith("pyproject.toml:2:1: error[STC306]: unknown [tool.stc] key 'zzz'\n")


@pytest.mark.parametrize(
    ("line", "header"),
    [
        ("snapshot = \"no\"", "2:12: error[STC307]: [tool.stc] snapshot must be true or false, "
         "not a string ('no')"),
        ("port = 70000", "2:8: error[STC307]: [tool.stc] port must be a port number (an integer "
         "from 0 to 65535), not an integer (70000)"),
        ("port = true", "2:8: error[STC307]: [tool.stc] port must be a port number"),
        ("include_assets = \"some\"", "2:18: error[STC307]: [tool.stc] include_assets must be "
         "one of 'auto', 'all', not a string ('some')"),
        ("output = 3", "2:10: error[STC307]: [tool.stc] output must be a path (a string, "
         "relative to the file's folder), not an integer (3)"),
        ("output = \"  \"", "2:10: error[STC307]: [tool.stc] output must be a path"),
        ("proxy_url = [\"a\"]", "2:13: error[STC307]: [tool.stc] proxy_url must be a URL (a "
         "string), not an array"),
        ("public_secrets = \"k\"", "2:18: error[STC307]: [tool.stc] public_secrets must be a "
         "list of strings, not a string ('k')"),
        ("secrets = \"s.toml\"", "2:11: error[STC307]: [tool.stc] secrets must be a table"),
    ],
)  # fmt: skip
def test_wrong_type_at_the_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str, header: str
) -> None:
    monkeypatch.chdir(tmp_path)
    [shown] = _rendered(tmp_path, f"[tool.stc]\n{line}\n")
    assert shown.startswith(f"pyproject.toml:{header}")
    assert shown.splitlines()[2].strip("^ ") == ""  # the caret line under the value


def test_secrets_as_a_string_says_secrets_file(tmp_path: Path) -> None:
    [shown] = _rendered(tmp_path, '[tool.stc]\nsecrets = "s.toml"\n')
    assert "secrets_file" in shown


def test_wrong_type_in_streamlit_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    [shown] = _rendered(tmp_path, config='[server]\nport = "80"\n')
    assert shown.startswith(
        ".streamlit/config.toml:2:8: error[STC307]: [server] port must be a port number"
    )


def test_streamlit_keys_stc_does_not_read_are_not_diagnosed(tmp_path: Path) -> None:
    assert _rendered(tmp_path, config="[server]\nheadless = true\n[runner]\nfastReruns = 1\n") == []


def test_tool_stc_not_a_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    [shown] = _rendered(tmp_path, "[tool]\nstc = 3\n")
    assert shown.startswith("pyproject.toml:2:1: error[STC307]: [tool.stc] must be a table")


def test_malformed_toml_at_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    [shown] = _rendered(tmp_path, '[tool.stc]\noutput = "dist\n')
    lines = shown.splitlines()
    assert lines[0].startswith("pyproject.toml:2:")
    assert "error[STC308]: pyproject.toml is not valid TOML" in lines[0]
    assert lines[1] == '    output = "dist'


def test_malformed_config_toml_is_left_to_the_analysis(tmp_path: Path) -> None:
    assert _rendered(tmp_path, config="[server\nport = 1\n") == []


def test_pyproject_not_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _app(tmp_path)
    (tmp_path / "pyproject.toml").write_bytes(b'[tool.stc]\noutput = "\xff"\n')
    [diagnostic] = read_settings(tmp_path).diagnostics
    assert (diagnostic.code, diagnostic.span.line, diagnostic.span.col) == ("STC308", 2, 11)


def test_errors_stop_the_command(tmp_path: Path) -> None:
    app = _app(tmp_path, "[tool.stc]\nouput = 1\nport = -1\n")
    with pytest.raises(SettingsError) as raised:
        build_settings(app, BuildFlags(), env={})
    assert [d.code for d in raised.value.diagnostics] == ["STC306", "STC307"]
    assert raised.value.exit_code == 1


# --- the CLI --------------------------------------------------------------------------


def test_cli_build_reads_the_settings_and_says_where_they_came_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STC_PROXY_URL", raising=False)
    _app(tmp_path / "demo", f'[tool.stc]\noutput = "../public"\npyodide_url = "{CDN}"\n'
                            "snapshot = false\nservice_worker = true\n")  # fmt: skip
    assert main(["build", "demo/app.py", "--no-service-worker", "--json"]) == 0
    site = tmp_path / "public"
    assert (site / "index.html").is_file() and not (site / "sw.js").exists()
    assert not (tmp_path / "site").exists()
    captured = capsys.readouterr()
    assert "setting output = public (from demo/pyproject.toml:2)" in captured.err
    assert "setting service_worker = false (from command line)" in captured.err
    report = json.loads(captured.out)
    assert {"key": "snapshot", "value": "false", "from": "demo/pyproject.toml:4"} in report[
        "settings"
    ]


def test_cli_build_stops_on_a_settings_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _app(tmp_path / "demo", '[tool.stc]\nouput = "x"\n')
    assert main(["build", "demo/app.py", "--force"]) == 1
    err = capsys.readouterr().err
    assert "demo/pyproject.toml:2:1: error[STC306]: unknown [tool.stc] key 'ouput'" in err
    assert err.rstrip().endswith("1 error in the settings; fix them (README: 'Settings')")
    assert not (tmp_path / "site").exists()


def test_cli_check_reports_settings_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _app(tmp_path, "[tool.stc]\nbake = 1\n")
    assert main(["check", "app.py"]) == 1
    assert "pyproject.toml:2:8: error[STC307]: [tool.stc] bake must be" in capsys.readouterr().err


def test_cli_serve_reads_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The settings are read before the folder is looked at: a bad port stops it first.
    monkeypatch.chdir(tmp_path)
    _app(tmp_path, config="[server]\nport = 99999\n")
    assert main(["serve", str(tmp_path / "missing")]) == 1
    assert ".streamlit/config.toml:2:8: error[STC307]" in capsys.readouterr().err
    (tmp_path / ".streamlit" / "config.toml").write_text("[server]\nport = 0\n")
    assert main(["serve", str(tmp_path / "missing")]) == 1
    err = capsys.readouterr().err
    assert "setting port = 0 (from .streamlit/config.toml:2)" in err and "not a folder" in err


def test_cli_help_names_the_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--help"]) == 0
    assert "[tool.stc]" in capsys.readouterr().out
    assert main(["run", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "[server] port in .streamlit/config.toml, else 8501" in out


def test_readme_example_is_read_without_diagnostics(tmp_path: Path) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Settings: ")[1].split("\n### ")[0]
    example = section.split("```toml\n")[1].split("```")[0]
    _app(tmp_path, example)
    settings = read_settings(tmp_path)
    assert settings.diagnostics == ()
    assert {"output", "pyodide_url", "snapshot", "port"} <= set(settings.values)
    assert [row.key for row in SETTINGS if row.key not in section] == []


# --- a pyproject.toml above the app folder ------------------------------------------


def test_a_tool_stc_above_the_app_folder_is_said_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "r"\n[tool.stc]\noutput = "x"\n')
    app = _app(tmp_path / "apps" / "demo")
    settings = build_settings(app, BuildFlags(), env={})
    assert settings.chosen == ()
    [note] = settings.notes
    assert render_diagnostic(note).splitlines()[0] == (
        "pyproject.toml:3:1: info[STC309]: [tool.stc] here is not read: it is above the app "
        "folder apps/demo, and stc reads the pyproject.toml in the app folder only"
    )


@pytest.mark.parametrize(
    "files",
    [
        pytest.param({"pyproject.toml": '[tool.stc]\noutput = "x"\n',
                      "apps/pyproject.toml": "[tool.ruff]\nline-length = 1\n"},
                     id="nearest-above-has-no-tool-stc"),
        pytest.param({"pyproject.toml": '[tool.stc]\noutput = "x"\n',
                      "apps/demo/pyproject.toml": '[project]\nname = "a"\n'},
                     id="app-folder-has-its-own"),
        pytest.param({"pyproject.toml": "[tool.stc\n"}, id="above-is-not-toml"),
    ],
)  # fmt: skip
def test_no_note_about_above(tmp_path: Path, files: dict[str, str]) -> None:
    _app(tmp_path / "apps" / "demo")
    for rel, text in files.items():
        (tmp_path / rel).write_text(text)
    assert read_settings(tmp_path / "apps" / "demo").diagnostics == ()


def test_cli_check_shows_the_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.stc]\nsnapshot = false\n")
    _app(tmp_path / "demo")
    assert main(["check", "demo/app.py", "--format", "json"]) == 0
    [note] = [d for d in json.loads(capsys.readouterr().out) if d["code"] == "STC309"]
    assert (note["path"], note["line"], note["severity"]) == ("pyproject.toml", 1, "info")


def test_run_builds_with_the_build_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # [tool.stc] pyodide_url reaches stc run's builds; service_worker does not (a worker
    # would keep the page from seeing a rebuild).
    import io
    import tempfile
    import threading
    from urllib.request import urlopen

    from compiler.devtools._run import RunOptions, run

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    app = _app(tmp_path / "demo", f'[tool.stc]\npyodide_url = "{CDN}"\nservice_worker = true\n')
    build = build_settings(app, BuildFlags(), env={}).options
    stop, ready, failed = threading.Event(), list[str](), list[BaseException]()

    def target() -> None:
        try:
            run(RunOptions(app=app, port=0, build=build), out=io.StringIO(), err=io.StringIO(),
                stop=stop, on_ready=ready.append)  # fmt: skip
        except BaseException as error:
            failed.append(error)

    thread = threading.Thread(target=target)
    thread.start()
    try:
        for _ in range(2400):
            if ready or failed:
                break
            stop.wait(0.05)
        assert ready and not failed, failed
        with urlopen(ready[0]) as response:
            page = response.read().decode()
        assert CDN in page
        with pytest.raises(OSError):
            urlopen(ready[0].rstrip("/") + "/sw.js")
    finally:
        stop.set()
        thread.join(timeout=10)
