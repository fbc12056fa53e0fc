"""Wellbeing check-ins: the worker's own trend, and aggregates that never single anyone out.

Leads see team, organisation and partnership figures only, and any group where
fewer than five people checked in is not shown.

Complementary suppression: a shown group's figure, minus the figures of its shown
parts, describes the people in its hidden parts (small teams, and people in no
team). So whenever those hidden people number between one and four, the
smallest shown part is hidden too, until they are five or more. An organisation
hidden this way has all its teams hidden, so it cannot be rebuilt from them.
"""

from dataclasses import asdict, dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Avg, Count, Q
from django.utils import timezone

from .models import CheckIn, SupportContact

MINIMUM_GROUP = 5
SUPPRESSED = "Fewer than 5 people — not shown to protect privacy"
COMPLEMENT = "Not shown, so that a smaller group's figures cannot be worked out from this one"
WINDOW_DAYS = 90
# The kind of kept figures (core.figures) the overview page shows.
KEPT_KIND = "supervision.wellbeing"


@dataclass
class GroupFigures:
    name: str
    people: int
    average_feeling: float | None
    average_workload: float | None
    feel_supported_percent: int | None
    protecting: bool = False  # hidden so that a smaller group cannot be worked out

    @property
    def suppressed(self) -> bool:
        return self.people < MINIMUM_GROUP or self.protecting

    @property
    def reason(self) -> str:
        return COMPLEMENT if self.protecting and self.people >= MINIMUM_GROUP else SUPPRESSED

    def hide(self) -> None:
        self.protecting = True
        self.average_feeling = self.average_workload = self.feel_supported_percent = None


def _protect(parent: GroupFigures, parts: list[GroupFigures]) -> None:
    """Hide the smallest shown parts until the hidden people are none or five or more."""
    if parent.suppressed:
        for part in parts:
            part.hide()
        return
    shown = sorted((p for p in parts if not p.suppressed), key=lambda p: (p.people, p.name))
    hidden_people = parent.people - sum(p.people for p in shown)
    while 0 < hidden_people < MINIMUM_GROUP and shown:
        smallest = shown.pop(0)
        smallest.hide()
        hidden_people += smallest.people


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
    recent = CheckIn.objects.in_partnership(partnership_id).filter(
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
    partnership = _figures("Whole partnership", whole)
    organisations = {
        row["person__organisation__name"]: _figures(row["person__organisation__name"], row)
        for row in _aggregate(recent, "person__organisation__name")
    }
    teams_by_organisation = {name: [] for name in organisations}
    for row in _aggregate(recent, "person__organisation__name", "person__team__name"):
        if row["person__team__name"]:
            teams_by_organisation.setdefault(row["person__organisation__name"], []).append(
                _figures(f"{row['person__team__name']} ({row['person__organisation__name']})", row)
            )
    _protect(partnership, list(organisations.values()))
    for name, teams in teams_by_organisation.items():
        _protect(organisations[name], teams)
    organisations = list(organisations.values())
    teams = [team for group in teams_by_organisation.values() for team in group]
    return {
        "partnership": [partnership],
        "organisations": organisations,
        "teams": teams,
        "window_days": window_days,
    }


GROUPS = ("partnership", "organisations", "teams")


def work_out(partnership_id: int) -> dict:
    """The overview as the background worker works it out for the page (core.figures).
    Only what the page shows is kept: groups under five are already hidden."""
    found = overview(partnership_id, timezone.localdate())
    return {
        **{group: [asdict(figures) for figures in found[group]] for group in GROUPS},
        "window_days": found["window_days"],
    }


def from_json(kept: dict) -> dict:
    """The overview as `overview` returns it, from what `work_out` kept."""
    return {
        **{group: [GroupFigures(**figures) for figures in kept[group]] for group in GROUPS},
        "window_days": kept["window_days"],
    }


def own_trend(person, limit: int = 12) -> list[CheckIn]:
    """The person's most recent check-ins, oldest first, for their own trend."""
    latest = list(CheckIn.objects.filter(person=person).order_by("-checked_on", "-pk")[:limit])
    return list(reversed(latest))


@dataclass(frozen=True)
class NationalSupport:
    name: str
    helps_with: str
    phone: str = ""
    web: str = ""


# Free, confidential, open to anyone in Scotland.
NATIONAL_SUPPORT = [
    NationalSupport(
        "Breathing Space",
        "A free, confidential phone line for anyone in Scotland feeling low, "
        "anxious or stressed. Weekdays 6pm to 2am, weekends all day and night.",
        phone="0800 83 85 87",
        web="https://www.breathingspace.scot/",
    ),
    NationalSupport(
        "Samaritans",
        "Someone to talk to, day or night, whatever you are going through.",
        phone="116 123",
        web="https://www.samaritans.org/",
    ),
]


def support_contacts(partnership_id: int):
    """The partnership's own support contacts, in the order its admin set."""
    return SupportContact.objects.in_partnership(partnership_id)


ALREADY_TOLD = "Your supervisor already knows about this check-in."
NO_SUPERVISOR = "There is no supervisor in the register for you yet."


def can_tell_supervisor(check_in: CheckIn) -> str:
    """Empty when the worker may let their supervisor know; otherwise why not."""
    if check_in.supervisor_told_at:
        return ALREADY_TOLD
    supervisor = check_in.person.supervisor
    if supervisor is None:
        return NO_SUPERVISOR
    return ""


@transaction.atomic
def tell_supervisor(check_in: CheckIn) -> None:
    """The worker chose to let their supervisor know they are struggling.

    The supervisor hears that, and when, by email (through the task queue) and on
    their own supervision page; never the answers or the note.
    """
    from .tasks import send_wellbeing_alert

    check_in = (
        CheckIn.objects.select_for_update(of=("self",))
        .select_related("person__supervisor")
        .get(pk=check_in.pk)
    )
    problem = can_tell_supervisor(check_in)
    if problem:
        raise ValueError(problem)
    check_in.supervisor_told_at = timezone.now()
    check_in.save(update_fields=["supervisor_told_at"])
    # Queued in the same transaction: the email is sent once the worker picks it up.
    send_wellbeing_alert.enqueue(check_in_id=check_in.pk)


def asked_me_to_know(supervisor, on: date, days: int = 30):
    """Check-ins whose authors asked this supervisor to know, in the last `days` days."""
    return (
        CheckIn.objects.filter(
            person__supervisor=supervisor,
            supervisor_told_at__isnull=False,
            checked_on__gt=on - timedelta(days=days),
        )
        .select_related("person")
        .order_by("-supervisor_told_at")
    )
