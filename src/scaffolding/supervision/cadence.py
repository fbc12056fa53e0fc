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


def held_supervision(on: date) -> Q:
    """Filter (from Person) for supervision that took place on or before `on`."""
    return Q(
        attendances__attended=True,
        attendances__session__kind__in=CADENCE_KINDS,
        attendances__session__held_on__lte=on,
        attendances__session__status__in=[Session.Status.DRAFT, Session.Status.AGREED],
    )


def with_last_supervised(people, on: date):
    """Annotate people with the date of their last supervision and their next scheduled one.

    A session counts for the person who took part, whichever team they are in now, so
    moving team does not reset anyone's rhythm.
    """
    return people.annotate(
        last_supervised=Max("attendances__session__held_on", filter=held_supervision(on)),
        next_scheduled=Min(
            "attendances__session__held_on",
            filter=Q(
                attendances__session__held_on__gte=on,
                attendances__session__status=Session.Status.SCHEDULED,
            ),
        ),
    )


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


def standing(person: Person, on: date) -> Standing:
    """Where one person stands: needs `last_supervised`/`next_scheduled` annotations."""
    cadence = person.supervision_cadence_days(on)
    last = getattr(person, "last_supervised", None)
    scheduled = getattr(person, "next_scheduled", None)
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
    """Standing for every current person in the queryset: one query."""
    listed = with_last_supervised(
        people.current(on).select_related("role_profile", "team", "organisation", "supervisor"),
        on,
    ).order_by("full_name", "pk")
    return [standing(person, on) for person in listed]


def counts(rows: list[Standing]) -> dict[str, int]:
    totals = dict.fromkeys(Status.ORDER, 0)
    for row in rows:
        totals[row.status] += 1
    return totals


def within_cadence_share(partnership_id: int, on: date) -> tuple[int, int]:
    """(people whose last supervision is within their cadence, people with a cadence)."""
    rows = standings(Person.objects.filter(partnership_id=partnership_id), on)
    with_rhythm = [row for row in rows if row.status != Status.NO_RHYTHM]
    within = [row for row in with_rhythm if row.status in (Status.WITHIN, Status.DUE_SOON)]
    return len(within), len(with_rhythm)
