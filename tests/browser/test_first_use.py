"""First use, role by role: each journey finished as a person would, at desktop and phone widths."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.conftest import assert_accessible, sign_in

WIDTHS = [pytest.param(1280, id="desktop"), pytest.param(390, id="phone")]


@pytest.fixture(params=WIDTHS)
def sized_page(request, page):
    page.set_viewport_size({"width": request.param, "height": 900})
    return page


def test_a_supervisor_saves_a_session_unchanged_and_keeps_dates_and_actions(
    sized_page, live_server, live_world
):
    from tests.supervision.fixtures import supervision_world

    page = sized_page
    made = supervision_world(live_world)
    session, action = made["session"], made["action"]
    sign_in(page, live_server.url, live_world.users["supervisor"])
    page.goto(f"{live_server.url}/supervision/sessions/{session.pk}/change/")
    assert_accessible(page, "change the record")
    # The date is visible in the browser's date picker, not an empty box.
    assert page.get_by_label("Date", exact=True).input_value() == session.held_on.isoformat()
    assert page.locator("#id_actions-0-due_on").input_value() == action.due_on.isoformat()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Nothing changed.").wait_for()
    due = action.due_on
    assert page.get_by_text(f"by {due.day} {due:%B %Y}").is_visible()
    action.refresh_from_db()
    assert action.due_on == timezone.localdate() + timedelta(days=20)


def test_a_supervisor_books_from_the_due_list_and_sees_whom_sessions_are_with(
    sized_page, live_server, live_world
):
    from scaffolding.supervision.models import Session
    from tests.supervision.fixtures import supervision_world

    page = sized_page
    supervision_world(live_world)
    sign_in(page, live_server.url, live_world.users["supervisor"])
    page.goto(f"{live_server.url}/supervision/due/")
    assert_accessible(page, "supervision due")
    page.get_by_role("link", name="Book a session with Eilidh Practitioner").click()
    assert page.get_by_label("Eilidh Practitioner", exact=True).is_checked()
    assert not page.get_by_label("Fergus Carer", exact=True).is_checked()
    page.get_by_label("Kind of session").select_option(label="One-to-one supervision")
    soon = timezone.localdate() + timedelta(days=6)
    page.get_by_label("Date", exact=True).fill(soon.isoformat())
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Session booked").wait_for()
    assert page.get_by_text("Who is taking part").is_visible()
    assert Session.objects.filter(held_on=soon).count() == 1

    page.goto(f"{live_server.url}/supervision/")
    assert_accessible(page, "my supervision with sessions")
    coming = page.locator("h2:text('Coming up') + ul")
    assert "with Eilidh Practitioner" in coming.inner_text()
    # The past sessions name the supervisee; a filter narrows them to one person.
    table = page.get_by_role("region", name="My sessions")
    assert "Eilidh Practitioner" in table.inner_text()
    assert "Shona Supervisor" not in table.inner_text()
    page.get_by_label("With").select_option(label="Eilidh Practitioner")
    page.get_by_label("To").fill((timezone.localdate() - timedelta(days=5)).isoformat())
    page.get_by_role("button", name="Filter").click()
    page.get_by_text("No sessions match.").wait_for()
    page.get_by_label("To").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Filter").click()
    page.get_by_text("1 session.").wait_for()
    assert_accessible(page, "my sessions filtered")
    actions = page.locator("h2:text('Open support actions') + ul")
    assert "Book the trauma skilled refresher: Eilidh Practitioner" in actions.inner_text()


def test_a_struggling_check_in_shows_support_and_offers_to_tell_the_supervisor(
    sized_page, live_server, live_world
):
    from django.core import mail

    from tests.browser.test_supervision import tick
    from tests.supervision.fixtures import supervision_world

    page = sized_page
    supervision_world(live_world)
    sign_in(page, live_server.url, live_world.users["practitioner"])
    page.goto(f"{live_server.url}/supervision/wellbeing/")
    tick(page, "Struggling")
    tick(page, "Far too much")
    tick(page, "No")
    page.get_by_role("button", name="Check in").click()
    page.get_by_role("heading", name="Thank you for checking in").wait_for()
    assert_accessible(page, "support after a hard check-in")
    assert page.get_by_role("heading", name="Lochside Employee Assistance").is_visible()
    assert page.get_by_role("link", name="0800 000 1234").is_visible()
    assert page.get_by_role("link", name="0800 83 85 87").is_visible()
    assert page.get_by_role("link", name="116 123").is_visible()
    assert mail.outbox == []  # offered, not done
    page.get_by_role("button", name="Let Shona Supervisor know").click()
    page.get_by_text("Shona Supervisor will hear that you would like them to know").wait_for()
    assert_accessible(page, "support page after telling the supervisor")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["shona@lochside.example"]


def test_language_hints_appear_under_one_line_inputs_too(sized_page, live_server, live_world):
    from playwright.sync_api import expect

    page = sized_page
    sign_in(page, live_server.url, live_world.users["supervisor"])
    page.goto(f"{live_server.url}/supervision/sessions/new/")
    action = page.locator("#id_actions-0-description")
    action.press_sequentially("Arrange respite and contact for the LAC child")
    hint = page.locator("#id_actions-0-description-language-hint")
    expect(hint).to_have_attribute("aria-live", "polite")
    expect(hint).to_contain_text("“respite”")
    expect(hint).to_contain_text("“LAC”")
    assert_accessible(page, "session form with a hint under a one-line input")
    # Filter boxes (GET forms) and the date picker get none.
    page.goto(f"{live_server.url}/supervision/")
    assert page.locator("form[method=get] .sc-language-hint").count() == 0


@pytest.mark.parametrize(
    "role,panel,text",
    [
        ("practitioner", "My supervision", "Records to agree"),
        ("supervisor", "People you supervise", "Fergus Carer: never supervised"),
        ("learning_lead", "Imports and expiring learning", "No imports waiting."),
        ("promise_lead", "Calls to action to follow up", "with no initiative yet"),
        ("partnership_admin", "Accounts", "waiting for their first sign-in"),
    ],
)
def test_the_home_page_shows_what_needs_each_role_today(
    sized_page, live_server, live_world, role, panel, text
):
    from tests.progress.helpers import progress_world
    from tests.supervision.fixtures import supervision_world

    page = sized_page
    supervision_world(live_world)
    progress_world(live_world)
    sign_in(page, live_server.url, live_world.users[role])
    page.goto(f"{live_server.url}/")
    region = page.get_by_role("region", name=panel)
    assert region.is_visible()
    assert text in region.inner_text()
    assert_accessible(page, f"home page for {role}")


def test_navigation_fits_a_phone_behind_a_menu_button(page, live_server, live_world):
    from playwright.sync_api import expect

    sign_in(page, live_server.url, live_world.users["learning_lead"])
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{live_server.url}/")
    main_nav = page.get_by_role("navigation", name="Main")
    expect(main_nav).to_be_hidden()
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    # Before opening, the links take no room: the page heading is near the top.
    assert page.get_by_role("heading", name="Hello, Lorna").bounding_box()["y"] < 400
    assert_accessible(page, "home on a phone, menu closed")
    menu.click()
    mobile = page.get_by_role("navigation", name="Menu")
    expect(mobile).to_be_visible()
    # A lead's long menu comes under headings; each list is named by its heading.
    expect(mobile.get_by_role("list", name="Workforce and learning")).to_be_visible()
    expect(
        mobile.get_by_role("list", name="Workforce and learning").get_by_role(
            "link", name="Import and export"
        )
    ).to_be_visible()
    page.screenshot(path="/tmp/shots/menu-sections-390.png", full_page=True)
    assert_accessible(page, "home on a phone, menu open")
    mobile.get_by_role("link", name="Import and export").click()
    expect(page.get_by_role("heading", name="Import and export", level=1)).to_be_visible()

    page.set_viewport_size({"width": 1280, "height": 900})
    expect(menu).to_be_hidden()
    expect(main_nav).to_be_visible()


def test_a_wide_table_says_it_scrolls_and_scrolls_from_the_keyboard(page, live_server, live_world):
    from playwright.sync_api import expect

    # The gap figures keep their columns side by side (the due list turns into boxes).
    sign_in(page, live_server.url, live_world.users["learning_lead"])
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{live_server.url}/workforce/gaps/")
    region = page.get_by_role("region", name="Gap figures")
    expect(page.get_by_text("scroll sideways to see every column").first).to_be_visible()
    assert_accessible(page, "gap figures on a phone")
    region.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.querySelector('[aria-label=\"Gap figures\"]').scrollLeft > 0",
        timeout=3000,
    )
    # A table that fits says nothing.
    page.goto(f"{live_server.url}/supervision/wellbeing/")
    expect(page.get_by_text("scroll sideways to see every column")).to_have_count(0)
