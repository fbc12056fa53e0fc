"""The change history (django-auditlog): what it may keep and show, in words.

Each app registers its models here with the text fields the history may show.
Every other text field is stored and shown only as "(changed)", so private
writing (notes, reasons, descriptions, titles of unconsented stories, places)
never reaches the admins who read the history. A model registered straight
with auditlog gets the same treatment when shown: no text unless allowed.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.core.exceptions import FieldDoesNotExist
from django.db import models

CHANGED = "(changed)"
MASK = "scaffolding.core.history.changed"
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)

# label_lower -> text fields the history may show; models whose names may show.
SHOWN: dict[str, frozenset] = {}
NAME_HIDDEN: set[str] = set()


def changed(value) -> str:
    """auditlog's mask for private text: keep that it changed, never what it says."""
    return CHANGED


def text_fields(model) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS)]


def register(
    model,
    shown: Iterable[str] = (),
    *,
    name_shown: bool = True,
    hidden: Iterable[str] = (),
    **options,
):
    """Register `model` with auditlog, keeping only `shown` text fields readable.

    `hidden` masks non-text fields too (for example a wellbeing score);
    `name_shown=False` when the record's name is itself private (a story title).
    """
    from auditlog.registry import auditlog

    label = model._meta.label_lower
    SHOWN[label] = frozenset(shown)
    if not name_shown:
        NAME_HIDDEN.add(label)
    masked = [name for name in text_fields(model) if name not in SHOWN[label]]
    masked += [name for name in hidden if name not in masked]
    excluded = set(options.get("exclude_fields", ()))
    masked = [name for name in masked if name not in excluded]
    auditlog.register(model, mask_fields=masked, mask_callable=MASK, **options)


# Showing entries ---------------------------------------------------------------


def record_name(model, pk, name: str) -> str:
    kind = model._meta.verbose_name.capitalize() if model else "Record"
    if model is None or model._meta.label_lower in NAME_HIDDEN:
        return f"{kind} {pk}"
    return f"{kind}: {name}"


def _empty(value) -> bool:
    return value in (None, "", "None", "[]", "{}")


def _field(model, name):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    # Reverse relations and the like are not the record's own fields.
    return field if getattr(field, "concrete", False) or field.many_to_many else None


def _may_show(model, field) -> bool:
    if not isinstance(field, TEXT_FIELDS):
        return True
    return field.name in SHOWN.get(model._meta.label_lower, frozenset())


def describe(entries) -> list[dict]:
    """Each entry as {entry, record, changes: [(what, before, after)]}, names not ids.

    Related records are looked up once per kind for the whole page.
    """
    entries = list(entries)
    wanted = defaultdict(set)
    plans = []
    for entry in entries:
        model = entry.content_type.model_class() if entry.content_type_id else None
        rows = []
        changes = entry.changes if isinstance(entry.changes, dict) else {}
        for name, change in changes.items():
            field = _field(model, name) if model else None
            if field is None or field.primary_key:
                continue
            rows.append((field, change))
            if field.many_to_one or field.one_to_one:
                for value in change if isinstance(change, list) else ():
                    if not _empty(value) and str(value).isdigit():
                        wanted[field.related_model].add(int(value))
        plans.append((entry, model, rows))
    names = {
        related: {pk: str(obj) for pk, obj in related.objects.in_bulk(pks).items()}
        for related, pks in wanted.items()
    }
    described = []
    for entry, model, rows in plans:
        words = []
        for field, change in rows:
            what = str(field.verbose_name)
            if field.many_to_many or isinstance(change, dict):
                words.append((what, *_m2m_words(field, change)))
            elif not _may_show(model, field):
                words.append((what, "", CHANGED))
            else:
                before, after = (
                    (change + [None, None])[:2] if isinstance(change, list) else (None, change)
                )
                shown_before = "" if entry.action == 0 else _value(field, before, names)
                words.append((what, shown_before, _value(field, after, names)))
        described.append(
            {
                "entry": entry,
                "record": record_name(model, entry.object_pk, entry.object_repr),
                "changes": words,
            }
        )
    return described


def _m2m_words(field, change) -> tuple[str, str]:
    related = field.related_model
    if not isinstance(change, dict):
        return "", CHANGED
    if related is not None and related._meta.label_lower in NAME_HIDDEN:
        objects = f"{len(change.get('objects', []))} record(s)"
    else:
        objects = ", ".join(str(o) for o in change.get("objects", [])) or "(none)"
    operation = {"add": "added", "delete": "removed", "clear": "all removed"}.get(
        change.get("operation"), "changed"
    )
    return "", f"{operation}: {objects}"


def _value(field, value, names) -> str:
    if _empty(value):
        return "(empty)"
    text = str(value)
    if field.many_to_one or field.one_to_one:
        related = field.related_model
        if related._meta.label_lower in NAME_HIDDEN or not text.isdigit():
            return record_name(related, text, "")
        return names.get(related, {}).get(int(text), "(no longer there)")
    if isinstance(field, models.BooleanField):
        return "yes" if text in ("True", "1") else "no"
    if field.choices:
        return str({str(key): label for key, label in field.flatchoices}.get(text, text))
    if isinstance(field, models.DateTimeField):
        return text[:16]
    return text
