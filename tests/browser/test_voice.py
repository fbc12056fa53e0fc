"""A young person's journey: start with a code, add to their story and share it with one
worker, take it back, see who looked, and say they don't feel safe. Desktop and phone."""

import re

import pytest

from tests.browser.conftest import assert_accessible

SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


def tick(page, label):
    page.locator("label").filter(has_text=re.compile(f"^{re.escape(label)}$")).click()
    assert page.get_by_label(label, exact=True).is_checked(), f"{label!r} did not tick"


@pytest.mark.parametrize("size", list(SIZES))
def test_young_persons_journey(page, live_server, live_world, size):
    from scaffolding.voice import domain
    from scaffolding.voice.accesslog import record_read, record_reads
    from scaffolding.voice.models import StoryItem

    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    worker = live_world.users["practitioner"]
    young = domain.add_young_person(
        worker,
        full_name="Ailsa Grant",
        called="Ailsa",
        pronouns="she/her",
        date_of_birth=live_world.extra["young_person"].date_of_birth,
    )
    _, code = domain.invite(worker, young)

    page.goto(f"{live_server.url}/my/start/")
    assert_accessible(page, "start with a code")
    page.get_by_label("Your code").fill(code.lower())
    page.get_by_label("Choose a password").fill("green-kite-river-42")
    page.get_by_label("Type the password again").fill("green-kite-river-42")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("heading", name="Hello, Ailsa").wait_for()
    assert page.get_by_text("Next time, sign in with:").is_visible()
    assert page.get_by_role("link", name="I don't feel safe").is_visible()
    assert_accessible(page, "young person's home")

    page.get_by_role("link", name="Add to my story").first.click()
    assert_accessible(page, "add to my story")
    page.get_by_label("Give it a name").fill("My new bike")
    page.get_by_label("Write here").fill("I rode to the shop by myself.")
    tick(page, "People I choose")
    tick(page, "Eilidh Practitioner")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved to your story.").wait_for()
    item = StoryItem.objects.get(young_person=young)
    assert list(item.shares.values_list("person__full_name", flat=True)) == ["Eilidh Practitioner"]

    record_read(worker, item)  # the worker reads it
    page.get_by_role("link", name="Who has looked").first.click()
    assert page.get_by_text("Eilidh Practitioner").first.is_visible()
    assert_accessible(page, "who has looked")
    record_reads(worker, [item] * 55)  # and reads it again and again: 56 looks in all
    page.reload()
    assert page.locator(".sc-looks li").count() == 50
    page.get_by_role("link", name="See older looks").click()
    assert page.locator(".sc-looks li").count() == 6
    assert page.get_by_role("link", name="See older looks").count() == 0
    assert_accessible(page, "who has looked, older looks")
    page.get_by_role("link", name="Back to the newest").click()
    assert page.locator(".sc-looks li").count() == 50

    page.goto(f"{live_server.url}/my/story/{item.pk}/")
    assert_accessible(page, "story item")
    page.get_by_role("button", name="Only me from now on").click()
    page.get_by_text("Now only you can see it.").wait_for()
    item.refresh_from_db()
    assert item.audience == "only_me" and not item.shares.exists()

    page.get_by_role("link", name="I don't feel safe").click()
    assert_accessible(page, "I don't feel safe")
    page.get_by_label("Tell us what is wrong (you can leave this empty)").fill("I am scared.")
    page.get_by_role("button", name="Send").click()
    page.get_by_text("We have told your worker").wait_for()
    assert page.get_by_text("It has not been read yet.").is_visible()
    assert young.alerts.count() == 1
