"""A supervisor records a session and agrees it; a practitioner checks in. axe on each page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, open_menu_link, sign_in


def tick(page, label):
    """Click a checkbox or radio's label, as a person would (the design system draws the box)."""
    page.locator("label").filter(has_text=re.compile(f"^{re.escape(label)}$")).click()
    assert page.get_by_label(label, exact=True).is_checked(), f"{label!r} did not tick"


def test_supervisor_records_a_session(page, live_server, live_world):
    from scaffolding.supervision.models import Session

    sign_in(page, live_server.url, live_world.users["supervisor"])
    page.get_by_role("link", name="My supervision").first.click()
    assert_accessible(page, "my supervision")
    page.get_by_role("link", name="Book or record a session").click()
    assert_accessible(page, "session form")

    tick(page, "Eilidh Practitioner")
    page.get_by_label("Kind of session").select_option(label="One-to-one supervision")
    yesterday = timezone.localdate() - timedelta(days=1)
    page.get_by_label("Date", exact=True).fill(yesterday.isoformat())
    page.get_by_label("Shared summary").fill("Talked about bedtime and the new school.")
    page.get_by_label("How loved do the children feel?").fill("Jamie asked for one more story.")
    page.get_by_label("How is your workload?").fill("Late visits are hard this month.")
    tick(page, "How children's rights are upheld")
    page.locator("#id_actions-0-description").fill("Swap two late visits")
    page.get_by_role("button", name="Save").click()

    page.get_by_text("Record saved as a draft").wait_for()
    assert_accessible(page, "session record")
    assert page.get_by_text("Jamie asked for one more story.").is_visible()
    page.get_by_role("button", name="I agree this record").click()
    page.get_by_text("you have agreed this record").wait_for()
    session = Session.objects.get()
    assert session.status == Session.Status.DRAFT  # the practitioner has not agreed yet
    assert session.prompt_notes["workload"] == "Late visits are hard this month."
    assert session.actions.get().description == "Swap two late visits"


def test_practitioner_checks_in_and_sees_their_trend(page, live_server, live_world):
    from scaffolding.supervision.models import CheckIn

    sign_in(page, live_server.url, live_world.users["practitioner"])
    page.goto(f"{live_server.url}/supervision/")
    page.get_by_role("link", name="Wellbeing check-in").first.click()
    assert_accessible(page, "check-in form")
    tick(page, "Not great")
    tick(page, "More than I can manage well")
    tick(page, "Partly")
    page.get_by_label("Anything else (only you will see this)").fill("A long week of hearings.")
    page.get_by_role("button", name="Check in").click()
    page.get_by_text("Thank you for checking in").wait_for()
    assert page.get_by_role("cell", name="A long week of hearings.").is_visible()
    assert_accessible(page, "check-in trend")
    entry = CheckIn.objects.get()
    assert (entry.feeling, entry.workload, entry.supported) == (2, 2, 1)


def test_a_supervisor_on_a_phone_books_from_the_due_list_without_scrolling_sideways(
    page, live_server, live_world
):
    sign_in(page, live_server.url, live_world.users["supervisor"])
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/supervision/due/")
    # Each person is a box of their own on a phone: nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page, "supervision due on a phone")
    page.get_by_role("link", name="Book a session with Eilidh Practitioner").click()
    page.get_by_role("heading", name=re.compile("Book")).first.wait_for()
    assert "person=" in page.url


@pytest.mark.parametrize("width", [1280, 390])
def test_a_learning_lead_waits_for_the_provision_map_then_asks_for_new_figures(
    page, live_server, live_world, width
):
    """The figures are worked out by the worker (at once in the tests): the page shows the
    progress, then the map with its time; asking again counts what was recorded since."""
    from scaffolding.supervision.models import SupervisorTraining
    from tests.supervision.helpers import held

    today = timezone.localdate()
    held(live_world, live_world.people["practitioner"], today - timedelta(days=3))
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, live_world.users["learning_lead"])
    open_menu_link(page, "Supervision provision")
    expect(page.get_by_text("No figures have been worked out yet")).to_be_visible()
    assert_accessible(page, "provision map, first figures being worked out")
    # The page polls and shows the map once the worker is done.
    expect(
        page.get_by_role("heading", name=re.compile(r"^Figures as of \d\d:\d\d on "))
    ).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Shona Supervisor"))).to_be_visible()
    assert_accessible(page, "provision map with its figures")
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    SupervisorTraining.objects.create(
        partnership=live_world.partnership,
        person=live_world.people["supervisor"],
        title="Reflective supervision",
        completed_on=today - timedelta(days=10),
    )
    page.get_by_role("button", name="Work the figures out again").click()
    expect(
        page.get_by_text("Every session in the year was given by someone with recorded")
    ).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Shona Supervisor"))).to_have_count(0)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_promise_lead_sees_team_wellbeing_once_it_is_worked_out(
    page, live_server, live_world, width
):
    from scaffolding.supervision.models import CheckIn

    for key in ("supervisor", "practitioner", "family_carer", "learning_lead", "colleague"):
        CheckIn.objects.create(
            partnership=live_world.partnership,
            person=live_world.people[key],
            checked_on=timezone.localdate() - timedelta(days=1),
            feeling=4,
            workload=3,
            supported=CheckIn.Supported.YES,
        )
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, live_world.users["promise_lead"])
    open_menu_link(page, "Team wellbeing")
    expect(page.get_by_text("No figures have been worked out yet.")).to_be_visible()
    assert_accessible(page, "team wellbeing, first figures being worked out")
    expect(
        page.get_by_role("heading", name=re.compile(r"^Figures as of \d\d:\d\d on "))
    ).to_be_visible()
    whole = page.get_by_role("row", name=re.compile("^Whole partnership"))
    expect(whole).to_contain_text("100%")  # all five said they feel supported
    assert_accessible(page, "team wellbeing with its figures")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
