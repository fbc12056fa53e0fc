"""Hang and stop a PostgreSQL of our own; show /healthz answers 503 within 1 s and recovers.

Starts a temporary cluster (initdb + pg_ctl from /usr/lib/postgresql/*/bin) on a
free loopback port, serves Scaffolding with gunicorn against it, then:

1. healthy: /healthz 200;
2. hung: the postmaster is frozen with SIGSTOP (new connections hang);
3. stopped: the server is shut down (connections refused);
4. recovered: SIGCONT / started again; /healthz 200 without restarting gunicorn.

It prints the status and time of each probe, and exits 1 if any probe while the
database is hung or stopped takes 1 s or more, or if it does not recover.

    .venv/bin/python benchmarks/fault/healthz_hang.py [--probes 5]
"""

import argparse
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_postgres(command: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def probe(url: str) -> tuple[int, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return status, time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probes", type=int, default=5)
    args = parser.parse_args()
    pg_bin = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))[-1]).parent
    work = Path(tempfile.mkdtemp(prefix="sc-fault-"))
    data = work / "data"
    if os.geteuid() == 0:
        shutil.chown(work, "postgres", "postgres")
    pg_port, web_port = free_port(), free_port()
    pg_ctl = as_postgres([str(pg_bin / "pg_ctl"), "-D", str(data), "-l", str(work / "pg.log")])
    gunicorn = None
    failures = []
    try:
        subprocess.run(
            as_postgres([str(pg_bin / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]),
            check=True,
            capture_output=True,
        )
        options = f"-p {pg_port} -k {work} -c listen_addresses=127.0.0.1"
        subprocess.run([*pg_ctl, "-o", options, "-w", "start"], check=True, capture_output=True)
        postmaster = int((data / "postmaster.pid").read_text().split()[0])
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT / "src"),
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{pg_port}/postgres",
            "SCAFFOLDING_SECRET_KEY": "fault-test-" + "k" * 50,
            "SCAFFOLDING_ALLOWED_HOSTS": "127.0.0.1",
            "SCAFFOLDING_SSL_REDIRECT": "0",
            "SCAFFOLDING_DEBUG": "0",
        }
        gunicorn = subprocess.Popen(
            [str(BIN / "gunicorn"), "scaffolding.wsgi", "--workers", "2", "--timeout", "30"]
            + ["--bind", f"127.0.0.1:{web_port}", "--log-level", "warning"],
            env=env,
            cwd=ROOT,
        )
        url = f"http://127.0.0.1:{web_port}/healthz"
        for _ in range(100):
            if probe(url)[0] == 200:
                break
            time.sleep(0.1)

        def phase(name, expect):
            for _ in range(args.probes):
                status, seconds = probe(url)
                print(f"{name:<10} /healthz {status} in {seconds * 1000:6.0f} ms")
                if status != expect or (expect == 503 and seconds >= 1.0):
                    failures.append((name, status, round(seconds, 2)))
                time.sleep(0.2)

        phase("healthy", 200)
        os.kill(postmaster, signal.SIGSTOP)
        phase("hung", 503)
        os.kill(postmaster, signal.SIGCONT)
        time.sleep(0.5)
        phase("resumed", 200)
        subprocess.run([*pg_ctl, "-m", "immediate", "-w", "stop"], check=True, capture_output=True)
        phase("stopped", 503)
        subprocess.run([*pg_ctl, "-o", options, "-w", "start"], check=True, capture_output=True)
        time.sleep(0.5)
        phase("restarted", 200)
        print(f"gunicorn still the same process: {gunicorn.poll() is None} (pid {gunicorn.pid})")
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            gunicorn.wait(timeout=10)
        if (data / "postmaster.pid").exists():
            pid = int((data / "postmaster.pid").read_text().split()[0])
            os.kill(pid, signal.SIGCONT)
            subprocess.run([*pg_ctl, "-m", "immediate", "-w", "stop"], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)
    print(
        "FAILED: " + repr(failures) if failures else "OK: 503 within 1 s, recovered without restart"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
