"""The language indicator: how often each flagged word is written, month by month.

Models opt in by naming their free-text fields:

    class SupervisionNote(models.Model):
        language_checked_fields = ["summary", "agreed_actions"]
        language_date_field = "held_on"   # optional: the month the text was written
                                          # (else the month it was first counted)

and must have a `partnership_id` (a field or a property). After every save the
counts of non-quoted findings per rule are replaced for that record and field;
deleting the record removes them. Only counts are stored, never the text.
Opting in (rather than guessing which CharFields are free text) keeps names,
email addresses and codes out, and lets an app leave private text unchecked.

Bulk inserts do not send signals: call `record_counts(objects)` afterwards, or
`recount(partnership_id)` (also `scaffolding language-recount`), which the demo
data runs once every app has added its records.
"""

import datetime
from collections import defaultdict

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Sum
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from scaffolding.core.tenancy import PartnershipQuerySet
from scaffolding.language import count_terms

from .models import TermCount
from .overrides import glossary_for

CHECKED_FIELDS = "language_checked_fields"
DATE_FIELD = "language_date_field"


def is_checked(model) -> bool:
    return bool(getattr(model, CHECKED_FIELDS, None)) and model.__module__.startswith(
        "scaffolding."
    )


def _month_of(instance, earlier: datetime.date | None = None) -> datetime.date:
    """The date field's month; else the month first counted (re-saving keeps it); else now."""
    name = getattr(instance, DATE_FIELD, None)
    return _month_from(getattr(instance, name, None) if name else earlier)


def _month_from(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if not isinstance(value, datetime.date):
        value = timezone.localdate()
    return value.replace(day=1)


def counts_for(instance, glossary=None, earlier=None) -> list[TermCount]:
    """Unsaved TermCount rows for one record (rules that fired only)."""
    partnership_id = getattr(instance, "partnership_id", None)
    if partnership_id is None:
        return []
    glossary = glossary or glossary_for(partnership_id)
    content_type = ContentType.objects.get_for_model(type(instance))
    month = _month_of(instance, earlier)
    rows = []
    for field in getattr(instance, CHECKED_FIELDS):
        text = getattr(instance, field, None)
        if not isinstance(text, str) or not text.strip():
            continue
        for rule, count in count_terms(text, glossary).items():
            if count:
                rows.append(
                    TermCount(
                        partnership_id=partnership_id,
                        content_type=content_type,
                        object_id=str(instance.pk),
                        field=field,
                        month=month,
                        rule=rule,
                        count=count,
                    )
                )
    return rows


@transaction.atomic
def record_counts(instances) -> int:
    """Replace the counts of these records (all of one model); returns rows written."""
    instances = [instance for instance in instances if instance.pk is not None]
    if not instances:
        return 0
    content_type = ContentType.objects.get_for_model(type(instances[0]))
    existing = TermCount.objects.filter(
        content_type=content_type, object_id__in=[str(i.pk) for i in instances]
    )
    first_counted = dict(existing.values_list("object_id", "month").order_by("-month"))
    existing.delete()
    glossaries = {}
    rows = []
    for instance in instances:
        partnership_id = getattr(instance, "partnership_id", None)
        if partnership_id not in glossaries:
            glossaries[partnership_id] = glossary_for(partnership_id)
        rows.extend(
            counts_for(instance, glossaries[partnership_id], first_counted.get(str(instance.pk)))
        )
    TermCount.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def checked_models() -> list:
    return [model for model in apps.get_models() if is_checked(model)]


def recount(partnership_id=None, batch_size: int = 2000) -> int:
    """Count again every opted-in record (of one partnership, or all); returns rows written."""
    written = 0
    for model in checked_models():
        records = model._default_manager.order_by("pk")
        if isinstance(records, PartnershipQuerySet):
            written += _recount_rows(model, records, partnership_id, batch_size)
            continue
        # Any other model is filtered in Python (its `partnership_id` may be a property).
        batch = []
        for record in records.iterator(chunk_size=batch_size):
            if partnership_id is not None and getattr(record, "partnership_id", None) != (
                partnership_id
            ):
                continue
            batch.append(record)
            if len(batch) >= batch_size:
                written += record_counts(batch)
                batch = []
        written += record_counts(batch)
    return written


def _recount_rows(model, records, partnership_id, batch_size: int) -> int:
    """`record_counts` for a model on the tenancy base, reading plain values rather than
    model objects, and counting each distinct text once (a partnership's records repeat
    phrases; a national demo has millions of sessions)."""
    if partnership_id is not None:
        records = records.in_partnership(partnership_id)
    fields = list(getattr(model, CHECKED_FIELDS))
    date_field = getattr(model, DATE_FIELD, None)
    names = ["pk", "partnership_id", *fields] + ([date_field] if date_field else [])
    content_type = ContentType.objects.get_for_model(model)
    glossaries, found = {}, {}  # found[(partnership, text)] = [(rule, count), ...]
    written = 0
    # Which records have counts already, in one query: only their batches look them up
    # (to keep the month first counted) and delete them. After a bulk build that is
    # almost none of them.
    have_counts = TermCount.objects.filter(content_type=content_type)
    if partnership_id is not None:
        have_counts = have_counts.in_partnership(partnership_id)
    have_counts = set(have_counts.values_list("object_id", flat=True).distinct())

    def write(batch):
        if not batch:
            return 0
        with transaction.atomic():
            first_counted = {}
            if ids := [str(row[0]) for row in batch if str(row[0]) in have_counts]:
                existing = TermCount.objects.filter(content_type=content_type, object_id__in=ids)
                first_counted = dict(existing.values_list("object_id", "month").order_by("-month"))
                existing.delete()
            rows = []
            for row in batch:
                pk, owner = row[0], row[1]
                if owner is None:
                    continue
                if owner not in glossaries:
                    glossaries[owner] = glossary_for(owner)
                month = None
                for field, text in zip(fields, row[2 : 2 + len(fields)], strict=True):
                    if not isinstance(text, str) or not text.strip():
                        continue
                    key = (owner, text)
                    if key not in found:
                        counted = count_terms(text, glossaries[owner]).items()
                        found[key] = [(rule, count) for rule, count in counted if count]
                    for rule, count in found[key]:
                        if month is None:
                            value = row[-1] if date_field else first_counted.get(str(pk))
                            month = _month_from(value)
                        rows.append(
                            TermCount(
                                partnership_id=owner,
                                content_type=content_type,
                                object_id=str(pk),
                                field=field,
                                month=month,
                                rule=rule,
                                count=count,
                            )
                        )
            TermCount.objects.bulk_create(rows, batch_size=1000)
            return len(rows)

    batch = []
    for row in records.values_list(*names).iterator(chunk_size=batch_size):
        batch.append(row)
        if len(batch) >= batch_size:
            written += write(batch)
            batch = []
    return written + write(batch)


def _saved(sender, instance, raw=False, **kwargs):
    if raw or not is_checked(sender):
        return
    record_counts([instance])


def _deleted(sender, instance, **kwargs):
    if not is_checked(sender):
        return
    TermCount.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=str(instance.pk)
    ).delete()


def connect_receivers() -> None:
    post_save.connect(_saved, dispatch_uid="language-indicator-saved")
    post_delete.connect(_deleted, dispatch_uid="language-indicator-deleted")


def monthly_counts(partnership_id, months: int = 12, today: datetime.date | None = None):
    """(month list, rule list, {(month, rule): count}) for the last `months` months."""
    today = today or timezone.localdate()
    first = today.replace(day=1)
    month_list = []
    for _ in range(months):
        month_list.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    month_list.reverse()
    totals = (
        TermCount.objects.in_partnership(partnership_id)
        .filter(month__gte=month_list[0])
        .values_list("month", "rule")
        .annotate(total=Sum("count"))
        .order_by()
    )
    cells = {(month, rule): total for month, rule, total in totals}
    by_rule = defaultdict(int)
    for (_, rule), total in cells.items():
        by_rule[rule] += total
    rules = sorted(by_rule, key=lambda rule: (-by_rule[rule], rule))
    return month_list, rules, cells


def table_rows(month_list, rules, cells):
    return [[cells.get((month, rule), 0) for rule in rules] for month in month_list]


def chart_svg(month_list, rules, cells, most: int = 6) -> str:
    """A line chart of the most frequent rules, drawn as SVG by a template (milliseconds)."""
    from scaffolding.core import charts

    return charts.lines(
        [f"{month:%b %y}" for month in month_list],
        {rule: [cells.get((month, rule), 0) for month in month_list] for rule in rules[:most]},
        axis_label="times written",
    )


def export_dataset(month_list, rules, cells):
    import tablib

    dataset = tablib.Dataset(headers=["month", *rules], title="Language indicator")
    for month, row in zip(month_list, table_rows(month_list, rules, cells), strict=True):
        dataset.append([month.strftime("%Y-%m"), *row])
    return dataset
