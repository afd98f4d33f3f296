"""A throwaway PostgreSQL cluster for the tests that need a real database: the proxy's
tests and the browser's round trip (the ``postgres`` fixture is in tests/conftest.py).

Debian's ``postgresql`` (``scripts/test.sh`` installs it), made with ``initdb`` on a
free 127.0.0.1 port with a password (scram), run as the ``postgres`` user when the
tests run as root (``initdb`` refuses root), and removed afterwards. It starts in
about a second.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_PASSWORD = "canary-pg-Pa55word-7f3e9b"  # must never appear in an answer or a log line

PETS = [
    (1, "Rex", "dog", 12.5, True),
    (2, "Tom", "cat", 4.2, False),
    (3, "Kiki", "bird", 0.3, True),
    (4, "O'Malley", "cat", 5.0, True),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def cluster() -> Iterator[Postgres]:
    """A PostgreSQL 15 cluster on a free port, with a password; skips the test when the
    binaries are not installed."""
    if not (PG_BIN / "initdb").exists():
        pytest.skip(f"PostgreSQL binaries not found in {PG_BIN} (apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="stc-pg-"))
    as_postgres: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    (folder / "pw").write_text(PG_PASSWORD)
    if as_postgres:
        shutil.chown(folder / "pw", "postgres")
    data, port = folder / "data", free_port()

    def run(*args: str) -> None:
        subprocess.run([*as_postgres, *args], check=True, capture_output=True, timeout=120)

    try:
        run(str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A", "scram-sha-256",
            f"--pwfile={folder / 'pw'}")  # fmt: skip
        run(str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "start",
            "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1")  # fmt: skip
        yield Postgres(port)
    finally:
        if (data / "postmaster.pid").exists():
            run(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


class Postgres:
    """The session's cluster: its secrets table and a way to look at it directly."""

    def __init__(self, port: int) -> None:
        self.port = port

    def table(self, **extra: Any) -> dict[str, Any]:
        return {
            "dialect": "postgresql",
            "driver": "psycopg",
            "host": "127.0.0.1",
            "port": self.port,
            "username": "postgres",
            "password": PG_PASSWORD,
            "database": "postgres",
            **extra,
        }

    def execute(self, sql: str) -> list[tuple[Any, ...]]:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", password=PG_PASSWORD
        ) as conn:
            cursor = conn.execute(sql.encode())
            return cursor.fetchall() if cursor.description else []

    def reset_pets(self) -> None:
        values = ", ".join(
            "({}, '{}', '{}', {}, {})".format(i, n.replace("'", "''"), k, w, o)
            for i, n, k, w, o in PETS
        )
        self.execute(
            "drop table if exists pets; drop table if exists audit;"
            "create table pets (id int primary key, name text, kind text, weight float8, ok bool);"
            "create table audit (note text);"
            f"insert into pets values {values}"
        )
