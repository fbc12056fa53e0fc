"""A staying-in-touch plan comes up in the supervision of the person moving on."""

from datetime import date

from django.urls import reverse

from scaffolding.relationships import domain
from tests.relationships.fixtures import relationships_world
from tests.supervision.helpers import held


def _session_page(client, session):
    return client.get(reverse("supervision:session", args=[session.pk])).content.decode()


def test_the_supervisor_sees_the_open_plan_in_the_session_of_the_person_moving_on(
    world, client_for
):
    plan = relationships_world(world)["plan"]  # Callum Colleague is moving on; Skye's plan
    session = held(world, world.people["colleague"], date(2026, 12, 1))
    page = _session_page(client_for("supervisor"), session)
    assert "To talk about" in page
    assert "Callum Colleague is moving on: agree how Skye stays in touch with them." in page
    assert reverse("relationships:plan", args=[plan.pk]) in page


def test_no_prompt_in_someone_elses_session_or_once_the_plan_is_agreed(world, client_for):
    plan = relationships_world(world)["plan"]
    other = held(world, world.people["practitioner"], date(2026, 12, 1))
    assert "To talk about" not in _session_page(client_for("supervisor"), other)

    moving_on = held(world, world.people["colleague"], date(2026, 12, 2))
    domain.agree_plan(
        plan,
        by=world.users["supervisor"],
        what_they_want="To send Callum a card at Christmas.",
        how_it_continues="A card and a visit in the holidays.",
    )
    assert "To talk about" not in _session_page(client_for("supervisor"), moving_on)


def test_the_prompts_cost_one_query_however_many_plans(world, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from scaffolding.relationships.prompts import staying_in_touch
    from scaffolding.supervision import records

    relationships_world(world)
    session = held(world, world.people["colleague"], date(2026, 12, 1))
    people = records.participants(session)
    with CaptureQueriesContext(connection) as captured:
        found = staying_in_touch(session, people, world.people["supervisor"])
    assert len(found) == 1 and len(captured.captured_queries) == 1
