"""List pages ask the database the same number of times however much there is to show."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scaffolding.relationships.models import (
    Kind,
    TimeTogether,
)
from tests.factories import (
    KeptRelationshipFactory,
    LocalPolicyFactory,
    MoveFactory,
    PersonWhoMattersFactory,
    StayingInTouchPlanFactory,
    TimeTogetherFactory,
    WorkerLinkFactory,
    YoungPersonFactory,
)

from .fixtures import relationships_world

pytestmark = pytest.mark.django_db


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def grow(world, young, n, start):
    """n more of everything around one young person, and n more linked young people."""
    for i in range(start, start + n):
        person = PersonWhoMattersFactory(
            young_person=young,
            name=f"Person {i}",
            kind=Kind.SIBLING if i % 2 else Kind.FRIEND,
            lives_together=False if i % 2 else None,
            apart_reason="Different homes" if i % 2 else "",
            wants="more",
        )
        TimeTogetherFactory(with_whom=person, on=date(2026, 1, 1) + timedelta(days=i))
        KeptRelationshipFactory(
            move=MoveFactory(young_person=young, moved_on=date(2026, 1, 1) + timedelta(days=i)),
            person=person,
        )
        other = YoungPersonFactory(
            partnership=world.partnership, full_name=f"Young {i}", date_of_birth=date(2012, 5, 1)
        )
        WorkerLinkFactory(young_person=other, person=world.people["practitioner"])
        PersonWhoMattersFactory(
            young_person=other, name=f"Sister {i}", kind=Kind.SIBLING, lives_together=False
        )
        StayingInTouchPlanFactory(
            young_person=other,
            person=world.people["colleague"],
            assigned_to=world.people["supervisor"],
        )
        LocalPolicyFactory(partnership=world.partnership, title=f"Policy {i}")


@pytest.mark.parametrize(
    "role, url_name, with_young",
    [
        ("practitioner", "relationships:home", False),
        ("practitioner", "relationships:young_person", True),
        ("family_carer", "relationships:siblings", False),
        ("promise_lead", "relationships:siblings", False),
        ("supervisor", "relationships:staying_in_touch", False),
        ("promise_lead", "relationships:policies", False),
        ("promise_lead", "relationships:figures", False),
    ],
)
def test_constant_queries_as_data_grows(world, client_for, role, url_name, with_young):
    rel = relationships_world(world)
    young = rel["young_person"]
    url = reverse(url_name, args=[young.pk] if with_young else [])
    client = client_for(role)
    grow(world, young, 2, 0)
    few = queries(client, url)
    grow(world, young, 8, 2)
    assert queries(client, url) == few


def test_a_person_page_is_constant_with_many_times_together(world, client_for):
    gran = relationships_world(world)["gran"]
    client = client_for("family_carer")
    url = reverse("relationships:person", args=[gran.pk])
    few = queries(client, url)
    for i in range(30):
        TimeTogether.objects.create(
            with_whom=gran, on=date(2026, 1, 1) + timedelta(days=i), what="Tea"
        )
    assert queries(client, url) == few
