"""When supervision is due: each role profile sets a rhythm; new starters may have a shorter one.

Everything here works on whole querysets in a constant number of queries, so the
dashboards stay quick for a partnership of 20,000 people.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Max, Min, Q

from scaffolding.workforce.models import Person

from .models import CADENCE_KINDS, Session

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


def supervision_dates(people, on: date) -> dict[int, tuple[date | None, date | None]]:
    """{person pk: (last supervision on or before `on`, next booked session)} in one query.

    A session counts for the person who took part, whichever team they are in now, so
    moving team does not reset anyone's rhythm. Grouping attendances by person alone
    keeps this one quick query however many sessions there are.
    """
    held = Q(
        attendances__attended=True,
        attendances__session__kind__in=CADENCE_KINDS,
        attendances__session__held_on__lte=on,
        attendances__session__status__in=[Session.Status.DRAFT, Session.Status.AGREED],
    )
    booked = Q(
        attendances__session__held_on__gte=on,
        attendances__session__status=Session.Status.SCHEDULED,
    )
    # Driven from people (index lookups into attendances by person), grouped by pk only.
    rows = (
        people.order_by()
        .values("pk")
        .annotate(
            last=Max("attendances__session__held_on", filter=held),
            booked=Min("attendances__session__held_on", filter=booked),
        )
        .filter(Q(last__isnull=False) | Q(booked__isnull=False))
    )
    return {row["pk"]: (row["last"], row["booked"]) for row in rows}


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
    """Where one person stands against their rhythm, given their supervision dates."""
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


def standings(people, on: date) -> list[Standing]:
    """Standing for every current person in the queryset: two queries."""
    current = people.current(on)
    dates = supervision_dates(current, on)
    listed = current.select_related("role_profile", "team", "organisation").order_by(
        "full_name", "pk"
    )
    return [standing(person, on, *dates.get(person.pk, (None, None))) for person in listed]


def counts(rows: list[Standing]) -> dict[str, int]:
    totals = dict.fromkeys(Status.ORDER, 0)
    for row in rows:
        totals[row.status] += 1
    return totals


def within_cadence_share(partnership_id: int, on: date) -> tuple[int, int]:
    """(people whose last supervision is within their cadence, people with a cadence): 2 queries."""
    rows = standings(Person.objects.filter(partnership_id=partnership_id), on)
    with_rhythm = [row for row in rows if row.status != Status.NO_RHYTHM]
    within = [row for row in with_rhythm if row.status in (Status.WITHIN, Status.DUE_SOON)]
    return len(within), len(with_rhythm)
