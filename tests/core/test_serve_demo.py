"""`make run` serves the demo with a background worker beside the web server.

Before this, jobs queued by the web (imports, invitations) waited forever under
`make run`. This starts the real launcher on its own database and port, queues a
real job, and checks that the worker finishes it and that Ctrl-C stops both.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _env(var_dir: Path, port: int) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        SCAFFOLDING_DEBUG="1",
        SCAFFOLDING_VAR_DIR=str(var_dir),
        SCAFFOLDING_TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        SCAFFOLDING_SITE_URL=f"http://127.0.0.1:{port}",
        BIN=str(BIN),
        HOST="127.0.0.1",
        PORT=str(port),
    )
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def _shell(env: dict, code: str) -> str:
    done = subprocess.run(
        [BIN / "scaffolding", "shell", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def test_launcher_runs_queued_jobs_and_ctrl_c_stops_both(tmp_path):
    port = _free_port()
    env = _env(tmp_path, port)
    subprocess.run(
        [BIN / "scaffolding", "migrate", "--no-input", "-v", "0"], env=env, check=True, timeout=120
    )
    launcher = subprocess.Popen(
        [ROOT / "scripts" / "serve-demo.sh"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    assert r.status == 200
                    break
            except OSError:
                assert time.monotonic() < deadline, "the web server did not start"
                time.sleep(0.3)

        job_id = _shell(
            env,
            "from scaffolding.supervision.tasks import send_supervision_reminders as t;"
            "print(t.enqueue().id)",
        )
        status = ""
        deadline = time.monotonic() + 45
        while status != "SUCCESSFUL":
            assert time.monotonic() < deadline, f"the worker did not finish the job ({status})"
            time.sleep(0.5)
            status = _shell(
                env,
                "from scaffolding.supervision.tasks import send_supervision_reminders as t;"
                f"print(t.get_result('{job_id}').status)",
            )
            assert status != "FAILED"
    finally:
        # What Ctrl-C in the terminal does: SIGINT to the whole process group.
        os.killpg(launcher.pid, signal.SIGINT)
        launcher.wait(timeout=20)
    time.sleep(0.5)
    leftover = subprocess.run(
        ["pgrep", "-f", f"runserver --noreload 127.0.0.1:{port}"], capture_output=True
    )
    assert leftover.returncode == 1, "the web server kept running after Ctrl-C"
