"""Every read of a young person's things by anyone but them: one function, one insert.

Every reader path (page, download, API, export, report) calls ``record_read``
after deciding the user may read (``voice.sharing.may_see``) or after an
override with a reason. The table is append-only in the database too
(migration 0003): the only way rows leave is ``erasing()``, used when a whole
partnership or database is erased on purpose.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction

from .models import AccessEvent, ReadHow, ReadWhat
from .sharing import is_owner


def what_of(thing) -> str:
    name = type(thing).__name__
    return {
        "StoryItem": ReadWhat.ITEM,
        "AboutMe": ReadWhat.PROFILE,
        "MeetingViews": ReadWhat.VIEWS,
    }.get(name, ReadWhat.EVERYTHING)


def _event(user, thing, how, override_reason=""):
    young_person = thing.young_person
    return AccessEvent(
        partnership_id=young_person.partnership_id,
        young_person=young_person,
        who=user,
        who_name=user.full_name or user.email,
        who_role=user.get_role_display(),
        what=what_of(thing),
        what_id=thing.pk,
        what_title=str(getattr(thing, "title", ""))[:200],
        how=how,
        override_reason=override_reason,
    )


def record_read(user, thing, how: str = ReadHow.PAGE, *, override_reason: str = ""):
    """Log one read of ``thing`` by ``user``; the young person's own reads are not logged.

    Costs at most one INSERT (the young person row is already on ``thing``).
    """
    if is_owner(user, thing.young_person):
        return None
    event = _event(user, thing, how, override_reason)
    event.save()
    return event


def record_reads(user, things, how: str = ReadHow.REPORT) -> int:
    """Log a read of each thing on one page or in one file (a report): one INSERT in all.

    Pass the things with their young person loaded (``select_related``).
    """
    events = [
        _event(user, thing, how) for thing in things if not is_owner(user, thing.young_person)
    ]
    if events:
        AccessEvent.objects.bulk_create(events)
    return len(events)


@dataclass
class LooksPage:
    events: list
    older: int | None  # the ``before`` for the next, older page; None on the last page
    newest: bool  # this page starts at the newest look


def looks_page(young_person, before: str | None = None, size: int = 50) -> LooksPage:
    """One page of the looks at a young person's things, newest first.

    Paged by position (older than look ``before``), not by page number: counting a
    long history to number its pages would cost more than the page itself. A
    ``before`` that is not one of this young person's looks starts at the newest.
    """
    looks = AccessEvent.objects.filter(young_person=young_person).order_by("-at", "-pk")
    anchor = None
    if before and before.isdigit() and len(before) < 19:  # fits a 64-bit id
        anchor = looks.filter(pk=int(before)).values_list("at", "pk").first()
    if anchor:
        at, pk = anchor
        # "at or before, but not the same moment at or after this look": a range on the
        # (young person, at) index, which an OR of the two cases would not use.
        looks = looks.filter(at__lte=at).exclude(at=at, pk__gte=pk)
    events = list(looks[: size + 1])
    older = events[size - 1].pk if len(events) > size else None
    return LooksPage(events=events[:size], older=older, newest=anchor is None)


@contextmanager
def erasing():
    """Allow DELETE on the access log for the length of one transaction (never UPDATE).

    For erasing a whole partnership or database on purpose, nothing else.
    """
    with transaction.atomic():
        vendor = connection.vendor
        with connection.cursor() as cursor:
            if vendor == "postgresql":
                cursor.execute("SET LOCAL scaffolding.erasing = 'on'")
            elif vendor == "sqlite":
                cursor.execute("DROP TRIGGER IF EXISTS voice_accessevent_no_delete")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                if vendor == "postgresql":
                    cursor.execute("SET LOCAL scaffolding.erasing = 'off'")
                elif vendor == "sqlite":
                    cursor.execute(
                        "CREATE TRIGGER IF NOT EXISTS voice_accessevent_no_delete BEFORE DELETE "
                        "ON voice_accessevent BEGIN SELECT RAISE(ABORT, "
                        "'The access log is append-only: no DELETE'); END"
                    )
