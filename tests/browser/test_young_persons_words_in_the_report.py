"""Skye says yes to her words in the report; her worker quotes them; she sees each read.

At desktop and phone widths, axe clean on each page on the way.
"""

import pytest

from tests.browser.conftest import assert_accessible, sign_in

SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


@pytest.mark.parametrize("size", list(SIZES))
def test_her_words_reach_the_report_with_her_yes_and_she_sees_who_read_them(
    page, live_server, live_world, size
):
    from scaffolding.progress.models import Story
    from scaffolding.voice import domain
    from scaffolding.voice.models import Audience

    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    skye = live_world.extra["young_person"]
    worker = live_world.people["practitioner"]
    item = domain.add_item(
        skye,
        skye.account,
        title="My new school",
        text="My teacher listens to me.",
        audience=Audience.NAMED,
        people=[worker],
    )

    # Skye says yes on her own page.
    sign_in(page, live_server.url, skye.account)
    page.goto(f"{live_server.url}/my/story/{item.pk}/")
    page.get_by_role("button", name="Yes, they can use it").click()
    page.get_by_text("Yes, it can be used.").wait_for()
    assert_accessible(page, f"her item after yes ({size})")
    page.context.clear_cookies()

    # Her worker quotes her words in a story for the public report.
    sign_in(page, live_server.url, live_world.users["practitioner"])
    page.goto(f"{live_server.url}/progress/evidence/")
    page.get_by_role("link", name="Use a young person's own words").click()
    assert_accessible(page, f"words to use ({size})")
    page.get_by_role("link", name="Use their words from My new school").click()
    assert page.get_by_label("Their words").input_value() == "My teacher listens to me."
    assert_accessible(page, f"story from her words ({size})")
    page.get_by_label("Title").fill("Being listened to")
    page.get_by_text("The partnership and its public progress report").click()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Being listened to is saved.").wait_for()
    assert "The young person's own yes" in page.inner_text("main")
    assert_accessible(page, f"her words as a story ({size})")
    story = Story.objects.get(title="Being listened to")
    assert story.consent_item == item and story.anonymised
    page.context.clear_cookies()

    # The Promise lead reads the report.
    sign_in(page, live_server.url, live_world.users["promise_lead"])
    page.goto(f"{live_server.url}/progress/report/")
    assert page.get_by_text("My teacher listens to me.").first.is_visible()
    page.context.clear_cookies()

    # Skye sees that read, in plain words.
    sign_in(page, live_server.url, skye.account)
    page.goto(f"{live_server.url}/my/who-has-looked/")
    looked = page.inner_text("main")
    assert "Priya Promise" in looked and "saw it in a report" in looked
    assert_accessible(page, f"who has looked ({size})")
