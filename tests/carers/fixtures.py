"""Carers' records in the test world, built once per world and kept in world.extra.

Jamie is cared for by Fergus (the family carer account); Eilidh (the practitioner)
is Jamie's social worker and Shona supervises her. Robyn is another young person,
linked to nobody in the test accounts: nobody may see her.
"""

from datetime import date, timedelta

from django.utils import timezone

from scaffolding.carers.models import Area, Who


def area_rules(world, **overrides):
    """Every standard area: carer decides, except school trips within limits, abroad asked."""
    practitioner = world.people["practitioner"]
    rules = []
    for area in Area:
        if area == Area.LOCAL:
            continue
        rule = {"area": area.value, "label": area.label, "who": Who.CARER}
        if area == Area.SCHOOL_TRIPS:
            rule.update(who=Who.WITHIN_LIMITS, limits="Day trips in Scotland")
        if area == Area.HOLIDAYS_ABROAD:
            rule.update(who=Who.ASK, ask_person=practitioner, answer_within_days=3)
        rule.update(overrides.get(area.value, {}))
        rules.append(rule)
    return rules


def agreed_all(world, on=None):
    on = on or timezone.localdate()
    return [
        {
            "capacity": "carer",
            "name": "Fergus Carer",
            "person": world.people["family_carer"],
            "agreed_on": on,
        },
        {
            "capacity": "social_worker",
            "name": "Eilidh Practitioner",
            "person": world.people["practitioner"],
            "agreed_on": on,
        },
        {"capacity": "parental_responsibility", "name": "Ann Brown", "agreed_on": on},
    ]


def household(world):
    """Jamie with Fergus as his carer and Eilidh as his social worker, an agreement in force."""
    from scaffolding.carers import domain
    from scaffolding.voice.models import LinkKind, WorkerLink, YoungPerson

    jamie = YoungPerson.objects.create(
        partnership=world.partnership,
        full_name="Jamie Brown",
        called="Jamie",
        date_of_birth=date(2012, 5, 1),
    )
    robyn = YoungPerson.objects.create(
        partnership=world.partnership,
        full_name="Robyn Grant",
        called="Robyn",
        date_of_birth=date(2011, 3, 9),
    )
    WorkerLink.objects.create(
        young_person=jamie, person=world.people["family_carer"], kind=LinkKind.FAMILY_CARER
    )
    WorkerLink.objects.create(
        young_person=jamie, person=world.people["practitioner"], kind=LinkKind.SOCIAL_WORKER
    )
    WorkerLink.objects.create(
        young_person=robyn, person=world.people["colleague"], kind=LinkKind.SOCIAL_WORKER
    )
    agreement = domain.save_version(
        jamie,
        carers=[world.people["family_carer"]],
        rules=area_rules(world),
        agreed=agreed_all(world),
        young_person_view="I want to go to sleepovers like my pals.",
        review_on=timezone.localdate() + timedelta(days=180),
        by_user=world.users["practitioner"],
    )
    return jamie, robyn, agreement


def carers_world(world):
    if "carers" in world.extra:
        return world.extra["carers"]
    from scaffolding.carers import domain

    jamie, robyn, agreement = household(world)
    ask = domain.send_ask(
        jamie,
        asked_by=world.people["family_carer"],
        area=Area.HOLIDAYS_ABROAD,
        question="Can Jamie go to Spain with his pal's family?",
    )
    escalated = domain.send_ask(
        jamie,
        asked_by=world.people["family_carer"],
        area=Area.PART_TIME_WORK,
        question="Can Jamie do a paper round?",
        named_person=world.people["practitioner"],
    )
    # As the ask clock leaves it when Eilidh does not answer in time (tested in test_asks).
    escalated.status = escalated.Status.ESCALATED
    escalated.escalated_to = world.people["supervisor"]
    escalated.escalated_at = timezone.now()
    escalated.save()
    result = domain.can_i(
        jamie,
        carer=world.people["family_carer"],
        by_user=world.users["family_carer"],
        area=Area.SLEEPOVERS,
        views={"wants": "stay over at Ali's on Friday", "young_person_view": "Please!"},
        outcome="yes",
        look_again_on=timezone.localdate() + timedelta(days=30),
    )
    made = {
        "jamie": jamie,
        "robyn": robyn,
        "agreement": agreement,
        "ask": ask,
        "escalated_ask": escalated,
        "decision": result.decision,
    }
    world.extra["carers"] = made
    return made


def obj(name):
    """kwargs for reverse() naming one carers record by primary key."""
    return lambda world: {"pk": carers_world(world)[name].pk}
