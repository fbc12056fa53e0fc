"""Shared fixtures: two partnerships, one signed-in user per role, and a way to sign in."""

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from hypothesis import settings as hypothesis_settings

# Property tests check behaviour, not speed: a busy machine must not fail them on time.
hypothesis_settings.register_profile("scaffolding", deadline=None)
hypothesis_settings.load_profile("scaffolding")

ROLES = [
    "practitioner",
    "family_carer",
    "supervisor",
    "learning_lead",
    "promise_lead",
    "partnership_admin",
    "young_person",
]
ANONYMOUS = "anonymous"
OUTSIDER = "outsider"  # the admin of another partnership


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Argon2 is what production uses (tested separately); tests need speed.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_sign_in_tries_counted():
    # The sign-in rate limit counts every try from an address for a minute, in the
    # cache. Tests all come from 127.0.0.1, so on a fast machine one test's sign-ins
    # would count against the next: each test starts from none.
    from django.core.cache import cache

    cache.clear()


@dataclass
class World:
    partnership: object
    other_partnership: object
    organisation: object
    team: object
    other_team: object
    role_profile: object
    users: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)
    outsider: object = None
    outsider_person: object = None
    extra: dict = field(default_factory=dict)

    def user(self, role):
        if role == OUTSIDER:
            return self.outsider
        return self.users[role]


def build_world():
    from scaffolding.accounts.models import Organisation, Partnership, Role, Team, User
    from scaffolding.workforce.models import Closeness, NESLevel, Person, Relationship, RoleProfile

    home = Partnership.objects.create(name="Lochside Partnership", slug="lochside", area="Lochside")
    other = Partnership.objects.create(name="Farhill Partnership", slug="farhill", area="Farhill")
    council = Organisation.objects.create(
        partnership=home, name="Lochside Council", kind=Organisation.Kind.LOCAL_AUTHORITY
    )
    team = Team.objects.create(organisation=council, name="Family Support")
    second_team = Team.objects.create(organisation=council, name="Throughcare")
    carers = Organisation.objects.create(
        partnership=home, name="Lochside Family Carers", kind=Organisation.Kind.FAMILY_CARERS
    )
    carer_team = Team.objects.create(organisation=carers, name="Kinship Carers")
    other_org = Organisation.objects.create(
        partnership=other, name="Farhill Council", kind=Organisation.Kind.LOCAL_AUTHORITY
    )
    other_team = Team.objects.create(organisation=other_org, name="Farhill Family Support")
    profile = RoleProfile.objects.create(
        partnership=home,
        name="Family support worker",
        required_nes_level=NESLevel.SKILLED,
        supervision_cadence_days=28,
        new_starter_cadence_days=14,
    )
    world = World(
        partnership=home,
        other_partnership=other,
        organisation=council,
        team=team,
        other_team=other_team,
        role_profile=profile,
    )
    start = date.today() - timedelta(days=800)

    def person(name, org=council, in_team=team, supervisor=None, user=None, **extra):
        return Person.objects.create(
            partnership=org.partnership,
            full_name=name,
            email=f"{name.split()[0].lower()}@{org.partnership.slug}.example",
            organisation=org,
            team=in_team,
            role_profile=profile if org.partnership == home else None,
            relationship=extra.pop("relationship", Relationship.PAID),
            closeness=extra.pop("closeness", Closeness.REGULAR_DIRECT),
            start_date=extra.pop("start_date", start),
            supervisor=supervisor,
            user=user,
            **extra,
        )

    names = {
        "practitioner": "Eilidh Practitioner",
        "family_carer": "Fergus Carer",
        "supervisor": "Shona Supervisor",
        "learning_lead": "Lorna Learning",
        "promise_lead": "Priya Promise",
        "partnership_admin": "Iona Admin",
        "young_person": "Skye Young",
    }
    for role in ROLES:
        world.users[role] = User.objects.create_user(
            email=f"{role}@lochside.example",
            password="a-long-test-password",
            full_name=names[role],
            partnership=home,
            role=role,
            carer_kind="kinship" if role == Role.FAMILY_CARER else "",
        )
    sup = person(names["supervisor"], user=world.users["supervisor"])
    world.people["supervisor"] = sup
    world.people["practitioner"] = person(
        names["practitioner"], supervisor=sup, user=world.users["practitioner"]
    )
    world.people["family_carer"] = person(
        names["family_carer"],
        org=carers,
        in_team=carer_team,
        supervisor=sup,
        user=world.users["family_carer"],
        relationship=Relationship.KINSHIP_CARER,
        closeness=Closeness.DAILY_CARE,
    )
    world.people["learning_lead"] = person(
        names["learning_lead"], user=world.users["learning_lead"]
    )
    # Someone in the same partnership whom the supervisor does not supervise.
    world.people["colleague"] = person("Callum Colleague", in_team=second_team)
    world.outsider = User.objects.create_user(
        email="admin@farhill.example",
        password="a-long-test-password",
        full_name="Farhill Admin",
        partnership=other,
        role=Role.PARTNERSHIP_ADMIN,
    )
    world.outsider_person = person("Fiona Farhill", org=other_org, in_team=other_team)
    _young_person(world)
    return world


def _young_person(world):
    """The young person's account, their record, and who works with them.

    The practitioner is their named worker and the family carer cares for them;
    the colleague (same partnership) is not linked to them.
    """
    from scaffolding.voice.models import LinkKind, WorkerLink, YoungPerson

    young = YoungPerson.objects.create(
        partnership=world.partnership,
        account=world.users["young_person"],
        full_name="Skye Young",
        called="Skye",
        pronouns="she/her",
        date_of_birth=date.today() - timedelta(days=365 * 14),
    )
    world.extra["young_person"] = young
    for role, kind in (
        ("practitioner", LinkKind.NAMED_WORKER),
        ("family_carer", LinkKind.FAMILY_CARER),
    ):
        WorkerLink.objects.create(young_person=young, person=world.people[role], kind=kind)


@pytest.fixture
def world(db):
    return build_world()


def sign_in(client, user):
    """Sign a test client in; partnership admins also pass their second step."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    if user.role == "partnership_admin":
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, defaults={"name": "Test authenticator", "confirmed": True}
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def client_for(client, world):
    """client_for(role) gives a test client signed in as that role (or anonymous)."""
    from django.test import Client

    def make(role):
        fresh = Client()
        if role == ANONYMOUS:
            return fresh
        return sign_in(fresh, world.user(role))

    return make


def work_out_figures(partnership_id, *kinds):
    """What the background worker does once pages have asked for kept figures
    (core.figures): every registered kind unless some are named."""
    from scaffolding.core import figures

    for kind in kinds or list(figures.KINDS):
        asked, _ = figures.request(partnership_id, kind)
        figures.work_out(asked.pk)
