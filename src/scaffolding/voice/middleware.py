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


class YoungPersonAreaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not (user.is_authenticated and user.role == Role.YOUNG_PERSON):
            return None
        match = request.resolver_match
        if match is None or match.namespace == "voice":
            return None
        if match.url_name in OPEN_TO_YOUNG_PEOPLE.get(match.namespace, ()):
            return None
        raise PermissionDenied("This page is for the people who work with you.")
