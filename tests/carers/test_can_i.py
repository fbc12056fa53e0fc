""" "Can I...?": decided on the spot when delegated, asked otherwise; backed; debrief offered."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from scaffolding.carers import domain
from scaffolding.carers.models import Area, Ask, Decision
from scaffolding.supervision.models import Session, SessionKind
from tests.carers.fixtures import carers_world
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def _post(world, client, **changes):
    made = carers_world(world)
    sign_in(client, world.users["family_carer"])
    data = {
        "area": Area.SLEEPOVERS,
        "wants": "have a sleepover at Ali's on Saturday",
        "young_person_view": "Everyone in my class goes to Ali's.",
        "friends_do": "Most of his class have stayed over there.",
        "good_about_it": "Time with his best pal.",
        "worries": "Staying up too late.",
        "worry_kind": "ordinary",
        "safer": "Phone me at bedtime.",
        "carer_view": "Happy with this.",
        "outcome": "yes",
        "look_again_on": (timezone.localdate() + timedelta(days=60)).isoformat(),
    }
    data.update(changes)
    return made, client.post(reverse("carers:can_i", args=[made["jamie"].pk]), data)


def test_a_delegated_area_is_decided_on_the_spot_and_backed(world, client):
    made, response = _post(world, client)
    assert response.status_code == 302
    decision = Decision.objects.latest("pk")
    assert (decision.outcome, decision.delegated, decision.backed) == ("yes", True, True)
    assert decision.decided_by == world.people["family_carer"]
    assert decision.ask is None
    page = client.get(response["Location"]).content.decode()
    assert "Backed by the partnership." in page
    assert "after hearing Jamie's view first" in page


def test_a_delegated_decision_needs_a_date_to_look_again(world, client):
    made, response = _post(world, client, look_again_on="")
    assert response.status_code == 200
    assert "Give a date to look at this again." in response.content.decode()
    assert not Decision.objects.filter(wants__startswith="have a sleepover").exists()


def test_the_young_persons_view_comes_first_and_is_required(world, client):
    made, response = _post(world, client, young_person_view="")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="id_young_person_view_error"' in body
    # On the page the young person's view comes before the carer's and the workers'.
    assert body.index("id_young_person_view") < body.index("id_carer_view")
    assert body.index("id_carer_view") < body.index("id_workers_view")


def test_an_area_not_delegated_goes_as_an_ask_and_the_answer_decides_it(world, client):
    made, response = _post(
        world, client, area=Area.HOLIDAYS_ABROAD, wants="go to France with school", outcome=""
    )
    assert response.status_code == 302
    decision = Decision.objects.get(wants="go to France with school")
    assert not decision.decided and decision.ask is not None
    assert decision.ask.named_person == world.people["practitioner"]
    domain.answer_ask(decision.ask, by=world.people["practitioner"], answer="yes", text="Yes!")
    decision.refresh_from_db()
    assert (decision.outcome, decision.backed, decision.delegated) == ("yes", True, False)
    assert decision.decided_by == world.people["practitioner"]


def test_the_carers_outcome_is_ignored_when_it_is_not_theirs_to_decide(world):
    made = carers_world(world)
    result = domain.can_i(
        made["jamie"],
        carer=world.people["family_carer"],
        by_user=world.users["family_carer"],
        area=Area.HOLIDAYS_ABROAD,
        views={"wants": "go to Spain", "young_person_view": "Please"},
        outcome="yes",
    )
    assert result.decision.outcome == "" and result.ask.status == Ask.Status.WAITING


def test_a_carer_asks_for_a_debrief_and_supervision_books_it(world, client):
    made = carers_world(world)
    decision = made["decision"]
    sign_in(client, world.users["family_carer"])
    url = reverse("carers:decision_debrief", args=[decision.pk])
    response = client.post(url, {"went_wrong": "Jamie came home upset after a fall-out."})
    assert response.status_code == 302
    decision.refresh_from_db()
    session = decision.debrief_session
    assert session.kind == SessionKind.DEBRIEF
    assert session.status == Session.Status.SCHEDULED
    assert session.facilitator == world.people["supervisor"]  # Fergus's supervisor
    assert list(session.attendances.values_list("person", flat=True)) == [
        world.people["family_carer"].pk
    ]
    page = client.get(reverse("carers:decision", args=[decision.pk])).content.decode()
    assert "Backed by the partnership." in page and "Debrief" in page
    # Once is enough: a second ask is refused and nothing new is booked.
    with pytest.raises(ValidationError):
        domain.request_debrief(decision, carer=world.people["family_carer"], what_happened="x")
    assert Session.objects.filter(kind=SessionKind.DEBRIEF).count() == 1


def test_a_debrief_needs_a_word_on_what_happened(world, client):
    made = carers_world(world)
    sign_in(client, world.users["family_carer"])
    url = reverse("carers:decision_debrief", args=[made["decision"].pk])
    response = client.post(url, {"went_wrong": ""})
    assert response.status_code == 200
    assert not Session.objects.filter(kind=SessionKind.DEBRIEF).exists()
