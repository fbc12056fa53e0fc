"""A young person adds their gran; a worker records a planned move keeping relationships.

Each at desktop (1280) and phone (390) widths, with axe on every page on the way.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.conftest import assert_accessible, open_menu_link, sign_in

WIDTHS = [1280, 390]


def tick(page, label):
    page.locator("label").filter(has_text=re.compile(f"^{re.escape(label)}$")).click()
    assert page.get_by_label(label, exact=True).is_checked(), f"{label!r} did not tick"


@pytest.fixture
def skye(live_world):
    """The test world's young person, Skye: the practitioner is her named worker."""
    return live_world.extra["young_person"]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_young_person_adds_their_gran(width, page, live_server, live_world, skye):
    from scaffolding.relationships.models import PersonWhoMatters

    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, skye.account)
    open_menu_link(page, "People who matter")
    page.get_by_role("heading", name="People who matter to me").wait_for()
    assert_accessible(page, f"own list at {width}")
    page.get_by_role("link", name="Add someone who matters").click()
    assert_accessible(page, f"add form at {width}")

    # Forgetting the name is met with a message by the field, and nothing saved.
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Write their name.").first.wait_for()
    assert_accessible(page, f"add form with a problem at {width}")
    assert not PersonWhoMatters.objects.exists()

    page.get_by_label("Their name").fill("Gran")
    page.get_by_label("Who are they to you?").select_option(label="Grandparent")
    tick(page, "More time together")
    page.get_by_label("How often do you see them?").fill("Once a month")
    page.get_by_label("Who helps you see them?").fill("My worker drives me")
    page.get_by_role("button", name="Save").click()

    page.get_by_text("Gran is on the list.").wait_for()
    row = page.get_by_role("row").filter(has_text="Gran")
    assert "More time together" in row.inner_text()
    assert "Once a month" in row.inner_text()
    assert_accessible(page, f"own list with gran at {width}")
    gran = PersonWhoMatters.objects.get()
    assert (gran.name, gran.kind, gran.wants, gran.young_person) == (
        "Gran",
        "grandparent",
        "more",
        skye,
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_a_worker_records_a_planned_move_keeping_relationships(
    width, page, live_server, live_world, skye
):
    from scaffolding.relationships.models import Kind, Move, PersonWhoMatters

    PersonWhoMatters.objects.create(young_person=skye, name="Gran", kind=Kind.GRANDPARENT)
    PersonWhoMatters.objects.create(
        young_person=skye, name="Callum", kind=Kind.SIBLING, lives_together=True
    )
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, live_world.users["practitioner"])
    open_menu_link(page, "People who matter")
    assert_accessible(page, f"linked young people at {width}")
    page.get_by_role("link", name="Skye").click()
    page.get_by_role("link", name="Record a move of home").click()
    assert_accessible(page, f"move form at {width}")

    moving = timezone.localdate() + timedelta(days=14)
    tick(page, "Planned")
    page.get_by_label("Date of the move").fill(moving.isoformat())
    page.get_by_label("Moving to").fill("Kinship home with Gran's sister")
    # Without its plan, a planned move is not saved.
    page.get_by_role("button", name="Save the move").click()
    page.get_by_text("Say how they were told about the move.").first.wait_for()
    assert_accessible(page, f"move form with problems at {width}")
    assert not Move.objects.exists()

    page.get_by_label("When they were told").fill(timezone.localdate().isoformat())
    page.get_by_label("How they were told").fill("At home with Gran, with time for questions.")
    page.get_by_label("What they wanted").fill("To stay at the same school and see Gran.")
    page.get_by_label("Who moves with them").fill("Callum, her brother")
    page.get_by_label("School").fill("Same school; a taxi each morning")
    tick(page, "Keep Gran (grandparent)")
    page.get_by_label("How the relationship with Gran is kept").fill("Sunday tea every week")
    tick(page, "Keep Callum (brother or sister)")
    page.get_by_label("How the relationship with Callum is kept").fill("Moves with her")
    page.get_by_role("button", name="Save the move").click()

    page.get_by_text("Saved the move for Skye.").wait_for()
    assert_accessible(page, f"the move at {width}")
    kept = page.get_by_role("heading", name="Relationships kept").locator(
        "xpath=following-sibling::ul[1]"
    )
    assert "Gran: Sunday tea every week" in kept.inner_text()
    assert "Callum: Moves with her" in kept.inner_text()
    move = Move.objects.get()
    assert move.kind == "planned" and move.has_plan and move.kept.count() == 2
