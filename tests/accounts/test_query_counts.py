"""Pages ask the database the same number of times whatever the partnership's size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scaffolding.workforce.models import Person
from tests.factories import OrganisationFactory, PersonFactory, TeamFactory


def grow(world, organisations=5, teams_each=4, people_each=6):
    for org in OrganisationFactory.create_batch(organisations, partnership=world.partnership):
        for team in TeamFactory.create_batch(teams_each, organisation=org):
            Person.objects.bulk_create(
                PersonFactory.build_batch(
                    people_each,
                    team=team,
                    role_profile=world.role_profile,
                    supervisor=world.people["supervisor"],
                )
            )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "role,url",
    [
        ("practitioner", "/"),
        ("practitioner", "/partnership/"),
        ("supervisor", "/partnership/organisations/{org}/"),
        ("supervisor", "/partnership/teams/{team}/"),
        ("supervisor", "/workforce/people/"),
        ("learning_lead", "/workforce/people/"),
        ("partnership_admin", "/accounts/"),
    ],
)
def test_query_count_does_not_grow_with_data(role, url, client_for, world):
    client = client_for(role)
    url = url.format(org=world.organisation.pk, team=world.team.pk)
    small = count_queries(client, url)
    grow(world)
    Person.objects.filter(partnership=world.partnership).update(team=world.team)
    assert count_queries(client, url) == small
