"""What progress puts on the home page for the Promise lead: a fixed number of queries."""

from datetime import timedelta

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone

from scaffolding.core.home import Panel

from .models import FrameworkItem

# An item not assessed for a year is due for a fresh look.
ASSESS_EVERY_DAYS = 365
SHOWN = 5


def promise_lead(request):
    """Calls to action with no initiative, and items whose assessment is due."""
    user = request.user
    if not user.has_perm("progress.manage"):
        return None
    today = timezone.localdate()
    items = FrameworkItem.objects.for_user(user).select_related("framework")
    unserved = items.annotate(initiative_count=Count("initiatives")).filter(initiative_count=0)
    due = items.annotate(last=Max("assessments__assessed_on")).filter(
        Q(last__isnull=True) | Q(last__lt=today - timedelta(days=ASSESS_EVERY_DAYS))
    )
    unserved_first = list(unserved.order_by("framework_id", "foundation_order", "number")[:SHOWN])
    due_first = list(due.order_by("last", "framework_id", "number")[:SHOWN])
    return Panel(
        "Calls to action to follow up",
        "progress/home_promise_lead.html",
        {
            "unserved": unserved_first,
            "unserved_count": unserved.count()
            if len(unserved_first) == SHOWN
            else len(unserved_first),
            "due": due_first,
            "due_count": due.count() if len(due_first) == SHOWN else len(due_first),
        },
        order=30,
        link=reverse("progress:overview"),
        link_text="Progress overview",
    )
