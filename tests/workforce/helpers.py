"""A small learning fixture whose gap figures are worked out by hand in test_gaps.py."""

from datetime import date

from scaffolding.workforce.models import (
    ActivityKind,
    Closeness,
    LearningActivity,
    LearningRecord,
    NESLevel,
    Person,
    Recognition,
    RecognitionKind,
    RecordStatus,
    Relationship,
    RoleRequirement,
    Topic,
)
from scaffolding.workforce.topics import ensure_core_topics

ON = date(2026, 6, 1)


def topic(key):
    ensure_core_topics()  # a transactional test elsewhere may have emptied the database
    return Topic.objects.get(key=key)


def activity(world, title, level=None, topics=(), refresh=None, partnership=None):
    made = LearningActivity.objects.create(
        partnership=partnership or world.partnership,
        title=title,
        kind=ActivityKind.COURSE,
        nes_level=level,
        refresh_months=refresh,
        provider="NHS Education for Scotland",
        hours=3,
    )
    made.topics.set([topic(key) for key in topics])
    return made


def completed(person, act, on):
    return LearningRecord.objects.create(
        person=person, activity=act, status=RecordStatus.COMPLETED, completed_on=on
    )


def build_learning(world):
    """See test_gaps.py for the figures each of these people should give on ON."""
    profile = world.role_profile  # needs Skilled
    for key in ("attachment", "rights"):
        RoleRequirement.objects.create(role_profile=profile, topic=topic(key))
    acts = {
        "informed": activity(world, "Trauma informed practice", NESLevel.INFORMED, ["trauma"], 36),
        "skilled": activity(world, "Trauma skilled practice", NESLevel.SKILLED, ["trauma"], 24),
        "enhanced": activity(world, "Trauma enhanced practice", NESLevel.ENHANCED),
        "attachment": activity(world, "Attachment in practice", topics=["attachment"], refresh=12),
        "uncrc": activity(world, "Children's rights and the UNCRC", topics=["rights"]),
    }
    people = world.people
    completed(people["practitioner"], acts["skilled"], date(2025, 1, 1))
    completed(people["practitioner"], acts["attachment"], date(2025, 6, 15))
    completed(people["family_carer"], acts["informed"], date(2025, 1, 1))
    completed(people["family_carer"], acts["uncrc"], date(2025, 3, 1))
    completed(people["family_carer"], acts["attachment"], date(2024, 1, 1))
    completed(people["supervisor"], acts["enhanced"], date(2020, 1, 1))
    completed(people["learning_lead"], acts["skilled"], date(2023, 1, 1))
    recognition = Recognition.objects.create(
        person=people["learning_lead"],
        kind=RecognitionKind.PRIOR_LEARNING,
        nes_level=NESLevel.SKILLED,
        reasons="Postgraduate certificate in trauma-informed practice, 2022.",
        decided_by=world.users["learning_lead"],
        decided_on=date(2026, 1, 1),
    )
    recognition.topics.set([topic("attachment")])
    LearningRecord.objects.create(
        person=people["colleague"], activity=acts["skilled"], status=RecordStatus.PLANNED
    )
    completed(people["colleague"], acts["attachment"], date(2024, 5, 1))
    completed(people["colleague"], acts["attachment"], date(2025, 8, 1))
    moved_on = Person.objects.create(
        partnership=world.partnership,
        full_name="Morven Movedon",
        organisation=world.organisation,
        team=world.team,
        role_profile=profile,
        relationship=Relationship.PAID,
        closeness=Closeness.REGULAR_DIRECT,
        start_date=date(2020, 1, 1),
        end_date=date(2026, 1, 1),
    )
    completed(moved_on, acts["skilled"], date(2025, 1, 1))
    no_role = Person.objects.create(
        partnership=world.partnership,
        full_name="Niall Norole",
        organisation=world.organisation,
        relationship=Relationship.VOLUNTEER,
        closeness=Closeness.OCCASIONAL,
        start_date=date(2024, 1, 1),
    )
    # The other partnership's learning must never count here.
    other = activity(
        world, "Farhill skilled", NESLevel.SKILLED, partnership=world.other_partnership
    )
    completed(world.outsider_person, other, date(2025, 1, 1))
    return {"activities": acts, "moved_on": moved_on, "no_role": no_role}
