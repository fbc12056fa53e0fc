"""Dashboards stay within a constant number of queries as data grows."""

import random
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from scaffolding.accounts.models import Team
from scaffolding.supervision.models import Attendance, CheckIn, Session, SessionKind
from scaffolding.workforce.models import Person
from tests.conftest import work_out_figures
from tests.factories import (
    AttendanceFactory,
    CheckInFactory,
    PersonFactory,
    SessionFactory,
    SupervisorTrainingFactory,
)


def grow(world, people_count, seed=1):
    """Add people, a year of sessions, check-ins and training to the home partnership."""
    rng = random.Random(seed)
    today = timezone.localdate()
    supervisor = world.people["supervisor"]
    second_team = Team.objects.filter(organisation=world.organisation).exclude(pk=world.team.pk)[0]
    people = Person.objects.bulk_create(
        PersonFactory.build(
            full_name=f"Grown {seed}-{index}",
            team=world.team if index % 2 else second_team,
            role_profile=world.role_profile,
            start_date=today - timedelta(days=500),
            supervisor=supervisor,
        )
        for index in range(people_count)
    )
    sessions = Session.objects.bulk_create(
        SessionFactory.build(
            kind=rng.choice(SessionKind.values),
            held_on=today - timedelta(days=rng.randint(0, 360)),
            facilitator=rng.choice([supervisor, world.people["colleague"]]),
        )
        for _ in range(people_count * 3)
    )
    Attendance.objects.bulk_create(
        AttendanceFactory.build(session=session, person=rng.choice(people)) for session in sessions
    )
    CheckIn.objects.bulk_create(
        CheckInFactory.build(
            person=person,
            checked_on=today - timedelta(days=rng.randint(0, 60)),
            feeling=rng.randint(1, 5),
            workload=rng.randint(1, 4),
            supported=rng.randint(0, 2),
        )
        for person in people
    )
    SupervisorTrainingFactory(person=supervisor, completed_on=today - timedelta(days=100))


PAGES = [
    ("learning_lead", "supervision:cadence", {}),
    ("supervisor", "supervision:cadence", {}),
    ("learning_lead", "supervision:provision", {}),
    ("promise_lead", "supervision:wellbeing_overview", {}),
    ("supervisor", "supervision:mine", {}),
    ("practitioner", "supervision:mine", {}),
    ("supervisor", "supervision:mine?person", {}),
    ("learning_lead", "supervision:groups", {}),
]


def _count(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("role,name,kwargs", PAGES)
def test_query_count_does_not_grow_with_data(role, name, kwargs, world, client_for):
    client = client_for(role)
    name, _, filtered = name.partition("?")
    url = reverse(name, kwargs=kwargs)
    if filtered:  # the same page filtered to one person
        url += f"?person={world.people['practitioner'].pk}"
    grow(world, 10, seed=1)
    # Some pages show figures a worker has worked out (fresh for an hour).
    work_out_figures(world.partnership.pk)
    small = _count(client, url)
    grow(world, 120, seed=2)
    large = _count(client, url)
    assert large == small, f"{url} took {small} queries with little data, {large} with more"


def test_provision_map_is_four_queries(world, django_assert_num_queries):
    from scaffolding.supervision.provision import provision_map

    grow(world, 40)
    # 1 the role profiles' new-starter months, 2 people counted by standing (from the
    # summaries), 3 sessions by kind, 4 supervision given without training.
    with django_assert_num_queries(4):
        provision_map(world.partnership.pk, timezone.localdate())


def test_cadence_for_the_whole_partnership_is_three_queries(world, django_assert_num_queries):
    from scaffolding.supervision import cadence

    grow(world, 40)
    # The role profiles' new-starter months, the people with their standing (worked out
    # in the database from the summaries), their next bookings.
    with django_assert_num_queries(3):
        cadence.standings(
            Person.objects.filter(partnership=world.partnership), timezone.localdate()
        )


def test_group_page_query_count_does_not_grow_with_sessions(world, client_for):
    from tests.supervision.fixtures import supervision_world

    group = supervision_world(world)["group"]
    url = reverse("supervision:group", args=[group.pk])
    client = client_for("practitioner")

    def add_sessions(count, start):
        for offset in range(count):
            session = Session.objects.create(
                partnership=world.partnership,
                kind=SessionKind.GROUP,
                status=Session.Status.AGREED,
                held_on=timezone.localdate() - timedelta(days=start + offset * 28),
                facilitator=world.people["supervisor"],
                group=group,
            )
            Attendance.objects.create(session=session, person=world.people["practitioner"])

    add_sessions(2, 1)
    small = _count(client, url)
    add_sessions(8, 100)
    assert _count(client, url) == small
