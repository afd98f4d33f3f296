"""``stc proxy`` for real: the CLI starts uvicorn on a free port, a query goes over
HTTP, the JSON log line reaches stderr, and the settings also load from ``STC_PROXY_*``
variables as ``proxy.asgi`` reads them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx
from proxy_harness import ORIGIN, free_port, param_names, toml_table

from proxy import ENV, settings_from_env
from runtime_wasm.connections import AllowedQuery, ResultSet, dump_allowlist, query_id

ROOT = Path(__file__).parents[2]
BY_KIND = "select name from pets where kind = :kind"


def write_files(tmp_path: Path, pets_sqlite: Path) -> tuple[Path, Path]:
    allowlist = tmp_path / "queries.json"
    query = AllowedQuery(sql=BY_KIND, connection="pets_db", params=param_names(BY_KIND))
    allowlist.write_text(dump_allowlist([query]))
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(toml_table("pets_db", {"url": f"sqlite:///{pets_sqlite}"}))
    return allowlist, secrets


def test_stc_proxy_serves_over_http(tmp_path: Path, pets_sqlite: Path) -> None:
    allowlist, secrets = write_files(tmp_path, pets_sqlite)
    port = free_port()
    command = [sys.executable, "-c", "from compiler.cli import main; raise SystemExit(main())",
               "proxy", "--allowlist", str(allowlist), "--secrets", str(secrets),
               "--port", str(port), "--allow-origin", ORIGIN]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "proxy did not start"
            time.sleep(0.1)
        body = {"connection": "pets_db", "query": query_id(BY_KIND), "params": {"kind": "cat"}}
        response = httpx.post(f"{base}/v1/query", json=body, headers={"Origin": ORIGIN})
        assert response.status_code == 200, response.text
        assert ResultSet.from_json(response.text).data == (("Tom", "O'Malley"),)
        assert response.headers["access-control-allow-origin"] == ORIGIN
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    logged = [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]
    assert {"method": "POST", "path": "/v1/query", "status": 200}.items() <= logged[-1].items()


def test_settings_from_environment(tmp_path: Path, pets_sqlite: Path) -> None:
    allowlist, secrets = write_files(tmp_path, pets_sqlite)
    settings = settings_from_env(
        {
            ENV["allowlist"]: str(allowlist),
            ENV["secrets"]: str(secrets),
            ENV["allow_origins"]: f"{ORIGIN}, https://other.example",
            ENV["timeout"]: "2.5",
            ENV["max_rows"]: "10",
        }
    )
    assert settings.allow_origins == {ORIGIN, "https://other.example"}
    assert (settings.timeout, settings.max_rows) == (2.5, 10)
    assert list(settings.allowlist) == [query_id(BY_KIND)]
    assert "sqlite" not in repr(settings)  # the secrets' values are never shown


def test_configuration_errors_say_what_to_fix(tmp_path: Path, pets_sqlite: Path) -> None:
    import pytest

    from proxy import ProxyConfigError, load_settings

    allowlist, secrets = write_files(tmp_path, pets_sqlite)
    with pytest.raises(ProxyConfigError, match=r"stc/queries\.json"):
        load_settings(site=tmp_path / "nosite", secrets=secrets)
    other = tmp_path / "other.toml"
    other.write_text(toml_table("other_db", {"url": "sqlite://"}))
    with pytest.raises(ProxyConfigError, match=r"no \[connections.pets_db\] table"):
        load_settings(allowlist=allowlist, secrets=other)
    partial = tmp_path / "partial.toml"
    partial.write_text(toml_table("pets_db", {"dialect": "postgresql", "password": "pw-canary"}))
    with pytest.raises(ProxyConfigError, match="needs 'username'") as caught:
        load_settings(allowlist=allowlist, secrets=partial)
    assert "pw-canary" not in str(caught.value)


def test_the_command_line_sets_the_rate_limit(tmp_path: Path, pets_sqlite: Path) -> None:
    """--rate and --burst reach the app with one worker too (they once went only
    through the environment that uvicorn's worker processes read)."""
    from proxy import running

    allowlist, secrets = write_files(tmp_path, pets_sqlite)
    port = free_port()
    arguments = ["--allowlist", str(allowlist), "--secrets", str(secrets),
                 "--rate", "0.001", "--burst", "2"]  # fmt: skip
    with running(arguments, port=port, stderr=subprocess.DEVNULL):
        body = {"connection": "pets_db", "query": query_id(BY_KIND), "params": {"kind": "cat"}}
        url = f"http://127.0.0.1:{port}/v1/query"
        statuses = [httpx.post(url, json=body).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
