"""factory-boy factories for test data.

Rows on the tenancy base take their partnership from their parent: a team from its
organisation, a person from their organisation, a learning record from its person,
and so on, so a factory never makes a row in a different partnership from its parent.
Children whose model copies the column itself (``partnership_from``) leave it to the
model; the others say where it comes from with ``SelfAttribute``.

For many rows at once, build and bulk-insert (the base copies the partnership then too):

    Person.objects.bulk_create(PersonFactory.build_batch(50, team=world.team))
"""

from datetime import date, timedelta

import factory
from django.utils import timezone

from scaffolding.accounts.models import Organisation, Partnership, Role, Team, User
from scaffolding.progress.models import (
    FOUNDATION_CHOICES,
    Assessment,
    Consent,
    Framework,
    FrameworkItem,
    Initiative,
    Measure,
    MeasurePoint,
    Question,
    Story,
    Visibility,
)
from scaffolding.relationships.models import (
    KeptRelationship,
    Kind,
    LocalPolicy,
    Move,
    PersonWhoMatters,
    StayingInTouchPlan,
    TimeTogether,
)
from scaffolding.supervision.models import (
    Attendance,
    CheckIn,
    Session,
    SessionKind,
    SupervisorTraining,
)
from scaffolding.voice.models import (
    AccessEvent,
    Audience,
    LinkKind,
    ReadHow,
    ReadWhat,
    StoryItem,
    WorkerLink,
    YoungPerson,
)
from scaffolding.workforce.models import (
    ActivityKind,
    Closeness,
    LearningActivity,
    LearningRecord,
    NESLevel,
    Person,
    RecordStatus,
    Relationship,
    RoleProfile,
)

# ---- accounts --------------------------------------------------------------------------


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Partnership {n}")
    slug = factory.Sequence(lambda n: f"partnership-{n}")
    area = factory.SelfAttribute("name")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.THIRD_SECTOR


class TeamFactory(factory.django.DjangoModelFactory):
    """The partnership is copied from the organisation when the team is saved."""

    class Meta:
        model = Team

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    """An account that can sign in (a practitioner unless told otherwise)."""

    class Meta:
        model = User

    partnership = factory.SubFactory(PartnershipFactory)
    email = factory.Sequence(lambda n: f"account{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Account {n}")
    role = Role.PRACTITIONER
    password = factory.django.Password("a-long-test-password")


def _set_many(field):
    """A many-to-many set after saving: `Factory(items=[...])`."""

    def setter(obj, create, extracted, **kwargs):
        if create and extracted:
            getattr(obj, field).set(extracted)

    return factory.PostGeneration(setter)


# ---- workforce -------------------------------------------------------------------------


class RoleProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleProfile

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Role profile {n}")
    required_nes_level = NESLevel.SKILLED
    supervision_cadence_days = 28


class PersonFactory(factory.django.DjangoModelFactory):
    """Someone in the register, in a team; partnership and organisation from the team."""

    class Meta:
        model = Person

    team = factory.SubFactory(TeamFactory)
    organisation = factory.SelfAttribute("team.organisation")
    partnership = factory.SelfAttribute("organisation.partnership")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    relationship = Relationship.PAID
    closeness = Closeness.REGULAR_DIRECT
    start_date = date(2020, 1, 1)


class LearningActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningActivity

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Learning {n}")
    kind = ActivityKind.COURSE


class LearningRecordFactory(factory.django.DjangoModelFactory):
    """A completed record; the partnership is copied from the person."""

    class Meta:
        model = LearningRecord

    person = factory.SubFactory(PersonFactory)
    activity = factory.SubFactory(
        LearningActivityFactory, partnership=factory.SelfAttribute("..person.partnership")
    )
    status = RecordStatus.COMPLETED
    completed_on = date(2025, 2, 1)
    expires_on = factory.LazyAttribute(lambda o: o.activity.expiry_for(o.completed_on))


def _team_in(parent_field):
    """For a person made for a child row: a team in the partnership of the row's parent."""
    return factory.LazyAttribute(
        lambda person: TeamFactory(
            organisation__partnership=getattr(person.factory_parent, parent_field).partnership
        )
    )


# ---- supervision -----------------------------------------------------------------------


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    facilitator = factory.SubFactory(PersonFactory)
    partnership = factory.SelfAttribute("facilitator.partnership")
    kind = SessionKind.ONE_TO_ONE
    status = Session.Status.AGREED
    held_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=7))


class AttendanceFactory(factory.django.DjangoModelFactory):
    """The partnership is copied from the session."""

    class Meta:
        model = Attendance

    session = factory.SubFactory(SessionFactory)
    person = factory.SubFactory(PersonFactory, team=_team_in("session"))


class CheckInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckIn

    person = factory.SubFactory(PersonFactory)
    partnership = factory.SelfAttribute("person.partnership")
    checked_on = factory.LazyFunction(timezone.localdate)
    feeling = 3
    workload = 2
    supported = 1


class SupervisorTrainingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupervisorTraining

    person = factory.SubFactory(PersonFactory)
    partnership = factory.SelfAttribute("person.partnership")
    title = "Reflective supervision"
    completed_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=100))


# ---- voice -----------------------------------------------------------------------------


class YoungPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = YoungPerson

    partnership = factory.SubFactory(PartnershipFactory)
    full_name = factory.Sequence(lambda n: f"Young {n}")
    called = factory.LazyAttribute(lambda o: o.full_name.split()[0])
    date_of_birth = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=365 * 12))


class WorkerLinkFactory(factory.django.DjangoModelFactory):
    """The partnership is copied from the young person."""

    class Meta:
        model = WorkerLink

    young_person = factory.SubFactory(YoungPersonFactory)
    person = factory.SubFactory(PersonFactory, team=_team_in("young_person"))
    kind = LinkKind.NAMED_WORKER


class StoryItemFactory(factory.django.DjangoModelFactory):
    """Words in a young person's story, shared with everyone who works with them (as
    `voice.domain.add_item` leaves an item with that audience). The partnership is
    copied from the young person."""

    class Meta:
        model = StoryItem

    young_person = factory.SubFactory(YoungPersonFactory)
    title = factory.Sequence(lambda n: f"Day {n}")
    text = "Good day."
    audience = Audience.EVERYONE
    created_by = factory.SelfAttribute("young_person.account")


class AccessEventFactory(factory.django.DjangoModelFactory):
    """One read of a story item by someone else, logged as `voice.accesslog.record_read`
    logs it: `AccessEventFactory(item=item, who=user)`."""

    class Meta:
        model = AccessEvent

    class Params:
        item = factory.SubFactory(StoryItemFactory)

    young_person = factory.SelfAttribute("item.young_person")
    who = factory.SubFactory(
        UserFactory, partnership=factory.SelfAttribute("..young_person.partnership")
    )
    who_name = factory.LazyAttribute(lambda o: o.who.full_name or o.who.email)
    who_role = factory.LazyAttribute(lambda o: o.who.get_role_display())
    what = ReadWhat.ITEM
    what_id = factory.SelfAttribute("item.pk")
    what_title = factory.LazyAttribute(lambda o: o.item.title[:200])
    how = ReadHow.PAGE


# ---- relationships ---------------------------------------------------------------------


class PersonWhoMattersFactory(factory.django.DjangoModelFactory):
    """The partnership is copied from the young person."""

    class Meta:
        model = PersonWhoMatters

    young_person = factory.SubFactory(YoungPersonFactory)
    name = factory.Sequence(lambda n: f"Person who matters {n}")
    kind = Kind.FRIEND


class TimeTogetherFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimeTogether

    with_whom = factory.SubFactory(PersonWhoMattersFactory)
    young_person = factory.SelfAttribute("with_whom.young_person")
    on = date(2026, 1, 1)
    what = "Park"


class MoveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Move

    young_person = factory.SubFactory(YoungPersonFactory)
    kind = "emergency"
    moved_on = date(2026, 1, 1)
    review_due_by = factory.LazyAttribute(lambda o: o.moved_on + timedelta(days=7))


class KeptRelationshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeptRelationship

    move = factory.SubFactory(MoveFactory)
    person = factory.SubFactory(
        PersonWhoMattersFactory, young_person=factory.SelfAttribute("..move.young_person")
    )
    how = "Visits"


class StayingInTouchPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StayingInTouchPlan

    young_person = factory.SubFactory(YoungPersonFactory)
    person = factory.SubFactory(PersonFactory, team=_team_in("young_person"))
    person_name = factory.SelfAttribute("person.full_name")
    reason = "moved_on"


class LocalPolicyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalPolicy

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Policy {n}")
    covers = "x"
    stance = "blanket_ban"
    review_on = date(2027, 1, 1)


# ---- progress --------------------------------------------------------------------------

FOUNDATIONS = [key for key, _ in FOUNDATION_CHOICES]


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"calls-{n}")
    title = factory.LazyAttribute(lambda o: f"Calls to action ({o.name})")
    kind = "calls_to_action"


class FrameworkItemFactory(factory.django.DjangoModelFactory):
    """A call to action; the partnership is copied from the framework."""

    class Meta:
        model = FrameworkItem

    framework = factory.SubFactory(FrameworkFactory)
    foundation = "care"
    number = factory.Sequence(lambda n: n + 1)
    code = factory.LazyAttribute(lambda o: f"{o.foundation}-{o.number}")
    theme = factory.LazyAttribute(lambda o: f"THEME {o.foundation.upper()} {o.number}")
    text = factory.LazyAttribute(lambda o: f"We must keep promise {o.foundation} {o.number}.")


class AssessmentFactory(factory.django.DjangoModelFactory):
    """The partnership is copied from the item."""

    class Meta:
        model = Assessment

    item = factory.SubFactory(FrameworkItemFactory)
    assessed_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    status = "underway"


class InitiativeFactory(factory.django.DjangoModelFactory):
    """`InitiativeFactory(items=[...])` links the calls to action it serves."""

    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Initiative {n}")
    items = _set_many("items")


class MeasureFactory(factory.django.DjangoModelFactory):
    """`MeasureFactory(items=[...])` links the calls to action it measures."""

    class Meta:
        model = Measure
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Measure {n}")
    unit = "%"
    question = Question.HOW_WELL
    items = _set_many("items")


class MeasurePointFactory(factory.django.DjangoModelFactory):
    """The partnership is copied from the measure."""

    class Meta:
        model = MeasurePoint

    measure = factory.SubFactory(MeasureFactory)
    on = factory.LazyFunction(timezone.localdate)
    value = 0


class StoryFactory(factory.django.DjangoModelFactory):
    """A child's story, told with their consent, open to the partnership;
    `StoryFactory(items=[...])` links the calls to action it is evidence for."""

    class Meta:
        model = Story
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Story {n}")
    text = "Words."
    voice = Story.Voice.CHILD
    consent = Consent.GIVEN
    visibility = Visibility.PARTNERSHIP
    recorded_by = factory.SubFactory(
        UserFactory, partnership=factory.SelfAttribute("..partnership"), role=Role.PROMISE_LEAD
    )
    items = _set_many("items")
