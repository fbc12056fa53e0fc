"""Access helpers for views: scope to the user's partnership, answer 404 otherwise.

A record from another partnership, or one the role may not see, is answered with
404 rather than 403, so that nobody learns that it exists.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404


def get_for_user(user, queryset, perm: str | None = None, **lookup):
    """Fetch one object from the user's partnership that the user may see (else 404)."""
    try:
        obj = get_object_or_404(queryset, **lookup)
    except (ValueError, ValidationError):
        # A malformed id in the address (?group=abc) is simply not found.
        raise Http404("Not found.") from None
    if getattr(obj, "partnership_id", None) != user.partnership_id:
        raise Http404("Not found in your partnership.")
    if perm and not user.has_perm(perm, obj):
        raise Http404("Not found.")
    return obj


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
