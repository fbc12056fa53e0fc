"""Demo learning for Glenmorven: a catalogue, what each role needs, and everyone's records.

Bulk-inserted so that `scaffolding demo-data --size 20000` stays quick. About seven
in ten people meet their role's level; some learning has lapsed and some is due soon,
so the gap report and each person's pathway have something to say.
"""

from datetime import timedelta

from .models import (
    ActivityKind,
    LearningActivity,
    LearningRecord,
    LivedExperience,
    Recognition,
    RecognitionKind,
    RecordStatus,
    RoleRequirement,
    TeamMembership,
    Topic,
)

NES = "NHS Education for Scotland"
COUNCIL = "Glenmorven Council Learning and Development"

# (title, kind, NES level, topics, provider, hours, refresh months)
CATALOGUE = [
    (
        "Trauma informed practice (NES Informed)",
        ActivityKind.ELEARNING,
        1,
        ["trauma"],
        NES,
        1.5,
        36,
    ),
    (
        "Transforming psychological trauma: skilled practice",
        ActivityKind.COURSE,
        2,
        ["trauma"],
        NES,
        7,
        36,
    ),
    (
        "Trauma enhanced practice: relationships that heal",
        ActivityKind.MULTIDISCIPLINARY,
        3,
        ["trauma", "attachment"],
        NES,
        21,
        60,
    ),
    (
        "Specialist trauma practice and consultation",
        ActivityKind.QUALIFICATION,
        4,
        ["trauma"],
        NES,
        60,
        None,
    ),
    (
        "Attachment in everyday care",
        ActivityKind.COURSE,
        None,
        ["attachment", "child-development"],
        COUNCIL,
        6,
        36,
    ),
    (
        "Children's rights and the UNCRC in Scotland",
        ActivityKind.ELEARNING,
        None,
        ["rights"],
        "Together (Scottish Alliance for Children's Rights)",
        2,
        24,
    ),
    (
        "Child development: growing up from birth to adulthood",
        ActivityKind.COURSE,
        None,
        ["child-development"],
        COUNCIL,
        6,
        None,
    ),
    (
        "The Promise: what it asks of each of us",
        ActivityKind.MULTIDISCIPLINARY,
        None,
        ["promise", "rights"],
        "The Promise Scotland",
        3,
        24,
    ),
    (
        "Supervising and supporting others",
        ActivityKind.COURSE,
        None,
        ["supervision"],
        COUNCIL,
        12,
        36,
    ),
    (
        "Learning together with kinship, foster and adoptive families",
        ActivityKind.WITH_CARERS,
        1,
        ["trauma", "attachment"],
        "Glenmorven Family Carers",
        4,
        36,
    ),
    (
        "Coaching for reflective practice",
        ActivityKind.COACHING,
        None,
        ["supervision"],
        COUNCIL,
        6,
        None,
    ),
]
EVERYONE = ["promise", "rights"]
CLOSE_TO_CHILDREN = ["attachment", "trauma", "child-development"]
LEADING = ["supervision"]
TOPIC_ACTIVITY = {
    "promise": "The Promise: what it asks of each of us",
    "rights": "Children's rights and the UNCRC in Scotland",
    "attachment": "Attachment in everyday care",
    "child-development": "Child development: growing up from birth to adulthood",
    "supervision": "Supervising and supporting others",
    "trauma": "Trauma informed practice (NES Informed)",
}
LEVEL_ACTIVITY = {
    1: "Trauma informed practice (NES Informed)",
    2: "Transforming psychological trauma: skilled practice",
    3: "Trauma enhanced practice: relationships that heal",
    4: "Specialist trauma practice and consultation",
}


def build_demo(ctx) -> None:
    topics = {t.key: t for t in Topic.objects.all()}
    activities = _catalogue(ctx, topics)
    _requirements(ctx, topics)
    _memberships(ctx)
    records = []
    for person in ctx.people:
        records.extend(_records_for(ctx, person, activities))
    LearningRecord.objects.bulk_create(records, batch_size=5000)
    _demo_accounts(ctx, activities, topics)


def _catalogue(ctx, topics):
    made = {}
    for title, kind, level, keys, provider, hours, refresh in CATALOGUE:
        activity = LearningActivity.objects.create(
            partnership=ctx.partnership,
            title=title,
            kind=kind,
            nes_level=level,
            provider=provider,
            hours=hours,
            refresh_months=refresh,
        )
        activity.topics.set([topics[k] for k in keys])
        made[title] = activity
    return made


def _needs(profile) -> list[str]:
    keys = list(EVERYONE)
    if profile.name not in ("Business support officer", "Police officer"):
        keys += CLOSE_TO_CHILDREN
    if profile.name in ("Team leader", "Clinical psychologist"):
        keys += LEADING
    return keys


def _requirements(ctx, topics):
    RoleRequirement.objects.bulk_create(
        RoleRequirement(role_profile=profile, topic=topics[key])
        for profile in ctx.role_profiles.values()
        for key in _needs(profile)
    )


def _memberships(ctx):
    TeamMembership.objects.bulk_create(
        (
            TeamMembership(
                person=p, team_id=p.team_id, started_on=p.start_date, ended_on=p.end_date
            )
            for p in ctx.people
            if p.team_id
        ),
        batch_size=5000,
    )


def _completed(ctx, person, activity, days_ago):
    done = max(ctx.today - timedelta(days=days_ago), person.start_date)
    return LearningRecord(
        person=person,
        activity=activity,
        status=RecordStatus.COMPLETED,
        completed_on=done,
        expires_on=activity.expiry_for(done),
    )


def _records_for(ctx, person, activities):
    rng = ctx.rng
    profile = person.role_profile
    if profile is None:
        return []
    records = []
    needed = profile.required_nes_level
    roll = rng.random()
    held = needed if roll < 0.7 else needed - 1 if roll < 0.92 else 0
    if held >= 1:
        records.append(
            _completed(ctx, person, activities[LEVEL_ACTIVITY[held]], rng.randint(20, 1500))
        )
    if held < needed and rng.random() < 0.4:
        records.append(
            LearningRecord(
                person=person,
                activity=activities[LEVEL_ACTIVITY[held + 1]],
                status=rng.choice([RecordStatus.PLANNED, RecordStatus.IN_PROGRESS]),
            )
        )
    for key in _needs(profile):
        if key == "trauma" and held:
            continue  # NES level learning is trauma learning
        if rng.random() < 0.75:
            # Up to four years ago: some lapsed, some due for refreshing soon.
            days_ago = rng.randint(10, 1460)
            records.append(_completed(ctx, person, activities[TOPIC_ACTIVITY[key]], days_ago))
    return records


def _demo_accounts(ctx, activities, topics):
    """Make the demo practitioner's, carer's and supervisor's own pages worth opening."""
    people = {p.user_id: p for p in ctx.people if p.user_id}
    practitioner = people.get(ctx.accounts["practitioner"].pk)
    carer = people.get(ctx.accounts["family_carer"].pk)
    supervisor = people.get(ctx.accounts["supervisor"].pk)
    learning_lead = ctx.accounts["learning_lead"]
    for person in filter(None, (practitioner, carer, supervisor)):
        LearningRecord.objects.filter(person=person).delete()
    today = ctx.today
    if practitioner is not None:
        rows = [
            _completed(ctx, practitioner, activities[LEVEL_ACTIVITY[1]], 900),
            _completed(ctx, practitioner, activities[LEVEL_ACTIVITY[2]], 400),
            # Attachment learning three years ago: due again within 60 days.
            _completed(ctx, practitioner, activities[TOPIC_ACTIVITY["attachment"]], 36 * 30 - 40),
            # Rights learning lapsed last year.
            _completed(ctx, practitioner, activities[TOPIC_ACTIVITY["rights"]], 900),
            _completed(ctx, practitioner, activities[TOPIC_ACTIVITY["promise"]], 200),
            LearningRecord(
                person=practitioner,
                activity=activities[LEVEL_ACTIVITY[3]],
                status=RecordStatus.PLANNED,
                notes="Booked for the spring cohort with health visiting colleagues.",
            ),
        ]
        LearningRecord.objects.bulk_create(rows)
        LearningRecord.objects.filter(pk=rows[1].pk).update(
            endorsed_by=supervisor, endorsed_on=today - timedelta(days=380)
        )
        lived = LivedExperience.objects.create(
            person=practitioner,
            statement="I grew up with my aunt, in kinship care, from the age of nine. "
            "It shapes how I listen to young people, and I am glad to talk about it "
            "with colleagues I trust.",
        )
        lived.shared_with.add(ctx.accounts["supervisor"])
    if carer is not None:
        LearningRecord.objects.bulk_create(
            [
                _completed(
                    ctx,
                    carer,
                    activities["Learning together with kinship, foster and adoptive families"],
                    150,
                ),
                _completed(ctx, carer, activities[TOPIC_ACTIVITY["promise"]], 90),
                LearningRecord(
                    person=carer,
                    activity=activities[LEVEL_ACTIVITY[2]],
                    status=RecordStatus.IN_PROGRESS,
                ),
            ]
        )
        decision = Recognition.objects.create(
            person=carer,
            kind=RecognitionKind.LIVED_EXPERIENCE,
            reasons="Raising three grandchildren over twelve years; long-standing member of the "
            "kinship carers' peer group, where he shares what helps.",
            decided_by=learning_lead,
            decided_on=today - timedelta(days=60),
        )
        decision.topics.set([topics["child-development"]])
    if supervisor is not None:
        LearningRecord.objects.bulk_create(
            [
                _completed(ctx, supervisor, activities[LEVEL_ACTIVITY[3]], 700),
                _completed(ctx, supervisor, activities[TOPIC_ACTIVITY["supervision"]], 500),
                _completed(ctx, supervisor, activities[TOPIC_ACTIVITY["attachment"]], 300),
                _completed(ctx, supervisor, activities[TOPIC_ACTIVITY["rights"]], 100),
                _completed(ctx, supervisor, activities[TOPIC_ACTIVITY["promise"]], 100),
            ]
        )
