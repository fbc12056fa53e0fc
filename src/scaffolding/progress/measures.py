"""Measures progress already knows, computed live (the contract in DESIGN notes).

Each entry's ``compute(partnership_id, on)`` returns (numerator, denominator) in a
constant number of queries.
"""

from django.db.models import Exists, OuterRef

from .models import FrameworkItem, Initiative


def _items_with_an_initiative(partnership_id, on):
    items = FrameworkItem.objects.in_partnership(partnership_id).filter(
        framework__kind="calls_to_action"
    )
    serving = Initiative.items.through.objects.filter(frameworkitem_id=OuterRef("pk")).filter(
        initiative__partnership_id=partnership_id
    )
    # Initiatives that had started by `on` (or have no start date yet) count.
    serving = serving.exclude(initiative__start_date__gt=on)
    counted = items.annotate(served=Exists(serving)).values_list("served", flat=True)
    flags = list(counted)
    return sum(1 for flag in flags if flag), len(flags)


LIVE_MEASURES = [
    {
        "key": "calls-to-action-with-an-initiative",
        "name": "Calls to action with at least one initiative serving them",
        "unit": "%",
        "question": "how_much",
        "higher_is_better": True,
        "compute": _items_with_an_initiative,
    },
]
