"""Delegated authority: versions kept, in force only when agreed and the young person heard."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from scaffolding.carers import domain
from scaffolding.carers.models import AgreedBy, Agreement, Area, AreaRule, Who
from tests.carers.fixtures import agreed_all, area_rules, carers_world
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def _version(world, jamie, **changes):
    args = {
        "carers": [world.people["family_carer"]],
        "rules": area_rules(world),
        "agreed": agreed_all(world),
        "young_person_view": "Fine by me.",
        "review_on": timezone.localdate() + timedelta(days=90),
        "by_user": world.users["practitioner"],
    }
    args.update(changes)
    return domain.save_version(jamie, **args)


def test_a_new_version_supersedes_and_the_old_stays_readable(world):
    made = carers_world(world)
    first = made["agreement"]
    assert first.status == Agreement.Status.IN_FORCE
    second = _version(world, made["jamie"])
    first.refresh_from_db()
    assert (first.version, first.status) == (1, Agreement.Status.SUPERSEDED)
    assert (second.version, second.status) == (2, Agreement.Status.IN_FORCE)
    assert first.rules.count() == len(area_rules(world))  # still there to read
    assert domain.in_force(made["jamie"]) == second


def test_without_the_young_persons_view_it_is_a_draft_only(world):
    made = carers_world(world)
    draft = _version(world, made["jamie"], young_person_view="  ")
    assert draft.status == Agreement.Status.DRAFT
    assert domain.in_force(made["jamie"]) == made["agreement"]
    assert domain.missing_for_force("", []) == [
        "the young person's view",
        "the family carer's agreement",
        "the social worker's agreement",
        "agreement from someone with parental responsibility",
    ]


def test_without_parental_responsibility_it_is_a_draft(world):
    made = carers_world(world)
    agreed = [a for a in agreed_all(world) if a["capacity"] != "parental_responsibility"]
    assert _version(world, made["jamie"], agreed=agreed).status == Agreement.Status.DRAFT


def test_an_ask_area_needs_a_named_person_and_nothing_is_half_saved(world):
    made = carers_world(world)
    rules = area_rules(world, faith={"who": Who.ASK, "ask_person": None, "answer_within_days": 2})
    before = (Agreement.objects.count(), AreaRule.objects.count(), AgreedBy.objects.count())
    with pytest.raises(ValidationError) as error:
        _version(world, made["jamie"], rules=rules)
    assert "ask_person" in error.value.message_dict
    after = (Agreement.objects.count(), AreaRule.objects.count(), AgreedBy.objects.count())
    assert after == before


def test_rules_describe_themselves_in_plain_words(world):
    made = carers_world(world)
    rules = {rule.area: rule.describe() for rule in made["agreement"].rules.all()}
    assert rules[Area.SLEEPOVERS] == "Carer decides"
    assert rules[Area.SCHOOL_TRIPS] == "Carer decides within these limits: Day trips in Scotland"
    assert rules[Area.HOLIDAYS_ABROAD] == (
        "Ask Eilidh Practitioner, who answers within 3 working days"
    )


def _form_data(world, **changes):
    from scaffolding.carers.forms import rule_initial

    rows = rule_initial(None)
    data = {
        "areas-TOTAL_FORMS": str(len(rows)),
        "areas-INITIAL_FORMS": "0",
        "areas-MIN_NUM_FORMS": "0",
        "areas-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data[f"areas-{index}-area"] = row["area"]
        data[f"areas-{index}-label"] = row["label"]
        if row["area"] != Area.LOCAL:
            data[f"areas-{index}-who"] = Who.CARER
    today = timezone.localdate().isoformat()
    data.update(
        {
            "young_person_view": "I want to get my hair cut where my pals go.",
            "review_on": (timezone.localdate() + timedelta(days=120)).isoformat(),
            "carer": world.people["family_carer"].pk,
            "carer_agreed_on": today,
            "social_worker": world.people["practitioner"].pk,
            "social_worker_agreed_on": today,
            "parental_responsibility": "Ann Brown, Local authority",
            "parental_responsibility_agreed_on": today,
        }
    )
    data.update(changes)
    return data


def test_the_social_worker_writes_a_version_with_a_local_addition(world, client):
    made = carers_world(world)
    sign_in(client, world.users["practitioner"])
    url = reverse("carers:agreement_new", args=[made["jamie"].pk])
    assert client.get(url).status_code == 200
    local = len(Area) - 1  # the first local row
    data = _form_data(
        world,
        **{
            f"areas-{local}-label": "Football club away games",
            f"areas-{local}-who": Who.WITHIN_LIMITS,
            f"areas-{local}-limits": "With the club's coach",
        },
    )
    response = client.post(url, data)
    assert response.status_code == 302
    version = Agreement.objects.get(young_person=made["jamie"], version=2)
    assert version.status == Agreement.Status.IN_FORCE
    assert version.rules.get(area=Area.LOCAL).label == "Football club away games"
    assert sorted(version.agreed_by.values_list("name", flat=True)) == [
        "Ann Brown",
        "Eilidh Practitioner",
        "Fergus Carer",
        "Local authority",
    ]


def test_bad_input_is_named_next_to_the_field_and_nothing_saved(world, client):
    made = carers_world(world)
    sign_in(client, world.users["practitioner"])
    url = reverse("carers:agreement_new", args=[made["jamie"].pk])
    school_trips = list(Area).index(Area.SCHOOL_TRIPS)
    data = _form_data(world, **{f"areas-{school_trips}-who": Who.WITHIN_LIMITS})
    data.pop("carer_agreed_on")
    response = client.post(url, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Say what the limits are, or choose another option." in body
    assert "Give the date they agreed." in body
    assert Agreement.objects.filter(young_person=made["jamie"]).count() == 1


def test_the_carer_reads_every_version_but_does_not_write_one(world, client):
    made = carers_world(world)
    _version(world, made["jamie"])
    sign_in(client, world.users["family_carer"])
    page = client.get(reverse("carers:young_person", args=[made["jamie"].pk])).content.decode()
    assert "Version 1" in page and "Version 2" in page
    assert reverse("carers:agreement_new", args=[made["jamie"].pk]) not in page
    old = client.get(reverse("carers:agreement", args=[made["agreement"].pk])).content.decode()
    assert "Replaced by a newer version" in old
