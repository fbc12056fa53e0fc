"""Finding 2: no account sees everything, and an admin cannot take over an account."""

import re

from django.core import mail
from django.core.management import call_command

from scaffolding.accounts.models import Role, User
from scaffolding.supervision.models import Reflection
from scaffolding.workforce.models import LivedExperience
from tests.conftest import sign_in


def _superuser(world, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-test-password")
    call_command(
        "createsuperuser",
        "--noinput",
        email="root@lochside.example",
        full_name="Root",
        verbosity=0,
    )
    return User.objects.get(email="root@lochside.example")


def test_a_superuser_cannot_read_a_private_reflection_or_lived_experience(
    world, client, monkeypatch
):
    root = _superuser(world, monkeypatch)
    assert root.is_superuser and root.role == Role.PARTNERSHIP_ADMIN
    author = world.people["practitioner"]
    reflection = Reflection.objects.create(
        partnership=world.partnership, author=author, text="Something only I should read"
    )
    LivedExperience.objects.create(person=author, statement="My own story of care")

    assert not root.has_perm("supervision.view_reflection", reflection)
    assert not root.has_perm("supervision.view_reflection")
    assert not root.has_perm("workforce.view_lived_experience", author)
    assert root.get_all_permissions() == set()

    sign_in(client, root)
    response = client.get(f"/supervision/reflections/{reflection.pk}/")
    assert response.status_code in (403, 404)
    assert b"Something only I should read" not in response.content


def test_an_admin_email_change_waits_for_the_new_address_and_warns_the_old(client_for, world):
    carer = world.users["family_carer"]
    admin = client_for("partnership_admin")
    response = admin.post(
        f"/accounts/{carer.pk}/",
        {
            "full_name": carer.full_name,
            "email": "taken-over@evil.example",
            "role": carer.role,
            "carer_kind": carer.carer_kind,
            "is_active": "on",
        },
        follow=True,
    )
    assert response.status_code == 200
    carer.refresh_from_db()
    assert carer.email == "family_carer@lochside.example"
    assert carer.pending_email == "taken-over@evil.example"
    to_old = [m for m in mail.outbox if m.to == ["family_carer@lochside.example"]]
    to_new = [m for m in mail.outbox if m.to == ["taken-over@evil.example"]]
    assert to_old and "taken-over@evil.example" in to_old[0].body
    assert to_new

    # A password reset asked for now still goes to the old address only.
    mail.outbox.clear()
    client_for("anonymous").post("/password-reset/", {"email": "taken-over@evil.example"})
    assert mail.outbox == []

    link = re.search(r"https?://[^/\s]+(/email/confirm/\S+/)", to_new[0].body).group(1)
    client_for("anonymous").post(link)
    carer.refresh_from_db()
    assert carer.email == "taken-over@evil.example"
    assert carer.pending_email == ""


def test_a_tampered_email_confirmation_changes_nothing(client_for, world):
    carer = world.users["family_carer"]
    response = client_for("anonymous").post("/email/confirm/not-a-real-token/")
    assert response.status_code == 400
    carer.refresh_from_db()
    assert carer.email == "family_carer@lochside.example"


def test_a_password_reset_tells_the_account_afterwards(client_for, world):
    carer = world.users["family_carer"]
    anonymous = client_for("anonymous")
    anonymous.post("/password-reset/", {"email": carer.email})
    link = re.search(r"https?://[^/\s]+(/password-reset/\S+/)", mail.outbox[0].body)
    response = anonymous.get(link.group(1), follow=True)
    mail.outbox.clear()
    anonymous.post(
        response.redirect_chain[-1][0],
        {"new_password1": "a-fresh-long-password-1", "new_password2": "a-fresh-long-password-1"},
    )
    carer.refresh_from_db()
    assert carer.check_password("a-fresh-long-password-1")
    assert [m.to for m in mail.outbox] == [[carer.email]]
    assert "password" in mail.outbox[0].subject.lower()
