"""A Promise lead keeps track of the Promise in a real browser; axe checks every step."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in
from tests.progress.helpers import progress_world

GOOD = """name: our-calls
title: Our calls to action
kind: calls_to_action
items:
  - {code: voice-1, number: 1, foundation: voice, theme: LISTENING, text: Listen first.}
  - {code: care-1, number: 1, foundation: care, theme: STABILITY, text: Fewer moves of home.}
"""
BAD = GOOD.replace("foundation: care, ", "")


def choose(page, label, exact=False):
    """Tick a radio or checkbox by clicking its label, as a person does (the design
    system's label sits over the input)."""
    page.locator("label", has_text=re.compile(f"^{re.escape(label)}$")).click()


def check_page(page, label):
    """Run axe from the top of the page, as it first appears."""
    page.evaluate("window.scrollTo(0, 0)")
    assert_accessible(page, label)


def test_promise_lead_imports_assesses_and_reports(page, live_server, live_world, tmp_path):
    progress_world(live_world)
    sign_in(page, live_server.url, live_world.users["promise_lead"])
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Progress").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Progress on The Promise")
    expect(page.get_by_role("figure").first).to_be_visible()
    check_page(page, "overview")

    page.get_by_role("navigation", name="Progress sections").get_by_role(
        "link", name="Frameworks"
    ).click()
    page.get_by_role("link", name="Import from a file").click()
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    page.get_by_label("Framework file").set_input_files(str(bad))
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_text("item 2 (code 'care-1'): foundation: missing")).to_be_visible()
    check_page(page, "import with problems")

    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    page.get_by_label("Framework file").set_input_files(str(good))
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Our calls to action")
    expect(
        page.get_by_text("2 items (Voice 1, Family 0, Care 1, People 0, Scaffolding 0).")
    ).to_be_visible()
    check_page(page, "imported framework")

    page.get_by_role("link", name="Stability").click()
    expect(page.get_by_text("No initiative serves this call to action yet.")).to_be_visible()
    page.get_by_role("link", name="Record an assessment").click()
    check_page(page, "assessment form")
    page.get_by_label("Work underway", exact=True).check(
        force=True
    )  # the design system label covers the input
    page.get_by_label("Next steps").fill("Talk with carers about what helps homes last.")
    page.get_by_role("button", name="Save the assessment").click()
    expect(page.get_by_role("heading", level=3, name=re.compile("Work underway"))).to_be_visible()
    expect(page.get_by_text("Talk with carers about what helps homes last.")).to_be_visible()
    check_page(page, "call to action with its timeline")

    page.get_by_role("link", name="Add an initiative for it").click()
    page.get_by_label("Name").fill("Homes that Last")
    choose(page, "Underway")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Homes that Last")
    expect(page.get_by_role("link", name="Care 1: Stability")).to_be_visible()
    check_page(page, "initiative")

    page.get_by_role("navigation", name="Progress sections").get_by_role(
        "link", name="Progress report"
    ).click()
    expect(page.get_by_text("No PDF has been made yet.")).to_be_visible()
    check_page(page, "report")
    # The PDF is made in the background (at once in the tests) and then offered with its date.
    page.get_by_role("button", name="Make a new PDF").click()
    expect(page.get_by_role("link", name="Download the PDF")).to_be_visible()
    expect(page.get_by_text(re.compile(r"figures as of \d+ \w+ \d{4}"))).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    assert download.value.suggested_filename.startswith("progress-report-")
    check_page(page, "report with its PDF")


def test_a_story_without_consent_stays_with_its_recorder(page, live_server, live_world):
    progress_world(live_world)
    sign_in(page, live_server.url, live_world.users["practitioner"])
    page.goto(f"{live_server.url}/progress/evidence/")
    page.get_by_role("link", name="Record a story, quote or feedback").click()
    page.get_by_label("Title").fill("Our walk by the loch")
    page.get_by_label("Their words").fill("We walked by the loch and talked about school.")
    choose(page, "Quote")
    page.get_by_label("A child or young person").check(
        force=True
    )  # the design system label covers the input
    choose(page, "Not yet asked")
    page.get_by_label("Everyone in the partnership").check(
        force=True
    )  # the design system label covers the input
    check_page(page, "story form")
    page.get_by_role("button", name="Save").click()
    expect(
        page.get_by_text("Only the person who recorded this and the Promise leads")
    ).to_be_visible()
    check_page(page, "story without consent")
    story_url = page.url

    page.context.clear_cookies()
    sign_in(page, live_server.url, live_world.users["supervisor"])
    response = page.goto(story_url)
    assert response.status == 404
    page.goto(f"{live_server.url}/progress/evidence/")
    expect(page.get_by_text("Our walk by the loch")).to_have_count(0)
    expect(page.get_by_text("Sunday tea with my brother")).to_be_visible()
    check_page(page, "evidence for a supervisor")
