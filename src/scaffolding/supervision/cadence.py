"""When supervision is due: each role profile sets a rhythm; new starters may have a shorter one.

Everything here works on whole querysets in a constant number of queries, so the
dashboards stay quick for a partnership of 20,000 people.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    DateTimeField,
    ExpressionWrapper,
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

from scaffolding.workforce.models import Person, RoleProfile

from .models import CADENCE_KINDS, Attendance, Session

DUE_SOON_DAYS = 14


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
    """Where one person stands against their rhythm, given their supervision dates, worked
    out in Python: the reference the database version (`annotated`) is tested against."""
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


def _last_and_booked(on: date):
    """Per-person subqueries: last supervision on or before `on`, next booked session.

    Each is an index lookup into this person's attendances, so a page of people costs the
    same however many sessions the partnership holds.
    """
    mine = Attendance.objects.filter(person=OuterRef("pk")).order_by().values("person")
    last = mine.filter(
        attended=True,
        session__kind__in=CADENCE_KINDS,
        session__held_on__lte=on,
        session__status__in=[Session.Status.DRAFT, Session.Status.AGREED],
    ).annotate(day=Max("session__held_on"))
    booked = mine.filter(
        session__held_on__gte=on, session__status=Session.Status.SCHEDULED
    ).annotate(day=Min("session__held_on"))
    return (
        Subquery(last.values("day"), output_field=DateField()),
        Subquery(booked.values("day"), output_field=DateField()),
    )


def _cadence_expression(on: date, months: list[int]):
    """The rhythm in days: the role's, or its shorter new-starter rhythm while new."""
    new = Q(newly_qualified=True)
    for month_count in months:
        new |= Q(
            role_profile__new_starter_months=month_count,
            start_date__gt=on - timedelta(days=round(month_count * 30.44)),
        )
    return Case(
        When(role_profile__supervision_cadence_days__isnull=True, then=Value(None)),
        When(
            Q(role_profile__new_starter_cadence_days__isnull=False)
            & Q(role_profile__new_starter_cadence_days__gt=0)
            & new,
            then=F("role_profile__new_starter_cadence_days"),
        ),
        default=F("role_profile__supervision_cadence_days"),
        output_field=IntegerField(),
    )


def annotated(people, on: date):
    """Current people annotated with cadence_days, last_supervised, next_scheduled, status
    and status_rank, all worked out by the database.

    The date arithmetic (last + rhythm against today) is written as one comparison per
    distinct rhythm, since rhythms are few; this keeps it plain SQL on SQLite and
    PostgreSQL alike.
    """
    facts = set(
        RoleProfile.objects.order_by()
        .values_list("new_starter_months", "supervision_cadence_days", "new_starter_cadence_days")
        .distinct()
    )
    months = sorted({month_count for month_count, _, _ in facts})
    rhythms = sorted({days for _, *pair in facts for days in pair if days})
    last, booked = _last_and_booked(on)
    overdue = Q()
    soon = Q()
    for days in rhythms:
        overdue |= Q(cadence_days=days, last_supervised__lt=on - timedelta(days=days))
        soon |= Q(
            cadence_days=days,
            last_supervised__lte=on + timedelta(days=DUE_SOON_DAYS - days),
        )
    next_due = Case(
        *[
            When(
                cadence_days=days,
                then=ExpressionWrapper(
                    F("last_supervised") + Value(timedelta(days=days)),
                    output_field=DateTimeField(),
                ),
            )
            for days in rhythms
        ],
        default=Value(None),
        output_field=DateTimeField(),
    )
    statuses = [
        (Q(cadence_days__isnull=True), Status.NO_RHYTHM),
        (Q(last_supervised__isnull=True), Status.NEVER),
        (overdue, Status.OVERDUE),
        (soon, Status.DUE_SOON),
    ]
    return (
        people.current(on)
        .annotate(
            cadence_days=_cadence_expression(on, months),
            last_supervised=last,
            next_scheduled=booked,
        )
        .annotate(
            status=Case(
                *[
                    When(condition, then=Value(status))
                    for condition, status in statuses
                    if condition
                ],
                default=Value(Status.WITHIN),
                output_field=CharField(),
            ),
            status_rank=Case(
                *[
                    When(condition, then=Value(Status.ORDER.index(status)))
                    for condition, status in statuses
                    if condition
                ],
                default=Value(Status.ORDER.index(Status.WITHIN)),
                output_field=IntegerField(),
            ),
        )
        # Only to order by; never read back (its type differs between databases).
        .alias(due_order=next_due)
    )


def ordered(people, on: date, status: str = ""):
    """Current people in the order the due page lists them (most in need first), lazily:
    page it with a Paginator and turn the page into rows with `as_standing`."""
    rows = annotated(people, on)
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("status_rank", F("due_order").asc(nulls_first=True), "full_name", "pk")


def as_standing(person: Person, on: date) -> Standing:
    """A Standing from a person annotated by `annotated` (no further queries)."""
    cadence_days = person.cadence_days
    last = person.last_supervised
    next_due = last + timedelta(days=cadence_days) if last and cadence_days else None
    return Standing(person, cadence_days, last, next_due, person.next_scheduled, person.status)


def standings(people, on: date, status: str = "") -> list[Standing]:
    """Standing for every current person in the queryset, most in need first: one query
    (plus two small ones for the rhythms). For a page, use `ordered` with a Paginator."""
    listed = ordered(people, on, status).select_related("role_profile", "team", "organisation")
    return [as_standing(person, on) for person in listed]


def status_counts(people, on: date) -> dict[str, int]:
    """How many current people have each status: one grouped query."""
    totals = dict.fromkeys(Status.ORDER, 0)
    grouped = annotated(people, on).order_by().values("status").annotate(n=Count("pk"))
    for row in grouped:
        totals[row["status"]] = row["n"]
    return totals


def counts(rows: list[Standing]) -> dict[str, int]:
    totals = dict.fromkeys(Status.ORDER, 0)
    for row in rows:
        totals[row.status] += 1
    return totals


def within_cadence_share(partnership_id: int, on: date) -> tuple[int, int]:
    """(people whose last supervision is within their cadence, people with a cadence):
    counted by the database in one grouped query."""
    totals = status_counts(Person.objects.filter(partnership_id=partnership_id), on)
    with_rhythm = sum(n for status, n in totals.items() if status != Status.NO_RHYTHM)
    return totals[Status.WITHIN] + totals[Status.DUE_SOON], with_rhythm
