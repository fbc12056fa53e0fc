"""The carer's page, short breaks and time away, the figures page: what people see, and queries."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from scaffolding.carers import domain
from scaffolding.carers.models import Area, ShortBreak
from scaffolding.voice.models import LinkKind, WorkerLink, YoungPerson
from tests.carers.fixtures import agreed_all, area_rules, carers_world
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_the_carer_sees_their_young_people_and_what_they_can_decide_now(world, client):
    carers_world(world)
    sign_in(client, world.users["family_carer"])
    page = client.get(reverse("carers:home")).content.decode()
    assert "The young people you care for" in page
    assert "Jamie" in page and "Robyn" not in page
    assert "Sleepovers with friends" in page
    assert "within these limits: Day trips in Scotland" in page
    # Holidays abroad is asked, not decided: it is not in the list of what they may decide.
    decide_now = page.split("You can decide these now")[1].split("</ul>")[0]
    assert "Holidays abroad" not in decide_now


def test_a_social_worker_sees_the_young_people_linked_to_them(world, client):
    carers_world(world)
    sign_in(client, world.users["practitioner"])
    page = client.get(reverse("carers:home")).content.decode()
    assert "Young people you work with" in page and "Jamie" in page and "Robyn" not in page


def _more_households(world, count):
    """`count` more young people cared for by Fergus, each with an agreement and an ask."""
    carer, worker = world.people["family_carer"], world.people["practitioner"]
    for index in range(count):
        child = YoungPerson.objects.create(
            partnership=world.partnership,
            full_name=f"Child {index}",
            called=f"Child {index}",
            date_of_birth=date(2012, 1, 1),
        )
        WorkerLink.objects.create(young_person=child, person=carer, kind=LinkKind.FAMILY_CARER)
        WorkerLink.objects.create(young_person=child, person=worker, kind=LinkKind.SOCIAL_WORKER)
        domain.save_version(
            child,
            carers=[carer],
            rules=area_rules(world),
            agreed=agreed_all(world),
            young_person_view="ok",
            review_on=date(2027, 1, 1),
            by_user=None,
        )
        domain.send_ask(
            child, asked_by=carer, area=Area.HOLIDAYS_ABROAD, question="Can they go abroad?"
        )
        ShortBreak.objects.create(
            carer=carer,
            young_person=child,
            kind="sleepover",
            with_name="Gran",
            knows_already=True,
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate(),
        )


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["family_carer", "practitioner"])
def test_the_home_page_runs_the_same_queries_however_many_households(world, client, role):
    carers_world(world)
    sign_in(client, world.users[role])
    url = reverse("carers:home")
    _queries(client, url)  # warm the session and the content types
    few = _queries(client, url)
    _more_households(world, 6)
    assert _queries(client, url) == few


def test_the_figures_page_runs_the_same_queries_however_many_households(world, client):
    carers_world(world)
    sign_in(client, world.users["promise_lead"])
    url = reverse("carers:measures")
    _queries(client, url)
    few = _queries(client, url)
    _more_households(world, 6)
    assert _queries(client, url) == few
    page = client.get(url).content.decode()
    assert "Short breaks with someone the young person already knows" in page
    assert "6 of 6" in page


def test_the_carer_plans_a_sleepover_with_someone_jamie_knows(world, client):
    made = carers_world(world)
    sign_in(client, world.users["family_carer"])
    start = timezone.localdate() + timedelta(days=7)
    response = client.post(
        reverse("carers:short_break_new", args=[made["jamie"].pk]),
        {
            "kind": "sleepover",
            "with_name": "Auntie Kay",
            "knows_already": "on",
            "young_person_say": "I love staying at Kay's.",
            "starts_on": start.isoformat(),
            "ends_on": (start + timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 302
    planned = ShortBreak.objects.get(with_name="Auntie Kay")
    assert (planned.carer, planned.young_person, planned.knows_already) == (
        world.people["family_carer"],
        made["jamie"],
        True,
    )
    page = client.get(reverse("carers:home")).content.decode()
    assert "Sleepover for Jamie with Auntie Kay" in page


def test_a_short_break_needs_someone_to_be_with_and_dates_in_order(world, client):
    made = carers_world(world)
    sign_in(client, world.users["family_carer"])
    start = timezone.localdate() + timedelta(days=7)
    response = client.post(
        reverse("carers:short_break_new", args=[made["jamie"].pk]),
        {
            "kind": "short_break",
            "starts_on": start.isoformat(),
            "ends_on": (start - timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="id_ends_on_error"' in body and 'id="id_with_name_error"' in body
    assert not ShortBreak.objects.exists()


def test_a_carer_plans_their_own_time_away(world, client):
    sign_in(client, world.users["family_carer"])
    start = timezone.localdate() + timedelta(days=20)
    response = client.post(
        reverse("carers:time_away_new"),
        {"starts_on": start.isoformat(), "ends_on": (start + timedelta(days=2)).isoformat()},
    )
    assert response.status_code == 302
    mine = ShortBreak.objects.get()
    assert (mine.kind, mine.young_person, mine.carer) == (
        ShortBreak.Kind.TIME_AWAY,
        None,
        world.people["family_carer"],
    )
    assert "Carer&#x27;s own time away" in client.get(reverse("carers:home")).content.decode()


def test_the_social_worker_plans_a_short_break_for_the_carer(world, client):
    made = carers_world(world)
    sign_in(client, world.users["practitioner"])
    start = timezone.localdate() + timedelta(days=3)
    response = client.post(
        reverse("carers:short_break_new", args=[made["jamie"].pk]),
        {
            "kind": "short_break",
            "with_name": "Gran",
            "starts_on": start.isoformat(),
            "ends_on": start.isoformat(),
        },
    )
    assert response.status_code == 302
    assert ShortBreak.objects.get().carer == world.people["family_carer"]


def test_a_short_break_with_someone_from_their_people_who_matter_counts_as_known(world, client):
    from scaffolding.relationships.models import PersonWhoMatters

    made = carers_world(world)
    gran = PersonWhoMatters.objects.create(
        young_person=made["jamie"], name="Gran", kind="grandparent"
    )
    someone_elses = PersonWhoMatters.objects.create(
        young_person=made["robyn"], name="Robyn's aunt", kind="auntie_uncle"
    )
    sign_in(client, world.users["family_carer"])
    url = reverse("carers:short_break_new", args=[made["jamie"].pk])
    start = (timezone.localdate() + timedelta(days=5)).isoformat()
    form = client.get(url).content.decode()
    assert "Gran" in form and "Robyn&#x27;s aunt" not in form
    data = {"kind": "short_break", "starts_on": start, "ends_on": start}
    response = client.post(url, {**data, "person_who_matters": someone_elses.pk})
    assert response.status_code == 200 and not ShortBreak.objects.exists()
    response = client.post(url, {**data, "person_who_matters": gran.pk})
    assert response.status_code == 302
    planned = ShortBreak.objects.get()
    assert (planned.person_who_matters, planned.with_name, planned.knows_already) == (
        gran,
        "Gran",
        True,
    )


def test_a_young_persons_page_runs_the_same_queries_however_many_records(world, client):
    made = carers_world(world)
    jamie, carer = made["jamie"], world.people["family_carer"]
    sign_in(client, world.users["family_carer"])
    url = reverse("carers:young_person", args=[jamie.pk])
    _queries(client, url)
    few = _queries(client, url)
    for index in range(5):
        domain.send_ask(jamie, asked_by=carer, area=Area.HOLIDAYS_ABROAD, question=f"Trip {index}")
        domain.can_i(
            jamie,
            carer=carer,
            by_user=world.users["family_carer"],
            area=Area.HAIRCUTS,
            views={"wants": f"get a haircut {index}", "young_person_view": "Yes"},
            outcome="yes",
            look_again_on=timezone.localdate(),
        )
        ShortBreak.objects.create(
            carer=carer,
            young_person=jamie,
            kind="sleepover",
            with_name="Gran",
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate(),
        )
    domain.save_version(
        jamie,
        carers=[carer],
        rules=area_rules(world),
        agreed=agreed_all(world),
        young_person_view="ok",
        review_on=date(2027, 1, 1),
        by_user=None,
    )
    assert _queries(client, url) == few
