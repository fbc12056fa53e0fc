"""``request.partnership`` and ``request.person``, found once per request, one way.

Both are worked out only when a view first reads them, so pages that never do keep
their query counts. ``request.person`` is the signed-in user's own register entry
(or None). ``core`` imports no domain app: the app that keeps the register names
the function that finds it, in its AppConfig:

    class WorkforceConfig(AppConfig):
        person_for_user = "scaffolding.workforce.register.person_for_user"
"""

from functools import cache, cached_property

from django.apps import apps
from django.utils.module_loading import import_string


@cache
def _person_lookup():
    for config in apps.get_app_configs():
        path = getattr(config, "person_for_user", None)
        if path:
            return import_string(path)
    return None


def person_for_user(user):
    """The user's own register entry, through the hook an app declares; None without one."""
    if not getattr(user, "is_authenticated", False):
        return None
    lookup = _person_lookup()
    return lookup(user) if lookup else None


class _TenancyRequest:
    """Mixed into the request's own class, so both attributes are computed at most once."""

    @cached_property
    def partnership(self):
        user = getattr(self, "user", None)
        if not getattr(user, "is_authenticated", False):
            return None
        return user.partnership

    @cached_property
    def person(self):
        return person_for_user(getattr(self, "user", None))


@cache
def _tenancy_class(request_class):
    return type(request_class.__name__, (_TenancyRequest, request_class), {})


class TenancyMiddleware:
    """Give every request a lazy ``partnership`` and ``person`` (after authentication)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.__class__ = _tenancy_class(type(request))
        return self.get_response(request)
