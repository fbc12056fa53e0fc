"""Young people's pages at scale: query counts constant, p95 against a minimal signed-in page.

Run from the repository root:
    .venv/bin/python benchmarks/voice/run.py            # 2,000 young people, 100,000 items,
                                                        # 1,000,000 access events
    .venv/bin/python benchmarks/voice/run.py --full     # 20,000 / 1,000,000 / 10,000,000

Uses a throwaway SQLite database (DATABASE_URL may point at PostgreSQL instead).
The measured young person has the same share of items and reads as everyone else,
plus a long read history. Prints figures only; asserts nothing about time.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
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


def fast_insert(template, count, varying, chunk=50_000):
    """Insert `count` copies of `template` (an unsaved model object) in one transaction,
    with the fields `varying(n)` returns changed for row n: plain tuples, executemany."""
    from django.db import connection, transaction

    model = type(template)
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    index = {f.attname: i for i, f in enumerate(fields)}
    by_name = {f.name: f for f in fields} | {f.attname: f for f in fields}
    base = [f.get_db_prep_save(getattr(template, f.attname), connection) for f in fields]
    quote = connection.ops.quote_name
    # Table and column names come from the model (quoted); every value is a parameter.
    columns = ", ".join(quote(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    with transaction.atomic(), connection.cursor() as cursor:
        rows = []
        for n in range(count):
            row = list(base)
            for name, value in varying(n).items():
                field = by_name[name]
                row[index[field.attname]] = field.get_db_prep_save(value, connection)
            rows.append(row)
            if len(rows) == chunk:
                cursor.executemany(sql, rows)
                rows = []
        if rows:
            cursor.executemany(sql, rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--young-people", type=int, default=2_000)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--full", action="store_true", help="20,000 / 1,000,000 / 10,000,000")
    parser.add_argument("--repeat", type=int, default=100, help="requests per measure")
    options = parser.parse_args()
    if options.full:
        options.young_people, options.items, options.events = 20_000, 1_000_000, 10_000_000

    workdir = tempfile.mkdtemp(prefix="scaffolding-bench-")
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
    from django.utils import timezone

    call_command("migrate", verbosity=0)
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

    rng = random.Random(2020)
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
    young_ids = list(YoungPerson.objects.values_list("pk", flat=True))
    target = YoungPerson.objects.get(pk=young_ids[0])
    target.account = me
    target.save(update_fields=["account"])
    WorkerLink.objects.create(young_person=target, person=person, kind=LinkKind.NAMED_WORKER)
    now = timezone.now()
    home_id = home.pk
    # Plain rows through executemany: millions of model objects would take most of an hour.
    fast_insert(
        StoryItem(
            partnership=home,
            young_person_id=young_ids[0],
            title="Item",
            text="Words of my own.",
            audience=Audience.EVERYONE,
            created_at=now,
        ),
        options.items,
        lambda n: {
            "young_person_id": young_ids[n % len(young_ids)],
            "title": f"Item {n}",
            "created_at": now - timedelta(minutes=n),
        },
    )
    item = StoryItem.objects.filter(young_person=target).first()
    fast_insert(
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
        lambda n: {
            "young_person_id": target.pk if n % 10 == 0 else rng.choice(young_ids),
            "at": now - timedelta(seconds=n),
        },
    )
    print(
        f"Built {options.young_people:,} young people, {options.items:,} items, "
        f"{options.events:,} access events in {time.perf_counter() - started:.0f} s "
        f"({connection.vendor})."
    )

    young_client, worker_client = Client(), Client()
    young_client.force_login(me)
    worker_client.force_login(worker)
    pages = [
        ("minimal signed-in page (privacy)", worker_client, reverse("core:privacy")),
        ("young person's home", young_client, reverse("voice:home")),
        ("who has looked", young_client, reverse("voice:who_looked")),
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
