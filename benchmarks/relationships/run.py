"""Relationships at scale: young people with 15 people who matter and years of time together.

Seeds a fresh SQLite database (or DATABASE_URL) with the Glenmorven demo, then
bulk-adds young people, each with people who matter (brothers and sisters among
them), times together over the years, moves of home and staying-in-touch plans.
Prints how long the partnership's relationships figures page and one young
person's relationships page take beside a minimal signed-in page (the home page)
in the same run, with query counts. Figures only; nothing here asserts a time.

    .venv/bin/python benchmarks/relationships/run.py            # 2,000 young people
    .venv/bin/python benchmarks/relationships/run.py --full     # 20,000, as the issue asks
    [--young-people N] [--people-each 15] [--years 5] [--times-a-year 4] [--keep]
    --existing PATH   time the pages again on a database kept with --keep (migrated
                      first, so new indexes are built; seeding 20,000 takes ~15 minutes)
"""

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="20,000 young people")
    parser.add_argument("--young-people", type=int, default=2000)
    parser.add_argument("--people-each", type=int, default=15)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--times-a-year", type=int, default=4, help="times together per person")
    parser.add_argument("--workforce", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the database file")
    parser.add_argument("--existing", metavar="PATH", help="a SQLite file kept with --keep")
    args = parser.parse_args()
    if args.existing:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(args.existing).resolve()}"
        args.keep = True
    if args.full:
        args.young_people = 20000

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
    from scaffolding.relationships.models import (
        Kind,
        Move,
        PersonWhoMatters,
        StayingInTouchPlan,
        TimeTogether,
        Wants,
    )
    from scaffolding.voice.models import LinkKind, WorkerLink, YoungPerson

    settings.ALLOWED_HOSTS = ["*"]
    print(f"Database: {settings.DATABASES['default']['NAME']}")
    call_command("migrate", verbosity=0)
    if args.existing:
        accounts, partnership = existing_accounts(YoungPerson, WorkerLink)
    else:
        core_demo.remove_demo()
        started = time.perf_counter()
        ctx = core_demo.build(size=args.workforce)
        partnership = ctx.partnership
        today = timezone.localdate()
        rng = random.Random(13)

        def at(day):
            return timezone.make_aware(datetime.combine(day, clock(12)))

        workers = [p for p in ctx.people if p.end_date is None]
        practitioner = ctx.accounts["practitioner"].person
        kinds = [k for k in Kind.values if k != Kind.SIBLING]
        wants = [Wants.MORE, Wants.SAME, Wants.SAME, Wants.LESS, Wants.NOT_NOW, ""]
        history = 365 * args.years
        batch = 1000
        made = {"young": 0, "people": 0, "times": 0, "moves": 0}
        for first in range(0, args.young_people, batch):
            young = [
                YoungPerson(
                    partnership=partnership,
                    full_name=f"Young Person {index}",
                    called=f"YP{index}",
                    date_of_birth=today - timedelta(days=rng.randint(4 * 365, 18 * 365)),
                    created_at=at(today - timedelta(days=rng.randint(30, history))),
                )
                for index in range(first, min(first + batch, args.young_people))
            ]
            YoungPerson.objects.bulk_create(young)
            WorkerLink.objects.bulk_create(
                [
                    WorkerLink(
                        partnership=partnership,
                        young_person=person,
                        person=practitioner if person.called == "YP0" else rng.choice(workers),
                        kind=LinkKind.NAMED_WORKER,
                        linked_at=at(today - timedelta(days=rng.randint(10, history))),
                    )
                    for person in young
                ]
            )
            people = []
            for person in young:
                for n in range(args.people_each):
                    sibling = n < 2
                    people.append(
                        PersonWhoMatters(
                            partnership=partnership,
                            young_person=person,
                            name=f"Person {n}",
                            kind=Kind.SIBLING if sibling else rng.choice(kinds),
                            lives_together=(rng.random() < 0.6) if sibling else None,
                            wants=rng.choice(wants),
                            how_often="Every other week",
                            added_at=at(today - timedelta(days=rng.randint(1, history))),
                        )
                    )
            PersonWhoMatters.objects.bulk_create(people, batch_size=5000)
            times = [
                TimeTogether(
                    partnership=partnership,
                    young_person_id=pwm.young_person_id,
                    with_whom=pwm,
                    on=today - timedelta(days=rng.randint(1, history)),
                    what="Time together",
                )
                for pwm in people
                for _ in range(args.times_a_year * args.years)
            ]
            TimeTogether.objects.bulk_create(times, batch_size=10000)
            moves = []
            for person in young:
                for _ in range(rng.choice([0, 0, 1, 1, 2])):
                    emergency = rng.random() < 0.3
                    moved_on = today - timedelta(days=rng.randint(1, history))
                    moves.append(
                        Move(
                            partnership=partnership,
                            young_person=person,
                            kind=Move.Kind.EMERGENCY if emergency else Move.Kind.PLANNED,
                            moved_on=moved_on,
                            plan_recorded_at=at(moved_on) if rng.random() < 0.8 else None,
                            review_due_by=moved_on + timedelta(days=7) if emergency else None,
                            reviewed_on=moved_on + timedelta(days=rng.randint(2, 14))
                            if emergency
                            else None,
                        )
                    )
            Move.objects.bulk_create(moves)
            StayingInTouchPlan.objects.bulk_create(
                [
                    StayingInTouchPlan(
                        partnership=partnership,
                        young_person=person,
                        person=worker,
                        person_name=worker.full_name,
                        reason=StayingInTouchPlan.Reason.MOVED_ON,
                        created_at=at(today - timedelta(days=rng.randint(1, 300))),
                        status=rng.choice(["open", "agreed"]),
                    )
                    for person, worker in ((p, rng.choice(workers)) for p in young[:50])
                ]
            )
            made["young"] += len(young)
            made["people"] += len(people)
            made["times"] += len(times)
            made["moves"] += len(moves)
        print(
            f"Seeded in {time.perf_counter() - started:.1f} s: {made['young']:,} young people, "
            f"{made['people']:,} people who matter, {made['times']:,} times together over "
            f"{args.years} years, {made['moves']:,} moves"
        )

        accounts, partnership = ctx.accounts, ctx.partnership

    def timed(label, client, url):
        best, count = None, None
        client.get(url)  # warm up
        for _ in range(args.repeat):
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                elapsed = time.perf_counter() - start
            assert response.status_code == 200, (url, response.status_code)
            best = elapsed if best is None else min(best, elapsed)
            count = len(queries)
        print(f"{label:<52} {best * 1000:8.1f} ms  ({count} queries)")
        return best

    lead = Client()
    lead.force_login(accounts["promise_lead"])
    worker = Client()
    worker.force_login(accounts["practitioner"])
    yp0 = YoungPerson.objects.get(partnership=partnership, called="YP0")
    home = timed("Minimal signed-in page (home, Promise lead)", lead, reverse("core:home"))
    worker_home = timed("Minimal signed-in page (home, worker)", worker, reverse("core:home"))
    figures = timed(
        "Relationships figures, whole partnership", lead, reverse("relationships:figures")
    )
    page = timed(
        "A young person's relationships page (worker)",
        worker,
        reverse("relationships:young_person", args=[yp0.pk]),
    )
    siblings = timed(
        "Brothers and sisters living apart (Promise lead)", lead, reverse("relationships:siblings")
    )
    print(
        f"Ratios to the minimal page: figures {figures / home:.1f}x, young person's page "
        f"{page / worker_home:.1f}x, brothers and sisters {siblings / home:.1f}x (goal: within 5x)"
    )

    if args.keep:
        return
    if own_database:
        connection.close()
        shutil.rmtree(workdir, ignore_errors=True)
    else:
        core_demo.remove_demo()


def existing_accounts(YoungPerson, WorkerLink):
    """The Promise lead and YP0's named worker in a database seeded by an earlier run."""
    from scaffolding.accounts.models import User

    yp0 = YoungPerson.objects.get(called="YP0")
    worker = WorkerLink.objects.filter(young_person=yp0).select_related("person__user").first()
    lead = User.objects.filter(partnership_id=yp0.partnership_id, role="promise_lead").first()
    return {"promise_lead": lead, "practitioner": worker.person.user}, yp0.partnership


if __name__ == "__main__":
    main()
