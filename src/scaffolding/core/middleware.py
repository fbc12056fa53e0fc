"""``request.partnership`` and ``request.person``, found once per request, one way.

Both are worked out only when a view first reads them, so pages that never do keep
their query counts. ``request.person`` is the signed-in user's own register entry
(or None). ``core`` imports no domain app: the app that keeps the register names
the function that finds it, in its AppConfig:

    class WorkforceConfig(AppConfig):
        person_for_user = "scaffolding.workforce.register.person_for_user"

``remembered(key, ask)`` keeps the answer to a question a rule asks several times on
one page (for example "is this user the young person's named worker?") for the rest
of the request. Outside a request (tasks, the shell, tests calling a rule directly)
nothing is kept: every call asks again. ``forget_remembered()`` drops what this
request has kept, for code that has just changed the answer.
"""

from contextvars import ContextVar
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


_remembered: ContextVar[dict | None] = ContextVar("scaffolding_remembered", default=None)


def remembered(key, ask):
    """`ask()`, once per request for this key (a hashable naming the question and whom
    it is about); outside a request, every time."""
    answers = _remembered.get()
    if answers is None:
        return ask()
    if key not in answers:
        answers[key] = ask()
    return answers[key]


def forget_remembered() -> None:
    """Drop every answer this request has kept (after a change that alters them)."""
    answers = _remembered.get()
    if answers is not None:
        answers.clear()


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
    """Give every request a lazy ``partnership`` and ``person`` (after authentication),
    and a fresh place for ``remembered`` answers, emptied when the request ends."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.__class__ = _tenancy_class(type(request))
        token = _remembered.set({})
        try:
            return self.get_response(request)
        finally:
            _remembered.reset(token)
