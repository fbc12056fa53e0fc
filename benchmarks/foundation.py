"""How long the demo partnership takes to build, and how pages respond as it grows.

Run: .venv/bin/python benchmarks/foundation.py [--sizes 2000 20000]
Uses a throwaway SQLite database (or DATABASE_URL if set). Prints figures; asserts nothing.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("SCAFFOLDING_DEBUG", "1")
os.environ.setdefault("SCAFFOLDING_VAR_DIR", tempfile.mkdtemp(prefix="scaffolding-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scaffolding.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from scaffolding.accounts.demo import DEMO_SLUG  # noqa: E402
from scaffolding.accounts.models import Role, User  # noqa: E402
from scaffolding.core import demo  # noqa: E402

PAGES = [
    (Role.PRACTITIONER, "/"),
    (Role.PRACTITIONER, "/partnership/"),
    (Role.SUPERVISOR, "/workforce/people/"),
    (Role.LEARNING_LEAD, "/workforce/people/"),
    (Role.LEARNING_LEAD, "/workforce/people/?q=Morag"),
    (Role.PARTNERSHIP_ADMIN, "/accounts/"),
]


def time_page(client, url, repeats=7):
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}")
    results = {}
    with override_settings(
        REQUIRE_ADMIN_TWO_FACTOR=False,
        ALLOWED_HOSTS=["testserver"],
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    ):
        for size in args.sizes:
            demo.remove_demo()
            start = time.perf_counter()
            demo.build(size=size)
            build_seconds = time.perf_counter() - start
            print(f"\n{size:>7} people: demo-data built in {build_seconds:.2f} s")
            rows = {}
            for role, url in PAGES:
                client = Client()
                client.force_login(User.objects.get(partnership__slug=DEMO_SLUG, role=role))
                with CaptureQueriesContext(connection) as captured:
                    client.get(url)
                queries = len(captured)
                ms = time_page(client, url)
                rows[(role, url)] = ms
                print(f"  {role:<18} {url:<32} {ms:8.1f} ms  {queries:3d} queries")
            results[size] = (build_seconds, rows)
    if len(args.sizes) >= 2:
        small, large = args.sizes[0], args.sizes[-1]
        print(f"\nratios, {large} people over {small} (1.0 = no slower as data grows):")
        print(f"  demo-data build: {results[large][0] / results[small][0]:.2f}")
        for key, ms in results[large][1].items():
            print(f"  {key[0]:<18} {key[1]:<32} {ms / results[small][1][key]:.2f}")


if __name__ == "__main__":
    main()
