"""Wellbeing check-ins: the worker's own trend, and aggregates that never single anyone out.

Leads see team, organisation and partnership figures only, and any group where
fewer than five people checked in is not shown.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Avg, Count, Q

from .models import CheckIn

MINIMUM_GROUP = 5
SUPPRESSED = "Fewer than 5 people — not shown to protect privacy"
WINDOW_DAYS = 90


@dataclass
class GroupFigures:
    name: str
    people: int
    average_feeling: float | None
    average_workload: float | None
    feel_supported_percent: int | None

    @property
    def suppressed(self) -> bool:
        return self.people < MINIMUM_GROUP


def _figures(name, row) -> GroupFigures:
    people = row["people"]
    if people < MINIMUM_GROUP:
        return GroupFigures(name, people, None, None, None)
    return GroupFigures(
        name,
        people,
        round(row["feeling"], 1),
        round(row["workload"], 1),
        round(100 * row["supported_yes"] / row["check_ins"]) if row["check_ins"] else None,
    )


def _aggregate(check_ins, *group_by):
    return (
        check_ins.values(*group_by)
        .annotate(
            people=Count("person", distinct=True),
            check_ins=Count("pk"),
            feeling=Avg("feeling"),
            workload=Avg("workload"),
            supported_yes=Count("pk", filter=Q(supported=CheckIn.Supported.YES)),
        )
        .order_by(*group_by)
    )


def overview(partnership_id: int, on: date, window_days: int = WINDOW_DAYS) -> dict:
    """Partnership, organisation and team figures for check-ins in the window: three queries."""
    recent = CheckIn.objects.filter(
        partnership_id=partnership_id,
        checked_on__gt=on - timedelta(days=window_days),
        checked_on__lte=on,
    )
    whole = recent.aggregate(
        people=Count("person", distinct=True),
        check_ins=Count("pk"),
        feeling=Avg("feeling"),
        workload=Avg("workload"),
        supported_yes=Count("pk", filter=Q(supported=CheckIn.Supported.YES)),
    )
    organisations = [
        _figures(row["person__organisation__name"], row)
        for row in _aggregate(recent, "person__organisation__name")
    ]
    teams = [
        _figures(f"{row['person__team__name']} ({row['person__organisation__name']})", row)
        for row in _aggregate(recent, "person__organisation__name", "person__team__name")
        if row["person__team__name"]
    ]
    return {
        "partnership": [_figures("Whole partnership", whole)],
        "organisations": organisations,
        "teams": teams,
        "window_days": window_days,
    }


def own_trend(person, limit: int = 12) -> list[CheckIn]:
    """The person's most recent check-ins, oldest first, for their own trend."""
    latest = list(CheckIn.objects.filter(person=person).order_by("-checked_on", "-pk")[:limit])
    return list(reversed(latest))
