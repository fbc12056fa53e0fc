"""Finding 7: the worker survives a database outage because its loop starts it again."""

import os
import signal
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_worker_is_started_again_after_it_exits(tmp_path):
    log = tmp_path / "calls.log"
    fake = tmp_path / "scaffolding"
    # A stand-in for the real command: the worker "dies" at once, as on a database error.
    fake.write_text(f'#!/bin/sh\necho "$1" >> {log}\n[ "$1" = db_worker ] && exit 1\nexit 0\n')
    fake.chmod(0o755)
    env = {**os.environ, "BIN": str(tmp_path), "RESTART_DELAY": "0.2"}
    loop = subprocess.Popen([ROOT / "scripts" / "run-worker.sh"], env=env)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if log.exists() and log.read_text().count("db_worker") >= 3:
                break
            time.sleep(0.1)
    finally:
        loop.send_signal(signal.SIGTERM)
        loop.wait(timeout=10)
    calls = log.read_text().split()
    assert calls.count("db_worker") >= 3
    # Stopped imports are recovered before every start.
    assert calls[:4] == ["recover-imports", "db_worker", "recover-imports", "db_worker"]
