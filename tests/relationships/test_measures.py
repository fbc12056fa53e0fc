"""Every live measure against a hand-worked table (on 30 November 2026).

Young people A–E are known since 2024; F since June 2026. Another partnership's
rows sit beside them and must never count.

- Living with all their brothers and sisters: 1 of 3. A yes; B one apart; C two
  apart; D's only sister ended, and a brother was added after the day.
- Apart, seeing them as often as wanted: 2 of 3. B's (same); C's (more, same).
- Moves per young person: 5 of 6. C's move of 30 Nov 2025 is outside the 365 days.
- Moves with a transition plan: 2 of 5. A's planned move; B's emergency move, planned later.
- Emergency moves reviewed in time: 1 of 3. A on time, B late, D never; C's not due yet.
- Same trusted adult 12 months on: 2 of 5. A, and D whose link ends after the day;
  B changed worker; C's link is not a named worker.
- Moved on with agreed plans: 1 of 3. P1 all agreed; P2 one open; P3 agreed after the
  day; P4 too long ago.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from scaffolding.progress import live
from scaffolding.relationships import measures
from scaffolding.relationships.models import Kind, Move, PersonWhoMatters, StayingInTouchPlan
from scaffolding.voice.models import LinkKind, WorkerLink, YoungPerson

from .helpers import young_person

pytestmark = pytest.mark.django_db

ON = date(2026, 11, 30)
LONDON = ZoneInfo("Europe/London")


def at(year, month, day):
    return datetime(year, month, day, 12, tzinfo=LONDON)


def _sibling(young, who, together, wants="", added=None, **extra):
    return PersonWhoMatters.objects.create(
        young_person=young,
        name=f"sibling of {who}",
        kind=Kind.SIBLING,
        lives_together=together,
        wants=wants,
        added_at=added or at(2025, 1, 1),
        **extra,
    )


@pytest.fixture
def table(world):
    yp = {
        name: young_person(world, name, created_at=at(2024, 1, 1))
        for name in ("A", "B", "C", "D", "E")
    }
    yp["F"] = young_person(world, "F", created_at=at(2026, 6, 1))

    def sibling(who, *args, **kwargs):
        return _sibling(yp[who], who, *args, **kwargs)

    sibling("A", True)
    sibling("A", True)
    sibling("B", True)
    sibling("B", False, "same")
    sibling("C", False, "more")
    sibling("C", False, "same")
    sibling("D", False, "same", ended_at=at(2026, 10, 1))
    sibling("D", True, added=at(2026, 12, 1))
    PersonWhoMatters.objects.create(
        young_person=yp["E"], name="Jay", kind=Kind.FRIEND, added_at=at(2025, 1, 1)
    )

    def move(who, kind, moved_on, **extra):
        return Move.objects.create(young_person=yp[who], kind=kind, moved_on=moved_on, **extra)

    planned, emergency = Move.Kind.PLANNED, Move.Kind.EMERGENCY
    move("A", planned, date(2026, 3, 1), plan_recorded_at=at(2026, 2, 1))
    move(
        "A",
        emergency,
        date(2026, 11, 1),
        plan_due_by=date(2026, 11, 15),
        review_due_by=date(2026, 11, 8),
        reviewed_on=date(2026, 11, 5),
    )
    move(
        "B",
        emergency,
        date(2026, 5, 1),
        plan_recorded_at=at(2026, 5, 10),
        review_due_by=date(2026, 5, 8),
        reviewed_on=date(2026, 5, 20),
    )
    move(
        "C",
        emergency,
        date(2026, 11, 28),
        plan_due_by=date(2026, 12, 10),
        review_due_by=date(2026, 12, 5),
    )
    move("C", planned, date(2025, 11, 30), plan_recorded_at=at(2025, 11, 1))
    move(
        "D",
        emergency,
        date(2026, 1, 10),
        plan_due_by=date(2026, 2, 1),
        review_due_by=date(2026, 1, 17),
    )

    workers = world.people
    named = LinkKind.NAMED_WORKER
    WorkerLink.objects.create(
        young_person=yp["A"], person=workers["practitioner"], kind=named, linked_at=at(2025, 1, 1)
    )
    WorkerLink.objects.create(
        young_person=yp["B"],
        person=workers["practitioner"],
        kind=named,
        linked_at=at(2025, 1, 1),
        ended_at=at(2026, 6, 1),
    )
    WorkerLink.objects.create(
        young_person=yp["B"], person=workers["colleague"], kind=named, linked_at=at(2026, 6, 1)
    )
    WorkerLink.objects.create(
        young_person=yp["C"],
        person=workers["practitioner"],
        kind=LinkKind.SOCIAL_WORKER,
        linked_at=at(2025, 1, 1),
    )
    WorkerLink.objects.create(
        young_person=yp["D"],
        person=workers["colleague"],
        kind=named,
        linked_at=at(2025, 1, 1),
        ended_at=at(2026, 12, 1),
    )
    WorkerLink.objects.create(
        young_person=yp["F"], person=workers["practitioner"], kind=named, linked_at=at(2026, 6, 1)
    )

    def plan(who, person, created, agreed=None):
        return StayingInTouchPlan.objects.create(
            young_person=yp[who],
            person=person,
            person_name=person.full_name,
            reason=StayingInTouchPlan.Reason.MOVED_ON,
            created_at=created,
            status="agreed" if agreed else "open",
            agreed_at=agreed,
        )

    plan("A", workers["practitioner"], at(2026, 9, 1), at(2026, 10, 1))
    plan("B", workers["practitioner"], at(2026, 9, 1), at(2026, 10, 5))
    plan("C", workers["colleague"], at(2026, 10, 1), at(2026, 10, 2))
    plan("D", workers["colleague"], at(2026, 10, 1))
    plan("E", workers["supervisor"], at(2026, 11, 1), at(2026, 12, 2))
    plan("A", workers["learning_lead"], at(2025, 6, 1), at(2025, 7, 1))

    # Another partnership: a brother living together, a planned move, a named worker.
    other = YoungPerson.objects.create(
        partnership=world.other_partnership,
        full_name="Other Young",
        called="Other",
        date_of_birth=date(2012, 1, 1),
        created_at=at(2024, 1, 1),
    )
    PersonWhoMatters.objects.create(
        young_person=other,
        name="Bro",
        kind=Kind.SIBLING,
        lives_together=False,
        wants="same",
        added_at=at(2025, 1, 1),
    )
    Move.objects.create(
        young_person=other, kind=planned, moved_on=date(2026, 6, 1), plan_recorded_at=at(2026, 5, 1)
    )
    WorkerLink.objects.create(
        young_person=other, person=world.outsider_person, kind=named, linked_at=at(2025, 1, 1)
    )
    return yp


@pytest.mark.parametrize(
    "compute, expected",
    [
        (measures.siblings_living_together, (1, 3)),
        (measures.siblings_apart_as_often_as_wanted, (2, 3)),
        (measures.moves_per_young_person, (5, 6)),
        (measures.moves_with_a_plan, (2, 5)),
        (measures.emergency_moves_reviewed_in_time, (1, 3)),
        (measures.same_trusted_adult, (2, 5)),
        (measures.moved_on_with_agreed_plans, (1, 3)),
    ],
)
def test_measure_matches_the_hand_worked_table(table, world, compute, expected):
    assert compute(world.partnership.pk, ON) == expected


def test_measures_are_counted_in_the_database(table, world, django_assert_max_num_queries):
    # Seven measures, one aggregate each, and moves per young person counts its young
    # people separately: eight in all, whatever the number of rows.
    with django_assert_max_num_queries(8):
        for definition in measures.LIVE_MEASURES:
            definition["compute"](world.partnership.pk, ON)


def test_progress_finds_every_measure(table, world):
    values = {value.key: value for value in live.compute_all(world.partnership.pk, ON)}
    for definition in measures.LIVE_MEASURES:
        assert definition["key"] in values
    assert values["moves-per-young-person"].numerator == 5
    assert values["same-trusted-adult-12-months-on"].app == "Relationships that matter"


def test_nothing_to_count_is_zero_of_zero(world):
    for definition in measures.LIVE_MEASURES:
        assert definition["compute"](world.partnership.pk, ON) == (0, 0)


def test_a_rate_is_shown_as_a_rate_not_a_percentage():
    value = live.LiveValue(
        key="k",
        name="n",
        unit="moves per young person",
        question="how_much",
        higher_is_better=False,
        app="a",
        numerator=5,
        denominator=6,
    )
    assert value.shown == "0.83 moves per young person"
    value.unit = "%"
    assert value.shown == "83.3%"


def test_blanket_bans_are_shown_against_ongoing_relationships(world, client_for):
    from django.core.management import call_command
    from django.urls import reverse

    from scaffolding.relationships.models import LocalPolicy

    call_command("load-framework", stdout=__import__("io").StringIO())
    client = client_for("promise_lead")
    page = client.get(reverse("progress:overview")).content.decode()
    assert "Standing in the way" not in page
    for title, stance in (
        ("No keeping in touch after leaving", "blanket_ban"),
        ("Sleepovers", "enabling"),
    ):
        LocalPolicy.objects.create(
            partnership=world.partnership,
            title=title,
            covers="x",
            stance=stance,
            review_on=date(2027, 1, 1),
        )
    LocalPolicy.objects.create(
        partnership=world.other_partnership,
        title="Farhill ban",
        covers="x",
        stance="blanket_ban",
        review_on=date(2027, 1, 1),
    )
    page = client.get(reverse("progress:overview")).content.decode()
    assert "Blanket ban on relationships: No keeping in touch after leaving" in page
    assert "Ongoing Relationships" in page
    assert "Sleepovers" not in page and "Farhill ban" not in page


def test_the_figures_page_shows_each_measure_in_words(table, world, client_for):
    from django.urls import reverse

    page = client_for("promise_lead").get(reverse("relationships:figures")).content.decode()
    for definition in measures.LIVE_MEASURES:
        assert definition["name"] in page
    # Counted today: the six young people here and the world's own (Skye, made today).
    known_today = YoungPerson.objects.in_partnership(world.partnership.pk).count()
    assert known_today == 6 + 1
    assert f"moves for {known_today} young people" in page


def test_the_command_prints_each_measure(table, world, capsys):
    from django.core.management import call_command

    call_command("relationships-figures", "lochside", on="2026-11-30")
    out = capsys.readouterr().out
    assert "Young people living with all their brothers and sisters: 33.3% (1 of 3)" in out
    assert "Moves of home per young person in the last year: 0.83 moves per young person" in out


def test_brothers_and_sisters_at_the_edges_of_the_day(world):
    """Added or ended at the first moment after the day is after it; a 'not said' is not a yes.

    G: one sister, living together not said. H: a brother at home added late on the day;
    a sister apart ended late on the day. I: a brother at home ended at the first moment
    after the day (still there on it); a sister apart added at that moment (not yet).
    J: a brother apart, as often as wanted, ended at the first moment after the day.
    """
    after = datetime(2026, 12, 1, 0, 0, tzinfo=LONDON)
    late = datetime(2026, 11, 30, 23, 59, tzinfo=LONDON)
    yp = {name: young_person(world, name, created_at=at(2024, 1, 1)) for name in "GHIJ"}

    def sibling(who, *args, **kwargs):
        return _sibling(yp[who], who, *args, **kwargs)

    sibling("G", None)
    sibling("H", True, added=late)
    sibling("H", False, "same", ended_at=late)
    sibling("I", True, ended_at=after)
    sibling("I", False, "same", added=after)
    sibling("J", False, "same", ended_at=after)
    pk = world.partnership.pk
    assert measures.siblings_living_together(pk, ON) == (2, 4)  # H and I, of G, H, I, J
    assert measures.siblings_apart_as_often_as_wanted(pk, ON) == (1, 1)  # J's brother


def test_staying_in_touch_plans_at_the_edges_of_the_year(world):
    """Agreed at the first moment after the day is still open on it; created at the first
    moment of the 365 days counts, a minute before does not."""
    after = datetime(2026, 12, 1, 0, 0, tzinfo=LONDON)
    year_starts = datetime(2025, 12, 1, 0, 0, tzinfo=LONDON)
    young = young_person(world, "K", created_at=at(2024, 1, 1))
    workers = world.people

    def plan(person, created, agreed):
        StayingInTouchPlan.objects.create(
            young_person=young,
            person=person,
            person_name=person.full_name,
            reason=StayingInTouchPlan.Reason.MOVED_ON,
            created_at=created,
            status="agreed",
            agreed_at=agreed,
        )

    plan(workers["practitioner"], at(2026, 9, 1), datetime(2026, 11, 30, 23, 59, tzinfo=LONDON))
    plan(workers["colleague"], at(2026, 9, 1), after)
    plan(workers["supervisor"], year_starts, at(2026, 1, 1))
    plan(workers["learning_lead"], datetime(2025, 11, 30, 23, 59, tzinfo=LONDON), at(2026, 1, 1))
    # Practitioner and supervisor agreed by the day; the colleague's is agreed only after it.
    assert measures.moved_on_with_agreed_plans(world.partnership.pk, ON) == (2, 3)
