"""POST /language/api/check for other systems (token) and for the browser (session)."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from scaffolding.language import overrides
from scaffolding.language.forms import TEXT_LIMIT
from scaffolding.language.models import ApiToken
from tests.conftest import sign_in

URL = reverse("language:api_check")
KEYS = {
    "path",
    "line",
    "column",
    "start",
    "end",
    "text",
    "rule",
    "message",
    "suggestions",
    "quoted",
}


def post(client, payload, **headers):
    body = payload if isinstance(payload, str | bytes) else json.dumps(payload)
    return client.post(URL, body, content_type="application/json", headers=headers)


@pytest.fixture
def token(world):
    _, plain = ApiToken.issue(world.partnership, "Family records system")
    return plain


def test_a_token_checks_text_with_the_partnership_glossary(world, token):
    overrides.save_override(world.partnership.pk, {"id": "contact", "enabled": False})
    response = post(
        Client(), {"text": "Her placement.\nContact with mum."}, Authorization=f"Bearer {token}"
    )
    assert response.status_code == 200
    (finding,) = response.json()["findings"]
    assert set(finding) == KEYS
    assert finding | {"message": ""} == {
        "path": None,
        "line": 1,
        "column": 5,
        "start": 4,
        "end": 13,
        "text": "placement",
        "rule": "placement",
        "message": "",
        "suggestions": ["home", "living with", "where the child lives"],
        "quoted": False,
    }
    assert ApiToken.objects.get().last_used_at is not None


def test_the_token_of_another_partnership_uses_its_own_glossary(world):
    overrides.save_override(world.partnership.pk, {"id": "placement", "enabled": False})
    _, plain = ApiToken.issue(world.other_partnership, "Farhill records")
    response = post(Client(), {"text": "Her placement."}, Authorization=f"Bearer {plain}")
    assert [f["rule"] for f in response.json()["findings"]] == ["placement"]


@pytest.mark.parametrize(
    "header",
    ["Bearer scl_not-a-real-token", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc"],
)
def test_bad_tokens_are_refused(world, header):
    response = post(Client(), {"text": "placement"}, Authorization=header)
    assert response.status_code == 401
    assert "token" in response.json()["error"]


def test_a_stopped_token_is_refused(world, token):
    ApiToken.objects.update(revoked_at="2026-01-01T00:00:00Z")
    response = post(Client(), {"text": "placement"}, Authorization=f"Bearer {token}")
    assert response.status_code == 401


def test_without_sign_in_or_token(world):
    response = post(Client(), {"text": "placement"})
    assert response.status_code == 401
    assert response.json() == {
        "error": "Sign in, or send an API token as 'Authorization: Bearer <token>'."
    }


def test_signed_in_people_need_the_csrf_token(world):
    client = sign_in(Client(enforce_csrf_checks=True), world.users["practitioner"])
    assert post(client, {"text": "placement"}).status_code == 403
    client.get(reverse("language:check"))
    csrf = client.cookies["csrftoken"].value
    response = post(client, {"text": "placement", "path": "note.txt"}, **{"X-CSRFToken": csrf})
    assert response.status_code == 200
    assert response.json()["findings"][0]["path"] == "note.txt"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("not json", 'The body must be JSON like {"text": "..."}.'),
        (b"\xff\xfe", 'The body must be JSON like {"text": "..."}.'),
        ({"words": "placement"}, 'The JSON must have a "text" field with a string.'),
        ({"text": 5}, 'The JSON must have a "text" field with a string.'),
        (["placement"], 'The JSON must have a "text" field with a string.'),
    ],
)
def test_bad_requests_say_what_is_wrong(world, token, body, message):
    response = post(Client(), body, Authorization=f"Bearer {token}")
    assert response.status_code == 400
    assert response.json() == {"error": message}


def test_too_much_text_is_413(world, token):
    response = post(Client(), {"text": "a" * (TEXT_LIMIT + 1)}, Authorization=f"Bearer {token}")
    assert response.status_code == 413
    response = post(Client(), {"text": "a" * (TEXT_LIMIT * 5)}, Authorization=f"Bearer {token}")
    assert response.status_code == 413


def test_no_findings_is_an_empty_list(world, token):
    response = post(Client(), {"text": "Amy lives with her gran."}, Authorization=f"Bearer {token}")
    assert response.json() == {"findings": []}
