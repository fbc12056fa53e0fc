"""The demo register for Glenmorven, and its learning.

The register: role profiles and `ctx.size` people across the teams accounts built,
with a team leader for every eight people; the practitioner, carer, supervisor and
learning lead sign-ins are joined to people in it. The learning: a catalogue, what
each role needs, and everyone's records.

Bulk-inserted so that `scaffolding demo-data --size 20000` stays quick. About seven
in ten people meet their role's level; some learning has lapsed and some is due soon,
so the gap report and each person's pathway have something to say.
"""

import random
from datetime import date, timedelta

from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat, Lower, Replace
from django.utils import timezone

from scaffolding.accounts.models import Organisation, Role
from scaffolding.core.demo import DemoContext, insert_rows

from .models import (
    ActivityKind,
    Closeness,
    LearningActivity,
    LearningRecord,
    LivedExperience,
    NESLevel,
    Person,
    Recognition,
    RecognitionKind,
    RecordStatus,
    Relationship,
    RoleProfile,
    RoleRequirement,
    TeamMembership,
    Topic,
)

FIRST_NAMES = [
    "Aileen",
    "Alasdair",
    "Amira",
    "Andrew",
    "Anna",
    "Aoife",
    "Archie",
    "Beth",
    "Calum",
    "Callum",
    "Catriona",
    "Chloe",
    "Craig",
    "Declan",
    "Eilidh",
    "Ellie",
    "Ewan",
    "Fergus",
    "Fiona",
    "Finlay",
    "Fraser",
    "Gillian",
    "Graeme",
    "Hamish",
    "Hannah",
    "Iona",
    "Isla",
    "Jamie",
    "Jenna",
    "Kirsty",
    "Kyle",
    "Lachlan",
    "Laura",
    "Lewis",
    "Lorna",
    "Mairi",
    "Malcolm",
    "Morag",
    "Murray",
    "Niamh",
    "Niall",
    "Noor",
    "Olivia",
    "Omar",
    "Orla",
    "Priya",
    "Rhona",
    "Rory",
    "Ross",
    "Ruaridh",
    "Sana",
    "Shona",
    "Skye",
    "Stuart",
    "Tariq",
    "Una",
    "Yusuf",
    "Zara",
]
FAMILY_NAMES = [
    "Anderson",
    "Bell",
    "Brown",
    "Buchanan",
    "Cameron",
    "Campbell",
    "Clark",
    "Craig",
    "Douglas",
    "Duncan",
    "Ferguson",
    "Fraser",
    "Gallagher",
    "Gordon",
    "Graham",
    "Grant",
    "Hamilton",
    "Henderson",
    "Hughes",
    "Hunter",
    "Johnston",
    "Kaur",
    "Kennedy",
    "Khan",
    "MacDonald",
    "MacKenzie",
    "MacLeod",
    "McIntyre",
    "McKay",
    "Miller",
    "Mitchell",
    "Morrison",
    "Muir",
    "Murray",
    "Paterson",
    "Reid",
    "Robertson",
    "Ross",
    "Scott",
    "Shaw",
    "Sinclair",
    "Smith",
    "Stewart",
    "Sutherland",
    "Thomson",
    "Wallace",
    "Watson",
    "White",
    "Wilson",
    "Young",
]

# (name, NES level, cadence days, new starter cadence days, closeness, relationship)
ROLE_PROFILES = [
    ("Social worker", NESLevel.ENHANCED, 28, 14, Closeness.REGULAR_DIRECT, Relationship.PAID),
    ("Team leader", NESLevel.ENHANCED, 28, None, Closeness.REGULAR_DIRECT, Relationship.PAID),
    ("Residential care worker", NESLevel.SKILLED, 28, 14, Closeness.DAILY_CARE, Relationship.PAID),
    (
        "Family support worker",
        NESLevel.SKILLED,
        42,
        21,
        Closeness.REGULAR_DIRECT,
        Relationship.PAID,
    ),
    ("Health visitor", NESLevel.SKILLED, 42, None, Closeness.REGULAR_DIRECT, Relationship.PAID),
    (
        "Clinical psychologist",
        NESLevel.SPECIALIST,
        28,
        None,
        Closeness.REGULAR_DIRECT,
        Relationship.PAID,
    ),
    ("Teacher", NESLevel.INFORMED, 90, 42, Closeness.REGULAR_DIRECT, Relationship.PAID),
    ("Police officer", NESLevel.INFORMED, 90, None, Closeness.OCCASIONAL, Relationship.PAID),
    ("Youth worker", NESLevel.SKILLED, 42, None, Closeness.REGULAR_DIRECT, Relationship.PAID),
    (
        "Volunteer mentor",
        NESLevel.INFORMED,
        56,
        28,
        Closeness.REGULAR_DIRECT,
        Relationship.VOLUNTEER,
    ),
    ("Foster carer", NESLevel.SKILLED, 28, 14, Closeness.DAILY_CARE, Relationship.FOSTER_CARER),
    ("Kinship carer", NESLevel.SKILLED, 42, 28, Closeness.DAILY_CARE, Relationship.KINSHIP_CARER),
    (
        "Adoptive parent",
        NESLevel.INFORMED,
        90,
        42,
        Closeness.DAILY_CARE,
        Relationship.ADOPTIVE_PARENT,
    ),
    (
        "Student social worker",
        NESLevel.SKILLED,
        14,
        None,
        Closeness.REGULAR_DIRECT,
        Relationship.STUDENT,
    ),
    (
        "Business support officer",
        NESLevel.INFORMED,
        None,
        None,
        Closeness.NO_DIRECT,
        Relationship.PAID,
    ),
]

# Which role profiles each team's people hold.
TEAM_ROLES = {
    "Children and Families North": ["Social worker", "Student social worker"],
    "Children and Families South": ["Social worker", "Business support officer"],
    "Family Support": ["Family support worker"],
    "Throughcare and Aftercare": ["Social worker", "Family support worker"],
    "Fostering and Adoption": ["Social worker"],
    "Health Visiting": ["Health visitor"],
    "CAMHS": ["Clinical psychologist"],
    "School Nursing": ["Health visitor"],
    "Public Protection Team": ["Police officer"],
    "Kilbride Academy": ["Teacher"],
    "Riverside Primary": ["Teacher"],
    "Education Psychology": ["Clinical psychologist"],
    "Family Mentoring": ["Volunteer mentor", "Family support worker"],
    "Youth Work": ["Youth worker", "Volunteer mentor"],
    "Bridgeview House": ["Residential care worker"],
    "Larchfield House": ["Residential care worker"],
    "Foster Carers": ["Foster carer"],
    "Kinship Carers": ["Kinship carer"],
    "Adoptive Families": ["Adoptive parent"],
}

SUPERVISEES_PER_SUPERVISOR = 8

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
    profile_facts = _role_profiles(ctx)
    _build_people(ctx, profile_facts)
    _link_accounts(ctx)
    _learning(ctx)
    # The learning went in by bulk inserts: core.demo.build rebuilds every summary at the end.


def _role_profiles(ctx):
    profile_facts = {}
    for name, level, cadence, new_cadence, closeness, relationship in ROLE_PROFILES:
        ctx.role_profiles[name] = RoleProfile.objects.create(
            partnership=ctx.partnership,
            name=name,
            required_nes_level=level,
            supervision_cadence_days=cadence,
            new_starter_cadence_days=new_cadence,
        )
        profile_facts[name] = (closeness, relationship)
    return profile_facts


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(FAMILY_NAMES)}"


def _start_date(rng: random.Random, today: date) -> date:
    # Mostly settled staff, with about one in eight in their first months.
    if rng.random() < 0.12:
        return today - timedelta(days=rng.randint(7, 170))
    return today - timedelta(days=rng.randint(200, 365 * 20))


def _build_people(ctx: DemoContext, profile_facts) -> None:
    rng, today = ctx.rng, ctx.today
    team_names = list(TEAM_ROLES)
    # Team leaders first: one per team and then one more for every eight people in it.
    base, extra = divmod(ctx.size, len(team_names))
    leaders, everyone = [], []
    staff_number = 10000
    for team_index, team_name in enumerate(team_names):
        per_team = base + (1 if team_index < extra else 0)
        team = ctx.teams[team_name]
        is_carers = team.organisation.kind == Organisation.Kind.FAMILY_CARERS
        leader_count = max(1, per_team // (SUPERVISEES_PER_SUPERVISOR + 1))
        team_leaders = []
        for _ in range(leader_count):
            staff_number += 1
            profile_name = "Social worker" if is_carers else "Team leader"
            closeness, relationship = profile_facts[profile_name]
            leader = Person(
                partnership=ctx.partnership,
                full_name=_name(rng),
                staff_number=f"GM{staff_number}",
                organisation=team.organisation,
                team=team,
                role_profile=ctx.role_profiles[profile_name],
                job_title="Supervising social worker" if is_carers else "Team leader",
                relationship=relationship,
                closeness=closeness,
                start_date=today - timedelta(days=rng.randint(900, 365 * 20)),
            )
            team_leaders.append(leader)
        leaders.extend(team_leaders)
        for index in range(per_team - leader_count):
            profile_name = rng.choice(TEAM_ROLES[team_name])
            closeness, relationship = profile_facts[profile_name]
            staff_number += 1
            person = Person(
                partnership=ctx.partnership,
                full_name=_name(rng),
                # Family carers are not staff, so most have no staff number.
                staff_number="" if is_carers else f"GM{staff_number}",
                organisation=team.organisation,
                team=team,
                role_profile=ctx.role_profiles[profile_name],
                relationship=relationship,
                closeness=closeness,
                start_date=_start_date(rng, today),
                newly_qualified=(not is_carers and rng.random() < 0.05),
            )
            person._leader = team_leaders[index % len(team_leaders)]
            everyone.append(person)
    _insert_people(leaders)
    for person in everyone:
        person.supervisor_id = person._leader.pk
        # A few people have moved on; their history stays.
        if rng.random() < 0.04:
            person.end_date = today - timedelta(days=rng.randint(1, 300))
    _insert_people(everyone)
    ctx.people = leaders + everyone
    # The email holds the person's key: one UPDATE writes every one of them.
    local = Lower(Replace(Replace("full_name", Value(" "), Value(".")), Value("'"), Value("")))
    Person.objects.in_partnership(ctx.partnership.pk).update(
        email=Concat(
            local,
            Value("."),
            Cast("pk", CharField()),
            Value("@glenmorven.example"),
            output_field=CharField(),
        )
    )
    for person in ctx.people:
        person.email = _email_for(person)


PERSON_FIELDS = [
    "partnership_id",
    "full_name",
    "staff_number",
    "organisation_id",
    "team_id",
    "role_profile_id",
    "job_title",
    "relationship",
    "closeness",
    "start_date",
    "end_date",
    "newly_qualified",
    "supervisor_id",
]


def _insert_people(people: list[Person]) -> None:
    """Plain rows in one statement, then every new key in one query (no model saves)."""
    rows = [tuple(getattr(person, name) for name in PERSON_FIELDS) for person in people]
    for person, pk in zip(people, insert_rows(Person, PERSON_FIELDS, rows, pks=True), strict=True):
        person.pk = pk
        person._state.adding = False
        person._state.db = "default"


def _email_for(person: Person) -> str:
    local = person.full_name.lower().replace(" ", ".").replace("'", "")
    return f"{local}.{person.pk}@glenmorven.example"


def _link_accounts(ctx) -> None:
    """The practitioner, carer, supervisor and learning lead sign-ins are people in the
    register: each takes over a person's place, with the account's name and email."""
    teams = ctx.teams
    supervisor_person = next(
        p
        for p in ctx.people
        if p.team_id == teams["Children and Families North"].pk and p.supervisor_id is None
    )
    practitioner_person = next(
        p for p in ctx.people if p.supervisor_id == supervisor_person.pk and p.end_date is None
    )
    carer_person = next(
        p
        for p in ctx.people
        if p.team_id == teams["Kinship Carers"].pk
        and p.supervisor_id is not None
        and p.end_date is None
    )
    learning_person = next(
        p for p in ctx.people if p.team_id == teams["Family Support"].pk and p.end_date is None
    )
    linked = {
        Role.PRACTITIONER: practitioner_person,
        Role.FAMILY_CARER: carer_person,
        Role.SUPERVISOR: supervisor_person,
        Role.LEARNING_LEAD: learning_person,
    }
    for role, person in linked.items():
        user = ctx.accounts[role]
        person.user = user
        person.full_name = user.full_name
        person.email = user.email
        person.save(update_fields=["user", "full_name", "email"])


def _learning(ctx) -> None:
    topics = {t.key: t for t in Topic.objects.all()}
    activities = _catalogue(ctx, topics)
    _requirements(ctx, topics)
    _memberships(ctx)
    records = []
    for person in ctx.people:
        records.extend(_records_for(ctx, person, activities))
    # Plain rows: (person, activity, status, completed on, expires on), the expiry worked
    # out here as LearningRecord.save() would.
    created_at = timezone.now()
    partnership_id = ctx.partnership.pk
    insert_rows(
        LearningRecord,
        RECORD_FIELDS,
        ((partnership_id, *record, created_at) for record in records),
    )
    _demo_accounts(ctx, activities, topics)


RECORD_FIELDS = [
    "partnership_id",
    "person_id",
    "activity_id",
    "status",
    "completed_on",
    "expires_on",
    "created_at",
]


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
    partnership_id = ctx.partnership.pk
    insert_rows(
        TeamMembership,
        ["partnership_id", "person_id", "team_id", "started_on", "ended_on"],
        [
            (partnership_id, p.pk, p.team_id, p.start_date, p.end_date)
            for p in ctx.people
            if p.team_id
        ],
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


def _completed_row(ctx, person, activity, days_ago):
    """The row `_completed` makes, as plain values for `RECORD_FIELDS`."""
    done = max(ctx.today - timedelta(days=days_ago), person.start_date)
    return (person.pk, activity.pk, RecordStatus.COMPLETED, done, activity.expiry_for(done))


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
            _completed_row(ctx, person, activities[LEVEL_ACTIVITY[held]], rng.randint(20, 1500))
        )
    if held < needed and rng.random() < 0.4:
        status = rng.choice([RecordStatus.PLANNED, RecordStatus.IN_PROGRESS])
        records.append((person.pk, activities[LEVEL_ACTIVITY[held + 1]].pk, status, None, None))
    for key in _needs(profile):
        if key == "trauma" and held:
            continue  # NES level learning is trauma learning
        if rng.random() < 0.75:
            # Up to four years ago: some lapsed, some due for refreshing soon.
            days_ago = rng.randint(10, 1460)
            activity = activities[TOPIC_ACTIVITY[key]]
            records.append(_completed_row(ctx, person, activity, days_ago))
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
