"""Live measures for the progress work, and the fuller figures on the carers' figures page.

Counts are aggregated in the database. Each answer and decision keeps its own
duration when it is made, so a median is read from one GROUP BY (how many took
0, 1, 2 ... days) rather than by converting every row's dates.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, Sum

from .models import Agreement, Ask, Decision, ShortBreak


def delegated_share(partnership_id: int, on: date) -> tuple[int, int]:
    """(everyday areas carers decide, areas listed) across agreements in force."""
    row = (
        Agreement.objects.in_partnership(partnership_id)
        .in_force()
        .aggregate(delegated=Sum("areas_delegated"), total=Sum("areas_listed"))
    )
    return row["delegated"] or 0, row["total"] or 0


def asks_answered_in_time(partnership_id: int, on: date) -> tuple[int, int]:
    """(asks answered by their due date, asks answered or already past due and open)."""
    row = Ask.objects.in_partnership(partnership_id).aggregate(
        in_time=Count("pk", filter=Q(status=Ask.Status.ANSWERED, answered_in_time=True)),
        counted=Count("pk", filter=Q(status=Ask.Status.ANSWERED) | Q(due_on__lt=on)),
    )
    return row["in_time"], row["counted"]


def decisions_yes(partnership_id: int, on: date) -> tuple[int, int]:
    """(\"Can I...?\" decisions that said yes, with or without conditions; decisions made)."""
    row = (
        Decision.objects.in_partnership(partnership_id)
        .exclude(outcome="")
        .aggregate(
            yes=Count("pk", filter=Q(outcome__in=[Decision.Outcome.YES, Decision.Outcome.YES_IF])),
            total=Count("pk"),
        )
    )
    return row["yes"], row["total"]


def short_breaks_known(partnership_id: int, on: date) -> tuple[int, int]:
    """(short breaks and sleepovers with someone the young person knows, all of them)."""
    row = (
        ShortBreak.objects.in_partnership(partnership_id)
        .exclude(kind=ShortBreak.Kind.TIME_AWAY)
        .aggregate(known=Count("pk", filter=Q(knows_already=True)), total=Count("pk"))
    )
    return row["known"], row["total"]


def median_of_counts(counts) -> float | None:
    """The median of values given as (value, how many) pairs, from a GROUP BY."""
    pairs = sorted((value, n) for value, n in counts if value is not None and n)
    total = sum(n for _value, n in pairs)
    if not total:
        return None
    middle = [(total - 1) // 2, total // 2]  # the same index when the total is odd
    found, seen = [], 0
    for value, n in pairs:
        while len(found) < 2 and middle[len(found)] < seen + n:
            found.append(value)
        seen += n
    return round((found[0] + found[1]) / 2, 1)


def _grouped(queryset, field):
    return queryset.values_list(field).annotate(n=Count("pk")).values_list(field, "n").order_by()


def median_days_to_answer(partnership_id: int) -> float | None:
    """Median working days from an ask to its answer (answered asks only)."""
    answered = Ask.objects.in_partnership(partnership_id).filter(status=Ask.Status.ANSWERED)
    return median_of_counts(_grouped(answered, "working_days_to_answer"))


def median_days_to_decide(partnership_id: int) -> float | None:
    """Median whole days from starting a "Can I...?" to its decision."""
    decided = Decision.objects.in_partnership(partnership_id).exclude(outcome="")
    return median_of_counts(_grouped(decided, "days_to_decide"))


def decisions_by_outcome(partnership_id: int) -> dict[str, int]:
    """Decisions per outcome, with those still waiting for an answer."""
    counts = dict(
        Decision.objects.in_partnership(partnership_id)
        .values_list("outcome")
        .annotate(n=Count("pk"))
        .values_list("outcome", "n")
    )
    result = {label: counts.get(value, 0) for value, label in Decision.Outcome.choices}
    result["Waiting for an answer"] = counts.get("", 0)
    return result


@dataclass
class Figures:
    delegated: tuple[int, int]
    answered_in_time: tuple[int, int]
    median_answer_days: float | None
    decisions_yes: tuple[int, int]
    by_outcome: dict[str, int]
    median_decide_days: float | None
    short_breaks_known: tuple[int, int]


def figures(partnership_id: int, on: date) -> Figures:
    return Figures(
        delegated=delegated_share(partnership_id, on),
        answered_in_time=asks_answered_in_time(partnership_id, on),
        median_answer_days=median_days_to_answer(partnership_id),
        decisions_yes=decisions_yes(partnership_id, on),
        by_outcome=decisions_by_outcome(partnership_id),
        median_decide_days=median_days_to_decide(partnership_id),
        short_breaks_known=short_breaks_known(partnership_id, on),
    )


LIVE_MEASURES = [
    {
        "key": "carers-areas-delegated",
        "name": "Everyday areas family carers decide themselves",
        "unit": "%",
        "question": "how_well",
        "higher_is_better": True,
        "compute": delegated_share,
    },
    {
        "key": "carers-asks-answered-in-time",
        "name": "Carers' asks answered within the agreed working days",
        "unit": "%",
        "question": "how_well",
        "higher_is_better": True,
        "compute": asks_answered_in_time,
    },
    {
        "key": "carers-can-i-yes",
        "name": '"Can I...?" decisions that said yes',
        "unit": "%",
        "question": "better_off",
        "higher_is_better": True,
        "compute": decisions_yes,
    },
    {
        "key": "carers-short-breaks-known",
        "name": "Short breaks with someone the young person already knows",
        "unit": "%",
        "question": "better_off",
        "higher_is_better": True,
        "compute": short_breaks_known,
    },
]
