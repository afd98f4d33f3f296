"""``stc proxy`` under a steady load: latency, errors and memory, with 1 and 2 workers.

Starts a throwaway PostgreSQL 15 cluster (Debian's ``postgresql``: ``initdb`` and
``pg_ctl`` on a free 127.0.0.1 port, as the ``postgres`` user when run as root; the
folder is removed after) with a ``pets`` table, writes an allowlist holding one
parameterised statement and a secrets file, and for each worker count starts the
proxy and sends it a fixed number of requests per second, then prints a Markdown
table.

The load generator is open-loop (a small asyncio HTTP/1.1 client in this process, on
keep-alive connections): request *i* is due at ``t0 + i / rate`` whatever happened to
the earlier ones, and its latency is counted from that due time, not from when it
actually left. A slow answer therefore cannot hold back the next requests and hide its
own cost (coordinated omission), which a closed-loop tool such as plain ``wrk`` (a
fixed number of connections, each waiting for its answer; wrk2's constant rate is not
in Debian) would do. The price: the generator shares the machine with the proxy and
PostgreSQL, so its own delays count as latency too; the "client lag p99" column (due
time to the moment the request was started) shows how much of that there was, and
the CPU column what each side used.

The proxy runs as its deployment section documents, ``uvicorn proxy.asgi:app
--workers N`` with ``STC_PROXY_*`` variables: this is what ``stc proxy --workers N``
runs for N > 1, and it lets the benchmark raise the per-client rate limit (10/s by
default; every request here comes from 127.0.0.1), which ``stc proxy`` with one worker
does not read from the environment. Each request is logged as in production (to a
file). RSS is summed over the proxy's processes (uvicorn's supervisor and its workers)
from ``/proc``; "idle" is before any request, "start" after the warm-up (the
connection pool and the driver loaded), "end" after the measured run.

    python bench/proxy_load.py [--seconds 60] [--rate 200] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path("/usr/lib/postgresql/15/bin")
ORIGIN = "http://127.0.0.1"
CONNECTION = "pets_db"
SQL = "select name, weight from pets where kind = :kind limit 50"
KINDS = ("dog", "cat", "bird", "fish", "rabbit", "hamster", "turtle", "lizard")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def postgres(rows: int) -> Iterator[tuple[int, int]]:
    """A PostgreSQL cluster with *rows* pets, on a free port; yields its port and the
    postmaster's pid."""
    if not (PG_BIN / "initdb").exists():
        raise SystemExit(f"PostgreSQL not found in {PG_BIN} (apt-get install -y postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="stc-bench-pg-"))
    as_postgres: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(folder, "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", free_port()

    def run(*args: str) -> None:
        subprocess.run([*as_postgres, *args], check=True, capture_output=True, timeout=120)

    try:
        run(str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust")
        run(str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "start",
            "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1")  # fmt: skip
        fill_pets(port, rows)
        yield port, int((data / "postmaster.pid").read_text().split()[0])
    finally:
        if (data / "postmaster.pid").exists():
            run(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def fill_pets(port: int, rows: int) -> None:
    import psycopg

    kinds = "array[" + ", ".join(f"'{k}'" for k in KINDS) + "]"
    with psycopg.connect(host="127.0.0.1", port=port, user="postgres", dbname="postgres") as db:
        db.execute("create table pets (id int primary key, name text, kind text, weight float8)")
        db.execute(
            "insert into pets select i, 'pet-' || i, "
            f"({kinds})[1 + mod(i, {len(KINDS)})], round((random() * 40)::numeric, 2) "
            "from generate_series(1, %s) as i",
            (rows,),
        )
        db.execute("create index on pets (kind)")
        db.execute("analyze pets")


def write_config(folder: Path, pg_port: int) -> tuple[Path, Path]:
    """The allowlist (one statement) and the secrets file, as ``stc build`` and a user
    would write them."""
    sys.path.insert(0, str(ROOT))
    from runtime_wasm.connections import AllowedQuery, dump_allowlist

    allowlist = folder / "queries.json"
    allowlist.write_text(
        dump_allowlist(
            [AllowedQuery(sql=SQL, connection=CONNECTION, params=("kind",), where="bench:1:1")]
        )
    )
    secrets = folder / "secrets.toml"
    secrets.write_text(
        f'[connections.{CONNECTION}]\ndialect = "postgresql"\ndriver = "psycopg"\n'
        f'host = "127.0.0.1"\nport = {pg_port}\nusername = "postgres"\ndatabase = "postgres"\n'
    )
    return allowlist, secrets


# --- the proxy's processes ------------------------------------------------------------


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def process_tree(pid: int) -> list[int]:
    children, tree, todo = _children(), [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


def rss_mb(pid: int) -> float:
    """Resident memory summed over *pid* and its descendants, in MB."""
    total_kb = 0
    for p in process_tree(pid):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
    return total_kb / 1024


def cpu_seconds(pid: int) -> float:
    """User + system CPU time used so far by *pid* and its descendants."""
    ticks = 0
    for p in process_tree(pid):
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def proxy(
    allowlist: Path, secrets: Path, workers: int, log: IO[bytes]
) -> Iterator[tuple[int, int]]:
    """``uvicorn proxy.asgi:app --workers N``; yields its port and pid."""
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "STC_PROXY_ALLOWLIST": str(allowlist),
        "STC_PROXY_SECRETS": str(secrets),
        "STC_PROXY_ALLOW_ORIGINS": ORIGIN,
        # every request comes from 127.0.0.1: lift the per-client limit (10/s, burst 40)
        "STC_PROXY_RATE": "1000000",
        "STC_PROXY_BURST": "1000000",
    }
    command = [sys.executable, "-m", "uvicorn", "proxy.asgi:app", "--host", "127.0.0.1",
               "--port", str(port), "--workers", str(workers), "--no-access-log"]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise SystemExit(f"the proxy exited with {process.returncode}; see {log.name}")
            with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/healthz", timeout=1):
                break
            if time.monotonic() > deadline:
                raise SystemExit(f"the proxy did not answer /healthz in 60 s; see {log.name}")
            time.sleep(0.2)
        if workers > 1:  # /healthz answers as soon as the first worker is up
            deadline = time.monotonic() + 60
            while len(process_tree(process.pid)) < workers + 1 and time.monotonic() < deadline:
                time.sleep(0.2)
            time.sleep(2)
        yield port, process.pid
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)  # our own session: uvicorn and its workers
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


# --- the load ---------------------------------------------------------------------------


@dataclass
class Load:
    """What one open-loop run saw."""

    latencies: list[float] = field(default_factory=list)  # due time → answer read, s
    lags: list[float] = field(default_factory=list)  # due time → request started, s
    errors: Counter[str] = field(default_factory=Counter)
    elapsed: float = 0.0
    resent: int = 0  # sent again on a new connection (a stale keep-alive one), not errors


class Connections:
    """Keep-alive HTTP/1.1 connections to the proxy, at most *size* of them, each
    carrying one request at a time. A few lines of asyncio rather than an HTTP client
    library: the generator shares two cores with the proxy, so it must stay cheap
    (httpx took ~40% of a core at 200 requests/s, and its pool's queue of waiting
    requests costs O(n) per answer, so a backlog there never drains)."""

    MAX_IDLE = 2.0  # s; uvicorn closes keep-alive connections idle for 5 s

    def __init__(self, host: str, port: int, size: int) -> None:
        self.host, self.port = host, port
        self.idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter, float]] = []
        self.slots = asyncio.Semaphore(size)
        self.resent = 0  # requests sent again after a stale keep-alive connection

    async def post(self, path: str, body: bytes, headers: str, timeout: float) -> bytes:
        """POST *body*; the answer's body, or :class:`RequestFailed`."""
        request = (
            f"POST {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n{headers}"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        async with self.slots, asyncio.timeout(timeout):  # past *size*, requests wait here
            reader, writer, reused = await self._connection()
            try:
                status, answer = await self._exchange(reader, writer, request)
            except asyncio.IncompleteReadError as error:
                writer.close()
                if not (reused and not error.partial):
                    raise
                # the server closed this idle keep-alive connection as we sent: send
                # again on a new one, as HTTP clients do for an idempotent request
                self.resent += 1
                reader, writer = await asyncio.open_connection(self.host, self.port)
                status, answer = await self._exchange(reader, writer, request)
            except BaseException:
                writer.close()
                raise
            self.idle.append((reader, writer, time.monotonic()))
        if status != 200:
            raise RequestFailed(f"HTTP {status}")
        return answer

    async def _connection(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter, bool]:
        while self.idle:
            reader, writer, since = self.idle.pop()
            if time.monotonic() - since < self.MAX_IDLE and not reader.at_eof():
                return reader, writer, True
            writer.close()
        reader, writer = await asyncio.open_connection(self.host, self.port)
        return reader, writer, False

    @staticmethod
    async def _exchange(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
    ) -> tuple[int, bytes]:
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        status, length = int(head.split(b" ", 2)[1]), None
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is None:
            raise RequestFailed("answer without Content-Length")
        return status, await reader.readexactly(length)

    def close(self) -> None:
        for _, writer, _ in self.idle:
            writer.close()


class RequestFailed(Exception):
    pass


async def drive(port: int, rate: float, seconds: float, connections: int, seed: int) -> Load:
    """Send ``rate * seconds`` requests, each at its due time, and wait for them all."""
    from runtime_wasm.connections import query_id

    load, rng = Load(), random.Random(seed)
    qid = query_id(SQL)
    bodies = [
        json.dumps({"connection": CONNECTION, "query": qid, "params": {"kind": k}}).encode()
        for k in KINDS
    ]
    headers = f"Origin: {ORIGIN}\r\nContent-Type: application/json\r\n"
    loop = asyncio.get_running_loop()
    pool = Connections("127.0.0.1", port, connections)

    async def one(due: float, body: bytes) -> None:
        load.lags.append(loop.time() - due)
        try:
            answer = await pool.post("/v1/query", body, headers, timeout=10)
            if not json.loads(answer)["data"][0]:
                load.errors["empty answer"] += 1
        except RequestFailed as error:
            load.errors[str(error)] += 1
        except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as error:
            load.errors[type(error).__name__] += 1
        load.latencies.append(loop.time() - due)

    tasks: set[asyncio.Task[None]] = set()
    start = loop.time() + 0.05
    for i in range(round(rate * seconds)):
        due = start + i / rate
        if (delay := due - loop.time()) > 0:
            await asyncio.sleep(delay)
        task = asyncio.create_task(one(due, rng.choice(bodies)))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    await asyncio.gather(*tasks)
    load.elapsed = loop.time() - start
    load.resent = pool.resent
    pool.close()
    return load


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of *values*."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


@dataclass(frozen=True)
class Row:
    workers: int
    load: Load
    rss_idle: float
    rss_start: float
    rss_end: float
    cpu: float  # CPU seconds over the measured run: the proxy's processes...
    cpu_client: float  # ...this process (the load generator)...
    cpu_postgres: float  # ...and PostgreSQL's


def measure(
    allowlist: Path,
    secrets: Path,
    workers: int,
    pg_pid: int,
    args: argparse.Namespace,
    log: IO[bytes],
) -> Row:
    with proxy(allowlist, secrets, workers, log) as (port, pid):
        rss_idle = rss_mb(pid)
        asyncio.run(drive(port, args.rate, args.warmup, args.connections, seed=1))
        rss_start, cpu_start, pg_start = rss_mb(pid), cpu_seconds(pid), cpu_seconds(pg_pid)
        client_start = time.process_time()
        load = asyncio.run(drive(port, args.rate, args.seconds, args.connections, seed=2))
        cpu_client = time.process_time() - client_start
        cpu, cpu_pg = cpu_seconds(pid) - cpu_start, cpu_seconds(pg_pid) - pg_start
        rss_end = rss_mb(pid)
    return Row(workers, load, rss_idle, rss_start, rss_end, cpu, cpu_client, cpu_pg)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def table(rows: Sequence[Row], rate: float) -> list[str]:
    lines = [
        "| workers | requests | errors | answered | p50 | p90 | p99 | max "
        "| client lag p99 | CPU: proxy, client, PostgreSQL | RSS idle | RSS start → end |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        load, lat = row.load, row.load.latencies

        def share(cpu: float, elapsed: float = load.elapsed) -> str:
            return f"{cpu / elapsed * 100:.0f}%"

        errors = sum(load.errors.values())
        resent = f" ({load.resent} resent)" if load.resent else ""
        detail = f" ({', '.join(f'{k}: {v}' for k, v in load.errors.most_common())})"
        lines.append(
            f"| {row.workers} | {len(lat):,} | {errors}{detail if errors else ''}{resent} "
            f"| {len(lat) / load.elapsed:.1f}/s of {rate:g} | {ms(percentile(lat, 50))} "
            f"| {ms(percentile(lat, 90))} | {ms(percentile(lat, 99))} | {ms(max(lat))} "
            f"| {ms(percentile(load.lags, 99))} | {share(row.cpu)}, {share(row.cpu_client)}, "
            f"{share(row.cpu_postgres)} "
            f"| {row.rss_idle:.0f} MB | {row.rss_start:.0f} → {row.rss_end:.0f} MB |"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="measured run (default 60)")
    parser.add_argument("--rate", type=float, default=200.0, help="requests/s (default 200)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="default: 1 2")
    parser.add_argument("--warmup", type=float, default=5.0, help="unmeasured s (default 5)")
    parser.add_argument("--rows", type=int, default=5000, help="pets in the table (default 5000)")
    parser.add_argument(
        "--connections", type=int, default=64, help="client keep-alive connections (default 64)"
    )
    args = parser.parse_args(argv)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="stc-bench-proxy-") as tmp:
        folder = Path(tmp)
        with postgres(args.rows) as (pg_port, pg_pid):
            allowlist, secrets = write_config(folder, pg_port)
            for workers in args.workers:
                load_before = os.getloadavg()[0]
                with (folder / f"proxy-{workers}.log").open("wb") as log:
                    rows.append(measure(allowlist, secrets, workers, pg_pid, args, log))
                print(
                    f"{workers} worker(s): done; load average {load_before:.2f} before, "
                    f"{os.getloadavg()[0]:.2f} after",
                    file=sys.stderr,
                )
    print(
        f"`{SQL}` on {args.rows:,} rows, {args.rate:g} requests/s for {args.seconds:g} s "
        f"(after {args.warmup:g} s of warm-up), latency from each request's due time:\n"
    )
    print("\n".join(table(rows, args.rate)))
    return 0 if all(not row.load.errors for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
