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
