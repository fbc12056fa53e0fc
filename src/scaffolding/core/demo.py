"""The demo partnership: fictional, realistic, and the same every time for a seed.

Each app adds its own part by defining `build_demo(context)` in `<app>/demo.py`;
`build` calls them in INSTALLED_APPS order, after the partnership and its people
exist. Everything is bulk-inserted so that 20,000 people load in seconds.
"""

import importlib
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.apps import apps
from django.db import transaction

from scaffolding.accounts.models import CarerKind, Organisation, Partnership, Role, Team, User
from scaffolding.core.tenancy import tenant_models
from scaffolding.workforce.models import Closeness, NESLevel, Person, Relationship, RoleProfile

DEMO_SLUG = "glenmorven"
DEMO_PASSWORD = "demo-scaffolding-2026"  # noqa: S105 - printed for the fictional demo only
DEMO_TODAY = date(2026, 11, 2)

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

# (name, kind, teams)
ORGANISATIONS = [
    (
        "Glenmorven Council",
        Organisation.Kind.LOCAL_AUTHORITY,
        [
            "Children and Families North",
            "Children and Families South",
            "Family Support",
            "Throughcare and Aftercare",
            "Fostering and Adoption",
        ],
    ),
    ("NHS Glenmorven", Organisation.Kind.NHS_BOARD, ["Health Visiting", "CAMHS", "School Nursing"]),
    ("Police Scotland, Glenmorven", Organisation.Kind.POLICE, ["Public Protection Team"]),
    (
        "Glenmorven Schools",
        Organisation.Kind.SCHOOL,
        ["Kilbride Academy", "Riverside Primary", "Education Psychology"],
    ),
    (
        "Harbour Family Support",
        Organisation.Kind.THIRD_SECTOR,
        ["Family Mentoring", "Youth Work"],
    ),
    (
        "Bridgeview Children's Homes",
        Organisation.Kind.CARE_PROVIDER,
        ["Bridgeview House", "Larchfield House"],
    ),
    (
        "Glenmorven Family Carers",
        Organisation.Kind.FAMILY_CARERS,
        ["Foster Carers", "Kinship Carers", "Adoptive Families"],
    ),
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

# One sign-in per role, each linked to a person in the register where that makes sense.
DEMO_ACCOUNTS = [
    ("Morag Sinclair", "practitioner@glenmorven.example", Role.PRACTITIONER, ""),
    ("Hamish Reid", "carer@glenmorven.example", Role.FAMILY_CARER, CarerKind.KINSHIP),
    ("Shona Duncan", "supervisor@glenmorven.example", Role.SUPERVISOR, ""),
    ("Priya Kaur", "learning@glenmorven.example", Role.LEARNING_LEAD, ""),
    ("Calum Ferguson", "promise@glenmorven.example", Role.PROMISE_LEAD, ""),
    ("Iona MacLeod", "admin@glenmorven.example", Role.PARTNERSHIP_ADMIN, ""),
]


@dataclass
class DemoContext:
    """What app builders get: the partnership and what already exists, plus a seeded RNG."""

    partnership: Partnership
    rng: random.Random
    size: int
    today: date
    organisations: dict[str, Organisation] = field(default_factory=dict)
    teams: dict[str, Team] = field(default_factory=dict)
    role_profiles: dict[str, RoleProfile] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    accounts: dict[str, User] = field(default_factory=dict)


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(FAMILY_NAMES)}"


def _start_date(rng: random.Random, today: date) -> date:
    # Mostly settled staff, with about one in eight in their first months.
    if rng.random() < 0.12:
        return today - timedelta(days=rng.randint(7, 170))
    return today - timedelta(days=rng.randint(200, 365 * 20))


def demo_exists() -> bool:
    return Partnership.objects.filter(slug=DEMO_SLUG).exists()


def remove_demo() -> None:
    partnership = Partnership.objects.filter(slug=DEMO_SLUG).first()
    if partnership is None:
        return
    # People first: their records (learning, recognitions, sessions) point at users,
    # some through protected keys, so they must go before the accounts do.
    with transaction.atomic():
        # Apps above core may hold rows that protect people and accounts (the
        # young people's access log among them); they remove their own first.
        for module in _app_demo_modules(reverse=True):
            if hasattr(module, "remove_demo"):
                module.remove_demo(partnership)
        # Records on the tenancy base go first, the highest layer first: records about
        # young people point at people in the register through protected keys.
        for model in reversed(tenant_models()):
            model._base_manager.filter(partnership=partnership).delete()
        Person.objects.filter(partnership=partnership).delete()
        User.objects.filter(partnership=partnership).delete()
        partnership.delete()


@transaction.atomic
def build(size: int = 200, seed: int = 2020) -> DemoContext:
    rng = random.Random(seed)
    partnership = Partnership.objects.create(
        name="Glenmorven Children's Services Partnership", slug=DEMO_SLUG, area="Glenmorven"
    )
    ctx = DemoContext(partnership=partnership, rng=rng, size=size, today=DEMO_TODAY)

    for org_name, kind, team_names in ORGANISATIONS:
        org = Organisation.objects.create(partnership=partnership, name=org_name, kind=kind)
        ctx.organisations[org_name] = org
        for team_name in team_names:
            ctx.teams[team_name] = Team.objects.create(organisation=org, name=team_name)

    profile_facts = {}
    for name, level, cadence, new_cadence, closeness, relationship in ROLE_PROFILES:
        ctx.role_profiles[name] = RoleProfile.objects.create(
            partnership=partnership,
            name=name,
            required_nes_level=level,
            supervision_cadence_days=cadence,
            new_starter_cadence_days=new_cadence,
        )
        profile_facts[name] = (closeness, relationship)

    _build_people(ctx, profile_facts)
    _build_accounts(ctx)
    for module in _app_demo_modules():
        module.build_demo(ctx)
    return ctx


def _app_demo_modules(reverse: bool = False):
    """Each app's ``demo`` module, in INSTALLED_APPS order (or reversed)."""
    configs = list(apps.get_app_configs())
    modules = []
    for config in reversed(configs) if reverse else configs:
        if not config.name.startswith("scaffolding.") or config.name == "scaffolding.core":
            continue
        try:
            modules.append(importlib.import_module(f"{config.name}.demo"))
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
    return modules


def app_sign_ins():
    """Extra demo sign-ins apps offer (for example a young person's), to print."""
    return [
        row for m in _app_demo_modules() if hasattr(m, "demo_sign_ins") for row in m.demo_sign_ins()
    ]


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
    Person.objects.bulk_create(leaders, batch_size=2000)
    for person in everyone:
        person.supervisor = person._leader
        # A few people have moved on; their history stays.
        if rng.random() < 0.04:
            person.end_date = today - timedelta(days=rng.randint(1, 300))
    Person.objects.bulk_create(everyone, batch_size=2000)
    ctx.people = leaders + everyone
    for person in ctx.people:
        person.email = _email_for(person)
    Person.objects.bulk_update(ctx.people, ["email"], batch_size=2000)


def _email_for(person: Person) -> str:
    local = person.full_name.lower().replace(" ", ".").replace("'", "")
    return f"{local}.{person.pk}@glenmorven.example"


def _build_accounts(ctx: DemoContext) -> None:
    """One account per role; the practitioner, carer and supervisor are in the register."""
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
    for full_name, email, role, carer_kind in DEMO_ACCOUNTS:
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            full_name=full_name,
            partnership=ctx.partnership,
            role=role,
            carer_kind=carer_kind,
        )
        ctx.accounts[role] = user
        person = linked.get(role)
        if person is not None:
            person.user = user
            person.full_name = full_name
            person.email = email
            person.save(update_fields=["user", "full_name", "email"])
