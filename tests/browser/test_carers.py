"""A family carer says yes to a sleepover, and asks about a school trip abroad that escalates.

At a phone's width (390 px) and a desktop's (1280 px); axe on every page.
"""

import re
from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.browser.conftest import assert_accessible, sign_in

WIDTHS = [390, 1280]


def tick(page, label):
    page.locator("label").filter(has_text=re.compile(f"^{re.escape(label)}$")).click()
    assert page.get_by_label(label, exact=True).is_checked(), f"{label!r} did not tick"


@pytest.fixture
def jamie(live_world):
    from tests.carers.fixtures import household

    child, _robyn, _agreement = household(live_world)
    return child


@pytest.mark.parametrize("width", WIDTHS)
def test_a_carer_sees_they_may_say_yes_to_a_sleepover(page, live_server, live_world, jamie, width):
    from scaffolding.carers.models import Decision

    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, live_world.users["family_carer"])
    page.get_by_role("link", name="Everyday decisions").first.click()
    page.get_by_role("heading", name="The young people you care for").wait_for()
    assert_accessible(page, f"carer's page at {width}px")
    decide_now = page.locator("section", has_text="You can decide these now")
    assert decide_now.get_by_text("Sleepovers with friends").is_visible()

    page.get_by_role("link", name="Can Jamie...?").click()
    assert_accessible(page, f"can I form at {width}px")
    page.get_by_label("Which everyday area is it?").select_option(label="Sleepovers with friends")
    page.get_by_label("Can they... (what do they want to do?)").fill(
        "stay over at Ali's on Saturday"
    )
    page.get_by_label("What the young person says").fill("Everyone from my class goes.")
    page.get_by_label("What would make it safer (optional)").fill("A text at bedtime.")
    tick(page, "Yes")
    look_again = timezone.localdate() + timedelta(days=30)
    page.get_by_label("Look again on (optional)").fill(look_again.isoformat())
    page.get_by_role("button", name="Save").click()

    page.get_by_text("Decided. This decision is backed by the partnership.").wait_for()
    assert page.get_by_text("Backed by the partnership.", exact=True).is_visible()
    assert_accessible(page, f"decision at {width}px")
    decision = Decision.objects.get()
    assert (decision.outcome, decision.delegated) == ("yes", True)
    assert decision.decided_by == live_world.people["family_carer"]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_carer_asks_about_a_school_trip_abroad_and_sees_it_escalate(
    page, live_server, live_world, jamie, width
):
    from scaffolding.carers.models import Ask
    from scaffolding.carers.tasks import run_ask_clock

    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, live_world.users["family_carer"])
    page.goto(f"{live_server.url}/carers/")
    page.get_by_role("link", name="Ask about something for Jamie").click()
    assert_accessible(page, f"ask form at {width}px")
    page.get_by_label("What is it about?").select_option(label="School trips")
    page.get_by_label("What are you asking?").fill("Can Jamie go on the school trip to France?")
    page.get_by_role("button", name="Send").click()
    # School trips abroad are beyond the carer's limits and the agreement names nobody.
    page.get_by_text("Choose who should answer").first.wait_for()
    assert_accessible(page, f"ask form with an error at {width}px")
    page.get_by_label("Who should answer?").select_option(label="Eilidh Practitioner")
    page.get_by_role("button", name="Send").click()
    page.get_by_text("Sent to Eilidh Practitioner").wait_for()
    assert_accessible(page, f"ask at {width}px")
    ask = Ask.objects.get()
    assert page.get_by_text(
        f"With Eilidh Practitioner, who answers by {ask.due_on:%A}"
    ).is_visible()

    # The clock moves on past the due date without an answer: it passes to Shona.
    late = datetime.combine(
        ask.due_on + timedelta(days=1), time(9), tzinfo=timezone.get_current_timezone()
    )
    with time_machine.travel(late, tick=False):
        assert run_ask_clock.call()["escalated"] == 1
    page.goto(f"{live_server.url}/carers/")
    item = page.locator("li", has_text="Can Jamie go on the school trip to France?")
    assert item.get_by_text("passed to Shona Supervisor").is_visible()
    assert item.get_by_text("Passed to their supervisor").is_visible()
    assert_accessible(page, f"carer's page with an escalated ask at {width}px")
