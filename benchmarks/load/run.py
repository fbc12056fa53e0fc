"""Load test a local Scaffolding server with locust and print the figures that matter.

    .venv/bin/python benchmarks/load/run.py --host http://127.0.0.1:8000 --users 50 --minutes 5

Bounded in time (--minutes, at most 15) and loopback only: it refuses any other
host, so nobody load tests a live service by mistake. The server needs the demo
data (`scaffolding demo-data`) and a sign-in rate high enough for every simulated
person to sign in from one address (SCAFFOLDING_SIGN_IN_RATE=1000/m).
Prints requests per second, p50/p95/p99 in milliseconds and the error count;
exits 1 when there are errors or p95 is above --p95-ms.
"""

import argparse
import csv
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="http://127.0.0.1:8000")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=5)
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--p95-ms", type=float, default=1000)
    args = parser.parse_args()
    if urlparse(args.host).hostname not in LOOPBACK:
        parser.error("only a server on this machine (127.0.0.1 or localhost) may be load tested")
    if not 0 < args.minutes <= 15:
        parser.error("--minutes must be more than 0 and at most 15")
    with tempfile.TemporaryDirectory() as work:
        prefix = Path(work) / "stats"
        subprocess.run(
            [
                sys.executable, "-m", "locust", "-f", str(HERE / "locustfile.py"),
                "--headless", "--host", args.host, "--users", str(args.users),
                "--spawn-rate", str(args.spawn_rate), "--run-time", f"{int(args.minutes * 60)}s",
                "--stop-timeout", "10", "--csv", str(prefix), "--only-summary",
                "--loglevel", "WARNING",
            ],
            check=False,
        )  # fmt: skip
        with open(f"{prefix}_stats.csv", newline="") as handle:
            rows = list(csv.DictReader(handle))
    total = next(row for row in rows if row["Name"] == "Aggregated")
    requests, failures = int(total["Request Count"]), int(total["Failure Count"])
    p95 = float(total["95%"])
    print(f"\n{args.users} users for {args.minutes:g} min against {args.host}")
    print(f"requests: {requests}  requests/s: {float(total['Requests/s']):.1f}  errors: {failures}")
    print(
        f"p50: {float(total['50%']):.0f} ms  p95: {p95:.0f} ms  p99: {float(total['99%']):.0f} ms"
    )
    slowest = sorted(
        (row for row in rows if row["Name"] != "Aggregated"),
        key=lambda row: float(row["95%"]),
        reverse=True,
    )[:5]
    for row in slowest:
        print(f"  p95 {float(row['95%']):6.0f} ms  {row['Type']:4} {row['Name']}")
    ok = failures == 0 and p95 <= args.p95_ms
    print("OK" if ok else f"NOT OK: target is 0 errors and p95 under {args.p95_ms:g} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
