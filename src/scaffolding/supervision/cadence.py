"""When supervision is due: each role profile sets a rhythm; new starters may have a shorter one.

Partnership-wide figures never build a model object per person: one grouped query gives
everyone's supervision dates, one reads people as plain value tuples, and status, counts,
order and paging are worked out on those tuples (a few hundred milliseconds at 200,000
people). Only the people on the page shown are read as objects.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from django.db.models import Max, Min, Q

from scaffolding.workforce.models import Person, RoleProfile

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
    """Where one person stands against their rhythm, given their supervision dates: the
    rule for one person object, which the tests compare `rows` with."""
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


class Row(NamedTuple):
    """One current person's standing as plain values; sorts in the due page's order."""

    rank: int
    due: date
    full_name: str
    pk: int
    status: str
    cadence_days: int | None
    last_supervised: date | None
    next_due: date | None
    next_scheduled: date | None
    organisation: str
    profession: str | None


def rows(people, on: date, status: str = "") -> list[Row]:
    """Every current person's standing, most in need first: three queries, no objects."""
    current = people.current(on)
    dates = supervision_dates(current, on)
    profiles = {
        pk: (cadence, new_cadence, months)
        for pk, cadence, new_cadence, months in RoleProfile.objects.order_by().values_list(
            "pk", "supervision_cadence_days", "new_starter_cadence_days", "new_starter_months"
        )
    }
    listed = current.order_by().values_list(
        "pk",
        "full_name",
        "role_profile_id",
        "start_date",
        "newly_qualified",
        "organisation__name",
        "role_profile__name",
    )
    due_soon = on + timedelta(days=DUE_SOON_DAYS)
    found = []
    for pk, full_name, profile_id, start, newly, organisation, profession in listed:
        last, booked = dates.get(pk, (None, None))
        cadence, new_cadence, months = profiles.get(profile_id, (None, None, 6))
        if (
            cadence
            and new_cadence
            and (newly or start > on - timedelta(days=round(months * 30.44)))
        ):
            cadence = new_cadence
        next_due = None
        if not cadence:
            cadence, state = None, Status.NO_RHYTHM
        elif last is None:
            state = Status.NEVER
        else:
            next_due = last + timedelta(days=cadence)
            if next_due < on:
                state = Status.OVERDUE
            elif next_due <= due_soon:
                state = Status.DUE_SOON
            else:
                state = Status.WITHIN
        if status and state != status:
            continue
        found.append(
            Row(
                Status.ORDER.index(state),
                next_due or on,
                full_name,
                pk,
                state,
                cadence,
                last,
                next_due,
                booked,
                organisation,
                profession,
            )
        )
    found.sort()
    return found


def as_standings(page_rows: list[Row]) -> list[Standing]:
    """Standings (with their people, team and organisation) for a page of rows: one query."""
    people = Person.objects.select_related("role_profile", "team", "organisation").in_bulk(
        [row.pk for row in page_rows]
    )
    return [
        Standing(
            people[row.pk],
            row.cadence_days,
            row.last_supervised,
            row.next_due,
            row.next_scheduled,
            row.status,
        )
        for row in page_rows
    ]


def standings(people, on: date, status: str = "") -> list[Standing]:
    """Standing for every current person in the queryset, most in need first: four queries.
    For a page, use `rows` with a Paginator and `as_standings` on the page."""
    return as_standings(rows(people, on, status))


def counts(found) -> dict[str, int]:
    totals = dict.fromkeys(Status.ORDER, 0)
    for row in found:
        totals[row.status] += 1
    return totals


def within_cadence_share(partnership_id: int, on: date) -> tuple[int, int]:
    """(people whose last supervision is within their cadence, people with a cadence)."""
    totals = counts(rows(Person.objects.in_partnership(partnership_id), on))
    with_rhythm = sum(n for status, n in totals.items() if status != Status.NO_RHYTHM)
    return totals[Status.WITHIN] + totals[Status.DUE_SOON], with_rhythm
