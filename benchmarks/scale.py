"""Every page for every role, timed as the partnership grows.

    .venv/bin/python benchmarks/scale.py --sizes 2000 20000 [200000] [--database URL]
        [--repeat 7] [--only TEXT]

For each size it empties the database, builds the demo partnership with the demo
builder (`scaffolding demo-data --size N`), then asks every page as every role
(only pages that role may open: answers other than 200 are left out) and prints
p50, p95 and the query count, each time also as a multiple of a minimal signed-in
page (the accessibility statement, signed in) timed in the same run. With two
sizes or more it prints the growth from the smallest to the largest size. Figures
the background worker keeps for pages (core.figures: the provision map, team
wellbeing, grouped learning gaps) are worked out first, as the worker would, and
that time is printed.

Figures only; nothing here asserts a time. Uses a throwaway SQLite database under
a temporary directory unless --database (or DATABASE_URL) is given; that database
is flushed, so never point it at one you need.
"""

import argparse
import importlib
import logging
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

MINIMAL = "/accessibility/"

# (label, url or a function of (own person) -> url)
PAGES = [
    ("home", "/"),
    ("partnership", "/partnership/"),
    ("register", "/workforce/people/"),
    ("register search", "/workforce/people/?q=Morag"),
    ("own register entry", lambda own: f"/workforce/people/{own['person']}/"),
    ("my learning", "/workforce/my-learning/"),
    ("catalogue", "/workforce/catalogue/"),
    ("role profiles", "/workforce/role-profiles/"),
    ("gaps by partnership", "/workforce/gaps/?by=partnership"),
    ("gaps by organisation", "/workforce/gaps/?by=organisation"),
    ("gaps by team", "/workforce/gaps/?by=team"),
    ("gaps by role profile", "/workforce/gaps/?by=role_profile"),
    ("gaps by person", "/workforce/gaps/?by=person"),
    ("gaps by person, only gaps", "/workforce/gaps/?by=person&only=gaps"),
    ("my supervision", "/supervision/"),
    ("a session", lambda own: own["session"] and f"/supervision/sessions/{own['session']}/"),
    ("reflections", "/supervision/reflections/"),
    (
        "a reflection",
        lambda own: own["reflection"] and f"/supervision/reflections/{own['reflection']}/",
    ),
    ("check-in", "/supervision/wellbeing/"),
    ("team wellbeing", "/supervision/wellbeing/overview/"),
    ("supervision due", "/supervision/due/"),
    ("supervision overdue only", "/supervision/due/?status=overdue"),
    ("groups", "/supervision/groups/"),
    ("supervisor training", "/supervision/training/"),
    ("provision map", "/supervision/provision/"),
    ("check my writing", "/language/check/"),
    ("glossary", "/language/glossary/"),
    ("language indicator", "/language/indicator/"),
    ("progress overview", "/progress/"),
    ("frameworks", "/progress/frameworks/"),
    ("initiatives", "/progress/initiatives/"),
    ("evidence", "/progress/evidence/"),
    ("progress report", "/progress/report/"),
    ("progress report PDF", "/progress/report.pdf"),
    ("accounts", "/accounts/"),
    ("change history", "/change-history/"),
]


def setup(database: str | None) -> None:
    if database:
        os.environ["DATABASE_URL"] = database
    elif "DATABASE_URL" not in os.environ:
        workdir = tempfile.mkdtemp(prefix="scaffolding-scale-")
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/scale.sqlite3"
    os.environ.setdefault("SCAFFOLDING_VAR_DIR", tempfile.mkdtemp(prefix="scaffolding-scale-var-"))
    os.environ.setdefault("SCAFFOLDING_DEBUG", "1")
    os.environ.setdefault("SCAFFOLDING_LOG_LEVEL", "ERROR")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scaffolding.settings")
    os.environ.setdefault(
        "SCAFFOLDING_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend"
    )
    import django

    django.setup()
    logging.disable(logging.CRITICAL)  # refusals and errors are counted, not logged


def percentile(values, share):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--database", help="database URL (flushed!); default a temporary SQLite")
    parser.add_argument("--repeat", type=int, default=7, help="timed requests per page")
    parser.add_argument("--only", default="", help="only pages whose label contains this")
    parser.add_argument(
        "--existing",
        action="store_true",
        help="time the demo partnership already in the database (no flush, no build)",
    )
    args = parser.parse_args()
    setup(args.database)

    from django.apps import apps as django_apps
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from scaffolding.accounts.demo import DEMO_SLUG
    from scaffolding.accounts.models import Partnership, Role, User
    from scaffolding.core import demo
    from scaffolding.core import figures as kept_figures
    from scaffolding.supervision.models import Reflection
    from scaffolding.supervision.records import sessions_for
    from scaffolding.workforce.models import Person

    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")

    def measure(client, url):
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        if response.status_code >= 500:
            print(f"  !! {url} answered {response.status_code}", flush=True)
        if response.status_code != 200:
            return None
        timings = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            client.get(url)
            timings.append(time.perf_counter() - start)
        return percentile(timings, 0.5), percentile(timings, 0.95), len(captured)

    results = {}
    with override_settings(
        REQUIRE_ADMIN_TWO_FACTOR=False,
        ALLOWED_HOSTS=["testserver"],
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    ):
        for size in [None] if args.existing else args.sizes:
            if size is None:
                size = Person.objects.filter(partnership__slug=DEMO_SLUG).count()
                built = 0.0
                print(f"\n{size:,} people: the demo already in the database")
            else:
                call_command("flush", interactive=False, verbosity=0)
                # flush empties the learning topics a data migration adds; put them back.
                topics = importlib.import_module(
                    "scaffolding.workforce.migrations.0003_core_topics"
                )
                topics.add_topics(django_apps, None)
                start = time.perf_counter()
                demo.build(size=size)
                built = time.perf_counter() - start
                print(f"\n{size:,} people: demo built in {built:.1f} s")
            # What the background worker does for pages that show kept figures
            # (core.figures): timed here, then the pages show what it kept.
            partnership_id = Partnership.objects.get(slug=DEMO_SLUG).pk
            for kind in kept_figures.KINDS:
                start = time.perf_counter()
                asked, _ = kept_figures.request(partnership_id, kind)
                kept_figures.work_out(asked.pk)
                print(
                    f"  kept figures {kind}: worked out by the worker in "
                    f"{time.perf_counter() - start:.2f} s"
                )
            rows = {}
            minimal_p50 = None
            accounts = User.objects.filter(partnership__slug=DEMO_SLUG)
            for user in sorted(accounts, key=lambda user: Role.values.index(user.role)):
                role = user.role
                person = getattr(user, "person", None)
                own = {"person": None, "session": None, "reflection": None}
                if person is not None:
                    own["person"] = person.pk
                    own["session"] = sessions_for(person).values_list("pk", flat=True).first()
                    own["reflection"] = (
                        Reflection.objects.filter(author=person)
                        .values_list("pk", flat=True)
                        .first()
                    )
                client = Client(raise_request_exception=False)
                client.force_login(user)
                client.get(MINIMAL)
                minimal = measure(client, MINIMAL)
                if minimal_p50 is None:
                    minimal_p50 = minimal[0]
                    print(
                        f"  minimal signed-in page {MINIMAL}: p50 {minimal[0] * 1000:.1f} ms, "
                        f"p95 {minimal[1] * 1000:.1f} ms, {minimal[2]} queries"
                    )
                    print(
                        f"  {'role':<18} {'page':<28} {'p50 ms':>9} {'p95 ms':>9} "
                        f"{'queries':>7} {'p95 ×min':>9}"
                    )
                for label, url in PAGES:
                    if args.only and args.only not in label:
                        continue
                    if callable(url):
                        if own["person"] is None:
                            continue
                        url = url(own)
                        if not url:
                            continue
                    figures = measure(client, url)
                    if figures is None:
                        continue
                    p50, p95, queries = figures
                    rows[(role, label)] = figures
                    print(
                        f"  {role:<18} {label:<28} {p50 * 1000:9.1f} {p95 * 1000:9.1f} "
                        f"{queries:7d} {p95 / minimal_p50:9.1f}",
                        flush=True,
                    )
            results[size] = (built, minimal_p50, rows)
            # Like a gunicorn worker that has served every page once (Linux: KiB).
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"  peak memory of this process after every page: {peak:.0f} MiB")

    if len(results) >= 2:
        small, large = min(args.sizes), max(args.sizes)
        print(f"\ngrowth from {small:,} to {large:,} people (p95 over p95; 1.0 = no slower):")
        print(f"  demo build: {results[large][0] / results[small][0]:.1f}")
        for key, (_, p95, _) in results[large][2].items():
            if key in results[small][2]:
                print(f"  {key[0]:<18} {key[1]:<28} {p95 / results[small][2][key][1]:6.1f}")


if __name__ == "__main__":
    main()
