from django.conf import settings

from .navigation import items_for


def navigation(request):
    return {
        "navigation": items_for(getattr(request, "user", None), request.path),
        "quick_exit_url": settings.QUICK_EXIT_URL,
        "oidc_enabled": settings.OIDC_ENABLED,
    }
