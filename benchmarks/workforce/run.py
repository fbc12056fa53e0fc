"""Time the gap analysis and imports on synthetic partnerships of 20,000 and 200,000 people.

    .venv/bin/python benchmarks/workforce/run.py [--sizes 20000 200000] [--database URL]
        [--import-rows 10000] [--xlsx]

Uses a fresh SQLite database in a temporary folder unless --database (or DATABASE_URL)
names one: point it at an empty PostgreSQL database (createdb) to measure that. Prints
figures; asserts nothing.
"""

import argparse
import csv
import io
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("SCAFFOLDING_DEBUG", "1")
SCRATCH = tempfile.mkdtemp(prefix="scaffolding-bench-")
_early = argparse.ArgumentParser(add_help=False)
_early.add_argument("--database")
if _database := _early.parse_known_args()[0].database:
    os.environ["DATABASE_URL"] = _database
os.environ.setdefault("DATABASE_URL", f"sqlite:///{SCRATCH}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scaffolding.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

# DEBUG (needed above for the development secret key) keeps every query's text with
# its parameters quoted; production runs without it, so time without it too.
settings.DEBUG = False

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from scaffolding.accounts.models import Organisation, Partnership, Team  # noqa: E402
from scaffolding.workforce import gaps, importing  # noqa: E402
from scaffolding.workforce.models import (  # noqa: E402
    ActivityKind,
    Closeness,
    LearningActivity,
    LearningRecord,
    NESLevel,
    Person,
    Relationship,
    RoleProfile,
    RoleRequirement,
    Topic,
)

TODAY = date(2026, 11, 2)
TEAMS_PER_ORG = 6
ORGS = 8
PROFILES = [
    ("Social worker", 3),
    ("Residential care worker", 2),
    ("Teacher", 1),
    ("Foster carer", 2),
    ("Clinical psychologist", 4),
]


def build(size: int, seed: int = 7) -> Partnership:
    rng = random.Random(seed)
    partnership = Partnership.objects.create(
        name=f"Benchmark {size}", slug=f"bench-{size}", area="Benchmark"
    )
    teams = []
    for o in range(ORGS):
        org = Organisation.objects.create(
            partnership=partnership, name=f"Organisation {o}", kind="third_sector"
        )
        teams += [
            Team.objects.create(organisation=org, name=f"Team {t}") for t in range(TEAMS_PER_ORG)
        ]
    topics = list(Topic.objects.all())
    profiles = []
    for name, level in PROFILES:
        profile = RoleProfile.objects.create(
            partnership=partnership, name=name, required_nes_level=level
        )
        RoleRequirement.objects.bulk_create(
            RoleRequirement(role_profile=profile, topic=t) for t in topics[:4]
        )
        profiles.append(profile)
    activities = []
    for level in NESLevel.values:
        activities.append(
            LearningActivity.objects.create(
                partnership=partnership,
                title=f"Trauma level {level}",
                kind=ActivityKind.COURSE,
                nes_level=level,
                refresh_months=36,
            )
        )
    for topic in topics:
        activity = LearningActivity.objects.create(
            partnership=partnership,
            title=f"About {topic.name}",
            kind=ActivityKind.ELEARNING,
            refresh_months=24,
        )
        activity.topics.set([topic])
        activities.append(activity)
    people = [
        Person(
            partnership=partnership,
            full_name=f"Person {n}",
            staff_number=f"B{n:07d}",
            organisation_id=(team := rng.choice(teams)).organisation_id,
            team=team,
            role_profile=rng.choice(profiles),
            relationship=Relationship.PAID,
            closeness=rng.choice(Closeness.values),
            start_date=TODAY - timedelta(days=rng.randint(30, 5000)),
            end_date=TODAY - timedelta(days=5) if rng.random() < 0.04 else None,
        )
        for n in range(size)
    ]
    Person.objects.bulk_create(people, batch_size=5000)
    records = []
    for person in people:
        for activity in rng.sample(activities, 4):
            done = TODAY - timedelta(days=rng.randint(1, 1500))
            records.append(
                LearningRecord(
                    person=person,
                    activity=activity,
                    status="completed",
                    completed_on=done,
                    expires_on=activity.expiry_for(done),
                )
            )
        if len(records) >= 50_000:
            LearningRecord.objects.bulk_create(records, batch_size=5000)
            records = []
    LearningRecord.objects.bulk_create(records, batch_size=5000)
    return partnership


def timed(label, fn):
    start = time.perf_counter()
    result = fn()
    print(f"  {label}: {time.perf_counter() - start:.2f} s")
    return result


def roster_csv(partnership, rows: int, offset: int) -> bytes:
    lines = [",".join(importing.PEOPLE_COLUMNS)]
    for n in range(rows):
        lines.append(
            f"N{offset + n:07d},new{offset + n}@bench.example,New Person {n},"
            f"Organisation {n % ORGS},Team {n % TEAMS_PER_ORG},Teacher,,paid,occasional,"
            "2024-01-15,,"
        )
    return ("\n".join(lines) + "\n").encode()


def run_size(size: int, import_rows: int, xlsx: bool = False) -> None:
    print(f"\n{size:,} people")
    with transaction.atomic():
        partnership = timed("build people and learning records", lambda: build(size))
    records = LearningRecord.objects.filter(person__partnership=partnership).count()
    print(f"  learning records: {records:,}")
    pk = partnership.pk
    for by in ("partnership", "organisation", "team", "role_profile"):
        timed(f"gap analysis by {by}", lambda b=by: gaps.gap_rows(pk, b, TODAY))
    whole = gaps.gap_rows(pk, "partnership", TODAY)[0]
    print(f"  (at required level: {whole.percent_at_level}% of {whole.with_role:,})")
    per = 10_000 / import_rows
    data = roster_csv(partnership, import_rows, offset=size)
    start = time.perf_counter()
    plan = importing.plan_import(pk, "people", "roster.csv", data)
    checked = time.perf_counter() - start
    assert not plan.problems, plan.problems[:3]
    importing.save_people(pk, plan, TODAY)
    saved = time.perf_counter() - start - checked
    again = importing.plan_import(pk, "people", "roster.csv", data)
    print(f"  re-import of the same file: {again.counts()['unchanged']:,} rows unchanged")
    rows = [",".join(importing.LEARNING_COLUMNS)] + [
        f"N{size + n:07d},,About Attachment,completed,2025-0{1 + n % 9}-15,"
        for n in range(import_rows)
    ]
    start = time.perf_counter()
    learning_plan = importing.plan_import(
        pk, "learning", "learning.csv", ("\n".join(rows) + "\n").encode()
    )
    assert not learning_plan.problems, learning_plan.problems[:3]
    importing.save_learning(pk, learning_plan, TODAY)
    learning_time = time.perf_counter() - start
    print(
        f"  import per 10,000 rows: roster check {checked * per:.2f} s + save {saved * per:.2f} s;"
        f" learning records check and save {learning_time * per:.2f} s"
    )
    if xlsx:
        # The same roster as a workbook: our own export (write-only: no <dimension>, so
        # openpyxl reads the whole sheet once more to size it) and one as Excel saves it.
        from openpyxl import Workbook

        header, *cells = list(csv.reader(data.decode().splitlines()))
        book = Workbook()
        for row in [header, *cells]:
            book.active.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
        for label, workbook in (
            ("our export", importing.write_xlsx(header, cells)),
            ("with <dimension>", buffer.getvalue()),
        ):
            start = time.perf_counter()
            importing.read_table("roster.xlsx", workbook)
            took = time.perf_counter() - start
            print(
                f"  reading the roster as XLSX ({label}): {import_rows / took:,.0f} rows a second"
            )
    floors = ", ".join(f"{how} {rate:,.0f}" for how, rate in floor_rates(data).items())
    print(
        f"  rows a second: roster {import_rows / (checked + saved):,.0f} (check and save), "
        f"learning {import_rows / learning_time:,.0f}; bare inserts of the same roster rows: "
        f"{floors} (the floors to compare with; target 20,000)"
    )


def floor_rates(data: bytes) -> dict[str, float]:
    """Rows a second for bare inserts of the same CSV rows into a scratch table: one
    executemany, and on PostgreSQL also COPY."""
    from django.db import connection

    rows = list(csv.reader(io.StringIO(data.decode())))[1:]
    width = len(rows[0])
    columns = ", ".join(f"c{i} varchar(200)" for i in range(width))
    marks = ", ".join(["%s"] * width)
    rates = {}
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE bench_roster ({columns})")
        start = time.perf_counter()
        cursor.executemany(f"INSERT INTO bench_roster VALUES ({marks})", rows)  # noqa: S608 - our own scratch table
        rates["executemany"] = len(rows) / (time.perf_counter() - start)
        if connection.vendor == "postgresql":
            start = time.perf_counter()
            with cursor.cursor.copy("COPY bench_roster FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            rates["COPY"] = len(rows) / (time.perf_counter() - start)
        cursor.execute("DROP TABLE bench_roster")
    return rates


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 200_000])
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument("--database", help="a database URL (default: a new SQLite file)")
    parser.add_argument("--xlsx", action="store_true", help="also time reading the roster as XLSX")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    print(f"database: {os.environ['DATABASE_URL'].split('@')[-1]}")
    for size in args.sizes:
        run_size(size, args.import_rows, args.xlsx)


if __name__ == "__main__":
    main()
