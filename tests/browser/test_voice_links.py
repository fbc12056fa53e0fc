"""Who works with a young person, and the admin's safety settings, as people use them.

Desktop and phone; axe on every new page, and a screenshot of each in /tmp/links-shots/.
"""

from pathlib import Path

import pytest

from tests.browser.conftest import assert_accessible, open_menu_link, sign_in

SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
SHOTS = Path("/tmp/links-shots")


def shot(page, name, size):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{size}.png"), full_page=True)


@pytest.mark.parametrize("size", list(SIZES))
def test_the_named_worker_links_someone_and_ends_a_link(page, live_server, live_world, size):
    from scaffolding.voice.models import WorkerLink

    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    young = live_world.extra["young_person"]
    sign_in(page, live_server.url, live_world.users["practitioner"])

    page.goto(f"{live_server.url}/my/young-people/{young.pk}/")
    people = page.get_by_role("heading", name="People who work with Skye")
    people.wait_for()
    assert_accessible(page, "young person's page")
    page.get_by_role("link", name="Link someone to Skye").click()
    page.get_by_role("heading", name="Link someone to Skye").wait_for()
    assert_accessible(page, "link someone")
    shot(page, "link-form", size)

    # The same person and kind twice: refused next to the field, nothing saved.
    page.get_by_label("Who").select_option(label="Fergus Carer, Lochside Family Carers")
    page.get_by_label("How they work with Skye").select_option(label="Family carer")
    page.get_by_role("button", name="Link").click()
    page.get_by_text("Fergus Carer is already linked to Skye as family carer.").first.wait_for()
    assert_accessible(page, "link someone, refused")
    shot(page, "link-form-refused", size)

    page.get_by_label("Who").select_option(label="Callum Colleague, Lochside Council")
    page.get_by_label("How they work with Skye").select_option(label="Advocate")
    page.get_by_role("button", name="Link").click()
    page.get_by_text("Callum Colleague is linked to Skye as advocate.").wait_for()
    current = page.locator("h2#people + ul")
    assert "Callum Colleague" in current.inner_text()
    assert WorkerLink.objects.current().filter(person=live_world.people["colleague"]).exists()

    page.get_by_role("link", name="End this link with Fergus Carer").click()
    page.get_by_role("heading", name="End Fergus Carer's link with Skye").wait_for()
    assert_accessible(page, "end a link")
    shot(page, "link-end", size)
    page.get_by_role("button", name="End the link").click()
    page.get_by_text("Fergus Carer's link with Skye has ended.").wait_for()
    ended = page.get_by_role("heading", name="Who used to work with Skye")
    assert ended.is_visible()
    assert "Fergus Carer" not in current.inner_text()
    assert "Fergus Carer, family carer" in page.locator("h3 + ul").inner_text()
    assert_accessible(page, "young person's page with ended links")
    shot(page, "young-person-links", size)

    # The last named worker: refused plainly.
    page.get_by_role("link", name="End this link with Eilidh Practitioner").click()
    page.get_by_role("button", name="End the link").click()
    page.get_by_text("This link cannot end yet").wait_for()
    assert page.get_by_text("must always have one").is_visible()
    assert_accessible(page, "end the last named worker, refused")
    shot(page, "link-end-refused", size)


@pytest.mark.parametrize("size", list(SIZES))
def test_the_admin_sets_the_duty_contact(page, live_server, live_world, size):
    from scaffolding.voice.models import SafetySettings

    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    sign_in(page, live_server.url, live_world.users["partnership_admin"])
    open_menu_link(page, "Safety alerts")
    page.get_by_role("heading", name="When a young person does not feel safe").wait_for()
    assert page.get_by_text("Your partnership has no duty contact yet.").is_visible()
    assert_accessible(page, "safety settings, none yet")
    shot(page, "safety-settings-empty", size)

    page.get_by_label("Duty contact's email").fill("duty at lochside")
    page.get_by_label("Minutes to read an alert").fill("2")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Enter an email address like duty@example.org.").first.wait_for()
    assert_accessible(page, "safety settings, refused")
    shot(page, "safety-settings-refused", size)

    page.get_by_label("Name of the duty contact").fill("Lochside duty team")
    page.get_by_label("Duty contact's email").fill("duty@lochside.example")
    page.get_by_label("Next person's email").fill("manager@lochside.example")
    page.get_by_label("Minutes to read an alert").fill("30")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved. The next alert uses these settings.").wait_for()
    assert page.get_by_label("Duty contact's email").input_value() == "duty@lochside.example"
    assert page.get_by_label("Minutes to read an alert").input_value() == "30"
    assert page.get_by_text("within 30 minutes").is_visible()
    assert_accessible(page, "safety settings, saved")
    shot(page, "safety-settings-saved", size)
    row = SafetySettings.objects.get()
    assert (row.duty_name, row.acknowledge_within_minutes) == ("Lochside duty team", 30)
