"""What accounts put on the home page for the partnership admin: a fixed number of queries."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from scaffolding.core.home import Panel

from .models import User

SHOWN = 5


def partnership_admin(request):
    """Accounts whose owner has never signed in, and accounts locked after wrong passwords."""
    user = request.user
    if not user.has_perm("accounts.manage_users"):
        return None
    accounts = User.objects.for_user(user)
    waiting = accounts.filter(is_active=True, last_login__isnull=True).order_by("date_joined")
    waiting_first = list(waiting[:SHOWN])
    since = timezone.now() - timedelta(hours=settings.AXES_COOLOFF_TIME)
    locked_emails = AccessAttempt.objects.filter(
        username__in=accounts.values("email"),
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
        attempt_time__gte=since,
    ).values("username")
    locked = list(accounts.filter(email__in=locked_emails).order_by("full_name")[:SHOWN])
    return Panel(
        "Accounts",
        "accounts/home_admin.html",
        {
            "waiting": waiting_first,
            "waiting_count": waiting.count() if len(waiting_first) == SHOWN else len(waiting_first),
            "locked": locked,
        },
        order=40,
        link=reverse("accounts:account_list"),
        link_text="All accounts",
    )
