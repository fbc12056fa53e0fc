"""When supervision is due: each role profile sets a rhythm; new starters may have a shorter one.

Everything is worked out in the database: each current person's rhythm, next due date
and status are expressions on one query, so counting, ordering and paging cost one
scan of the register whatever its size, and only the people on the page shown are
read as objects. The last supervision comes from the per-person summary kept on
every write (`supervision.summaries`); the tests compare every figure with the same
figure worked out from the attendances (`from_scratch`).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.paginator import Paginator
from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)

from scaffolding.core.dbfunctions import DaysAfter
from scaffolding.workforce.models import Person, RoleProfile

from .models import Session
from .summaries import held_attendances

DUE_SOON_DAYS = 14
# An approximate month, as Person.is_new_starter counts them.
DAYS_A_MONTH = 30.44


class Status:
    NEVER = "never"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    WITHIN = "within"
    NO_RHYTHM = "no_rhythm"

    LABELS = {
        NEVER: "Never supervised",
        OVERDUE: "Overdue",
        DUE_SOON: "Due soon",
        WITHIN: "Up to date",
        NO_RHYTHM: "No regular rhythm set",
    }
    ORDER = [NEVER, OVERDUE, DUE_SOON, WITHIN, NO_RHYTHM]


@dataclass
class Standing:
    person: Person
    cadence_days: int | None
    last_supervised: date | None
    next_due: date | None
    next_scheduled: date | None
    status: str

    @property
    def status_label(self) -> str:
        return Status.LABELS[self.status]


def standing(person: Person, on: date, last: date | None, scheduled: date | None) -> Standing:
    """Where one person stands against their rhythm, given their supervision dates: the
    rule for one person object, which the tests compare the database's figures with."""
    cadence = person.supervision_cadence_days(on)
    if cadence is None:
        return Standing(person, None, last, None, scheduled, Status.NO_RHYTHM)
    if last is None:
        return Standing(person, cadence, None, None, scheduled, Status.NEVER)
    next_due = last + timedelta(days=cadence)
    if next_due < on:
        status = Status.OVERDUE
    elif next_due <= on + timedelta(days=DUE_SOON_DAYS):
        status = Status.DUE_SOON
    else:
        status = Status.WITHIN
    return Standing(person, cadence, last, next_due, scheduled, status)


def last_supervised(on: date, from_scratch: bool = False):
    """Each person's last supervision on or before `on`, as an expression on Person.

    The summary keeps each person's latest written session; when that is on or before
    `on` it is the answer, and when there is none they were never supervised. Only a
    person whose latest record is dated after `on` (a record written ahead of its
    date, or a day in the past) has their attendances searched.
    """
    latest = Subquery(
        held_attendances()
        .filter(person_id=OuterRef("pk"), session__held_on__lte=on)
        .order_by()
        .values("person_id")
        .annotate(last=Max("session__held_on"))
        .values("last")
    )
    if from_scratch:
        return latest
    kept = "supervision_summary__last_supervised"
    return Case(
        When(**{f"{kept}__lte": on}, then=F(kept)),
        When(**{f"{kept}__isnull": True}, then=Value(None)),
        default=latest,
        output_field=DateField(),
    )


def _cadence(on: date):
    """The rhythm in days for each person (None: no rhythm), as Person.supervision_cadence_days
    has it: the new-starter rhythm while newly qualified or in their first months."""
    months_used = RoleProfile.objects.order_by().values_list("new_starter_months", flat=True)
    starting = Q(newly_qualified=True)
    for months in set(months_used):
        started_after = on - timedelta(days=round(months * DAYS_A_MONTH))
        starting |= Q(role_profile__new_starter_months=months, start_date__gt=started_after)
    regular = Q(role_profile__supervision_cadence_days__gt=0)
    return Case(
        When(
            regular & Q(role_profile__new_starter_cadence_days__gt=0) & starting,
            then=F("role_profile__new_starter_cadence_days"),
        ),
        When(regular, then=F("role_profile__supervision_cadence_days")),
        default=None,
        output_field=IntegerField(),
    )


def annotated(people, on: date, from_scratch: bool = False):
    """Current people with `cadence_days`, `last_supervised`, `next_due` and `status`,
    all worked out in the database."""
    due_soon = on + timedelta(days=DUE_SOON_DAYS)
    statuses = [
        When(cadence_days__isnull=True, then=Value(Status.NO_RHYTHM)),
        When(last_supervised__isnull=True, then=Value(Status.NEVER)),
        When(next_due__lt=on, then=Value(Status.OVERDUE)),
        When(next_due__lte=due_soon, then=Value(Status.DUE_SOON)),
    ]
    return (
        people.current(on)
        .annotate(
            cadence_days=_cadence(on),
            last_supervised=last_supervised(on, from_scratch),
        )
        .annotate(next_due=DaysAfter("last_supervised", "cadence_days"))
        .annotate(status=Case(*statuses, default=Value(Status.WITHIN)))
    )


def ordered(people, on: date, status: str = "", from_scratch: bool = False):
    """Most in need first, then by the date they are due, then by name.

    Status follows the due date for everyone with a rhythm and a last supervision
    (overdue, then due soon, then up to date), so the order is: never supervised by
    name, then everyone else with a rhythm by due date, then no rhythm by name. That
    sorts on a plain bucket and the due date, about four times cheaper in SQLite than
    sorting on the status and rank expressions built on them.
    """
    found = annotated(people, on, from_scratch).annotate(
        bucket=Case(
            When(cadence_days__isnull=True, then=Value(2)),
            When(last_supervised__isnull=True, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    )
    if status:
        found = found.filter(status=status)
    return found.order_by("bucket", "next_due", "full_name", "pk")


def counts(people, on: date, from_scratch: bool = False) -> dict[str, int]:
    """{status: people} for the current people, in one grouped query."""
    totals = dict.fromkeys(Status.ORDER, 0)
    grouped = annotated(people, on, from_scratch).order_by().values("status")
    for row in grouped.annotate(people=Count("pk")):
        totals[row["status"]] = row["people"]
    return totals


def next_booked(person_ids, on: date) -> dict[int, date]:
    """{person id: their next booked session on or after `on`}, in one query that starts
    from these people (an index lookup each), never from every booking."""
    booked = Q(
        attendances__session__status=Session.Status.SCHEDULED,
        attendances__session__held_on__gte=on,
    )
    rows = (
        Person.objects.filter(pk__in=list(person_ids))
        .order_by()
        .values("pk")
        .annotate(booked=Min("attendances__session__held_on", filter=booked))
        .filter(booked__isnull=False)
    )
    return {row["pk"]: row["booked"] for row in rows}


def as_standings(people, on: date) -> list[Standing]:
    """Standings for people read from `ordered` (a page of them, or a short list)."""
    listed = list(people)
    booked = next_booked((person.pk for person in listed), on)
    return [
        Standing(
            person,
            person.cadence_days,
            person.last_supervised,
            person.next_due,
            booked.get(person.pk),
            person.status,
        )
        for person in listed
    ]


def standings(people, on: date, status: str = "", from_scratch: bool = False) -> list[Standing]:
    """Standing for every current person in the queryset, most in need first: for short
    lists (one person's supervisees). A partnership-wide list uses `page`."""
    shown = ordered(people, on, status, from_scratch).select_related(
        "role_profile", "team", "organisation"
    )
    return as_standings(shown, on)


def page(people, on: date, status: str, number, per_page: int, totals: dict[str, int]):
    """One page of standings; `totals` (from `counts`) saves the paginator a count.

    The order is worked out on ids alone (a narrow sort), then only the page's people
    are read whole, with their figures."""
    ids = ordered(people, on, status).values_list("pk", flat=True)
    total = totals[status] if status else sum(totals.values())
    found = Paginator(KnownLength(ids, total), per_page).get_page(number)
    shown = list(found.object_list)
    by_pk = {
        person.pk: person
        for person in annotated(Person.objects.filter(pk__in=shown), on).select_related(
            "role_profile", "team", "organisation"
        )
    }
    found.object_list = as_standings([by_pk[pk] for pk in shown if pk in by_pk], on)
    return found


class KnownLength:
    """A queryset whose length is already known, so the paginator does not count it."""

    def __init__(self, queryset, length: int):
        self.queryset = queryset
        self.length = length

    def count(self) -> int:
        return self.length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index):
        return self.queryset[index]


def within_cadence_share(partnership_id: int, on: date) -> tuple[int, int]:
    """(people whose last supervision is within their cadence, people with a cadence)."""
    totals = counts(Person.objects.in_partnership(partnership_id), on)
    with_rhythm = sum(n for status, n in totals.items() if status != Status.NO_RHYTHM)
    return totals[Status.WITHIN] + totals[Status.DUE_SOON], with_rhythm
