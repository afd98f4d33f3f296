"""The credentials file shared by workers: each reads the users again when the file
changes (a change made through another worker, or by hand), keeps the last good users
when a hand edit broke it, and writes under a lock that holds across threads and
processes, atomically, keeping the file's mode; concurrent registrations all land."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml
from accounts_harness import (
    NEW_PASSWORD,
    change_details,
    change_password,
    config_file,
    form,
    read_config,
    register,
    registering,
)
from auth_harness import ADMIN, HASHES, PASSWORDS, USERS, MakeAuth, config_yaml, no_canary, refusal
from starlette.testclient import TestClient

from proxy import create_app
from runtime_wasm.auth import Session

ROOT = Path(__file__).resolve().parents[2]


def test_a_change_through_one_worker_counts_at_another(make_auth: MakeAuth) -> None:
    auth = make_auth(auth=registering())
    with TestClient(create_app(auth.settings), client=("10.0.0.4", 5000)) as other:
        signed = auth.token_of("jsmith")
        assert change_password(auth, signed, PASSWORDS["jsmith"]).status_code == 200
        assert auth.login("jsmith", NEW_PASSWORD, client=other).status_code == 200
        assert refusal(auth.login("jsmith", PASSWORDS["jsmith"], client=other))[1] == "bad-login"
        assert register(auth, form(), client=other).status_code == 200
        assert auth.login("ada", NEW_PASSWORD).status_code == 200
        renamed = change_details(auth, signed, "last_name", "Smythe")
        assert renamed.status_code == 200, renamed.text
        again = other.post("/v1/session", json={"token": signed})
        assert Session.from_json(again.text).name == "Smythe"  # first_name is null: left out
        # The second worker writes from the file as it is now, not as it read it.
        moved = change_password(auth, signed, NEW_PASSWORD, "Th1rd-canary-Pw!", client=other)
        assert moved.status_code == 200, moved.text
        users = read_config(auth)["credentials"]["usernames"]
        assert set(users) == {"jsmith", "rbriggs", "ada"} and users["jsmith"]["last_name"] == (
            "Smythe"
        )


def test_hand_edits_count_without_a_restart(make_auth: MakeAuth) -> None:
    auth = make_auth()
    signed = auth.token_of("rbriggs")
    assert refusal(auth.query("admin_db", ADMIN, signed))[1] == "role-required"
    promoted = {**USERS, "rbriggs": {**USERS["rbriggs"], "roles": ["admin"]}}
    config_file(auth).write_text(config_yaml(promoted))
    assert auth.query("admin_db", ADMIN, signed).status_code == 200  # the guard reads it too
    assert Session.from_json(auth.session(signed).text).roles == ("admin",)
    config_file(auth).write_text(config_yaml({"jsmith": USERS["jsmith"]}))
    assert refusal(auth.session(signed))[1] == "bad-token"


def test_a_file_broken_by_hand_keeps_the_last_good_users(
    make_auth: MakeAuth, caplog: pytest.LogCaptureFixture
) -> None:
    auth = make_auth(auth=registering())
    good = config_file(auth).read_text()
    broken = good.replace("credentials:", "credentials: [", 1)
    config_file(auth).write_text(broken)
    with caplog.at_level(logging.INFO, logger="stc.proxy"):
        for _ in range(3):
            assert auth.login("jsmith", PASSWORDS["jsmith"]).status_code == 200
        refused = register(auth, form())
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len([w for w in warnings if "changed and cannot be read" in w]) == 1
    assert refusal(refused)[:2] == (500, "internal")
    assert config_file(auth).read_text() == broken  # nothing written over it
    logged = "\n".join(r.getMessage() for r in caplog.records)
    no_canary(logged)
    assert "jsmith" not in logged
    config_file(auth).write_text(good)
    assert register(auth, form()).status_code == 200


def test_writes_are_atomic_and_keep_the_files_mode(make_auth: MakeAuth) -> None:
    auth = make_auth(auth=registering())
    path = config_file(auth)
    path.chmod(0o640)
    inode = path.stat().st_ino
    assert register(auth, form()).status_code == 200
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.stat().st_ino != inode  # a new file took the old one's name
    assert sorted(p.name for p in path.parent.iterdir()) == [
        ".config.yaml.lock",
        ".streamlit",
        "config.yaml",
    ]  # fmt: skip: no temporary file left


def test_concurrent_registrations_all_land(make_auth: MakeAuth) -> None:
    """20 threads through two workers: each change re-reads the file under the lock,
    so none is lost."""
    auth = make_auth(auth=registering())
    count = 20
    start = threading.Barrier(count)
    with TestClient(create_app(auth.settings)) as other:
        apps = [auth.client.app, other.app]

        def one(n: int) -> int:
            client = TestClient(apps[n % 2], client=(f"10.1.0.{n}", 5000))
            start.wait()
            body = form(username=f"user{n}", email=f"user{n}@example.org")
            return int(register(auth, body, client=client).status_code)

        with ThreadPoolExecutor(count) as pool:
            statuses = list(pool.map(one, range(count)))
    assert statuses == [200] * count
    users = read_config(auth)["credentials"]["usernames"]
    assert set(users) == {"jsmith", "rbriggs"} | {f"user{n}" for n in range(count)}
    assert auth.login("user7", NEW_PASSWORD).status_code == 200


_WRITER = """
import sys, time
from pathlib import Path
from proxy._credentials import read_logins
from proxy._credentials_file import change_credentials

site, secrets, tag, start, hashed = sys.argv[1:]
logins = read_logins(Path(site), secrets=Path(secrets), environ={})
time.sleep(max(0.0, float(start) - time.time()))
for n in range(10):
    name = f"{tag}{n}"
    entry = {"email": f"{name}@example.org", "password": hashed, "roles": None}
    change_credentials(logins, lambda c: c.usernames.__setitem__(name, entry))
"""


def test_the_lock_holds_across_processes(make_auth: MakeAuth) -> None:
    auth = make_auth()
    secrets = auth.site.parent / "app" / ".streamlit" / "secrets.toml"
    start = str(time.time() + 2.0)  # past every process's imports, so they overlap
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    hashed = HASHES["jsmith"]
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(auth.site), str(secrets), tag, start, hashed],
            env=env,
        )
        for tag in ("p", "q", "r")
    ]
    assert [writer.wait(timeout=60) for writer in writers] == [0, 0, 0]
    users = yaml.safe_load(config_file(auth).read_text())["credentials"]["usernames"]
    assert len(users) == 2 + 30
    assert auth.login("q9", PASSWORDS["jsmith"]).status_code == 200  # seen without a restart
