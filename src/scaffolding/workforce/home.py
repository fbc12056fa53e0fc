"""What workforce and learning put on the home page: a fixed number of queries each."""

from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from scaffolding.core.home import Panel

from .models import ImportJob, LearningLapse, LearningRecord, RecordStatus

EXPIRY_WINDOW_DAYS = 60
SHOWN = 5


def expiring(records, today):
    """Completed learning that expires within the window (or has), and was not renewed."""
    renewed = LearningRecord.objects.filter(
        person=OuterRef("person"),
        activity=OuterRef("activity"),
        status=RecordStatus.COMPLETED,
        expires_on__gt=OuterRef("expires_on"),
    )
    return records.filter(
        status=RecordStatus.COMPLETED,
        expires_on__isnull=False,
        expires_on__lte=today + timedelta(days=EXPIRY_WINDOW_DAYS),
    ).exclude(Exists(renewed))


def my_learning(request):
    """Learning of mine that expires soon."""
    user = request.user
    if not user.has_perm("workforce.view_own_learning"):
        return None
    person = request.person
    if person is None:
        return None
    today = timezone.localdate()
    soon = list(
        expiring(LearningRecord.objects.filter(person=person), today)
        .select_related("activity")
        .order_by("expires_on")[: SHOWN + 1]
    )
    if not soon:
        return None
    return Panel(
        "Learning to renew",
        "workforce/home_my_learning.html",
        {"records": soon[:SHOWN], "more": len(soon) > SHOWN, "today": today},
        order=30,
        link=reverse("workforce:my_learning"),
        link_text="My learning",
    )


def learning_lead(request):
    """Imports waiting for the lead, and learning expiring across the partnership."""
    user = request.user
    if not user.has_perm("workforce.manage_learning"):
        return None
    today = timezone.localdate()
    jobs = list(
        ImportJob.objects.for_user(user)
        .exclude(status=ImportJob.Status.DONE)
        .defer("data", "preview", "problems")
        .order_by("-created_at")[:SHOWN]
    )
    # One count over the summaries' lapse dates (a person's latest learning of each
    # activity), not a search through every record: the same whatever the register's size.
    lapses = LearningLapse.objects.for_user(user).aggregate(
        expired=Count("pk", filter=Q(lapses_on__lt=today)),
        expiring=Count(
            "pk",
            filter=Q(
                lapses_on__gte=today, lapses_on__lte=today + timedelta(days=EXPIRY_WINDOW_DAYS)
            ),
        ),
    )
    return Panel(
        "Imports and expiring learning",
        "workforce/home_learning_lead.html",
        {
            "jobs": jobs,
            "expired": lapses["expired"],
            "expiring": lapses["expiring"],
            "days": EXPIRY_WINDOW_DAYS,
        },
        order=30,
        link=reverse("workforce:import_start"),
        link_text="Import and export",
    )
