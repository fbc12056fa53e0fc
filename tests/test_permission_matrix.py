"""Every URL, every role: who gets in, who is refused, and nobody sees another partnership."""

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests.routes
from tests.conftest import ANONYMOUS, OUTSIDER, ROLES

ALL_ROUTES = []
for module_info in pkgutil.iter_modules(tests.routes.__path__):
    module = importlib.import_module(f"tests.routes.{module_info.name}")
    ALL_ROUTES.extend(module.ROUTES)

WHO = [ANONYMOUS, *ROLES, OUTSIDER]


def named_urls(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}{pattern.namespace}:"
            yield from named_urls(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_named_url_is_in_the_matrix():
    listed = {route.name for route in ALL_ROUTES}
    missing = sorted(set(named_urls()) - listed)
    assert not missing, f"Add these URLs to a tests/routes/<app>.py file: {missing}"


def test_every_url_is_signed_in_only_unless_public(world, client_for):
    """Nothing but sign-in, password reset, email confirmation, /healthz and information pages."""
    public = sorted({route.name for route in ALL_ROUTES if route.public})
    assert public == sorted(
        [
            "accounts:email_confirm",
            "accounts:login",
            "accounts:password_reset",
            "accounts:password_reset_complete",
            "accounts:password_reset_confirm",
            "accounts:password_reset_done",
            "core:accessibility",
            "core:healthz",
            "core:privacy",
            "voice:sign_in",
            "voice:start",
        ]
    )


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(
    "route", ALL_ROUTES, ids=[f"{r.name}#{i}" for i, r in enumerate(ALL_ROUTES)]
)
def test_matrix(route, who, world, client_for):
    client = client_for(who)
    url = reverse(route.name, kwargs=route.kwargs(world)) + (
        f"?{route.query}" if route.query else ""
    )
    response = getattr(client, route.method)(url)
    expected = route.expected(who)
    assert response.status_code == expected, (
        f"{who} asking {route.method.upper()} {url}: expected {expected}, "
        f"got {response.status_code}"
    )
    if who == ANONYMOUS and expected == 302 and not route.public:
        assert response["Location"].startswith(reverse("accounts:login"))
    if who == OUTSIDER and response.status_code == 200:
        body = response.content.decode()
        for secret in (world.partnership.name, world.people["practitioner"].full_name):
            assert secret not in body, f"{url} shows {secret!r} to another partnership"
