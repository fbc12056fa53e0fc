from django.conf import settings

from .navigation import in_sections, items_for


def navigation(request):
    navigation = items_for(getattr(request, "user", None), request.path)
    return {
        "navigation": navigation,
        "navigation_sections": in_sections(navigation),
        "quick_exit_url": settings.QUICK_EXIT_URL,
        "oidc_enabled": settings.OIDC_ENABLED,
    }
