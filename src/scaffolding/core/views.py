import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .home import panels_for
from .navigation import items_for


def home(request):
    # A young person's home is their own story (the voice app's page).
    if getattr(request.user, "role", "") == "young_person":
        return redirect("voice:home")
    sections = [item for item in items_for(request.user) if item["url"] != request.path]
    return render(
        request,
        "core/home.html",
        {
            "page_title": f"Hello, {request.user.get_short_name()}",
            "panels": panels_for(request),
            "sections": sections,
        },
    )


# One probe at a time, in its own thread with its own connection, so that a hung
# database cannot hold the request (or pile up probes): /healthz answers within
# HEALTHZ_TIMEOUT_SECONDS either way.
_probes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="healthz")
_running = None
_probe_lock = threading.Lock()


def _database_answers() -> bool:
    probe = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with probe.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    finally:
        probe.close()


def _probe():
    try:
        return _database_answers()
    except DatabaseError:
        return False


@login_not_required
@never_cache
def healthz(request):
    """200 while the database answers a query in time, 503 when it does not."""
    global _running
    with _probe_lock:
        if _running is None or _running.done():
            _running = _probes.submit(_probe)
        running = _running
    try:
        answered = running.result(timeout=settings.HEALTHZ_TIMEOUT_SECONDS)
    except FutureTimeout:
        answered = False
    if not answered:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@login_not_required
def accessibility(request):
    return render(request, "core/accessibility.html", {"page_title": "Accessibility"})


@login_not_required
def privacy(request):
    return render(request, "core/privacy.html", {"page_title": "How we use information"})


# ---- Figures worked out in the background (core.figures) ----


def _figures_kind(request, kind: str):
    from . import figures

    found = figures.KINDS.get(kind)
    if found is None:
        raise Http404("No such figures.")
    if not request.user.has_perm(found.permission):
        raise PermissionDenied("These figures are not yours to see.")
    return found


@require_http_methods(["POST"])
def figures_refresh(request, kind):
    """Ask the worker to work the figures out again; back to the page that shows them."""
    from . import figures

    found = _figures_kind(request, kind)
    _, new = figures.request(request.user.partnership_id, found.key)
    if new:
        messages.success(request, "The figures are being worked out again.")
    else:
        messages.info(request, "The figures are already being worked out.")
    return redirect(found.page)


def figures_progress(request, kind):
    """Polled by htmx while figures are worked out; the whole page once they are ready."""
    from . import figures

    found = _figures_kind(request, kind)
    if not request.htmx:
        return redirect(found.page)
    asking = figures.working(request.user.partnership_id, found.key)
    if asking is None:
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "core/_figures_progress.html", {"asking": asking, "kind": kind})
