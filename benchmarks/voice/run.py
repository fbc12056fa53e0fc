"""Young people's pages at scale: query counts constant, p95 against a minimal signed-in page.

Run from the repository root:
    .venv/bin/python benchmarks/voice/run.py            # 2,000 young people, 100,000 items,
                                                        # 1,000,000 access events
    .venv/bin/python benchmarks/voice/run.py --full     # 20,000 / 1,000,000 / 10,000,000

Uses a throwaway SQLite database (DATABASE_URL may point at PostgreSQL instead: an empty
database you created). It is kept: `--existing PATH` (SQLite) or `--existing` with the
same DATABASE_URL measures it again without building.
The measured young person has the same share of items and reads as everyone else,
plus a long read history. Prints figures only; asserts nothing about time.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))


def timed(function, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)]


def series_insert(template, count, varying, chunk=1_000_000):
    """Insert `count` copies of `template` (an unsaved model object), generated inside the
    database from a number series x = 0 .. count-1: the columns named in `varying` take
    the SQL expression given (in terms of x), every other column the template's value
    as a parameter. One transaction per million rows; no Python object per row, so ten
    million rows take minutes, not hours."""
    from django.db import connection, transaction

    model = type(template)
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    columns, selects, params = [], [], []
    for field in fields:
        columns.append(connection.ops.quote_name(field.column))
        if field.attname in varying:
            selects.append(varying[field.attname])
        else:
            selects.append("%s")
            params.append(field.get_db_prep_save(getattr(template, field.attname), connection))
    if connection.vendor == "postgresql":
        series = "SELECT x FROM generate_series(%s::bigint, %s::bigint) AS series(x)"
    else:
        series = (
            "WITH RECURSIVE series(x) AS (SELECT %s UNION ALL SELECT x + 1 FROM series"
            " WHERE x < %s) SELECT x FROM series"
        )
    # Names come from the model (quoted), expressions from this script; values are params.
    sql = (
        f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({', '.join(columns)}) "  # noqa: S608
        f"SELECT {', '.join(selects)} FROM ({series}) AS numbers"
    )
    for first in range(0, count, chunk):
        last = min(first + chunk, count) - 1
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # The settings' statement timeout guards web requests, not this build.
                cursor.execute("SET LOCAL statement_timeout = 0")
            cursor.execute(sql, [*params, first, last])


def time_before(now, unit):
    """SQL for `now` minus x `unit`s (seconds or minutes), in the column's stored form."""
    from django.db import connection

    stamp = now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    if connection.vendor == "postgresql":
        return f"(TIMESTAMPTZ '{stamp}+00' - x * INTERVAL '1 {unit}')"
    # SQLite keeps an aware datetime as UTC text; strftime's %f is seconds.millis.
    # (%% because the statement goes through the driver's parameter formatting.)
    return f"strftime('%%Y-%%m-%%d %%H:%%M:%%f', '{stamp}', '-' || x || ' {unit}s')"


def build(options):
    """The benchmark partnership: a worker, the measured young person (with an account)
    and everyone else; items and reads spread evenly, one read in ten of the measured one."""
    from django.db import connection
    from django.utils import timezone

    from scaffolding.accounts.models import Organisation, Partnership, Role, Team, User
    from scaffolding.voice.models import (
        AccessEvent,
        Audience,
        LinkKind,
        StoryItem,
        WorkerLink,
        YoungPerson,
    )
    from scaffolding.workforce.models import Person

    if connection.vendor == "sqlite":
        # Building only: a big page cache for the indexes, back to SQLite's default
        # before anything is timed.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size=-1000000")
    started = time.perf_counter()
    home = Partnership.objects.create(name="Bench", slug="bench", area="Bench")
    org = Organisation.objects.create(partnership=home, name="Council", kind="local_authority")
    team = Team.objects.create(organisation=org, name="Team")
    worker = User.objects.create_user(
        email="worker@bench.example", password="x" * 16, full_name="Worker", partnership=home
    )
    person = Person.objects.create(
        partnership=home,
        full_name="Worker",
        email="worker@bench.example",
        organisation=org,
        team=team,
        start_date=date(2020, 1, 1),
        user=worker,
    )
    me = User.objects.create_user(
        email="me@bench.example",
        password="x" * 16,
        full_name="Me",
        partnership=home,
        role=Role.YOUNG_PERSON,
    )
    born = date.today() - timedelta(days=365 * 14)
    YoungPerson.objects.bulk_create(
        [
            YoungPerson(
                partnership=home, full_name=f"Young {i}", called=f"Y{i}", date_of_birth=born
            )
            for i in range(options.young_people)
        ],
        batch_size=5000,
    )
    young_ids = list(YoungPerson.objects.order_by("pk").values_list("pk", flat=True))
    target = YoungPerson.objects.get(pk=young_ids[0])
    target.account = me
    target.save(update_fields=["account"])
    WorkerLink.objects.create(young_person=target, person=person, kind=LinkKind.NAMED_WORKER)
    now = timezone.now()
    home_id = home.pk
    # Young people were made in one go on an empty table, so their ids run without gaps.
    # Reads not of the measured young person are numbered y = 0, 1, 2... and read y is
    # of young person first + (y * a large prime) mod n: scattered, the same share each.
    first, count = young_ids[0], len(young_ids)
    assert young_ids[-1] - first + 1 == count, "young people's ids are not contiguous"
    spread = f"({first} + (((x - x / 10 - 1) * 2654435761) %% {count}))"
    series_insert(
        StoryItem(
            partnership=home,
            young_person_id=first,
            title="Item",
            text="Words of my own.",
            audience=Audience.EVERYONE,
            created_at=now,
        ),
        options.items,
        {
            "young_person_id": f"({first} + (x %% {count}))",
            "title": "'Item ' || x",
            "created_at": time_before(now, "minute"),
        },
    )
    item = StoryItem.objects.filter(young_person=target).first()
    # One read in ten is of the measured young person: a long history of their own.
    series_insert(
        AccessEvent(
            partnership_id=home_id,
            young_person_id=target.pk,
            who=worker,
            who_name="Worker",
            who_role="Practitioner",
            what="item",
            what_id=item.pk,
            what_title="Item",
            how="page",
            at=now,
        ),
        options.events,
        {
            "young_person_id": f"(CASE WHEN x %% 10 = 0 THEN {target.pk} ELSE {spread} END)",
            "at": time_before(now, "second"),
        },
    )
    print(
        f"Built {options.young_people:,} young people, {options.items:,} items, "
        f"{options.events:,} access events in {time.perf_counter() - started:.0f} s "
        f"({connection.vendor})."
    )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size=-2000")
    return me, worker, item


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--young-people", type=int, default=2_000)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--full", action="store_true", help="20,000 / 1,000,000 / 10,000,000")
    parser.add_argument("--repeat", type=int, default=100, help="requests per measure")
    parser.add_argument(
        "--existing",
        metavar="PATH",
        nargs="?",
        const="",
        help="measure a database built before: a SQLite file, or DATABASE_URL's if no PATH",
    )
    options = parser.parse_args()
    if options.full:
        options.young_people, options.items, options.events = 20_000, 1_000_000, 10_000_000

    workdir = tempfile.mkdtemp(prefix="scaffolding-bench-")
    if options.existing:
        os.environ["DATABASE_URL"] = f"sqlite:///{options.existing}"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{Path(workdir) / 'bench.sqlite3'}")
    os.environ.update(
        SCAFFOLDING_DEBUG="1",
        SCAFFOLDING_VAR_DIR=workdir,
        DJANGO_SETTINGS_MODULE="scaffolding.settings",
        SCAFFOLDING_AXES_ENABLED="0",
        SCAFFOLDING_ALLOWED_HOSTS="testserver",
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    call_command("migrate", verbosity=0)
    from scaffolding.accounts.models import User
    from scaffolding.voice.models import (
        AccessEvent,
        StoryItem,
    )

    if options.existing is not None:
        me = User.objects.get(email="me@bench.example")
        worker = User.objects.get(email="worker@bench.example")
        item = StoryItem.objects.filter(young_person__account=me).first()
        print(f"Measuring what was built before: {AccessEvent.objects.count():,} access events.")
    else:
        me, worker, item = build(options)
        print(f"Kept; measure it again with --existing: {os.environ['DATABASE_URL']}")

    # A look halfway down the measured young person's history: "see older looks" from there.
    mine = AccessEvent.objects.filter(young_person__account=me).order_by("-at", "-pk")
    deep = mine.values_list("pk", flat=True)[mine.count() // 2]
    young_client, worker_client = Client(), Client()
    young_client.force_login(me)
    worker_client.force_login(worker)
    pages = [
        ("minimal signed-in page (privacy)", worker_client, reverse("core:privacy")),
        ("young person's home", young_client, reverse("voice:home")),
        ("who has looked", young_client, reverse("voice:who_looked")),
        ("who has looked, far back", young_client, f"{reverse('voice:who_looked')}?before={deep}"),
        ("item page (worker; logs a read)", worker_client, reverse("voice:item", args=[item.pk])),
    ]
    baseline = None
    for label, client, url in pages:
        reset_queries()  # DEBUG keeps at most 9,000 queries; start from an empty log
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        median, p95 = timed(lambda c=client, u=url: c.get(u), options.repeat)
        baseline = baseline or p95
        print(
            f"{label:<34} queries {len(queries):>2}  median {median:6.1f} ms  "
            f"p95 {p95:6.1f} ms  ({p95 / baseline:.1f}x the minimal page)"
        )
    before = AccessEvent.objects.count()
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        worker_client.get(reverse("voice:item", args=[item.pk]))
    inserts = sum(1 for q in queries if q["sql"].lstrip().upper().startswith("INSERT"))
    print(f"reading an item: {AccessEvent.objects.count() - before} event, {inserts} INSERT")


if __name__ == "__main__":
    main()
