"""Run the proxy with uvicorn, for ``stc proxy``.

With one worker the app object is served directly; with more, uvicorn starts its
worker processes from :mod:`proxy.asgi`, which reads the same settings from the
environment variables this function sets.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from proxy._settings import ENV, Settings

__all__ = ["log_to_stderr", "serve", "settings_env"]


def log_to_stderr() -> None:
    """Print the proxy's JSON lines on stderr, unless logging is configured already
    (an ASGI host's own configuration wins)."""
    logger = logging.getLogger("stc.proxy")
    if logger.handlers or logging.getLogger().handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def serve(
    settings: Settings,
    *,
    env: dict[str, str],
    host: str = "127.0.0.1",
    port: int = 8501,
    workers: int = 1,
) -> None:
    """Serve *settings* until interrupted. *env* is what :func:`settings_from_env`
    needs to load the same settings in each worker process."""
    import uvicorn

    from proxy._app import create_app

    log_to_stderr()
    log_config = None  # keep the proxy's JSON lines as they are; uvicorn's access log is off
    if workers <= 1:
        uvicorn.run(
            create_app(settings), host=host, port=port, access_log=False, log_config=log_config
        )
        return
    os.environ.update(env)
    uvicorn.run(
        "proxy.asgi:app",
        host=host,
        port=port,
        workers=workers,
        access_log=False,
        log_config=log_config,
    )


def settings_env(
    *,
    secrets: Path,
    site: Path | None,
    allowlist: Path | None,
    allow_origins: list[str],
    max_rows: int = 100_000,
    timeout: float = 30.0,
    max_body: int = 64 * 1024,
    rate: float = 10.0,
    burst: int = 40,
    app: Path | None = None,
) -> dict[str, str]:
    """The ``STC_PROXY_*`` variables for these arguments (so every worker process that
    uvicorn starts reads the settings the command line gave)."""
    env = {
        ENV["secrets"]: str(secrets.resolve()),
        ENV["allow_origins"]: ",".join(allow_origins),
        ENV["max_rows"]: str(max_rows),
        ENV["timeout"]: str(timeout),
        ENV["max_body"]: str(max_body),
        ENV["rate"]: str(rate),
        ENV["burst"]: str(burst),
    }
    if site is not None:
        env[ENV["site"]] = str(site.resolve())
    if allowlist is not None:
        env[ENV["allowlist"]] = str(allowlist.resolve())
    if app is not None:
        env[ENV["app"]] = str(app.resolve())
    return env
