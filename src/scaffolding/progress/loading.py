"""Put a checked framework file into a partnership, and take it back out.

Loading matches on the framework's name and each item's code, so loading the same file
twice changes nothing; changed text is updated in place and nothing is ever deleted, so
assessments, initiatives and evidence linked to an item are kept.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from . import framework_files as ff
from .models import Assessment, Framework, FrameworkItem, status_from_text

ITEM_FIELDS = (
    "number",
    "foundation",
    "other_foundations",
    "theme",
    "title",
    "text",
    "parts",
    "lead_organisations",
    "source_assessment",
)


@dataclass
class LoadResult:
    framework: Framework
    created: bool
    items_added: int
    items_updated: int


def _item_values(item: ff.FrameworkItem) -> dict:
    return {
        "number": item.number,
        "foundation": item.foundation,
        "other_foundations": list(item.other_foundations),
        "theme": item.theme,
        "title": item.title,
        "text": item.text,
        "parts": dict(item.parts),
        "lead_organisations": list(item.lead_organisations),
        "source_assessment": item.assessment,
    }


@transaction.atomic
def load_framework(partnership, data: ff.Framework, *, user=None, assessed_on=None) -> LoadResult:
    """Create or update ``data`` in ``partnership``; all or nothing.

    A new item whose source gives a judgement (seed 001) gets it as its first assessment,
    dated ``assessed_on`` (default today).
    """
    # Looked up within the partnership; created in it (a queryset's filter is not copied).
    framework, created = Framework.objects.in_partnership(partnership.pk).get_or_create(
        name=data.name,
        defaults={
            "partnership": partnership,
            "title": data.title,
            "kind": data.kind,
            "source": data.source,
        },
    )
    if not created:
        changed = [
            key
            for key in ("title", "kind", "source")
            if getattr(framework, key) != getattr(data, key)
        ]
        for key in changed:
            setattr(framework, key, getattr(data, key))
        if changed:
            framework.save(update_fields=changed)

    existing = {item.code: item for item in framework.items.all()}
    # An item moving to a number another item still holds would clash with the unique
    # constraint mid-update; park the changing items on spare numbers first.
    moving = [
        existing[i.code]
        for i in data.items
        if i.code in existing
        and (existing[i.code].foundation, existing[i.code].number) != (i.foundation, i.number)
    ]
    spare = max([item.number for item in existing.values()] or [0]) + 1000
    for offset, item in enumerate(moving):
        item.number = spare + offset
        item.save(update_fields=["number"])

    added = updated = 0
    today = assessed_on or timezone.localdate()
    for entry in data.items:
        values = _item_values(entry)
        item = existing.get(entry.code)
        if item is None:
            item = FrameworkItem(framework=framework, code=entry.code, **values)
            item.save()
            added += 1
            status = status_from_text(entry.assessment)
            if status:
                _first_assessment(item, entry, status, today, user)
            continue
        changed = [key for key, value in values.items() if getattr(item, key) != value]
        if changed or item in moving:
            for key in changed:
                setattr(item, key, values[key])
            item.save()
            updated += 1
    return LoadResult(framework, created, added, updated)


def _first_assessment(item, entry: ff.FrameworkItem, status, today, user):
    """The source's own judgement (seed 001) becomes the item's first assessment."""
    Assessment.objects.create(
        item=item,
        assessed_on=today,
        status=status,
        required=entry.text,
        heard=entry.parts.get("heard", ""),
        committed=entry.parts.get("committed", ""),
        leads=entry.parts.get("leads", ""),
        next_steps="\n".join(filter(None, [entry.assessment, entry.parts.get("next_steps", "")])),
        recorded_by=user,
    )


def framework_data(framework: Framework) -> ff.Framework:
    """The framework as a framework_files value, ready to write as YAML or CSV."""
    return ff.Framework(
        name=framework.name,
        title=framework.title,
        kind=framework.kind,
        source=framework.source,
        items=[
            ff.FrameworkItem(
                code=item.code,
                number=item.number,
                foundation=item.foundation,
                text=item.text,
                theme=item.theme,
                title=item.title,
                other_foundations=list(item.other_foundations),
                parts={k: v for k, v in item.parts.items() if v},
                lead_organisations=list(item.lead_organisations),
                assessment=item.source_assessment,
            )
            for item in framework.items.order_by("foundation_order", "number")
        ],
    )


def summary_line(framework: Framework) -> str:
    return framework_data(framework).summary_line()
