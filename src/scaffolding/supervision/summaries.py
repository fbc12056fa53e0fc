"""Per-person supervision summaries: the date of each person's last supervision.

"Supervised" means they attended a regular session (a kind in CADENCE_KINDS) whose
record is written (draft or agreed); the row keeps the latest such date, whatever the
day (cadence.last_supervised reads it for any day). The rows change in the same
transaction as the session or attendance that changes them, through the signals
below; bulk writers that skip signals (the demo builder) call `rebuild`.
"""

from django.db import transaction
from django.db.models import Max
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from scaffolding.workforce.models import Person

from .models import CADENCE_KINDS, Attendance, Session, SupervisionSummary

HELD_STATUSES = (Session.Status.DRAFT, Session.Status.AGREED)


def held_attendances():
    """Attendances that count as being supervised."""
    return Attendance.objects.filter(
        attended=True, session__kind__in=CADENCE_KINDS, session__status__in=HELD_STATUSES
    )


def last_supervised_from_scratch(attendances) -> dict[int, tuple[int, object]]:
    """{person id: (partnership id, latest held date)} grouped from the attendances."""
    rows = (
        attendances.order_by()
        .values("person_id", "partnership_id")
        .annotate(last=Max("session__held_on"))
    )
    return {row["person_id"]: (row["partnership_id"], row["last"]) for row in rows}


@transaction.atomic
def refresh(person_ids) -> None:
    """Work out again the summaries of these people (a handful: one session's people)."""
    person_ids = sorted(set(person_ids))
    if not person_ids:
        return
    # Lock the people first (PostgreSQL; SQLite has one writer at a time anyway): two
    # sessions saved for one person at once then refresh one after the other, the second
    # reading the first's session, and never insert the same row twice.
    list(
        Person.objects.select_for_update()
        .filter(pk__in=person_ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    found = last_supervised_from_scratch(held_attendances().filter(person_id__in=person_ids))
    SupervisionSummary.objects.filter(person_id__in=person_ids).delete()
    SupervisionSummary.objects.bulk_create(
        SupervisionSummary(person_id=pk, partnership_id=partnership_id, last_supervised=last)
        for pk, (partnership_id, last) in found.items()
    )


@transaction.atomic
def rebuild(partnership_id: int) -> int:
    """Every summary of the partnership worked out from scratch; returns rows written."""
    SupervisionSummary.objects.in_partnership(partnership_id).delete()
    found = last_supervised_from_scratch(held_attendances().in_partnership(partnership_id))
    SupervisionSummary.objects.in_partnership(partnership_id).insert_rows(
        ["partnership_id", "person_id", "last_supervised"],
        [(partnership_id, pk, last) for pk, (_, last) in found.items()],
    )
    return len(found)


@receiver(post_save, sender=Session, dispatch_uid="supervision-summary-session-saved")
def _session_saved(sender, instance, raw=False, **kwargs):
    # Its kind, status or date may have changed: everyone who took part.
    if not raw:
        refresh(Attendance.objects.filter(session=instance).values_list("person_id", flat=True))


@receiver(post_save, sender=Attendance, dispatch_uid="supervision-summary-attendance-saved")
@receiver(post_delete, sender=Attendance, dispatch_uid="supervision-summary-attendance-gone")
def _attendance_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh([instance.person_id])
