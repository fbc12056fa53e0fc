"""Finding 3: lockout cannot be dodged with capitals; a limit per address; two-step for all.

Also the admin help from issue 11: unlock, resend the welcome email, reset
another person's two-step sign-in, and backup codes.
"""

import pytest
from django.core import mail
from django.core.cache import cache
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from scaffolding.accounts.models import User

PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def sign_in_form(client, email, password=PASSWORD):
    return client.post("/sign-in/", {"username": email, "password": password})


def code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_capital_letters_do_not_give_more_guesses(client, world):
    spellings = [
        "PRACTITIONER@lochside.example",
        "practitioner@LOCHSIDE.example",
        " Practitioner@Lochside.example",
        "practitioner@lochside.EXAMPLE ",
        "pRactitioner@lochside.example",
    ]
    for spelling in spellings:
        sign_in_form(client, spelling, "wrong-password")
    response = sign_in_form(client, "Practitioner@lochside.Example")
    assert response.status_code == 429


def test_one_address_cannot_try_many_accounts_quickly(client, world, settings):
    settings.SIGN_IN_RATE_LIMIT = "8/m"
    for number in range(8):
        sign_in_form(client, f"someone{number}@lochside.example", "wrong-password")
    response = sign_in_form(client, "supervisor@lochside.example")
    assert response.status_code == 429
    assert "too many" in response.content.decode().lower()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("role", ["practitioner", "family_carer", "supervisor", "learning_lead"])
def test_every_role_can_set_up_two_step_sign_in(client, world, role):
    sign_in_form(client, f"{role}@lochside.example")
    assert client.get("/two-step/set-up/").status_code == 200
    device = TOTPDevice.objects.get(user=world.users[role])
    assert client.post("/two-step/set-up/", {"token": code(device)}).status_code == 302
    # Once set up, it is asked for at every sign-in.
    client.post("/sign-out/")
    sign_in_form(client, f"{role}@lochside.example")
    assert client.get("/")["Location"].startswith("/two-step/")


def test_a_partnership_can_require_two_step_for_roles_that_read_private_data(
    client, client_for, world
):
    admin = client_for("partnership_admin")
    page = admin.get("/partnership/sign-in/")
    assert page.status_code == 200
    admin.post("/partnership/sign-in/", {"two_step_roles": ["supervisor"]})
    world.partnership.refresh_from_db()
    assert world.partnership.two_step_roles == ["supervisor"]

    sign_in_form(client, "supervisor@lochside.example")
    response = client.get("/workforce/people/")
    assert response.status_code == 302
    assert response["Location"].startswith("/two-step/")

    other = client_for("anonymous")
    sign_in_form(other, "practitioner@lochside.example")
    assert other.get("/").status_code == 200


def test_an_admin_unlocks_a_locked_account(client, client_for, world):
    for _ in range(5):
        sign_in_form(client, "practitioner@lochside.example", "wrong-password")
    assert sign_in_form(client, "practitioner@lochside.example").status_code == 429
    admin = client_for("partnership_admin")
    practitioner = world.users["practitioner"]
    page = admin.get(f"/accounts/{practitioner.pk}/").content.decode()
    assert "paused" in page
    admin.post(f"/accounts/{practitioner.pk}/unlock/")
    assert sign_in_form(client, "practitioner@lochside.example").status_code == 302


def test_an_admin_sends_the_welcome_email_again(client_for, world):
    newcomer = User.objects.create_user(
        email="new@lochside.example", full_name="New Person", partnership=world.partnership
    )
    admin = client_for("partnership_admin")
    assert "Send the welcome email again" in admin.get(f"/accounts/{newcomer.pk}/").content.decode()
    admin.post(f"/accounts/{newcomer.pk}/welcome/")
    assert [m.to for m in mail.outbox] == [["new@lochside.example"]]
    assert "Choose your password" in mail.outbox[0].body


def test_an_admin_resets_a_practitioners_two_step_sign_in(client_for, world):
    practitioner = world.users["practitioner"]
    TOTPDevice.objects.create(user=practitioner, name="Phone", confirmed=True)
    admin = client_for("partnership_admin")
    assert "Reset two-step sign-in" in admin.get(f"/accounts/{practitioner.pk}/").content.decode()
    admin.post(f"/accounts/{practitioner.pk}/reset-two-step/")
    assert not TOTPDevice.objects.filter(user=practitioner).exists()
    assert [m.to for m in mail.outbox] == [[practitioner.email]]


def test_backup_codes_sign_in_once_each(client, world):
    admin = world.users["partnership_admin"]
    device = TOTPDevice.objects.create(user=admin, name="Phone", confirmed=True)
    sign_in_form(client, admin.email)
    client.post("/two-step/", {"token": code(device)})
    page = client.post("/two-step/backup-codes/")
    codes = page.context["codes"]
    assert len(codes) == 10
    assert codes[0] in page.content.decode()
    assert StaticDevice.objects.get(user=admin).token_set.count() == 10

    client.post("/sign-out/")
    sign_in_form(client, admin.email)
    client.post("/two-step/", {"token": codes[0]})
    assert client.get("/accounts/").status_code == 200
    client.post("/sign-out/")
    sign_in_form(client, admin.email)
    again = client.post("/two-step/", {"token": codes[0]})
    assert again.status_code == 200
    assert client.get("/accounts/").status_code == 302
