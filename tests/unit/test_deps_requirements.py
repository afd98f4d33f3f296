"""``requirements.txt`` and PEP 723 inline metadata as declared requirements."""

from __future__ import annotations

from pathlib import Path

from compiler._requirements import declared_requirements


def write(folder: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return folder


def test_requirements_txt(tmp_path: Path) -> None:
    app = write(
        tmp_path,
        {
            "app.py": "import streamlit as st\n",
            "requirements.txt": (
                "# a comment\n"
                "Humanize==4.13.0  # trailing comment\n"
                "\n"
                "streamlit>=1.30\n"
                "rich[jupyter]>=13\n"
                "--index-url https://example.invalid/simple\n"
                "pywin32; sys_platform == 'win32'\n"
                "-r more.txt\n"
                "tabulate ==0.9.*\n"
            ),
            "more.txt": "toolz\n",
        },
    )
    declared, diagnostics = declared_requirements(app, "app.py", "app")
    assert diagnostics == ()
    rows = [(d.name, sorted(d.extras), d.pin, d.span.path, d.span.line) for d in declared]
    assert rows == [
        ("humanize", [], "4.13.0", "app/requirements.txt", 2),
        ("rich", ["jupyter"], None, "app/requirements.txt", 5),
        ("toolz", [], None, "app/more.txt", 1),  # -r: in place
        ("tabulate", [], None, "app/requirements.txt", 9),  # a wildcard is not a pin
    ]


def test_bad_requirement_line_is_stc406(tmp_path: Path) -> None:
    app = write(tmp_path, {"app.py": "", "requirements.txt": "ok\nnot a requirement!!\n"})
    declared, diagnostics = declared_requirements(app, "app.py", ".")
    assert [d.name for d in declared] == ["ok"]
    (error,) = diagnostics
    assert (error.code, error.severity, error.span.path, error.span.line) == (
        "STC406",
        "error",
        "requirements.txt",
        2,
    )


def test_pep723_inline_metadata(tmp_path: Path) -> None:
    script = (
        "# /// script\n"
        '# requires-python = ">=3.12"\n'
        "# dependencies = [\n"
        '#   "humanize==4.13.0",\n'
        '#   "streamlit",\n'
        "# ]\n"
        "# ///\n"
        "import humanize\n"
    )
    app = write(tmp_path, {"app.py": script})
    declared, diagnostics = declared_requirements(app, "app.py", ".")
    assert diagnostics == ()
    assert [(d.name, d.pin, d.span.line) for d in declared] == [("humanize", "4.13.0", 4)]


def test_pep723_bad_toml_is_stc406(tmp_path: Path) -> None:
    app = write(tmp_path, {"app.py": "x = 1\n# /// script\n# dependencies = [\n# ///\n"})
    _declared, diagnostics = declared_requirements(app, "app.py", ".")
    assert [(d.code, d.span.line) for d in diagnostics] == [("STC406", 2)]
