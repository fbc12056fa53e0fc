"""Gap figures against expectations worked out by hand (see helpers.build_learning).

On 1 June 2026, with the role "Family support worker" needing Skilled plus the
topics attachment and children's rights:

| person       | holds            | level met | attachment        | rights | expired | expiring   |
|--------------|------------------|-----------|-------------------|--------|---------|------------|
| practitioner | Skilled          | yes       | yes (to 15 June)  | no     | no      | 30, 60, 90 |
| carer        | Informed         | no        | no (lapsed 2025)  | yes    | yes     | -          |
| supervisor   | Enhanced         | yes       | no                | no     | no      | -          |
| lead         | recognised Skill | yes       | yes (recognition) | no     | yes     | -          |
| colleague    | planned only     | no        | yes (renewed)     | no     | no      | 90 only    |
| no role      | -                | (no role) | -                 | -      | no      | -          |
The person who moved on in January is not counted.
"""

from datetime import date, timedelta

import pytest

from scaffolding.workforce import gaps, summaries
from scaffolding.workforce.learning import completed_topic_person_ids
from scaffolding.workforce.measures import LIVE_MEASURES
from scaffolding.workforce.models import NESLevel, RoleProfile, Topic
from tests.workforce.helpers import ON, activity, build_learning, completed


@pytest.fixture
def learning(world):
    return build_learning(world)


def topic_figures(row):
    return {t.key: (t.met, t.required) for t in row.topics}


def test_whole_partnership_figures(world, learning):
    (row,) = gaps.gap_rows(world.partnership.pk, "partnership", ON)
    assert (row.people, row.with_role, row.at_level) == (6, 5, 3)
    assert row.percent_at_level == 60.0
    assert row.below_level == 2
    assert topic_figures(row)["attachment"] == (3, 5)
    assert topic_figures(row)["rights"] == (1, 5)
    assert topic_figures(row)["trauma"] == (0, 0)
    assert row.expired == 2
    assert row.expiring == {30: 1, 60: 1, 90: 2}


def test_figures_by_team(world, learning):
    rows = {row.label: row for row in gaps.gap_rows(world.partnership.pk, "team", ON)}
    assert set(rows) == {"Family Support", "Throughcare", "Kinship Carers", "Not set"}
    family = rows["Family Support"]
    assert (family.people, family.with_role, family.at_level, family.percent_at_level) == (
        3,
        3,
        3,
        100.0,
    )
    assert topic_figures(family)["attachment"] == (2, 3)
    assert (family.expired, family.expiring[30]) == (1, 1)
    assert (rows["Throughcare"].at_level, rows["Throughcare"].expiring[90]) == (0, 1)
    assert topic_figures(rows["Kinship Carers"])["rights"] == (1, 1)
    assert rows["Kinship Carers"].expired == 1
    assert (rows["Not set"].people, rows["Not set"].with_role) == (1, 0)
    assert rows["Not set"].percent_at_level is None


def test_figures_by_organisation_and_role_profile(world, learning):
    by_org = {r.label: r.people for r in gaps.gap_rows(world.partnership.pk, "organisation", ON)}
    assert by_org == {"Lochside Council": 5, "Lochside Family Carers": 1}
    by_role = {r.label: r.at_level for r in gaps.gap_rows(world.partnership.pk, "role_profile", ON)}
    assert by_role == {"Family support worker": 3, "Not set": 0}


def test_a_later_day_moves_people_out_of_date(world, learning):
    # On 16 June the practitioner's attachment learning has lapsed.
    (row,) = gaps.gap_rows(world.partnership.pk, "partnership", date(2026, 6, 16))
    assert topic_figures(row)["attachment"] == (2, 5)
    assert row.expired == 3


def test_each_person_figures(world, learning):
    topics = list(Topic.objects.all())
    people = {p.pk: p for p in gaps.people_with_figures(world.partnership.pk, ON, topics=topics)}
    held = {name: people[world.people[name].pk].held_level for name in world.people}
    assert held == {
        "supervisor": 3,
        "practitioner": 2,
        "family_carer": 1,
        "learning_lead": 2,
        "colleague": 0,
    }
    carer = people[world.people["family_carer"].pk]
    assert [t.key for t in gaps.missing_topics(carer, topics)] == ["attachment"]
    assert learning["moved_on"].pk not in people


def test_query_count_does_not_grow_with_people(world, learning, django_assert_num_queries):
    topics = list(Topic.objects.all())
    # Which roles need each topic, then from the summaries: people's figures, learning
    # lapsing soon, topics held.
    with django_assert_num_queries(4):
        gaps.gap_rows(world.partnership.pk, "team", ON, topics=topics)
    build_learning_for_many(world, 40)
    summaries.rebuild(world.partnership.pk)  # the bulk insert above skipped save()
    with django_assert_num_queries(4):
        rows = gaps.gap_rows(world.partnership.pk, "team", ON, topics=topics)
    assert sum(r.people for r in rows) == 46
    assert rows == gaps.gap_rows_from_records(world.partnership.pk, "team", ON, topics=topics)
    # Someone with learning dated after the day asked about: three more queries (the topic
    # maps and their figures from the records), whatever the number of people.
    completed(world.people["colleague"], learning["activities"]["uncrc"], ON + timedelta(days=3))
    with django_assert_num_queries(7):
        rows = gaps.gap_rows(world.partnership.pk, "team", ON, topics=topics)
    assert rows == gaps.gap_rows_from_records(world.partnership.pk, "team", ON, topics=topics)


def build_learning_for_many(world, count):
    from scaffolding.workforce.models import Closeness, LearningRecord, Person, Relationship

    act = activity(world, "Bulk skilled", NESLevel.SKILLED, ["trauma"], 24)
    people = Person.objects.bulk_create(
        Person(
            partnership=world.partnership,
            full_name=f"Person {n}",
            organisation=world.organisation,
            team=world.team,
            role_profile=world.role_profile,
            relationship=Relationship.PAID,
            closeness=Closeness.NO_DIRECT,
            start_date=date(2020, 1, 1),
        )
        for n in range(count)
    )
    LearningRecord.objects.bulk_create(
        LearningRecord(person=p, activity=act, status="completed", completed_on=date(2025, 1, 1))
        for p in people
    )


def test_uncovered_needs(world, learning):
    world.role_profile.required_nes_level = NESLevel.SPECIALIST
    world.role_profile.save()
    RoleProfile.objects.create(partnership=world.partnership, name="Unrequiring")
    world.role_profile.required_topics.add(Topic.objects.get(key="promise"))
    needs = {(n.role_profile, n.need) for n in gaps.uncovered_needs(world.partnership.pk)}
    assert needs == {
        ("Family support worker", "NES level: Trauma specialist"),
        ("Family support worker", "Topic: The Promise"),
    }


def test_completed_topic_person_ids(world, learning):
    ids = completed_topic_person_ids(world.partnership.pk, "attachment", ON)
    expected = {world.people[n].pk for n in ("practitioner", "learning_lead", "colleague")}
    assert ids == expected
    assert completed_topic_person_ids(world.partnership.pk, "supervision", ON) == set()


def test_live_measure(world, learning, django_assert_num_queries):
    (measure,) = LIVE_MEASURES
    assert measure["key"] == "workforce-at-required-nes-level"
    with django_assert_num_queries(1):
        assert measure["compute"](world.partnership.pk, ON) == (3, 5)


def test_unknown_grouping_is_refused(world):
    with pytest.raises(ValueError, match="Unknown grouping"):
        gaps.gap_rows(world.partnership.pk, "shoe size")
