"""Error pages in the service's own layout, with "Hide this page" and a way home.

403 and 404 use Django's handlers with our templates (they render with the
request, so the person sees the usual header). A server error, a failed form
check (CSRF) and an unreachable database are rendered without touching the
database: the page must appear even when the database is the problem.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

log = logging.getLogger(__name__)

# Seconds a person (or a proxy) should wait before trying again.
RETRY_AFTER = "30"


def _page(template: str, status: int, request=None, **context) -> HttpResponse:
    context.setdefault("quick_exit_url", settings.QUICK_EXIT_URL)
    try:
        body = render_to_string(template, context, request=request)
    except Exception:  # noqa: BLE001 - the request context itself may be what fails
        body = render_to_string(template, context)
    response = HttpResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    if _is_outage(sys.exc_info()[1]):
        return database_unavailable(request)
    return _page("500.html", 500, page_title="Sorry, something went wrong")


def csrf_failure(request, reason=""):
    return _page("403_csrf.html", 403, request=request, page_title="Please try that again")


def request_too_large(request) -> HttpResponse:
    limit = settings.MAX_REQUEST_BYTES // (1024 * 1024)
    return _page("413.html", 413, page_title="That is too large to send", limit_mb=limit)


def database_unavailable(request) -> HttpResponse:
    response = _page("503.html", 503, page_title="Scaffolding is not available just now")
    response["Retry-After"] = RETRY_AFTER
    return response


class DatabaseUnavailableMiddleware:
    """A database that is down or too slow gets a clear "try again" page (503), not a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Failures in other middleware (loading the session) reach server_error.
        return self.get_response(request)

    def process_exception(self, request, exception):
        if _is_outage(exception):
            log.exception("Database unavailable", exc_info=exception)
            return database_unavailable(request)
        return None


def _is_outage(exception) -> bool:
    """The database is down, unreachable or too slow (not a bug such as a broken constraint)."""
    return isinstance(exception, (OperationalError, InterfaceError))
