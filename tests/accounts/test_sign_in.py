import re

import pytest
from django.core import mail
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from scaffolding.accounts.models import User

PASSWORD = "a-long-test-password"


def sign_in_form(client, email, password=PASSWORD):
    return client.post("/sign-in/", {"username": email, "password": password})


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_signing_in_with_email_and_password(client, world):
    response = sign_in_form(client, "Practitioner@Lochside.example")
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_wrong_password_says_so_kindly_next_to_the_form(client, world):
    response = sign_in_form(client, "practitioner@lochside.example", "wrong-password")
    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()
    assert "There is a problem" in response.content.decode()


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"])
def test_passwords_are_hashed_with_argon2(db):
    user = User.objects.create_user(email="new@lochside.example", password=PASSWORD, full_name="N")
    assert user.password.startswith("argon2")


def test_production_settings_put_argon2_first():
    from scaffolding import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@pytest.mark.django_db(transaction=False)
def test_five_wrong_passwords_lock_the_account(client, world):
    for _ in range(5):
        sign_in_form(client, "practitioner@lochside.example", "wrong-password")
    response = sign_in_form(client, "practitioner@lochside.example")
    assert response.status_code == 429
    assert "paused signing in" in response.content.decode()
    # Another account from the same address is not locked.
    assert sign_in_form(client, "supervisor@lochside.example").status_code == 302


def test_admin_must_set_up_two_step_sign_in_before_anything_else(client, world):
    sign_in_form(client, "partnership_admin@lochside.example")
    response = client.get("/accounts/")
    assert response.status_code == 302
    assert response["Location"].startswith("/two-step/")
    setup = client.get("/two-step/set-up/")
    assert setup.status_code == 200
    assert "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user=world.users["partnership_admin"])
    # Three wrong codes slow further tries down (django-otp throttling), and say so.
    for _ in range(3):
        assert client.post("/two-step/set-up/", {"token": "000000"}).status_code == 200
    throttled = client.post("/two-step/set-up/", {"token": current_code(device)})
    assert "please wait a minute" in throttled.content.decode()
    device.refresh_from_db()
    device.throttle_reset()
    # One mistyped code is human: the right code a moment later is accepted at once.
    assert client.post("/two-step/set-up/", {"token": "000000"}).status_code == 200
    response = client.post("/two-step/set-up/", {"token": current_code(device)})
    assert response.status_code == 302
    assert client.get("/accounts/").status_code == 200


def test_admin_with_an_authenticator_gives_a_code_at_each_sign_in(client, world):
    admin = world.users["partnership_admin"]
    device = TOTPDevice.objects.create(user=admin, name="Phone", confirmed=True)
    sign_in_form(client, admin.email)
    assert client.get("/change-history/")["Location"].startswith("/two-step/")
    wrong = client.post("/two-step/", {"token": "12a456"})
    assert "six numbers" in wrong.content.decode()
    client.post("/two-step/", {"token": current_code(device)})
    assert client.get("/change-history/").status_code == 200


def test_other_roles_are_not_asked_for_a_second_step(client, world):
    sign_in_form(client, "supervisor@lochside.example")
    assert client.get("/workforce/people/").status_code == 200


def test_password_reset_sends_a_working_link(client, world):
    response = client.post("/password-reset/", {"email": "practitioner@lochside.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a password" in form_page.content.decode()
    new_password = "another-long-password-42"
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done.status_code == 302
    assert sign_in_form(client, "practitioner@lochside.example", new_password).status_code == 302


def test_password_reset_does_not_reveal_whether_an_account_exists(client, world):
    response = client.post("/password-reset/", {"email": "nobody@lochside.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 0


def test_session_cookie_settings_are_secure_in_production():
    from scaffolding import settings as production

    assert production.SESSION_COOKIE_HTTPONLY
    assert production.SESSION_COOKIE_SAMESITE == "Lax"
    assert production.X_FRAME_OPTIONS == "DENY"
