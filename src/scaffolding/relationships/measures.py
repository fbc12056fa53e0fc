"""Live measures for the progress work: what the relationships records already know.

Each ``compute(partnership_id, on)`` returns (numerator, denominator), counted by the
database in one or two queries whatever the number of young people. "The last
year" is the 365 days up to and including ``on``.
"""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone

from scaffolding.voice.models import LinkKind, WorkerLink, YoungPerson

from .models import Kind, LocalPolicy, Move, PersonWhoMatters, StayingInTouchPlan, Wants

YEAR = timedelta(days=365)


def _after(on: date) -> datetime:
    """The first moment after the day ``on``: timestamps are compared with it, not cast to
    dates, so the database can use its indexes (and SQLite calls no Python per row)."""
    return timezone.make_aware(datetime.combine(on + timedelta(days=1), time.min))


def _current_on(queryset, on: date):
    """People who matter added by ``on`` and not ended by then."""
    end = _after(on)
    return queryset.filter(added_at__lt=end).filter(Q(ended_at__isnull=True) | Q(ended_at__gte=end))


def _siblings(partnership_id, on):
    return _current_on(
        PersonWhoMatters.objects.in_partnership(partnership_id).filter(kind=Kind.SIBLING), on
    )


def siblings_living_together(partnership_id: int, on: date) -> tuple[int, int]:
    """(young people living with all their brothers and sisters, young people with any).

    One pass over the brothers and sisters: the young people with any, and those with
    one not living with them (not a yes: apart, or not said), counted together.
    """
    counts = _siblings(partnership_id, on).aggregate(
        with_any=Count("young_person_id", distinct=True),
        with_one_apart=Count("young_person_id", distinct=True, filter=~Q(lives_together=True)),
    )
    return counts["with_any"] - counts["with_one_apart"], counts["with_any"]


def siblings_apart_as_often_as_wanted(partnership_id: int, on: date) -> tuple[int, int]:
    """(brothers and sisters living apart the young person sees as often as they want, all apart).

    "As often as they want" is the young person saying "the same as now".
    """
    counts = (
        _siblings(partnership_id, on)
        .filter(lives_together=False)
        .aggregate(apart=Count("pk"), enough=Count("pk", filter=Q(wants=Wants.SAME)))
    )
    return counts["enough"], counts["apart"]


def _moves_last_year(partnership_id, on):
    return Move.objects.in_partnership(partnership_id).filter(
        moved_on__gt=on - YEAR, moved_on__lte=on
    )


def moves_per_young_person(partnership_id: int, on: date) -> tuple[int, int]:
    """(moves of home in the last year, young people known on that day)."""
    moves = _moves_last_year(partnership_id, on).count()
    young_people = (
        YoungPerson.objects.in_partnership(partnership_id).filter(created_at__lt=_after(on)).count()
    )
    return moves, young_people


def moves_with_a_plan(partnership_id: int, on: date) -> tuple[int, int]:
    """(moves in the last year with their transition plan recorded, moves in the last year)."""
    counts = _moves_last_year(partnership_id, on).aggregate(
        moves=Count("pk"), planned=Count("pk", filter=Q(plan_recorded_at__isnull=False))
    )
    return counts["planned"], counts["moves"]


def emergency_moves_reviewed_in_time(partnership_id: int, on: date) -> tuple[int, int]:
    """(emergency moves reviewed by their due date, emergency moves whose review is due or done).

    Emergency moves of the last year count once their review falls due (or is done early).
    """
    due = (
        _moves_last_year(partnership_id, on)
        .filter(kind=Move.Kind.EMERGENCY)
        .filter(Q(review_due_by__lte=on) | Q(reviewed_on__isnull=False, reviewed_on__lte=on))
    )
    counts = due.aggregate(
        due=Count("pk"),
        in_time=Count(
            "pk",
            filter=Q(reviewed_on__isnull=False, reviewed_on__lte=on)
            & Q(reviewed_on__lte=F("review_due_by")),
        ),
    )
    return counts["in_time"], counts["due"]


def same_trusted_adult(partnership_id: int, on: date) -> tuple[int, int]:
    """(young people with the same named worker for the last 12 months, those known 12 months).

    The same named worker: a named-worker link made by a year ago and still current on ``on``.
    """
    year_ago = _after(on - YEAR)
    steady = WorkerLink.objects.filter(
        young_person_id=OuterRef("pk"),
        kind=LinkKind.NAMED_WORKER,
        linked_at__lt=year_ago,
    ).filter(Q(ended_at__isnull=True) | Q(ended_at__gte=_after(on)))
    counts = (
        YoungPerson.objects.in_partnership(partnership_id)
        .filter(created_at__lt=year_ago)
        .aggregate(known=Count("pk"), steady=Count("pk", filter=Exists(steady)))
    )
    return counts["steady"], counts["known"]


def moved_on_with_agreed_plans(partnership_id: int, on: date) -> tuple[int, int]:
    """(people moved on in the last year whose young people all have an agreed plan, all moved on).

    "Moved on" is the register's trigger: a moved-on date or a team change started plans.
    """
    counts = (
        StayingInTouchPlan.objects.in_partnership(partnership_id)
        .filter(created_at__gte=_after(on - YEAR), created_at__lt=_after(on), person__isnull=False)
        .aggregate(
            moved_on=Count("person_id", distinct=True),
            still_open=Count(
                "person_id",
                distinct=True,
                filter=~Q(status=StayingInTouchPlan.Status.AGREED, agreed_at__lt=_after(on)),
            ),
        )
    )
    return counts["moved_on"] - counts["still_open"], counts["moved_on"]


def shown(definition: dict, numerator: int, denominator: int) -> str:
    """A figure in words: a percentage, or a rate such as "0.42 moves per young person"."""
    if not denominator:
        return "Nothing to count yet"
    unit = definition.get("unit", "%")
    if unit == "%":
        return f"{round(100 * numerator / denominator, 1)}%"
    return f"{numerator / denominator:.2f} {unit}"


def counted(definition: dict, numerator: int, denominator: int) -> str:
    """What was counted, in words: "11 of 18", or as the measure describes it."""
    words = definition.get("counted", "{numerator} of {denominator}")
    return words.format(numerator=numerator, denominator=denominator)


LIVE_MEASURES = [
    {
        "key": "brothers-and-sisters-living-together",
        "name": "Young people living with all their brothers and sisters",
        "unit": "%",
        "question": "better_off",
        "higher_is_better": True,
        "compute": siblings_living_together,
    },
    {
        "key": "brothers-and-sisters-apart-seeing-each-other-enough",
        "name": "Brothers and sisters living apart who see each other as often as they want",
        "unit": "%",
        "question": "better_off",
        "higher_is_better": True,
        "compute": siblings_apart_as_often_as_wanted,
    },
    {
        "key": "moves-per-young-person",
        "name": "Moves of home per young person in the last year",
        "unit": "moves per young person",
        "counted": "{numerator} moves for {denominator} young people",
        "question": "how_much",
        "higher_is_better": False,
        "compute": moves_per_young_person,
    },
    {
        "key": "moves-with-a-transition-plan",
        "name": "Moves of home with a transition plan",
        "unit": "%",
        "question": "how_well",
        "higher_is_better": True,
        "compute": moves_with_a_plan,
    },
    {
        "key": "emergency-moves-reviewed-in-time",
        "name": "Emergency moves reviewed in time",
        "unit": "%",
        "question": "how_well",
        "higher_is_better": True,
        "compute": emergency_moves_reviewed_in_time,
    },
    {
        "key": "same-trusted-adult-12-months-on",
        "name": "Young people with the same trusted adult 12 months on",
        "unit": "%",
        "question": "better_off",
        "higher_is_better": True,
        "compute": same_trusted_adult,
    },
    {
        "key": "moved-on-with-agreed-staying-in-touch-plans",
        "name": (
            "Workers and carers moved on whose young people have an agreed staying-in-touch plan"
        ),
        "unit": "%",
        "question": "how_well",
        "higher_is_better": True,
        "compute": moved_on_with_agreed_plans,
    },
]


def blanket_bans(partnership_id: int) -> list[str]:
    """Local policies marked as blanket bans: 001 asks for none (one query)."""
    titles = (
        LocalPolicy.objects.in_partnership(partnership_id)
        .filter(stance=LocalPolicy.Stance.BLANKET_BAN)
        .order_by("title")
        .values_list("title", flat=True)
    )
    return [f"Blanket ban on relationships: {title}" for title in titles]


# Shown on the progress overview against the item with this code (001 Ongoing Relationships:
# "no blanket policies or guidance that prevent the maintenance of relationships").
ITEM_FLAGS = [{"item_code": "ongoing-relationships", "compute": blanket_bans}]
