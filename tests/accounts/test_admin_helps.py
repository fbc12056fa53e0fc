"""An admin helps someone who cannot sign in: unlock after wrong passwords, resend the welcome."""

import re

from django.core import mail
from django.test import Client

from scaffolding.accounts.models import User

PASSWORD = "a-long-test-password"


def _sign_in(client, email, password):
    return client.post("/sign-in/", {"username": email, "password": password})


def test_an_admin_lets_a_locked_out_person_sign_in_again(world, client_for):
    person = world.users["practitioner"]
    their_browser = Client()
    for _ in range(5):
        _sign_in(their_browser, person.email, "not-my-password")
    # Paused: even the right password is refused for now.
    refused = _sign_in(their_browser, person.email, PASSWORD)
    assert refused.status_code != 302 and "_auth_user_id" not in their_browser.session

    admin = client_for("partnership_admin")
    page = admin.get(f"/accounts/{person.pk}/").content.decode()
    assert "Signing in is paused" in page
    unlocked = admin.post(f"/accounts/{person.pk}/unlock/", follow=True).content.decode()
    assert f"{person.full_name} can sign in again now." in unlocked
    assert "Signing in is paused" not in unlocked

    assert _sign_in(their_browser, person.email, PASSWORD).status_code == 302
    assert "_auth_user_id" in their_browser.session


def test_an_admin_sends_the_welcome_email_again_with_a_working_link(world, client_for):
    admin = client_for("partnership_admin")
    admin.post(
        "/accounts/new/",
        {"full_name": "Rhona Grant", "email": "rhona@lochside.example", "role": "supervisor"},
    )
    rhona = User.objects.get(email="rhona@lochside.example")
    mail.outbox.clear()
    page = admin.get(f"/accounts/{rhona.pk}/").content.decode()
    assert "Send the welcome email again" in page
    sent = admin.post(f"/accounts/{rhona.pk}/welcome/", follow=True).content.decode()
    assert "We have emailed rhona@lochside.example a new link." in sent
    assert [m.to for m in mail.outbox] == [["rhona@lochside.example"]]
    path = re.search(r"https?://[^/\s]+(/password-reset/\S+)", mail.outbox[0].body).group(1)
    # The link opens the page where Rhona chooses her password.
    choose = Client().get(path, follow=True)
    assert choose.status_code == 200
    assert 'type="password"' in choose.content.decode()


def test_once_someone_has_signed_in_there_is_no_welcome_to_resend(world, client_for):
    person = world.users["practitioner"]
    _sign_in(Client(), person.email, PASSWORD)
    page = client_for("partnership_admin").get(f"/accounts/{person.pk}/").content.decode()
    assert "Send the welcome email again" not in page
