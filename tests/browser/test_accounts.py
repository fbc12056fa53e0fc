"""A partnership admin adds an account as a person would, mistakes included."""

import pytest
from django.core import mail

from tests.browser.conftest import assert_accessible, open_menu_link, sign_in


def test_admin_adds_an_account_after_fixing_mistakes(page, live_server, live_world):
    sign_in(page, live_server.url, live_world.users["partnership_admin"])
    page.goto(f"{live_server.url}/accounts/")
    page.get_by_role("link", name="Add an account").click()
    page.get_by_label("Email address").fill("practitioner@lochside.example")
    page.get_by_label("Role").select_option(label="Family carer")
    page.get_by_role("button", name="Save").click()

    summary = page.get_by_role("alert")
    assert "There is a problem" in summary.inner_text()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert "Another account already uses this email address." in summary.inner_text()
    assert_accessible(page, "account form with errors")

    # The summary links take the person straight to the field.
    summary.get_by_role("link", name="Full name: Please fill this in.").click()
    assert page.evaluate("document.activeElement.id") == "id_full_name"
    page.get_by_label("Full name").fill("Rhona Grant")
    page.get_by_label("Email address").fill("rhona@lochside.example")
    page.get_by_label("Kind of family carer (optional)").select_option(label="Foster carer")
    page.get_by_role("button", name="Save").click()

    assert "Account created for Rhona Grant" in page.get_by_role("status").inner_text()
    assert mail.outbox[-1].to == ["rhona@lochside.example"]


def test_account_search_updates_as_the_admin_types(page, live_server, live_world):
    sign_in(page, live_server.url, live_world.users["partnership_admin"])
    page.goto(f"{live_server.url}/accounts/")
    assert page.get_by_role("link", name="Priya Promise").is_visible()
    page.get_by_label("Name or email").fill("Eilidh")
    page.get_by_role("link", name="Priya Promise").wait_for(state="detached")
    assert page.get_by_role("link", name="Eilidh Practitioner").is_visible()
    assert page.url.endswith("/accounts/?q=Eilidh")
    assert_accessible(page, "account search results")


@pytest.mark.parametrize("width", [1280, 390])
def test_admin_lets_a_locked_out_practitioner_sign_in_again(width, page, live_server, live_world):
    from django.test import Client

    person = live_world.users["practitioner"]
    their_browser = Client()
    for _ in range(5):
        their_browser.post("/sign-in/", {"username": person.email, "password": "wrong-guess"})

    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, live_world.users["partnership_admin"])
    open_menu_link(page, "Accounts")
    page.get_by_role("link", name=person.full_name).first.click()
    page.get_by_role("heading", name="Signing in is paused").wait_for()
    assert_accessible(page, f"paused account at {width}")
    page.get_by_role("button", name="Let Eilidh sign in again").click()
    page.get_by_text(f"{person.full_name} can sign in again now.").wait_for()
    assert not page.get_by_role("heading", name="Signing in is paused").is_visible()

    page.context.clear_cookies()
    sign_in(page, live_server.url, person)
    page.get_by_role("heading", name="Hello, Eilidh").wait_for()
