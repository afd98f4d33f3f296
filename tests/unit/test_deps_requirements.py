"""``requirements.txt`` and PEP 723 inline metadata as declared requirements."""

from __future__ import annotations

import codecs
import itertools
import re
import time
import tomllib
from pathlib import Path

import pytest

from compiler._diagnostics import Diagnostic, render_diagnostic
from compiler.resolve._pep723 import script_dependencies
from compiler.resolve._requirements import declared_requirements

from ._analysis import assert_snapshot


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
    assert [(d.code, d.span.path, d.span.line) for d in diagnostics] == [
        ("STC409", "app/requirements.txt", 6)  # --index-url: pip's configuration, not here
    ]
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


SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def rows(diagnostics: tuple[Diagnostic, ...]) -> list[tuple[str, str, int, int]]:
    return [(d.code, d.severity, d.span.line, d.span.col) for d in diagnostics]


# requirements.txt → (code, severity, line, column) of every diagnostic; [] must not trigger
LINES = [
    # -- STC406: what pip refuses, or no real requirement looks like ------------------------
    pytest.param("numpy==" + "9" * 5000 + "\n", [("STC406", "error", 1, 1)], id="5000-digit-pin"),
    pytest.param("a" * 200_000 + "\n", [("STC406", "error", 1, 1)], id="200k-name"),
    pytest.param("numpy==" + "9" * 4000 + "\n", [], id="4000-digit-pin-is-a-version"),
    pytest.param("humanize\x00==1\n", [("STC406", "error", 1, 9)], id="nul-byte"),
    pytest.param("rich\x1b[2J\n", [("STC406", "error", 1, 5)], id="escape"),
    pytest.param("foo===abc\n", [("STC406", "error", 1, 1)], id="arbitrary-pin"),
    pytest.param("foo==1.*\n", [], id="wildcard-is-not-a-pin"),
    pytest.param("ok\nnot a requirement!!\n", [("STC406", "error", 2, 5)], id="pep508-column"),
    pytest.param("foo; python_version ~= '3'\n", [("STC406", "error", 1, 1)], id="bad-marker"),
    pytest.param("foo; " + "(" * 3000 + "\n", [("STC406", "error", 1, 1)], id="deep-parens"),
    pytest.param("pywin32; sys_platform == 'win32'\n", [], id="false-marker"),
    pytest.param("--frobnicate\n", [("STC406", "error", 1, 1)], id="unknown-option"),
    pytest.param("--no x\n", [("STC406", "error", 1, 1)], id="ambiguous-option"),
    pytest.param("-x\n", [("STC406", "error", 1, 1)], id="unknown-short-option"),
    pytest.param("-r\n", [("STC406", "error", 1, 1)], id="option-without-value"),
    pytest.param("--pre=yes\n", [("STC406", "error", 1, 1)], id="flag-with-value"),
    pytest.param('foo --hash "sha256\n', [("STC406", "error", 1, 12)], id="open-quote"),
    pytest.param("bar --hash=md5:abc\n", [("STC406", "error", 1, 5)], id="weak-hash"),
    pytest.param("bar --hash=abc\n", [("STC406", "error", 1, 5)], id="hash-without-name"),
    pytest.param("bar --hash=sha256:xyz\n", [("STC406", "error", 1, 5)], id="hash-not-hex"),
    pytest.param("six==1.16.0\nsix==1.17.0\n", [("STC406", "error", 2, 1)], id="two-pins"),
    pytest.param("six==1.16\nsix==1.16.0\nsix\n", [], id="same-pin-twice"),
    # -- STC408: what stc cannot install -------------------------------------------------------
    pytest.param("-e .\n", [("STC408", "warning", 1, 1)], id="editable-app-folder"),
    pytest.param("./mypkg\n", [("STC408", "warning", 1, 1)], id="folder-in-app"),
    pytest.param("-e ../elsewhere\n", [("STC408", "error", 1, 1)], id="editable-outside"),
    pytest.param("-e git+https://x.invalid/a#egg=a\n", [("STC408", "error", 1, 1)], id="-e-vcs"),
    pytest.param("git+https://x.invalid/b\n", [("STC408", "error", 1, 1)], id="vcs"),
    pytest.param("https://x.invalid/c-1-py3-none-any.whl\n", [("STC408", "error", 1, 1)], id="url"),
    pytest.param(
        "tomli @ https://x.invalid/t.whl\n", [("STC408", "error", 1, 1)], id="name-at-url"
    ),
    pytest.param("./vendor/d-1.0-py3-none-any.whl\n", [("STC408", "error", 1, 1)], id="wheel-file"),
    pytest.param("./nope\n", [("STC408", "error", 1, 1)], id="missing-folder"),
    pytest.param("streamlit @ git+https://x.invalid/s\n", [], id="streamlit-is-stcs"),
    pytest.param("streamlit-authenticator==0.4.2\n", [], id="streamlit-authenticator-is-stcs"),
    # -- STC409: options stc ignores, and how to get their effect ------------------------------
    pytest.param("-c constraints.txt\n", [("STC409", "warning", 1, 1)], id="constraints"),
    pytest.param("-i https://x.invalid/simple\n", [("STC409", "warning", 1, 1)], id="-i"),
    pytest.param("--index-url=https://x.invalid\n", [("STC409", "warning", 1, 1)], id="index="),
    pytest.param("--extra https://x.invalid\n", [("STC409", "warning", 1, 1)], id="abbreviated"),
    pytest.param("--find-links ./wheels\n", [("STC409", "warning", 1, 1)], id="find-links"),
    pytest.param("-f./wheels\n", [("STC409", "warning", 1, 1)], id="-f-attached"),
    pytest.param("--no-index\n", [("STC409", "warning", 1, 1)], id="no-index"),
    pytest.param("--trusted-host x.invalid\n", [("STC409", "warning", 1, 1)], id="trusted-host"),
    pytest.param("--pre\n", [("STC409", "warning", 1, 1)], id="pre"),
    pytest.param("--no-binary :all:\n", [("STC409", "warning", 1, 1)], id="no-binary"),
    pytest.param("foo --global-option=x\n", [("STC409", "warning", 1, 5)], id="build-option"),
    pytest.param(f"--hash=sha256:{SHA}\n", [("STC409", "warning", 1, 1)], id="hash-alone"),
    pytest.param(
        "--pre foo\n", [("STC409", "warning", 1, 1), ("STC409", "warning", 1, 7)], id="stray-word"
    ),
    pytest.param(
        "--only-binary :all:\n--prefer-binary\n--require-hashes\n", [], id="what-stc-does"
    ),
    # -- syntax pip accepts ----------------------------------------------------------------
    pytest.param(f"foo==1.0 \\\n    --hash=sha256:{SHA}\n", [], id="continuation"),
    pytest.param(
        "foo==1.0 \\\n    --hash=sha256:nothex\n",
        [("STC406", "error", 2, 5)],
        id="continuation-column",
    ),
    pytest.param(f'foo --hash "sha256:{SHA}"\n', [], id="quoted"),
    pytest.param("foo  # a comment --pre\n  # indented comment \\\n", [], id="comments"),
    pytest.param("foo#egg\n", [("STC406", "error", 1, 4)], id="hash-sign-not-a-comment"),
]


@pytest.mark.parametrize(("text", "expected"), LINES)
def test_requirements_lines(
    tmp_path: Path, text: str, expected: list[tuple[str, str, int, int]]
) -> None:
    app = write(tmp_path / "app", {"app.py": "", "requirements.txt": text, "mypkg/x.py": ""})
    (tmp_path / "elsewhere").mkdir()
    _declared, diagnostics = declared_requirements(app, "app.py", ".")
    assert rows(diagnostics) == expected


def test_hashes_and_pins_are_kept(tmp_path: Path) -> None:
    text = f"Foo[Bar]==1.0 \\\n  --hash=sha256:{SHA.upper()} --hash sha512:{'ab' * 64}\nbaz\n"
    app = write(tmp_path, {"app.py": "", "requirements.txt": text})
    declared, diagnostics = declared_requirements(app, "app.py", ".")
    assert diagnostics == ()
    foo, baz = declared
    assert (foo.name, foo.extras, foo.pin) == ("foo", frozenset({"Bar"}), "1.0")
    assert foo.hashes == (f"sha256:{SHA}", f"sha512:{'ab' * 64}")
    assert (foo.span.line, foo.span.col, foo.span.end_col) == (1, 1, 14)
    assert baz.hashes == ()


def test_environment_variables_are_expanded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STC_TEST_PIN", "4.13.0")
    monkeypatch.delenv("STC_TEST_UNSET", raising=False)
    app = write(
        tmp_path,
        {"app.py": "", "requirements.txt": "humanize==${STC_TEST_PIN}\nx==${STC_TEST_UNSET}\n"},
    )
    declared, diagnostics = declared_requirements(app, "app.py", ".")
    assert [(d.name, d.pin) for d in declared] == [("humanize", "4.13.0")]
    assert rows(diagnostics) == [("STC406", "error", 2, 2)]  # unset: left as written, as pip


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"ok\nhum\xffanize\n", [("STC406", "error", 2, 4)], id="not-utf8"),
        pytest.param(codecs.BOM_UTF8 + b"humanize\n", [], id="utf8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + "humanize\n".encode("utf-16-le"), [], id="utf16"),
        pytest.param(b"# -*- coding: latin-1 -*-\nhumanize # caf\xe9\n", [], id="coding-comment"),
        pytest.param(b"# coding: klingon\nhumanize\n", [("STC406", "error", 1, 1)], id="unknown"),
    ],
)
def test_encodings(tmp_path: Path, data: bytes, expected: list[tuple[str, str, int, int]]) -> None:
    write(tmp_path, {"app.py": ""})
    (tmp_path / "requirements.txt").write_bytes(data)
    declared, diagnostics = declared_requirements(tmp_path, "app.py", ".")
    assert rows(diagnostics) == expected
    assert [d.name for d in declared] == ([] if expected else ["humanize"])


def test_problems_stop_at_fifty_per_file(tmp_path: Path) -> None:
    app = write(tmp_path, {"app.py": "", "requirements.txt": "bad line!\n" * 500})
    _declared, diagnostics = declared_requirements(app, "app.py", ".")
    assert len(diagnostics) == 50
    assert "stops reading it here" in diagnostics[-1].message


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("a\\\n" * 300_000, id="300k-continuations"),  # joined one by one: 27 GB
        pytest.param("bad line!\n" * 300_000, id="300k-bad-lines"),
        pytest.param("foo --pre " + "x " * 300_000 + "\n", id="300k-stray-words"),
    ],
)
def test_hostile_files_take_linear_time(tmp_path: Path, text: str) -> None:
    app = write(tmp_path, {"app.py": "", "requirements.txt": text})
    started = time.monotonic()
    _declared, diagnostics = declared_requirements(app, "app.py", ".")
    assert 1 <= len(diagnostics) <= 50
    assert time.monotonic() - started < 10


def test_problems_in_script_metadata_stop_at_fifty(tmp_path: Path) -> None:
    block = "# /// script\n# dependencies = [\n" + '#  "bad one!",\n' * 500 + "# ]\n# ///\n"
    app = write(tmp_path, {"app.py": block})
    _declared, diagnostics = declared_requirements(app, "app.py", ".")
    assert len(diagnostics) == 50


def test_requirements_txt_linked_out_of_the_app_is_not_read(tmp_path: Path) -> None:
    app = write(tmp_path / "app", {"app.py": ""})
    (tmp_path / "secret.txt").write_text("hunter2\n")
    (app / "requirements.txt").symlink_to(tmp_path / "secret.txt")
    declared, diagnostics = declared_requirements(app, "app.py", ".")
    assert declared == ()
    assert [(d.code, d.span.path, d.span.line) for d in diagnostics] == [
        ("STC406", "requirements.txt", 0)
    ]
    assert "hunter2" not in diagnostics[0].message


# -r: the files of the app → (path, line, col, message part) of every diagnostic
INCLUDES = [
    pytest.param(
        {"requirements.txt": "-r sub/a.txt\n", "sub/a.txt": "-r b.txt\n", "sub/b.txt": "toolz\n"},
        [],
        ["toolz"],
        id="relative-to-the-including-file",
    ),
    pytest.param(
        {"requirements.txt": "x\n-r missing.txt\ny\n"},
        [("requirements.txt", 2, 1, "no requirements file missing.txt")],
        ["x", "y"],
        id="missing",
    ),
    pytest.param(
        {"requirements.txt": "--requirement=../outside.txt\n"},
        [("requirements.txt", 1, 1, "outside the app folder")],
        [],
        id="outside",
    ),
    pytest.param(
        {"requirements.txt": "-r https://x.invalid/r.txt\n"},
        [("requirements.txt", 1, 1, "from the app folder only")],
        [],
        id="url",
    ),
    pytest.param(
        {"requirements.txt": "a\n-r more.txt\n", "more.txt": "b\n-r requirements.txt\n"},
        [("more.txt", 2, 1, "requirements.txt → more.txt → requirements.txt")],
        ["a", "b"],
        id="cycle",
    ),
    pytest.param(
        {"requirements.txt": "-r requirements.txt\n"},
        [("requirements.txt", 1, 1, "requirements.txt → requirements.txt")],
        [],
        id="self",
    ),
    pytest.param(
        {
            "requirements.txt": "-r a.txt\n-r b.txt\n",
            "a.txt": "-r c.txt\n",
            "b.txt": "-r c.txt\n",
            "c.txt": "toolz\n",
        },
        [],
        ["toolz"],
        id="diamond-read-once",
    ),
    pytest.param(
        {"requirements.txt": "-r r0.txt\n"}
        | {f"r{i}.txt": f"-r r{i + 1}.txt\n" for i in range(40)}
        | {"r40.txt": "toolz\n"},
        [("r30.txt", 1, 1, "nest more than 32 deep")],
        [],
        id="too-deep",
    ),
]


@pytest.mark.parametrize(("files", "expected", "names"), INCLUDES)
def test_requirement_includes(
    tmp_path: Path,
    files: dict[str, str],
    expected: list[tuple[str, int, int, str]],
    names: list[str],
) -> None:
    app = write(tmp_path / "app", {"app.py": "", **files})
    (tmp_path / "outside.txt").write_text("evil\n")
    declared, diagnostics = declared_requirements(app, "app.py", ".")
    found = [(d.span.path, d.span.line, d.span.col, d.message) for d in diagnostics]
    assert len(found) == len(expected)
    for (path, line, col, message), (want_path, want_line, want_col, part) in zip(
        found, expected, strict=True
    ):
        assert (path, line, col) == (want_path, want_line, want_col)
        assert part in message
    assert [d.name for d in declared] == names


def _script(*lines: str) -> str:
    return "".join(line + "\n" for line in lines)


# the entry script → (code, line, col) of every diagnostic, and the names it declares
SCRIPTS = [
    pytest.param(
        _script("# /// script", "# dependencies = [\"humanize==4.13.0\", 'rich']", "# ///"),
        [],
        [("humanize", 2, 20), ("rich", 2, 40)],
        id="located",
    ),
    pytest.param(
        _script("# /// script", "# dependencies = 5", "# ///"),
        [("STC406", 1, 1)],
        [],
        id="not-a-list",
    ),
    pytest.param(
        _script("# /// script", '# dependencies = "humanize"', "# ///"),
        [("STC406", 1, 1)],
        [],
        id="a-string",
    ),
    pytest.param(
        _script("# /// script", "# x = 1", "#   y = ", "# ///"),
        [("STC406", 3, 9)],
        [],
        id="toml-error-where-it-is",
    ),
    pytest.param(
        _script("# /// script", "# dependencies = " + "[" * 5000, "# ///"),
        [("STC406", 1, 1)],
        [],
        id="deep-toml",
    ),
    pytest.param(
        _script(
            "# /// script",
            '# dependencies = ["a"]',
            "# ///",
            "",
            "# /// script",
            '# dependencies = ["b"]',
            "# ///",
        ),
        [("STC406", 5, 1)],
        [("a", 2, 20)],
        id="two-blocks",
    ),
    pytest.param(  # no line between them: one block to the last `# ///` (the PEP's regex)
        _script(
            "# /// script",
            '# dependencies = ["a"]',
            "# ///",
            "# /// script",
            '# dependencies = ["b"]',
            "# ///",
        ),
        [("STC406", 3, 3)],
        [],
        id="adjacent-blocks-are-one",
    ),
    pytest.param(
        _script("# /// pyproject", '# dependencies = ["a"]', "# ///"), [], [], id="other-type"
    ),
    pytest.param(
        _script("# /// script", '# dependencies = ["a b"]', "# ///"),
        [("STC406", 2, 22)],
        [],
        id="bad-requirement",
    ),
    pytest.param(
        _script("# /// script", '# dependencies = ["a"]', "# ///", "x = 1", "# ///"),
        [],
        [("a", 2, 20)],
        id="close-is-the-last-in-the-comment-run",
    ),
]


@pytest.mark.parametrize(("source", "expected", "found"), SCRIPTS)
def test_pep723_blocks(
    tmp_path: Path,
    source: str,
    expected: list[tuple[str, int, int]],
    found: list[tuple[str, int, int]],
) -> None:
    app = write(tmp_path, {"app.py": source})
    declared, diagnostics = declared_requirements(app, "app.py", ".")
    assert [(d.code, d.span.line, d.span.col) for d in diagnostics] == expected
    assert [(d.name, d.span.line, d.span.col) for d in declared] == found


# PEP 723's reference implementation, which the one-pass scanner must agree with
PEP723_REGEX = r"(?m)^# /// (?P<type>[a-zA-Z0-9-]+)$\s(?P<content>(^#(| .*)$\s)+)^# ///$"
PEP723_VOCABULARY = (
    "# /// script",
    "# ///",
    '# dependencies = ["a"]',
    '# dependencies = ["b"]',
    "#",
    "x = 1",
    "# /// other",
)


def _reference(source: str) -> list[str] | str:
    blocks = [m for m in re.finditer(PEP723_REGEX, source) if m["type"] == "script"]
    if len(blocks) > 1:
        return "two blocks"
    if not blocks:
        return []
    content = "".join(
        line[2:] if line.startswith("# ") else line[1:]
        for line in blocks[0]["content"].splitlines(keepends=True)
    )
    try:
        return list(tomllib.loads(content).get("dependencies", []))
    except tomllib.TOMLDecodeError:
        return "not toml"


def test_pep723_scan_agrees_with_the_reference_regex() -> None:
    for size in range(1, 6):
        for lines in itertools.product(PEP723_VOCABULARY, repeat=size):
            source = "\n".join(lines) + "\n"
            found, problems = script_dependencies(source, "app.py")
            expected = _reference(source)
            if isinstance(expected, str):
                assert problems, (lines, expected)
            else:
                assert (problems, [text for text, _ in found]) == ([], expected), lines


def test_pep723_scan_is_linear(tmp_path: Path) -> None:
    # The PEP's reference regex takes ~80 s on this (quadratic backtracking).
    source = "# /// script\n" * 16_000 + "x = 1\n"
    app = write(tmp_path, {"app.py": source})
    started = time.monotonic()
    declared, diagnostics = declared_requirements(app, "app.py", ".")
    assert (declared, diagnostics) == ((), ())
    assert time.monotonic() - started < 5


def test_rendered_requirement_diagnostics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = write(
        tmp_path,
        {
            "app.py": "import streamlit as st\n",
            "requirements.txt": (
                "humanize==4.13.0\n"
                "-r missing.txt\n"
                "--index-url https://user:secret@x.invalid/simple\n"
                "-e .\n"
                "git+https://github.com/psf/black\n"
                "numpy==" + "9" * 5000 + "\n"
                "not a requirement!!\n"
                "rich\x1b[2J\n"
                f"six==1.16.0 \\\n    --hash=md5:{SHA}\n"
            ),
        },
    )
    monkeypatch.chdir(app)
    _declared, diagnostics = declared_requirements(app, "app.py", ".")
    rendered = "\n".join(render_diagnostic(d) for d in diagnostics) + "\n"
    assert not [d for d in diagnostics if "secret" in d.message]  # the line shows it, not us
    assert_snapshot("requirements_diagnostics.txt", rendered)
