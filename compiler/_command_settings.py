"""What each command ends up with: its flags over the settings files over defaults.

The CLI gives every flag a ``None`` default, so "not given" is told from "given the
default"; :class:`BuildFlags` carries them here. :func:`build_settings` and
:func:`server_settings` pick, setting by setting, the flag, then the files
(:mod:`compiler._settings`), then the default, and return what they chose with a
:class:`~compiler._settings.Chosen` for each setting that was not left at its default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from compiler._diagnostics import Diagnostic
from compiler._options import BuildOptions, Chosen
from compiler._settings import FileSettings, settings_or_raise

__all__ = ["COMMAND_LINE", "BuildFlags", "BuildSettings", "build_settings", "server_settings"]

COMMAND_LINE = "command line"
PROXY_ENV = "STC_PROXY_URL"


@dataclass(frozen=True, kw_only=True)
class BuildFlags:
    """The flags of ``stc build`` (and ``stc check``'s two); ``None``: not given."""

    out: Path | None = None
    pyodide_url: str | None = None
    force: bool | None = None
    proxy_url: str | None = None
    bake: bool | None = None
    secrets: Path | None = None
    include_assets: Literal["auto", "all"] | None = None
    service_worker: bool | None = None
    snapshot: bool | None = None


@dataclass(frozen=True, kw_only=True)
class BuildSettings:
    """The :class:`BuildOptions` to build with, where its non-defaults came from, and
    what the files said that is not an error (``STC309``)."""

    options: BuildOptions
    chosen: tuple[Chosen, ...]
    notes: tuple[Diagnostic, ...] = ()


class _Chooser:
    """Picks values in precedence order and remembers where each non-default came from."""

    def __init__(self, files: FileSettings, env: Mapping[str, str]) -> None:
        self.files = files
        self.env = env
        self.chosen: list[Chosen] = []

    def _pick(self, key: str, flag: object, env: str | None = None) -> tuple[object, str] | None:
        found: tuple[object, str]
        if flag is not None:
            found = (flag, COMMAND_LINE)
        elif env is not None and self.env.get(env):
            found = (self.env[env], f"${env}")
        elif key in self.files.values:
            found = (self.files.values[key].value, self.files.values[key].source)
        else:
            return None
        self.chosen.append(Chosen(key=key, value=_show(found[0]), source=found[1]))
        return found

    def path(self, key: str, flag: Path | None, default: Path) -> Path:
        got = self._pick(key, flag)
        return got[0] if got is not None and isinstance(got[0], Path) else default

    def optional_path(self, key: str, flag: Path | None) -> Path | None:
        got = self._pick(key, flag)
        return got[0] if got is not None and isinstance(got[0], Path) else None

    def text(self, key: str, flag: str | None, env: str | None = None) -> str | None:
        got = self._pick(key, flag, env)
        return got[0] if got is not None and isinstance(got[0], str) else None

    def switch(self, key: str, flag: bool | None, default: bool) -> bool:
        got = self._pick(key, flag)
        return got[0] if got is not None and isinstance(got[0], bool) else default

    def number(self, key: str, flag: int | None, default: int) -> int:
        got = self._pick(key, flag)
        return got[0] if got is not None and isinstance(got[0], int) else default


def build_settings(
    app: Path, flags: BuildFlags, *, env: Mapping[str, str] | None = None
) -> BuildSettings:
    """The options ``stc build`` builds *app* with: *flags*, then ``$STC_PROXY_URL``
    (*env*, default ``os.environ``) for the proxy URL, then the app folder's files.

    Raises :class:`~compiler._exceptions.SettingsError` when the files hold errors.
    """
    files = settings_or_raise(Path(os.path.abspath(app)).parent)
    pick = _Chooser(files, os.environ if env is None else env)
    assets = pick.text("include_assets", flags.include_assets)
    options = BuildOptions(
        app=app,
        out_dir=pick.path("output", flags.out, BuildOptions.out_dir),
        pyodide_url=pick.text("pyodide_url", flags.pyodide_url),
        force=pick.switch("force", flags.force, BuildOptions.force),
        proxy_url=pick.text("proxy_url", flags.proxy_url, PROXY_ENV),
        bake=pick.switch("bake", flags.bake, BuildOptions.bake),
        secrets=pick.optional_path("secrets_file", flags.secrets),
        include_assets="all" if assets == "all" else "auto",
        service_worker=pick.switch("service_worker", flags.service_worker, False),
        snapshot=pick.switch("snapshot", flags.snapshot, BuildOptions.snapshot),
    )
    return BuildSettings(options=options, chosen=tuple(pick.chosen), notes=files.diagnostics)


def server_settings(
    folder: Path, *, host: str | None, port: int | None, default_port: int
) -> tuple[str, int, tuple[Chosen, ...]]:
    """The address and port ``stc run`` / ``stc serve`` listen on: the flags, then
    ``[tool.stc]`` ``host`` / ``port``, then ``[server]`` ``address`` / ``port`` of
    *folder*'s ``.streamlit/config.toml``, then ``127.0.0.1`` and *default_port*."""
    pick = _Chooser(settings_or_raise(folder), {})
    address = pick.text("host", host) or "127.0.0.1"
    return address, pick.number("port", port, default_port), tuple(pick.chosen)


def _show(value: object) -> str:
    if isinstance(value, Path):
        relative = os.path.relpath(value.absolute())
        return str(value) if relative.startswith("..") else Path(relative).as_posix()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
