"""The language of care in a real browser: suggestions as people type, checks, axe."""

import datetime
import re

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in


def test_suggestions_appear_as_a_practitioner_types_and_the_check_page_marks_words(
    page, live_server, live_world
):
    sign_in(page, live_server.url, live_world.users["practitioner"])
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Check my writing").click()
    box = page.get_by_label("Your writing")
    box.press_sequentially('Amy\'s placement is going well. She said "I like my placement".')
    hint = page.locator(".sc-language-hint")
    expect(hint).to_have_attribute("aria-live", "polite")
    expect(hint).to_contain_text("You wrote “placement”. Many children prefer “home”")
    expect(hint).to_contain_text("is in a person's own words — not to change.")
    assert_accessible(page, "check page with suggestions showing")

    page.get_by_role("button", name="Check my writing").click()
    expect(page.get_by_role("heading", name="What we found")).to_be_visible()
    marked = page.get_by_role("region", name="Your writing with marked words").locator("mark")
    expect(marked).to_have_count(2)
    expect(marked.first).to_contain_text("Start of marked word 1")
    expect(page.get_by_text("Try: home, living with, where the child lives")).to_be_visible()
    assert_accessible(page, "check results")


def test_suggestions_never_stop_a_form_being_saved(page, live_server, live_world):
    sign_in(page, live_server.url, live_world.users["promise_lead"])
    page.goto(f"{live_server.url}/language/glossary/respite/change/")
    why = page.get_by_label("Why the word hurts")
    why.fill("")
    why.press_sequentially("Respite sounds like a break from a burden; a placement is a home.")
    expect(page.locator("#id_explanation-language-hint")).to_contain_text("You wrote “placement”")
    assert_accessible(page, "glossary change page with suggestions showing")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved “respite” for our partnership.")).to_be_visible()
    expect(page.get_by_text("a placement is a home.")).to_be_visible()


def test_an_unreachable_checker_is_silent_and_saving_works(page, live_server, live_world):
    sign_in(page, live_server.url, live_world.users["learning_lead"])
    asked = []

    def refuse(route):
        asked.append(route.request.url)
        route.abort()

    page.route(re.compile(r".*/language/suggest/$"), refuse)
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(f"{live_server.url}/language/glossary/add/")
    page.get_by_label("Short name").fill("problem-family")
    page.get_by_label("Words or phrases to look for").fill("problem family")
    page.get_by_label("Kinder words to suggest").fill("family who need support")
    page.get_by_label("Why the word hurts").press_sequentially("It labels the placement.")
    page.wait_for_timeout(1200)  # longer than the pause before asking
    assert asked, "the page should have tried to ask for suggestions"
    expect(page.locator("#id_explanation-language-hint")).to_be_empty()
    page.get_by_label("Where this comes from").fill("Lochside young people")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Added “problem-family” to our glossary.")).to_be_visible()
    assert errors == []


def test_the_indicator_with_figures_is_accessible(page, live_server, live_world):
    from scaffolding.language.models import TermCount
    from scaffolding.workforce.models import RoleProfile

    month = timezone.localdate().replace(day=1)
    for back in range(6):
        for rule, count in (("placement", 20 - back), ("contact", 12 - back)):
            TermCount.objects.create(
                partnership=live_world.partnership,
                content_type=ContentType.objects.get_for_model(RoleProfile),
                object_id="1",
                field="notes",
                month=month,
                rule=rule,
                count=count,
            )
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    sign_in(page, live_server.url, live_world.users["promise_lead"])
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Language indicator"
    ).click()
    expect(page.get_by_role("img", name=re.compile("Line chart"))).to_be_visible()
    table = page.get_by_role("table", name=re.compile("Times each word was written"))
    expect(table.get_by_role("columnheader", name="placement")).to_be_visible()
    assert_accessible(page, "language indicator with figures")
