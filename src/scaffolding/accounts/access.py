"""Access helpers for views: scope to the user's partnership, answer 404 otherwise.

A record from another partnership, or one the role may not see, is answered with
404 rather than 403, so that nobody learns that it exists.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied

# One definition, in the tenancy base; kept importable from here for existing views.
from scaffolding.core.tenancy import get_for_user  # noqa: F401


def permission_required(perm: str):
    """Refuse with 403 unless the signed-in user has a partnership-wide permission."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(perm):
                raise PermissionDenied("Your role does not include this page.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def sign_in_username(request, credentials=None) -> str:
    """The sign-in name as the account matches it: trimmed and in lower case (for django-axes)."""
    data = credentials or getattr(request, "POST", {}) or {}
    return (data.get("username") or "").strip().lower()
