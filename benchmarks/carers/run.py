"""Family carers at scale: carer households with agreements, asks, decisions, short breaks.

Seeds a fresh SQLite database (or DATABASE_URL) with the Glenmorven demo and
`--households` more carer households (500 by default, scaled down so it runs in a
minute; `--full` seeds 5,000), then prints how long the carer's page, a social
worker's page and the figures page take beside a minimal signed-in page in the same
run, and their query counts at two sizes (they must not grow). Figures only;
nothing here asserts a time.

    .venv/bin/python benchmarks/carers/run.py [--households 500 | --full] [--keep]
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

FULL = 5000
CASELOAD = 20  # young people per social worker in the seeded households


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=500)
    parser.add_argument("--full", action="store_true", help=f"seed {FULL:,} households")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the database file")
    args = parser.parse_args()
    households = FULL if args.full else args.households

    workdir = Path(tempfile.mkdtemp(prefix="scaffolding-bench-"))
    own_database = "DATABASE_URL" not in os.environ
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("SCAFFOLDING_DEBUG", "1")
    os.environ.setdefault("SCAFFOLDING_LOG_LEVEL", "ERROR")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scaffolding.settings")
    os.environ.setdefault(
        "SCAFFOLDING_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend"
    )
    os.environ.setdefault("SCAFFOLDING_TASKS_BACKEND", "django_tasks.backends.dummy.DummyBackend")

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from scaffolding.core import demo as core_demo

    settings.ALLOWED_HOSTS = ["*"]
    print(f"Database: {settings.DATABASES['default']['NAME']}")
    call_command("migrate", verbosity=0)
    core_demo.remove_demo()
    ctx = core_demo.build(size=300)

    carer = Client()
    carer.force_login(ctx.accounts["family_carer"])
    worker = Client()
    worker.force_login(ctx.accounts["practitioner"])
    lead = Client()
    lead.force_login(ctx.accounts["promise_lead"])
    pages = [
        ("Minimal signed-in page (accessibility statement)", carer, reverse("core:accessibility")),
        ("Carer's page: young people, what they decide, asks", carer, reverse("carers:home")),
        ("Social worker's page: young people and asks to answer", worker, reverse("carers:home")),
        ("Family carers' figures (whole partnership)", lead, reverse("carers:measures")),
    ]

    def measure(client, url):
        best, count = None, None
        for _ in range(args.repeat):
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                elapsed = time.perf_counter() - start
            assert response.status_code == 200, url
            best = elapsed if best is None else min(best, elapsed)
            count = len(queries)
        return best, count

    small = {label: measure(client, url)[1] for label, client, url in pages}
    started = time.perf_counter()
    seed_households(ctx, households)
    print(f"Seeded {households:,} carer households in {time.perf_counter() - started:.1f} s")
    from scaffolding.carers.models import Agreement, AreaRule, Ask, Decision, ShortBreak

    print(
        f"   {Agreement.objects.count():,} agreements, {AreaRule.objects.count():,} area rules, "
        f"{Ask.objects.count():,} asks, {Decision.objects.count():,} decisions, "
        f"{ShortBreak.objects.count():,} short breaks"
    )
    results = {label: measure(client, url) for label, client, url in pages}
    baseline = results[pages[0][0]][0]
    print(f"{'page':<56} {'best':>8} {'× minimal':>10} {'queries':>8} {'at demo size':>13}")
    for label, (elapsed, count) in results.items():
        print(
            f"{label:<56} {elapsed * 1000:6.0f} ms {elapsed / baseline:9.1f}× {count:8d}"
            f" {small[label]:13d}"
        )

    if args.keep:
        print(f"Kept: {workdir}")
    elif own_database:
        shutil.rmtree(workdir, ignore_errors=True)


def seed_households(ctx, count: int) -> None:
    """`count` carers, each with a young person, an agreement in force, asks and more."""
    from django.db import transaction
    from django.utils import timezone

    from scaffolding.accounts.models import Organisation
    from scaffolding.carers.models import (
        STANDARD_AREAS,
        AgreedBy,
        Agreement,
        AreaRule,
        Ask,
        Decision,
        ShortBreak,
        Who,
    )
    from scaffolding.voice.models import LinkKind, WorkerLink, YoungPerson
    from scaffolding.workforce.models import Closeness, Person, Relationship

    rng, pid = ctx.rng, ctx.partnership.pk
    now = timezone.now()
    today = timezone.localdate()
    carers_org = Organisation.objects.get(
        partnership=ctx.partnership, kind=Organisation.Kind.FAMILY_CARERS
    )
    # The demo social worker first, so her page carries a full caseload too.
    morag = Person.objects.get(user=ctx.accounts["practitioner"])
    workers = [morag] + list(
        Person.objects.filter(partnership=ctx.partnership, closeness=Closeness.REGULAR_DIRECT)
        .exclude(user__isnull=False)
        .order_by("pk")
    )
    batch = 2000
    with transaction.atomic():
        carers = Person.objects.bulk_create(
            [
                Person(
                    partnership_id=pid,
                    full_name=f"Carer {index}",
                    organisation=carers_org,
                    relationship=Relationship.FOSTER_CARER,
                    closeness=Closeness.DAILY_CARE,
                    start_date=date(2020, 1, 1),
                )
                for index in range(count)
            ],
            batch_size=batch,
        )
        children = YoungPerson.objects.bulk_create(
            [
                YoungPerson(
                    partnership_id=pid,
                    full_name=f"Young person {index}",
                    called=f"Young person {index}",
                    date_of_birth=date(2008 + index % 10, 1 + index % 12, 1),
                )
                for index in range(count)
            ],
            batch_size=batch,
        )
        links, agreements = [], []
        for index, (child, carer) in enumerate(zip(children, carers, strict=True)):
            social_worker = workers[(index // CASELOAD) % len(workers)]
            child.social_worker = social_worker
            links.append(
                WorkerLink(
                    partnership_id=pid,
                    young_person=child,
                    person=carer,
                    kind=LinkKind.FAMILY_CARER,
                )
            )
            links.append(
                WorkerLink(
                    partnership_id=pid,
                    young_person=child,
                    person=social_worker,
                    kind=LinkKind.SOCIAL_WORKER,
                )
            )
            agreements.append(
                Agreement(
                    partnership_id=pid,
                    young_person=child,
                    version=1,
                    status=Agreement.Status.IN_FORCE,
                    young_person_view="Fine by me.",
                    review_on=today + timedelta(days=180),
                    in_force_at=now,
                )
            )
        WorkerLink.objects.bulk_create(links, batch_size=batch)
        Agreement.objects.bulk_create(agreements, batch_size=batch)
        rules, agreed, asks, decisions, breaks = [], [], [], [], []
        for agreement, child, carer in zip(agreements, children, carers, strict=True):
            agreement.areas_listed = len(STANDARD_AREAS)
            for area in STANDARD_AREAS:
                asked = rng.random() < 0.2
                agreement.areas_delegated += 0 if asked else 1
                rules.append(
                    AreaRule(
                        partnership_id=pid,
                        agreement=agreement,
                        area=area.value,
                        label=area.label,
                        who=Who.ASK if asked else Who.CARER,
                        ask_person=child.social_worker if asked else None,
                        answer_within_days=3 if asked else None,
                    )
                )
            for capacity in AgreedBy.Capacity:
                agreed.append(
                    AgreedBy(
                        partnership_id=pid,
                        agreement=agreement,
                        capacity=capacity,
                        name="Someone",
                        agreed_on=today,
                    )
                )
            for answered in (True, False):
                asked_at = now - timedelta(days=rng.randint(1, 30))
                took = rng.randint(0, 6)
                asks.append(
                    Ask(
                        partnership_id=pid,
                        young_person=child,
                        agreement=agreement,
                        area="holidays_abroad",
                        area_label="Holidays abroad",
                        question="Can they go abroad?",
                        asked_by=carer,
                        asked_at=asked_at,
                        named_person=child.social_worker,
                        answer_within_days=3,
                        due_on=asked_at.date() + timedelta(days=5),
                        status=Ask.Status.ANSWERED if answered else Ask.Status.WAITING,
                        answer="yes" if answered else "",
                        answered_by=child.social_worker if answered else None,
                        answered_at=asked_at + timedelta(days=took) if answered else None,
                        working_days_to_answer=min(took, 5) if answered else None,
                        answered_in_time=took <= 5 if answered else None,
                    )
                )
            decisions.append(
                Decision(
                    partnership_id=pid,
                    young_person=child,
                    agreement=agreement,
                    area="sleepovers",
                    area_label="Sleepovers with friends",
                    wants="stay over",
                    young_person_view="Please",
                    outcome=rng.choice(["yes", "yes_if", "not_now"]),
                    decided_by=carer,
                    delegated=True,
                    backed=True,
                    started_at=now,
                    decided_at=now,
                    days_to_decide=0,
                    look_again_on=today + timedelta(days=30),
                )
            )
            breaks.append(
                ShortBreak(
                    partnership_id=pid,
                    carer=carer,
                    young_person=child,
                    kind="short_break",
                    with_name="Gran",
                    knows_already=rng.random() < 0.7,
                    starts_on=today,
                    ends_on=today + timedelta(days=2),
                )
            )
        AreaRule.objects.bulk_create(rules, batch_size=batch)
        Agreement.objects.bulk_update(
            agreements, ["areas_listed", "areas_delegated"], batch_size=batch
        )
        AgreedBy.objects.bulk_create(agreed, batch_size=batch)
        Ask.objects.bulk_create(asks, batch_size=batch)
        Decision.objects.bulk_create(decisions, batch_size=batch)
        ShortBreak.objects.bulk_create(breaks, batch_size=batch)


if __name__ == "__main__":
    main()
