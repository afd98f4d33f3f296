"""What stc says about declared requirements, as data: code, severity, message, hint.

Codes::

    STC406 error    a requirement or requirements file stc cannot read
    STC408 error    a requirement stc cannot install: editable, local path, VCS, URL
           warning  ... a folder inside the app (its top-level modules ship anyway)
    STC409 warning  a requirements-file option stc ignores, and how to get its effect
    STC410 error    the wheel the site ships is not one of its line's --hash values
           info     ... the package is Pyodide's own build, which no --hash can name
"""

from __future__ import annotations

from collections.abc import Mapping

from compiler.analyse.passes._rules import (
    Rule,
)

__all__ = [
    "BAD_HASH",
    "BAD_PIN",
    "CONFLICTING_PINS",
    "CONTROL_CHARACTER",
    "FILE_TOO_LARGE",
    "FILE_UNREADABLE",
    "FROM_URL",
    "HASH_MISMATCH",
    "HASH_UNCHECKED",
    "HASH_WITHOUT_REQUIREMENT",
    "IGNORED_OPTIONS",
    "INCLUDE_CYCLE",
    "INCLUDE_MISSING",
    "INCLUDE_OUTSIDE",
    "INCLUDE_TOO_DEEP",
    "INCLUDE_URL",
    "LOCAL_FOLDER",
    "LOCAL_PATH",
    "NAMED_URL",
    "STRAY_WORD",
    "TOO_LONG",
    "TOO_MANY_PROBLEMS",
    "UNREADABLE",
]

# -- STC406: what stc cannot read ---------------------------------------------------

UNREADABLE = Rule(
    code="STC406",
    severity="error",
    message="cannot read this requirement: {why}",
    hint="write one PEP 508 requirement, e.g. `humanize==4.13.0`",
)
TOO_LONG = Rule(
    code="STC406",
    severity="error",
    message="this requirement is {length} characters long; stc reads requirements of up to {limit}",
)
CONTROL_CHARACTER = Rule(
    code="STC406", severity="error", message="control character {char} in this requirement"
)
BAD_PIN = Rule(
    code="STC406",
    severity="error",
    message="cannot read this requirement: {why}",
    hint="pin a PEP 440 version, e.g. `==4.13.0`",
)
BAD_HASH = Rule(code="STC406", severity="error", message="{why}")
CONFLICTING_PINS = Rule(
    code="STC406",
    severity="error",
    message="{name}=={pin} conflicts with {name}=={other} at {where}",
    hint="pip refuses two pins of one package; keep one",
)
FILE_UNREADABLE = Rule(code="STC406", severity="error", message="cannot read this file: {why}")
FILE_TOO_LARGE = Rule(
    code="STC406",
    severity="error",
    message="{size} bytes is too large for a requirements file (stc reads up to {limit})",
)
TOO_MANY_PROBLEMS = Rule(
    code="STC406",
    severity="error",
    message="{count} problems in {path} so far; stc stops reading it here",
)
INCLUDE_URL = Rule(
    code="STC406",
    severity="error",
    message="stc reads requirements files from the app folder only, not {path}",
    hint="save the file in the app folder and name it with a relative path",
)
INCLUDE_OUTSIDE = Rule(
    code="STC406",
    severity="error",
    message="{path} is outside the app folder, which is all stc reads",
    hint="copy the file into the app folder and point -r at the copy",
)
INCLUDE_MISSING = Rule(
    code="STC406",
    severity="error",
    message="no requirements file {path}",
    hint="-r paths are relative to the file that names them ({here})",
)
INCLUDE_CYCLE = Rule(
    code="STC406",
    severity="error",
    message="requirements files include each other: {cycle}",
    hint="remove one of these -r lines",
)
INCLUDE_TOO_DEEP = Rule(
    code="STC406",
    severity="error",
    message="requirements files nest more than {limit} deep here",
)

# -- STC408: what stc cannot install ----------------------------------------------------

_VENDOR = (
    "if PyPI has the package, require it by name (== pins a version); else copy its "
    "modules into the app folder (they ship with the app), or publish a wheel"
)
FROM_URL = Rule(
    code="STC408",
    severity="error",
    message="stc cannot install {what} from {source}: the site ships wheels from PyPI",
    hint=_VENDOR,
)
NAMED_URL = Rule(
    code="STC408",
    severity="error",
    message="stc cannot install {name} from a URL: the site ships wheels from PyPI",
    hint=_VENDOR,
)
LOCAL_PATH = Rule(
    code="STC408",
    severity="error",
    message="stc cannot install {what}, {where}: the site ships wheels from PyPI",
    hint=_VENDOR,
)
LOCAL_FOLDER = Rule(
    code="STC408",
    severity="warning",
    message="stc does not install {what}: the app folder ships as it is, so its "
    "top-level modules and packages import without installing",
    hint="a package under src/ or deeper does not import in the browser; move it "
    "beside the app script, or publish a wheel",
)

# -- STC409: options stc ignores ------------------------------------------------------


def _index(option: str) -> Rule:
    variable = "PIP_" + option.lstrip("-").upper().replace("-", "_")
    return Rule(
        code="STC409",
        severity="warning",
        message=f"stc ignores {option} here: it asks pip for wheels from PyPI, or from "
        "the index pip itself is configured with",
        hint=f"to use another index, configure pip for the build ({variable}=… or "
        "pip.conf); a package on no index can be copied into the app folder",
    )


def _builds(option: str) -> Rule:
    return Rule(
        code="STC409",
        severity="warning",
        message=f"stc ignores {option}: it builds nothing, it ships wheels",
    )


# option -> what stc says; options not here and not followed are what stc does anyway
IGNORED_OPTIONS: Mapping[str, Rule] = {
    **{
        option: _index(option)
        for option in (
            "--index-url",
            "--extra-index-url",
            "--no-index",
            "--find-links",
            "--trusted-host",
        )
    },
    "--constraint": Rule(
        code="STC409",
        severity="warning",
        message="stc does not read constraints files ({path})",
        hint="pin the versions the site must use with == in requirements.txt",
    ),
    "--pre": Rule(
        code="STC409",
        severity="warning",
        message="stc ignores --pre: a package without a pin gets its newest final release",
        hint="pin a pre-release with == to use it",
    ),
    "--no-binary": Rule(
        code="STC409",
        severity="warning",
        message="stc ignores --no-binary: the browser can only use wheels",
    ),
    "--global-option": _builds("--global-option"),
    "--config-settings": _builds("--config-settings"),
}
HASH_WITHOUT_REQUIREMENT = Rule(
    code="STC409",
    severity="warning",
    message="--hash applies to the requirement of its line, and this line has none",
    hint="put the --hash options on the requirement's line (end a line with `\\` to "
    "go on on the next)",
)
STRAY_WORD = Rule(
    code="STC409",
    severity="warning",
    message="`{word}` is neither an option nor its value; pip and stc ignore it",
    hint="one requirement per line, before its options",
)

# -- STC410: --hash ------------------------------------------------------------------

HASH_MISMATCH = Rule(
    code="STC410",
    severity="error",
    message="the site would ship {file} ({digest}), which matches none of this line's "
    "--hash values",
    hint="if that file is the one you want, add its hash (`pip hash {file}`) or "
    "regenerate them (pip-compile --generate-hashes); else fix the pin",
)
HASH_UNCHECKED = Rule(
    code="STC410",
    severity="info",
    message="{name} {version} is Pyodide's own build, which none of this line's --hash "
    "values names; Pyodide checks it against the sha256 of the site's lock instead",
)
