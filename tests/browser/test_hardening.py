"""Hardening journeys in Chromium: two-step sign-in and backup codes for any role, the
error page, and an import that stopped, at desktop and phone widths, axe clean."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser.conftest import assert_accessible, sign_in

WIDTHS = [1280, 390]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_practitioner_sets_up_two_step_sign_in_and_backup_codes(
    page, live_server, live_world, width
):
    page.set_viewport_size({"width": width, "height": 900})
    practitioner = live_world.users["practitioner"]
    sign_in(page, live_server.url, practitioner)
    page.get_by_role("link", name="Two-step sign-in").click()
    assert "keeps your account safe" in page.inner_text("main")
    assert_accessible(page, "two-step set-up")
    device = TOTPDevice.objects.get(user=practitioner)
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    page.get_by_label("Code from your authenticator app").fill(code)
    page.get_by_role("button", name="Confirm").click()
    assert "Two-step sign-in is set up." in page.get_by_role("status").inner_text()
    page.get_by_role("link", name="Two-step sign-in").click()
    page.get_by_role("button", name="Make backup codes").click()
    codes = page.locator("main code").all_inner_texts()
    assert len(codes) == 10
    assert_accessible(page, "backup codes")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_page_outside_the_role_says_so_with_a_way_out(page, live_server, live_world, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, live_world.users["practitioner"])
    page.goto(f"{live_server.url}/accounts/")
    assert page.get_by_role("heading", name="You cannot open this page").is_visible()
    assert page.get_by_role("link", name="Hide this page").is_visible()
    page.get_by_role("link", name="Go to the home page").click()
    assert page.url.rstrip("/") == live_server.url
    page.goto(f"{live_server.url}/accounts/")
    assert_accessible(page, "403 page")


@pytest.mark.parametrize("width", WIDTHS)
def test_an_import_that_stopped_can_be_run_again(page, live_server, live_world, width):
    from scaffolding.workforce.models import ImportJob

    page.set_viewport_size({"width": width, "height": 900})
    job = ImportJob.objects.create(
        partnership=live_world.partnership,
        kind="people",
        filename="roster.csv",
        data=b"staff_number\n",
        status=ImportJob.Status.SAVING,
    )
    ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(hours=1))
    sign_in(page, live_server.url, live_world.users["learning_lead"])
    page.goto(f"{live_server.url}/workforce/imports/{job.pk}/")
    assert "stopped before it finished" in page.inner_text("main")
    assert_accessible(page, "stopped import")
    page.get_by_role("button", name="Check the file again").click()
    page.wait_for_load_state()
    job.refresh_from_db()
    assert job.status != ImportJob.Status.SAVING
    assert "stopped before it finished" not in page.inner_text("main")
