"""Where each framework stands: assessments counted by foundation, and what changed.

Everything is worked out from three queries however many items and assessments there
are, so the overview stays quick for a large partnership.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count

from .framework_files import load_foundations
from .models import (
    ASSESSMENT_SCALE,
    NOT_ASSESSED,
    Assessment,
    Framework,
    FrameworkItem,
    ScaleStep,
    scale_step,
)

QUARTER = timedelta(days=91)
STEPS = (*ASSESSMENT_SCALE, NOT_ASSESSED)


@dataclass
class FoundationRow:
    key: str
    name: str
    description: str
    counts: list[tuple[ScaleStep, int]]
    total: int
    without_initiative: int


@dataclass
class Change:
    item: FrameworkItem
    before: ScaleStep
    after: ScaleStep


@dataclass
class FrameworkSummary:
    framework: Framework
    rows: list[FoundationRow]
    totals: list[tuple[ScaleStep, int]]
    total: int
    without_initiative: int
    changes: list[Change] = field(default_factory=list)


def status_on(history: list[tuple[date, str]], on: date) -> str | None:
    """The latest status on or before ``on`` from (date, status) pairs in date order."""
    current = None
    for assessed_on, status in history:
        if assessed_on > on:
            break
        current = status
    return current


def histories(assessments) -> dict[int, list[tuple[date, str]]]:
    """Each item's assessments as (date, status), oldest first; one query."""
    result = defaultdict(list)
    rows = assessments.order_by("item_id", "assessed_on", "pk").values_list(
        "item_id", "assessed_on", "status"
    )
    for item_id, assessed_on, status in rows:
        result[item_id].append((assessed_on, status))
    return result


def framework_summaries(partnership_id: int, today: date) -> list[FrameworkSummary]:
    frameworks = list(Framework.objects.in_partnership(partnership_id))
    items = list(
        FrameworkItem.objects.in_partnership(partnership_id)
        .annotate(initiative_count=Count("initiatives"))
        .order_by("framework_id", "foundation_order", "number")
    )
    history = histories(Assessment.objects.in_partnership(partnership_id))
    foundations = load_foundations()
    cutoff = today - QUARTER
    by_framework = defaultdict(list)
    for item in items:
        by_framework[item.framework_id].append(item)

    summaries = []
    for framework in frameworks:
        its = by_framework[framework.pk]
        counts = {f.key: dict.fromkeys((s.key for s in STEPS), 0) for f in foundations}
        unserved = dict.fromkeys((f.key for f in foundations), 0)
        changes = []
        for item in its:
            now = status_on(history.get(item.pk, []), today)
            before = status_on(history.get(item.pk, []), cutoff)
            item.current_step = _step(now)
            counts[item.foundation][item.current_step.key] += 1
            if not item.initiative_count:
                unserved[item.foundation] += 1
            if now != before:
                changes.append(Change(item, _step(before), _step(now)))
        rows = [
            FoundationRow(
                key=f.key,
                name=f.name,
                description=f.description,
                counts=[(step, counts[f.key][step.key]) for step in STEPS],
                total=sum(counts[f.key].values()),
                without_initiative=unserved[f.key],
            )
            for f in foundations
        ]
        totals = [(step, sum(counts[f.key][step.key] for f in foundations)) for step in STEPS]
        summaries.append(
            FrameworkSummary(
                framework=framework,
                rows=rows,
                totals=totals,
                total=len(its),
                without_initiative=sum(unserved.values()),
                changes=changes,
            )
        )
    return summaries


_step = scale_step


def quarter_start(today: date) -> date:
    return today - QUARTER
