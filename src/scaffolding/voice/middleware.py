"""A young person's account reaches their own pages and nothing of the workforce's."""

from django.core.exceptions import PermissionDenied

from scaffolding.accounts.models import Role

# Beyond the voice pages: home (which sends them on), information pages, signing out,
# and their own list of people who matter (each of those views answers 404 for anyone
# else's young person; recording or reviewing a move stays with the workers).
OPEN_TO_YOUNG_PEOPLE = {
    "core": {"home", "healthz", "accessibility", "privacy"},
    "accounts": {
        "login",
        "logout",
        "password_reset",
        "password_reset_done",
        "password_reset_confirm",
        "password_reset_complete",
        "email_confirm",
    },
    "relationships": {
        "home",
        "young_person",
        "add_person",
        "person",
        "edit_person",
        "end_person",
        "add_time",
        "move",
    },
}


def opens_for(user, namespace: str, url_name: str) -> bool:
    """Whether this account may open the page: the one rule for the middleware and the menu."""
    if not (user.is_authenticated and user.role == Role.YOUNG_PERSON):
        return True
    return namespace == "voice" or url_name in OPEN_TO_YOUNG_PEOPLE.get(namespace, ())


def menu_filter(user, url_name: str) -> bool:
    namespace, _, name = url_name.rpartition(":")
    return opens_for(user, namespace, name)


class YoungPersonAreaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or opens_for(request.user, match.namespace, match.url_name):
            return None
        raise PermissionDenied("This page is for the people who work with you.")
