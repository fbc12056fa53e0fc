"""Demo data for the language of care: a local rule, a changed rule, and a year of counts.

The counts make the indicator show change over the year: the partnership's
writing uses 'placement' and 'contact' less each month, as it would after
training. Only counts are made, never text. Text other apps write in their demo
data is counted too, once the demo is saved (see indicator.recount).
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from scaffolding.accounts.models import Partnership

from . import indicator, overrides
from .models import TermCount

LOCAL_RULES = [
    {
        "id": "problem-family",
        "patterns": overrides.words_to_patterns(["problem family", "troubled family"]),
        "suggestions": ["family who need support", "family going through a hard time"],
        "explanation": (
            "Young people in Glenmorven told us this label sticks to the whole family and "
            "hides what they are going through. Say what support the family needs."
        ),
        "source": "Glenmorven Champions Board language guide (2025)",
        "enabled": True,
    },
    {
        "id": "respite",
        "suggestions": ["short break", "sleepover", "time with friends of the family"],
    },
]

# Monthly starting counts, and how much they fall each month (never below a floor).
TRENDS = {
    "placement": (38, 2.5, 6),
    "contact": (30, 2.0, 5),
    "respite": (14, 1.0, 2),
    "lac": (9, 0.8, 0),
    "service-user": (6, 0.4, 1),
    "problem-family": (5, 0.3, 0),
}


def build_demo(ctx) -> None:
    user = ctx.accounts.get("promise_lead")
    for data in LOCAL_RULES:
        overrides.save_override(ctx.partnership.pk, data, user)
    content_type = ContentType.objects.get_for_model(Partnership)
    glossary = overrides.glossary_for(ctx.partnership.pk)
    month = ctx.today.replace(day=1)
    months = []
    for _ in range(12):
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    months.reverse()
    rows = []
    for rule, (start, fall, floor) in TRENDS.items():
        if rule not in glossary:
            continue
        for index, month in enumerate(months):
            count = max(floor, round(start - fall * index + ctx.rng.randint(-2, 2)))
            if count <= 0:
                continue
            rows.append(
                TermCount(
                    partnership=ctx.partnership,
                    # Seeded history is not tied to a record; it hangs off the partnership.
                    content_type=content_type,
                    object_id=f"demo-{month:%Y-%m}",
                    field="demo history",
                    month=month,
                    rule=rule,
                    count=count,
                )
            )
    TermCount.objects.bulk_create(rows)
    # Other apps add their demo writing after this (bulk inserts send no signals), so
    # their opted-in text is counted once the whole demo is saved.
    partnership_id = ctx.partnership.pk
    transaction.on_commit(lambda: indicator.recount(partnership_id))
