"""Every setting a file may hold, as data: its ``[tool.stc]`` key, the flag that wins
over it, the ``.streamlit/config.toml`` key it falls back to, and the kind of value.

:mod:`compiler._settings` reads the files against this table, so adding a setting is
adding a row (and giving the flag a ``None`` default, so that "not given" can be told
from "given the default"). :data:`ELSEWHERE` are the ``[tool.stc]`` keys other modules
read (:mod:`compiler.analyse._project`): known here, so they are not "unknown", and
their shape is checked here so that a wrong one is said at its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["ELSEWHERE", "SETTINGS", "Command", "Kind", "Setting", "by_key"]

# path: a string, relative to the file's folder; url/text: a string; switch: true/false;
# port: an integer 0-65535; choice: one of the row's choices; names: a list of strings;
# table: a TOML table.
Kind = Literal["path", "url", "text", "switch", "port", "choice", "names", "table"]
Command = Literal["build", "check", "run", "serve"]


@dataclass(frozen=True, kw_only=True)
class Setting:
    """One row: ``key`` under ``[tool.stc]``; ``flag`` as the command line spells it;
    ``streamlit`` the ``(table, key)`` of ``.streamlit/config.toml`` it falls back to;
    ``commands`` the commands that use it (every one is checked in every command)."""

    key: str
    kind: Kind
    flag: str
    commands: tuple[Command, ...]
    streamlit: tuple[str, str] | None = None
    choices: tuple[str, ...] = ()


SETTINGS: tuple[Setting, ...] = (
    Setting(key="output", kind="path", flag="--out", commands=("build",)),
    Setting(key="pyodide_url", kind="url", flag="--pyodide-url", commands=("build",)),
    Setting(key="force", kind="switch", flag="--force", commands=("build",)),
    Setting(key="proxy_url", kind="url", flag="--proxy-url", commands=("build", "check")),
    Setting(key="bake", kind="switch", flag="--bake", commands=("build", "check")),
    Setting(key="secrets_file", kind="path", flag="--secrets", commands=("build",)),
    Setting(key="include_assets", kind="choice", flag="--include-assets", commands=("build",),
            choices=("auto", "all")),
    Setting(key="service_worker", kind="switch", flag="--service-worker", commands=("build",)),
    Setting(key="snapshot", kind="switch", flag="--no-snapshot", commands=("build",)),
    Setting(key="port", kind="port", flag="--port", commands=("run", "serve"),
            streamlit=("server", "port")),
    Setting(key="host", kind="text", flag="--host", commands=("run", "serve"),
            streamlit=("server", "address")),
)  # fmt: skip

ELSEWHERE: dict[str, Kind] = {
    "public_secrets": "names",
    "proxy_hosts": "names",
    "secrets": "table",  # [tool.stc.secrets]: what stc proxy holds (the file is secrets_file)
    "login": "table",
}


def by_key(key: str) -> Setting | None:
    """The row of ``[tool.stc]`` *key*, or ``None``."""
    return next((s for s in SETTINGS if s.key == key), None)
