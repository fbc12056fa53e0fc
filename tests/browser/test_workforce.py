"""A practitioner records learning; a learning lead reads the gap report. axe on every step."""

import re
from datetime import date, timedelta

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in


def _catalogue(world):
    from scaffolding.workforce.models import ActivityKind, LearningActivity, NESLevel, Topic
    from scaffolding.workforce.topics import ensure_core_topics

    ensure_core_topics()  # the live server's database is emptied between tests

    skilled = LearningActivity.objects.create(
        partnership=world.partnership,
        title="Transforming psychological trauma: skilled practice",
        kind=ActivityKind.COURSE,
        nes_level=NESLevel.SKILLED,
        provider="NHS Education for Scotland",
        hours=7,
        refresh_months=36,
    )
    skilled.topics.set([Topic.objects.get(key="trauma")])
    return skilled


def test_a_practitioner_records_learning_and_meets_their_level(page, live_server, live_world):
    _catalogue(live_world)
    sign_in(page, live_server.url, live_world.users["practitioner"])
    page.get_by_role("link", name="My learning").first.click()
    assert page.get_by_role("heading", name="My learning", level=1).is_visible()
    assert page.get_by_text("Not yet").is_visible()
    assert page.get_by_text("Reach Trauma informed").is_visible()
    assert_accessible(page, "my learning before")

    page.get_by_role("link", name="Record learning", exact=True).click()
    assert_accessible(page, "record learning form")
    # A date in the future is explained next to the field.
    page.get_by_role("main").get_by_label("Learning", exact=True).select_option(
        label="Transforming psychological trauma: skilled practice"
    )
    page.get_by_label("Status").select_option(label="Completed")
    page.get_by_label("Date completed").fill((date.today() + timedelta(days=3)).isoformat())
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("The date completed cannot be in the future.").first.is_visible()
    assert_accessible(page, "record learning with an error")

    done = (date.today() - timedelta(days=10)).isoformat()
    page.get_by_label("Date completed").fill(done)
    page.get_by_label("Evidence").set_input_files(
        files=[{"name": "certificate.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4"}]
    )
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("is recorded").is_visible()
    table = page.get_by_role("table", name="Learning recorded")
    assert table.get_by_role("rowheader", name="Transforming psychological trauma").is_visible()
    assert table.get_by_role("link", name="certificate.pdf").is_visible()
    assert page.get_by_text("Yes, met").is_visible()
    assert_accessible(page, "my learning after")


def test_the_gap_report_with_chart_table_and_downloads(page, live_server, live_world):
    from scaffolding.workforce.models import LearningRecord

    skilled = _catalogue(live_world)
    LearningRecord.objects.create(
        person=live_world.people["practitioner"],
        activity=skilled,
        status="completed",
        completed_on=date.today() - timedelta(days=30),
    )
    sign_in(page, live_server.url, live_world.users["learning_lead"])
    page.get_by_role("link", name="Learning gaps").first.click()
    assert page.get_by_role("heading", name="Learning gaps", level=1).is_visible()
    # The grouped figures are worked out by the worker: the page waits, then shows them.
    expect(page.get_by_text("No figures have been worked out yet.")).to_be_visible()
    assert_accessible(page, "gap report, first figures being worked out")
    expect(
        page.get_by_role("heading", name=re.compile(r"^Figures as of \d\d:\d\d on "))
    ).to_be_visible()
    assert page.get_by_role("img", name="Bar chart of the percent").is_visible()
    table = page.get_by_role("table", name="Learning gaps by team")
    family_support = table.get_by_role("row", name="Family Support")
    # Family Support: supervisor, practitioner and learning lead; one of three at Skilled.
    assert family_support.get_by_role("cell").nth(3).inner_text() == "33.3"
    assert_accessible(page, "gap report by team")

    page.get_by_label("Group by").select_option(label="Person")
    page.get_by_role("button", name="Show").click()
    people = page.get_by_role("table", name="Learning gaps by person")
    assert people.get_by_role("row", name="Eilidh Practitioner").is_visible()
    assert_accessible(page, "gap report by person")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download as CSV").click()
    assert download.value.suggested_filename.startswith("learning-gaps-by-person")
