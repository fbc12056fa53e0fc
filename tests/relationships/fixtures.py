"""Relationships records in the test world, built once per world and kept in world.extra."""

from datetime import date, timedelta

from django.utils import timezone


def relationships_world(world):
    if "relationships" in world.extra:
        return world.extra["relationships"]
    from scaffolding.relationships.models import (
        Kind,
        LocalPolicy,
        Move,
        PersonWhoMatters,
        StayingInTouchPlan,
        Wants,
    )
    from scaffolding.voice.models import LinkKind, WorkerLink, YoungPerson

    young = YoungPerson.objects.create(
        partnership=world.partnership,
        full_name="Skye Morrison",
        called="Skye",
        date_of_birth=date(2013, 4, 2),
    )
    WorkerLink.objects.create(
        young_person=young, person=world.people["practitioner"], kind=LinkKind.NAMED_WORKER
    )
    WorkerLink.objects.create(
        young_person=young, person=world.people["family_carer"], kind=LinkKind.FAMILY_CARER
    )
    gran = PersonWhoMatters.objects.create(
        young_person=young, name="Gran", kind=Kind.GRANDPARENT, wants=Wants.MORE
    )
    PersonWhoMatters.objects.create(
        young_person=young,
        name="Callum",
        kind=Kind.SIBLING,
        lives_together=False,
        apart_reason="Callum lives with his dad.",
        wants=Wants.SAME,
    )
    today = timezone.localdate()
    move = Move.objects.create(
        young_person=young,
        kind=Move.Kind.EMERGENCY,
        moved_on=today - timedelta(days=2),
        plan_due_by=today + timedelta(days=5),
        review_due_by=today + timedelta(days=5),
    )
    plan = StayingInTouchPlan.objects.create(
        young_person=young,
        person=world.people["colleague"],
        person_name=world.people["colleague"].full_name,
        reason=StayingInTouchPlan.Reason.MOVED_ON,
        assigned_to=world.people["supervisor"],
    )
    policy = LocalPolicy.objects.create(
        partnership=world.partnership,
        title="Staff keeping in touch after leaving",
        covers="Whether workers may stay in touch with young people after they leave.",
        stance=LocalPolicy.Stance.BLANKET_BAN,
        review_on=today + timedelta(days=90),
    )
    made = {
        "young_person": young,
        "gran": gran,
        "move": move,
        "plan": plan,
        "policy": policy,
    }
    world.extra["relationships"] = made
    return made


def obj(name):
    return lambda world: {"pk": relationships_world(world)[name].pk}
