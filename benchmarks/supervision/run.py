"""Supervision at scale: 20,000 people with three years of sessions.

Seeds a fresh SQLite database (or DATABASE_URL) with the Glenmorven demo at the
given size and three years of supervision, then prints how long the due/overdue
dashboard and the provision map take. Figures only; nothing here asserts a time.

    .venv/bin/python benchmarks/supervision/run.py [--size 20000] [--years 3] [--keep]
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20000)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the database file")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="scaffolding-bench-"))
    own_database = "DATABASE_URL" not in os.environ
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("SCAFFOLDING_DEBUG", "1")
    os.environ.setdefault("SCAFFOLDING_LOG_LEVEL", "ERROR")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scaffolding.settings")
    os.environ.setdefault(
        "SCAFFOLDING_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend"
    )

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    from scaffolding.core import demo as core_demo
    from scaffolding.supervision import cadence, provision
    from scaffolding.supervision import demo as supervision_demo
    from scaffolding.supervision.models import Attendance, Session
    from scaffolding.workforce.models import Person

    settings.ALLOWED_HOSTS = ["*"]
    print(f"Database: {settings.DATABASES['default']['NAME']}")
    call_command("migrate", verbosity=0)
    core_demo.remove_demo()
    supervision_demo.HISTORY_DAYS = 365 * args.years
    started = time.perf_counter()
    ctx = core_demo.build(size=args.size)
    print(
        f"Seeded {args.size:,} people with {args.years} years of supervision in "
        f"{time.perf_counter() - started:.1f} s: {Session.objects.count():,} sessions, "
        f"{Attendance.objects.count():,} attendances"
    )
    partnership_id = ctx.partnership.pk
    today = timezone.localdate()

    def timed(label, function):
        best = None
        for _ in range(args.repeat):
            reset_queries()  # the query log holds 9,000 at most; start each count afresh
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                result = function()
                elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        print(f"{label:<58} {best * 1000:8.0f} ms  ({len(queries)} queries)")
        return result

    people = Person.objects.filter(partnership_id=partnership_id)
    rows = timed(
        "Cadence: standing of everyone (function)", lambda: cadence.standings(people, today)
    )
    totals = cadence.counts(rows)
    print(
        "   " + ", ".join(f"{cadence.Status.LABELS[k].lower()}: {v:,}" for k, v in totals.items())
    )
    timed(
        "Provision map (function)",
        lambda: provision.provision_map(partnership_id, today),
    )

    lead = Client()
    lead.force_login(ctx.accounts["learning_lead"])
    supervisor = Client()
    supervisor.force_login(ctx.accounts["supervisor"])
    for label, client, url in [
        ("Due/overdue dashboard, whole partnership (page)", lead, reverse("supervision:cadence")),
        (
            "Due/overdue dashboard, overdue only (page)",
            lead,
            reverse("supervision:cadence") + "?status=overdue",
        ),
        (
            "Due/overdue dashboard, a supervisor's people (page)",
            supervisor,
            reverse("supervision:cadence"),
        ),
        ("Provision map with chart (page)", lead, reverse("supervision:provision")),
        ("Provision map CSV", lead, reverse("supervision:provision_export", args=["csv"])),
        ("Provision map PDF", lead, reverse("supervision:provision_export", args=["pdf"])),
        ("Team wellbeing (page)", lead, reverse("supervision:wellbeing_overview")),
    ]:
        timed(label, lambda client=client, url=url: client.get(url))

    if args.keep:
        return
    if own_database:
        # Our own throwaway file: removing it is far quicker than deleting row by row.
        connection.close()
        shutil.rmtree(workdir, ignore_errors=True)
    else:
        core_demo.remove_demo()


if __name__ == "__main__":
    main()
