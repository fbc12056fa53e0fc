"""Pages ask the database the same number of times whatever the partnership's size."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scaffolding.accounts.models import Organisation, Team
from scaffolding.workforce.models import Person


def grow(world, organisations=5, teams_each=4, people_each=6):
    for o in range(organisations):
        org = Organisation.objects.create(
            partnership=world.partnership, name=f"Extra organisation {o}", kind="third_sector"
        )
        for t in range(teams_each):
            team = Team.objects.create(organisation=org, name=f"Team {t}")
            Person.objects.bulk_create(
                Person(
                    partnership=world.partnership,
                    full_name=f"Person {o}-{t}-{p}",
                    organisation=org,
                    team=team,
                    role_profile=world.role_profile,
                    relationship="paid",
                    closeness="regular_direct",
                    start_date=date(2020, 1, 1),
                    supervisor=world.people["supervisor"],
                )
                for p in range(people_each)
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
