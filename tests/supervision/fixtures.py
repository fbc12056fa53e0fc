"""Supervision records in the test world, built once per world and kept in world.extra."""

from datetime import date, timedelta

from django.utils import timezone


def supervision_world(world):
    if "supervision" in world.extra:
        return world.extra["supervision"]
    from scaffolding.supervision.models import (
        Agreement,
        Attendance,
        CheckIn,
        Reflection,
        ReflectiveGroup,
        Session,
        SessionKind,
        SupportAction,
        SupportContact,
    )

    supervisor = world.people["supervisor"]
    practitioner = world.people["practitioner"]
    carer = world.people["family_carer"]
    today = timezone.localdate()
    session = Session.objects.create(
        partnership=world.partnership,
        kind=SessionKind.ONE_TO_ONE,
        status=Session.Status.DRAFT,
        held_on=today - timedelta(days=3),
        facilitator=supervisor,
        summary="We talked about how Jamie settles at bedtime.",
        prompt_notes={"feeling_loved": "Jamie asked Eilidh to read again."},
        themes=["feeling_loved"],
    )
    Attendance.objects.create(session=session, person=practitioner)
    action = SupportAction.objects.create(
        session=session,
        description="Book the trauma skilled refresher",
        owner=practitioner,
        due_on=today + timedelta(days=20),
    )
    agreement = Agreement.objects.create(
        partnership=world.partnership,
        supervisee=practitioner,
        supervisor=supervisor,
        frequency="Every four weeks",
        location="The quiet room",
        supervisee_brings="What is on my mind",
        supervisor_brings="Time and attention",
        disagreements="We talk it through and ask the service manager if we need to",
        personal_matters="Kept apart from decisions about practice",
        starts_on=date(2026, 1, 5),
    )
    private = Reflection.objects.create(
        partnership=world.partnership,
        author=practitioner,
        text="A private thought about a hard visit",
    )
    shared = Reflection.objects.create(
        partnership=world.partnership,
        author=practitioner,
        text="Something I want Shona to know",
        shared_with_supervisor=True,
    )
    group = ReflectiveGroup.objects.create(
        partnership=world.partnership,
        name="Family support reflective forum",
        facilitator=supervisor,
        rhythm_days=28,
    )
    group.members.set([practitioner, carer])
    check_in = CheckIn.objects.create(
        partnership=world.partnership,
        person=practitioner,
        feeling=CheckIn.Scale.VERY_LOW,
        workload=CheckIn.Workload.A_LOT,
        supported=CheckIn.Supported.PARTLY,
    )
    support_contact = SupportContact.objects.create(
        partnership=world.partnership,
        name="Lochside Employee Assistance",
        helps_with="Free, confidential counselling for you and your family.",
        phone="0800 000 1234",
    )
    made = {
        "check_in": check_in,
        "support_contact": support_contact,
        "session": session,
        "action": action,
        "agreement": agreement,
        "private_reflection": private,
        "shared_reflection": shared,
        "group": group,
    }
    world.extra["supervision"] = made
    return made


def obj(name):
    """Route kwargs: {"pk": <pk of the named supervision record>}."""
    return lambda world: {"pk": supervision_world(world)[name].pk}
