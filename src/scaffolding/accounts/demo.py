"""The demo foundation: the Glenmorven partnership, its organisations and teams, and
one sign-in for each role.

Built first (accounts is the lowest app with a demo), so every app above finds the
partnership, organisations, teams and accounts on the context. The register of people
is workforce's, and workforce joins the practitioner, carer, supervisor and learning
lead accounts to their register entries.
"""

from .models import CarerKind, Organisation, Partnership, Role, Team, User

DEMO_SLUG = "glenmorven"
DEMO_PASSWORD = "demo-scaffolding-2026"  # noqa: S105 - printed for the fictional demo only

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

# One sign-in per role; workforce links some of them to a person in the register.
DEMO_ACCOUNTS = [
    ("Morag Sinclair", "practitioner@glenmorven.example", Role.PRACTITIONER, ""),
    ("Hamish Reid", "carer@glenmorven.example", Role.FAMILY_CARER, CarerKind.KINSHIP),
    ("Shona Duncan", "supervisor@glenmorven.example", Role.SUPERVISOR, ""),
    ("Priya Kaur", "learning@glenmorven.example", Role.LEARNING_LEAD, ""),
    ("Calum Ferguson", "promise@glenmorven.example", Role.PROMISE_LEAD, ""),
    ("Iona MacLeod", "admin@glenmorven.example", Role.PARTNERSHIP_ADMIN, ""),
]


def find_demo() -> Partnership | None:
    """The demo partnership, if it is loaded."""
    return Partnership.objects.filter(slug=DEMO_SLUG).first()


def build_demo(ctx) -> None:
    ctx.partnership = Partnership.objects.create(
        name="Glenmorven Children's Services Partnership", slug=DEMO_SLUG, area="Glenmorven"
    )
    for org_name, kind, team_names in ORGANISATIONS:
        org = Organisation.objects.create(partnership=ctx.partnership, name=org_name, kind=kind)
        ctx.organisations[org_name] = org
        for team_name in team_names:
            ctx.teams[team_name] = Team.objects.create(organisation=org, name=team_name)
    for full_name, email, role, carer_kind in DEMO_ACCOUNTS:
        ctx.accounts[role] = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            full_name=full_name,
            partnership=ctx.partnership,
            role=role,
            carer_kind=carer_kind,
        )


def demo_sign_ins():
    """(label, email, name) for each role's sign-in, printed by `scaffolding demo-data`."""
    labels = dict(Role.choices)
    return [(labels[role], email, full_name) for full_name, email, role, _kind in DEMO_ACCOUNTS]


def demo_sign_in_notes():
    """Lines printed after every app's sign-ins."""
    return [
        f"Password for all of them: {DEMO_PASSWORD}",
        "The partnership admin is asked to set up two-step sign-in with an authenticator app.",
    ]


def remove_demo_foundation(partnership) -> None:
    """Called last, once every row on the tenancy base has gone: the accounts (some
    of which the records above pointed at through protected keys), then the
    partnership itself."""
    User.objects.in_partnership(partnership.pk).delete()
    partnership.delete()
