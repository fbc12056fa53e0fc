"""Promise leads make and stop API tokens; only a hash is kept."""

from django.urls import reverse

from scaffolding.language.models import ApiToken


def test_a_new_token_is_shown_once_and_stored_hashed(world, client_for):
    client = client_for("promise_lead")
    response = client.post(reverse("language:tokens"), {"name": "Family records system"})
    token = response.context["new_token"]
    assert token.startswith("scl_") and len(token) > 40
    assert token in response.content.decode()
    record = ApiToken.objects.get()
    assert record.partnership == world.partnership
    assert record.created_by == world.users["promise_lead"]
    assert token not in (record.token_hash, record.prefix, record.name)
    assert ApiToken.find(token) == record
    # Not shown again.
    assert token not in client.get(reverse("language:tokens")).content.decode()


def test_a_name_is_needed(world, client_for):
    response = client_for("promise_lead").post(reverse("language:tokens"), {"name": ""})
    assert response.context["form"].errors["name"] == ["Please fill this in."]
    assert not ApiToken.objects.exists()


def test_stopping_a_token(world, client_for):
    record, token = ApiToken.issue(world.partnership, "Family records system")
    response = client_for("promise_lead").post(reverse("language:token_revoke", args=[record.pk]))
    assert response.status_code == 302
    assert ApiToken.find(token) is None


def test_another_partnerships_token_cannot_be_stopped(world, client_for):
    record, token = ApiToken.issue(world.other_partnership, "Farhill records")
    response = client_for("promise_lead").post(reverse("language:token_revoke", args=[record.pk]))
    assert response.status_code == 404
    assert ApiToken.find(token) == record


def test_the_list_shows_only_our_tokens(world, client_for):
    ApiToken.issue(world.partnership, "Family records system")
    ApiToken.issue(world.other_partnership, "Farhill records")
    body = client_for("promise_lead").get(reverse("language:tokens")).content.decode()
    assert "Family records system" in body and "Farhill records" not in body
