"""A supervisor sees whom each session is with, pages and filters them, books from the due list."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from scaffolding.supervision.models import Attendance, Session, SessionKind, SupportAction
from tests.supervision.fixtures import supervision_world


def _sessions_table(body):
    start = body.index('aria-label="My sessions"')
    return body[start : body.index("</table>", start)]


def test_the_list_shows_the_other_people_not_myself(world, client_for):
    supervision_world(world)
    body = client_for("supervisor").get(reverse("supervision:mine")).content.decode()
    table = _sessions_table(body)
    assert "Eilidh Practitioner" in table
    assert "Shona Supervisor" not in table
    practitioner_view = client_for("practitioner").get(reverse("supervision:mine"))
    assert "Shona Supervisor (facilitator)" in _sessions_table(practitioner_view.content.decode())


def test_coming_up_names_the_supervisee(world, client_for):
    session = Session.objects.create(
        partnership=world.partnership,
        kind=SessionKind.ONE_TO_ONE,
        held_on=timezone.localdate() + timedelta(days=5),
        facilitator=world.people["supervisor"],
    )
    Attendance.objects.create(session=session, person=world.people["practitioner"])
    body = client_for("supervisor").get(reverse("supervision:mine")).content.decode()
    coming = body[body.index("Coming up") : body.index('id="sessions"')]
    assert "with Eilidh Practitioner" in coming
    assert "Shona" not in coming


def _many_sessions(world, count):
    today = timezone.localdate()
    for offset in range(count):
        session = Session.objects.create(
            partnership=world.partnership,
            kind=SessionKind.ONE_TO_ONE,
            status=Session.Status.AGREED,
            held_on=today - timedelta(days=10 + offset),
            facilitator=world.people["supervisor"],
        )
        who = world.people["practitioner"] if offset % 2 else world.people["family_carer"]
        Attendance.objects.create(session=session, person=who)


def test_sessions_are_paged(world, client_for):
    _many_sessions(world, 30)
    client = client_for("supervisor")
    first = client.get(reverse("supervision:mine")).content.decode()
    assert "30 sessions, 1 to 25 shown" in first
    assert "Page 1 of 2" in first
    second = client.get(reverse("supervision:mine") + "?page=2").content.decode()
    assert len(re.findall(r'href="/supervision/sessions/\d+/"', _sessions_table(second))) == 5


def test_sessions_filter_by_person_and_date(world, client_for):
    _many_sessions(world, 30)
    client = client_for("supervisor")
    carer = world.people["family_carer"]
    body = client.get(reverse("supervision:mine"), {"person": carer.pk}).content.decode()
    assert "15 sessions" in body
    assert "Eilidh Practitioner" not in _sessions_table(body)
    today = timezone.localdate()
    span = {
        "date_from": (today - timedelta(days=14)).isoformat(),
        "date_to": (today - timedelta(days=10)).isoformat(),
    }
    body = client.get(reverse("supervision:mine"), span).content.decode()
    assert "5 sessions" in body
    # The filter is kept when paging.
    paged = client.get(reverse("supervision:mine"), {"person": carer.pk}).content.decode()
    assert f"person={carer.pk}" in paged or "Page" not in paged


def test_a_backwards_date_span_is_named_next_to_the_field(world, client_for):
    today = timezone.localdate()
    body = (
        client_for("supervisor")
        .get(
            reverse("supervision:mine"),
            {"date_from": today.isoformat(), "date_to": (today - timedelta(days=3)).isoformat()},
        )
        .content.decode()
    )
    assert "The end date must be on or after the start date." in body


def test_open_actions_name_their_owner_and_mark_overdue_ones(world, client_for):
    made = supervision_world(world)
    SupportAction.objects.create(
        session=made["session"],
        description="Ask about the training budget",
        owner=world.people["supervisor"],
        due_on=timezone.localdate() - timedelta(days=2),
    )
    body = client_for("supervisor").get(reverse("supervision:mine")).content.decode()
    actions = body[body.index("Open support actions") : body.index('id="sessions"')]
    assert "Book the trauma skilled refresher</a>: Eilidh Practitioner" in actions
    assert re.search(r"Ask about the training budget</a>: you, by .*Overdue", actions)
    assert actions.count("Overdue") == 1
    session_page = client_for("supervisor").get(
        reverse("supervision:session", args=[made["session"].pk])
    )
    assert session_page.content.decode().count(">Overdue<") == 1


def test_the_due_list_books_a_session_with_that_person(world, client_for):
    client = client_for("supervisor")
    practitioner = world.people["practitioner"]
    body = client.get(reverse("supervision:cadence")).content.decode()
    link = f"/supervision/sessions/new/?person={practitioner.pk}"
    assert link in body
    form = client.get(link).content.decode()
    assert re.search(rf'value="{practitioner.pk}"[^>]*checked', form)
    assert not re.search(rf'value="{world.people["family_carer"].pk}"[^>]*checked', form)
    # Nobody outside the supervisor's people is pre-ticked by changing the number.
    outside = client.get(f"/supervision/sessions/new/?person={world.people['colleague'].pk}")
    assert (
        "checked" not in outside.content.decode().split("Who took part")[1].split("</fieldset>")[0]
    )


def test_the_learning_lead_sees_the_due_list_without_book_links(world, client_for):
    body = client_for("learning_lead").get(reverse("supervision:cadence")).content.decode()
    assert "/supervision/sessions/new/?person=" not in body


def test_a_booked_session_says_who_is_taking_part(world, client_for):
    session = Session.objects.create(
        partnership=world.partnership,
        kind=SessionKind.ONE_TO_ONE,
        held_on=timezone.localdate() + timedelta(days=5),
        facilitator=world.people["supervisor"],
    )
    Attendance.objects.create(session=session, person=world.people["practitioner"])
    body = client_for("supervisor").get(reverse("supervision:session", args=[session.pk]))
    assert "Who is taking part" in body.content.decode()
    assert "Who took part" not in body.content.decode()


def test_no_group_yet_gives_a_next_step(world, client_for):
    body = client_for("practitioner").get(reverse("supervision:groups")).content.decode()
    assert "You are not in a reflective group yet. Ask your supervisor or team leader" in body
    body = client_for("supervisor").get(reverse("supervision:groups")).content.decode()
    assert "Set one up for your team with the button above." in body


def test_the_author_changes_and_deletes_their_reflection(world, client_for):
    from scaffolding.supervision.models import Reflection

    made = supervision_world(world)
    entry = made["shared_reflection"]
    url = reverse("supervision:reflection_edit", args=[entry.pk])
    # Not even the supervisor it is shared with may change it.
    assert client_for("supervisor").post(url, {"text": "Changed"}).status_code == 404
    author = client_for("practitioner")
    assert "Change or delete" in author.get(reverse("supervision:reflections")).content.decode()
    author.post(url, {"text": "Something I want Shona to know, said better"})
    entry.refresh_from_db()
    assert entry.text == "Something I want Shona to know, said better"
    assert not entry.shared_with_supervisor  # the box was not ticked this time
    author.post(url, {"delete": "1"})
    assert not Reflection.objects.filter(pk=entry.pk).exists()


def test_the_people_to_filter_by_are_everyone_i_met_in_a_session_and_nobody_else(world):
    from scaffolding.supervision import records

    _many_sessions(world, 4)  # the supervisor with the practitioner and the family carer
    stranger_session = Session.objects.create(
        partnership=world.partnership,
        kind=SessionKind.ONE_TO_ONE,
        held_on=timezone.localdate() - timedelta(days=3),
        facilitator=world.people["learning_lead"],
    )
    Attendance.objects.create(session=stranger_session, person=world.people["colleague"])
    names = lambda role: sorted(  # noqa: E731
        p.full_name for p in records.people_met(world.people[role])
    )
    supervisor, practitioner = world.people["supervisor"], world.people["practitioner"]
    assert names("supervisor") == sorted(
        [practitioner.full_name, world.people["family_carer"].full_name]
    )
    # Someone who only attended meets the facilitator, not people from others' sessions.
    assert names("practitioner") == [supervisor.full_name]
    assert names("colleague") == [world.people["learning_lead"].full_name]


def test_the_people_to_filter_by_are_found_by_index_not_by_reading_everyone(world):
    # A person's own page must cost the same whatever the partnership's size: every
    # table in this query is searched by an index from this person, none scanned whole.
    import pytest
    from django.db import connection

    from scaffolding.supervision import records

    if connection.vendor != "sqlite":
        pytest.skip("reads SQLite's EXPLAIN QUERY PLAN")
    _many_sessions(world, 4)
    query = records.people_met(world.people["supervisor"]).order_by("full_name").query
    sql, params = query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        steps = [row[3] for row in cursor.fetchall()]
    assert not [step for step in steps if step.startswith("SCAN")], steps
