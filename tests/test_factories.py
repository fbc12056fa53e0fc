"""The factories keep every row in its parent's partnership."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_children_take_their_partnership_from_their_parents():
    attendance = factories.AttendanceFactory()
    assert (
        attendance.partnership_id
        == attendance.session.partnership_id
        == attendance.person.partnership_id
        == attendance.person.team.partnership_id
        == attendance.session.facilitator.partnership_id
    )
    record = factories.LearningRecordFactory()
    assert record.partnership_id == record.person.partnership_id == record.activity.partnership_id
    link = factories.WorkerLinkFactory()
    assert link.partnership_id == link.young_person.partnership_id == link.person.partnership_id
    kept = factories.KeptRelationshipFactory()
    assert kept.partnership_id == kept.move.partnership_id == kept.person.partnership_id
    plan = factories.StayingInTouchPlanFactory()
    assert plan.partnership_id == plan.young_person.partnership_id == plan.person.partnership_id
    time = factories.TimeTogetherFactory()
    assert time.partnership_id == time.with_whom.partnership_id == time.young_person.partnership_id
    check_in = factories.CheckInFactory()
    assert check_in.partnership_id == check_in.person.partnership_id


def test_a_batch_built_in_one_partnership_bulk_inserts():
    from scaffolding.workforce.models import Person

    team = factories.TeamFactory()
    people = Person.objects.bulk_create(factories.PersonFactory.build_batch(5, team=team))
    assert {p.partnership_id for p in people} == {team.organisation.partnership_id}
    assert Person.objects.filter(team=team).count() == 5


def test_story_items_and_their_reads_stay_with_the_young_person():
    read = factories.AccessEventFactory()
    stored = read.young_person.items.get()  # the item read, made for it
    assert read.what_id == stored.pk and read.what_title == stored.title
    assert (
        read.partnership_id
        == stored.partnership_id
        == read.young_person.partnership_id
        == read.who.partnership_id
    )
    assert read.who_role == "Practitioner" and read.who.check_password("a-long-test-password")


def test_progress_rows_take_their_partnership_and_link_their_items():
    assessment = factories.AssessmentFactory()
    item = assessment.item
    assert assessment.partnership_id == item.partnership_id == item.framework.partnership_id
    point = factories.MeasurePointFactory(measure__partnership=item.partnership)
    assert point.partnership_id == point.measure.partnership_id == item.partnership_id
    initiative = factories.InitiativeFactory(partnership=item.partnership, items=[item])
    story = factories.StoryFactory(partnership=item.partnership, items=[item])
    assert list(initiative.items.all()) == list(story.items.all()) == [item]
    assert story.recorded_by.partnership_id == story.partnership_id
    assert list(factories.MeasureFactory().items.all()) == []
