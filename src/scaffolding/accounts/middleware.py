"""Partnership admins manage accounts, so they must sign in with a second factor."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from .models import Role

# Pages an admin can reach before the second factor: setting it up, giving it, leaving.
TWO_FACTOR_EXEMPT_URL_NAMES = {"two_factor_setup", "two_factor_verify", "logout"}


def needs_second_factor(user) -> bool:
    return (
        settings.REQUIRE_ADMIN_TWO_FACTOR
        and user.is_authenticated
        and user.role == Role.PARTNERSHIP_ADMIN
        and not user.is_verified()
    )


class AdminTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not needs_second_factor(request.user):
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
