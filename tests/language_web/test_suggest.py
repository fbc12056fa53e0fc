"""The fragment shown under text areas as people type."""

from django.urls import reverse

from scaffolding.language import overrides
from scaffolding.language.forms import TEXT_LIMIT

URL = reverse("language:suggest")


def test_a_kind_suggestion_with_the_reason(client_for):
    body = client_for("family_carer").post(URL, {"text": "Her placement with us"}).content.decode()
    assert "You wrote “placement”. Many children prefer “home”, “living with” or " in body
    assert "Why: " in body


def test_quoted_words_are_not_to_change(client_for):
    body = client_for("practitioner").post(URL, {"text": 'He said "my placement".'}).content
    assert "“placement” is in a person's own words — not to change.".encode() in body
    assert b"Many children prefer" not in body


def test_the_same_word_is_suggested_once(client_for):
    body = client_for("practitioner").post(
        URL, {"text": "placement. Placement. Contact with mum. placement"}
    )
    assert body.content.decode().count("<li>") == 2  # "placement" and "contact"


def test_nothing_to_say_is_empty(client_for):
    response = client_for("practitioner").post(URL, {"text": "Amy lives with her gran."})
    assert response.status_code == 200
    assert response.content.strip() == b""


def test_long_text_is_refused_quietly(client_for):
    response = client_for("practitioner").post(URL, {"text": "a" * (TEXT_LIMIT + 1)})
    assert response.status_code == 413


def test_uses_the_partnership_glossary(world, client_for):
    overrides.save_override(world.partnership.pk, {"id": "placement", "suggestions": ["home"]})
    body = client_for("practitioner").post(URL, {"text": "her placement"}).content.decode()
    assert "Many children prefer “home”. Why" in body


def test_csrf_is_required(world):
    from django.test import Client

    from tests.conftest import sign_in

    client = sign_in(Client(enforce_csrf_checks=True), world.users["practitioner"])
    assert client.post(URL, {"text": "placement"}).status_code == 403


def test_the_fragment_is_marked_for_the_script(client_for):
    response = client_for("practitioner").post(URL, {"text": "placement"})
    assert response["X-Language-Suggestions"] == "1"


def test_signed_out_gets_a_redirect_not_suggestions(world):
    from django.test import Client

    response = Client().post(URL, {"text": "placement"})
    assert response.status_code == 302
    assert "X-Language-Suggestions" not in response


def test_queries_do_not_grow_with_partnership_changes(world, client_for, django_assert_num_queries):
    client = client_for("practitioner")
    text = "placement " * 50
    # session, user, the partnership (which roles must use two-step sign-in), the
    # partnership's glossary changes
    with django_assert_num_queries(4):
        client.post(URL, {"text": text})
    for rule_id in ("placement", "contact", "respite"):
        overrides.save_override(world.partnership.pk, {"id": rule_id, "suggestions": ["kind"]})
    with django_assert_num_queries(4):
        client.post(URL, {"text": text})


def test_every_page_loads_the_script_for_signed_in_people(world, client_for):
    from django.test import Client

    for path in ("/", reverse("workforce:people")):
        body = client_for("supervisor").get(path).content.decode()
        assert 'src="/static/language-suggestions.js"' in body
        assert f'data-suggest-url="{URL}"' in body
    assert b"language-suggestions.js" not in Client().get(reverse("accounts:login")).content
