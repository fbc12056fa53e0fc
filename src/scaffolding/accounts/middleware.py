"""Two-step sign-in: who must give a second factor before anything else.

Partnership admins always (they manage accounts); anyone in a role the
partnership requires it for; and anyone who has set it up for themselves.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

from .models import Role

# Pages reachable before the second factor: setting it up, giving it, leaving.
TWO_FACTOR_EXEMPT_URL_NAMES = {"two_factor_setup", "two_factor_verify", "logout"}
ENROLLED_SESSION_KEY = "scaffolding_two_step_enrolled"


@receiver(user_logged_in)
def remember_enrolment(sender, request, user, **kwargs):
    """Note once, at sign-in, whether this person has an authenticator (saves a query a page)."""
    if request is not None and hasattr(request, "session"):
        request.session[ENROLLED_SESSION_KEY] = user_has_device(user, confirmed=True)


def two_step_required(user) -> bool:
    if user.role == Role.PARTNERSHIP_ADMIN and settings.REQUIRE_ADMIN_TWO_FACTOR:
        return True
    return bool(user.partnership_id) and user.role in (user.partnership.two_step_roles or [])


def needs_second_factor(request) -> bool:
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return False
    return bool(request.session.get(ENROLLED_SESSION_KEY)) or two_step_required(user)


class AdminTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not needs_second_factor(request):
            return None
        match = request.resolver_match
        if (
            match
            and match.namespace == "accounts"
            and match.url_name in TWO_FACTOR_EXEMPT_URL_NAMES
        ):
            return None
        if request.path.startswith(settings.STATIC_URL):
            return None
        return redirect(reverse("accounts:two_factor_verify") + f"?next={request.path}")
