from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from .navigation import items_for


def home(request):
    # A young person's home is their own story (the voice app's page).
    if getattr(request.user, "role", "") == "young_person":
        return redirect("voice:home")
    sections = [item for item in items_for(request.user) if item["url"] != request.path]
    return render(
        request,
        "core/home.html",
        {"page_title": f"Hello, {request.user.get_short_name()}", "sections": sections},
    )


@login_not_required
@never_cache
def healthz(request):
    """200 while the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@login_not_required
def accessibility(request):
    return render(request, "core/accessibility.html", {"page_title": "Accessibility"})


@login_not_required
def privacy(request):
    return render(request, "core/privacy.html", {"page_title": "How we use information"})
