"""Finding 11 (error pages in the design system's layout) and finding 8's "try again" page."""

import pytest
from django.test import Client

from tests.conftest import sign_in

pytestmark = pytest.mark.urls("tests.hardening.error_urls")


@pytest.fixture(autouse=True)
def _production_errors(settings):
    settings.DEBUG = False


def _looks_like_ours(response):
    body = response.content.decode()
    assert "Hide this page" in body
    assert "ds_page" in body
    assert 'href="/"' in body
    return body


def test_page_not_found(world):
    client = sign_in(Client(), world.users["practitioner"])
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    body = _looks_like_ours(response)
    assert "We cannot find this page" in body
    assert "Eilidh Practitioner" in body  # the usual header, signed in


def test_not_allowed(world):
    client = sign_in(Client(), world.users["practitioner"])
    response = client.get("/accounts/")
    assert response.status_code == 403
    assert "not part of your role" in _looks_like_ours(response)


def test_form_expired(world):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/sign-in/", {"username": "a@b.example", "password": "x"})
    assert response.status_code == 403
    body = _looks_like_ours(response)
    assert "try again" in body.lower()


def test_something_went_wrong(world):
    client = sign_in(Client(raise_request_exception=False), world.users["practitioner"])
    response = client.get("/boom/500/")
    assert response.status_code == 500
    assert "Sorry, something went wrong" in _looks_like_ours(response)


def test_database_unavailable_says_try_again(world):
    client = sign_in(Client(raise_request_exception=False), world.users["practitioner"])
    response = client.get("/boom/database/")
    assert response.status_code == 503
    assert response["Retry-After"]
    body = _looks_like_ours(response)
    assert "try again in a minute" in body.lower()
