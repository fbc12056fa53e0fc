"""When supervision is due, at the awkward edges: none yet, moved team, no rhythm."""

from datetime import date, timedelta

from scaffolding.accounts.models import Team
from scaffolding.supervision import cadence, records
from scaffolding.supervision.measures import LIVE_MEASURES
from scaffolding.supervision.models import Session, SessionKind
from scaffolding.workforce.models import Person, RoleProfile
from tests.supervision.helpers import held

ON = date(2026, 11, 2)


def standing_of(person, on=ON):
    rows = cadence.standings(Person.objects.filter(pk=person.pk), on)
    return rows[0]


def test_no_sessions_yet_is_never_supervised(world):
    row = standing_of(world.people["practitioner"])
    assert row.status == cadence.Status.NEVER
    assert row.last_supervised is None and row.next_due is None
    assert row.cadence_days == 28


def test_within_due_soon_and_overdue_by_the_role_cadence(world):
    person = world.people["practitioner"]
    held(world, person, ON - timedelta(days=5))
    assert standing_of(person).status == cadence.Status.WITHIN
    assert standing_of(person).next_due == ON + timedelta(days=23)
    # Due on the day itself is not yet overdue; the day after is.
    assert standing_of(person, ON + timedelta(days=23)).status == cadence.Status.DUE_SOON
    assert standing_of(person, ON + timedelta(days=24)).status == cadence.Status.OVERDUE


def test_a_role_with_no_cadence_is_never_overdue(world):
    person = world.people["practitioner"]
    no_rhythm = RoleProfile.objects.create(partnership=world.partnership, name="Business support")
    person.role_profile = no_rhythm
    person.save()
    row = standing_of(person)
    assert row.status == cadence.Status.NO_RHYTHM and row.cadence_days is None


def test_a_person_with_no_role_profile_has_no_rhythm(world):
    person = world.people["practitioner"]
    person.role_profile = None
    person.save()
    assert standing_of(person).status == cadence.Status.NO_RHYTHM


def test_new_starters_have_the_shorter_rhythm(world):
    person = world.people["practitioner"]
    person.start_date = ON - timedelta(days=30)
    person.save()
    held(world, person, ON - timedelta(days=20))
    row = standing_of(person)
    assert row.cadence_days == 14
    assert row.status == cadence.Status.OVERDUE
    person.start_date = ON - timedelta(days=800)
    person.newly_qualified = True
    person.save()
    assert standing_of(person).cadence_days == 14


def test_moving_team_keeps_the_last_supervision(world):
    person = world.people["practitioner"]
    held(world, person, ON - timedelta(days=10))
    new_team = Team.objects.create(organisation=world.organisation, name="Throughcare North")
    person.team = new_team
    person.supervisor = world.people["colleague"]
    person.save()
    row = standing_of(person)
    assert row.last_supervised == ON - timedelta(days=10)
    assert row.status == cadence.Status.WITHIN
    assert row.person.team == new_team


def test_people_who_moved_on_are_not_listed(world):
    person = world.people["practitioner"]
    person.end_date = ON - timedelta(days=1)
    person.save()
    assert cadence.standings(Person.objects.filter(pk=person.pk), ON) == []


def test_future_cancelled_peer_support_and_missed_sessions_do_not_count(world):
    person = world.people["practitioner"]
    held(world, person, ON + timedelta(days=3), status=Session.Status.SCHEDULED)
    held(world, person, ON - timedelta(days=2), status=Session.Status.CANCELLED)
    held(world, person, ON - timedelta(days=2), kind=SessionKind.PEER_SUPPORT)
    missed = held(world, person, ON - timedelta(days=1), kind=SessionKind.GROUP)
    records.record_attendance(missed, [person], attended_ids=set())  # gave apologies
    row = standing_of(person)
    assert row.status == cadence.Status.NEVER
    assert row.next_scheduled == ON + timedelta(days=3)


def test_a_written_record_still_in_draft_counts(world):
    person = world.people["practitioner"]
    held(world, person, ON - timedelta(days=1), status=Session.Status.DRAFT)
    assert standing_of(person).status == cadence.Status.WITHIN


def test_live_measure_contract(world, django_assert_max_num_queries):
    (measure,) = LIVE_MEASURES
    assert measure["key"] == "supervised-within-cadence"
    assert measure["question"] in ("how_well", "how_much", "better_off")
    held(world, world.people["practitioner"], ON - timedelta(days=3))
    held(world, world.people["family_carer"], ON - timedelta(days=90))
    # Supervision dates grouped by person, the role profiles, people as plain values.
    with django_assert_max_num_queries(3):
        numerator, denominator = measure["compute"](world.partnership.pk, ON)
    # supervisor, practitioner, carer, learning lead and colleague all have the 28-day rhythm.
    assert (numerator, denominator) == (1, 5)


# ---- The database's figures against a from-scratch computation in Python ----

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from scaffolding.supervision.models import CADENCE_KINDS, Attendance  # noqa: E402

HELD_STATUSES = (Session.Status.DRAFT, Session.Status.AGREED)

session_rows = st.lists(
    st.tuples(
        st.sampled_from(list(SessionKind.values)),
        st.sampled_from(list(Session.Status.values)),
        st.integers(min_value=-120, max_value=40),  # days from ON
        st.booleans(),  # attended
    ),
    max_size=6,
)


def reference_standing(person, on):
    """Where the person stands, from their raw attendances, worked out in Python."""
    last = booked = None
    for a in Attendance.objects.filter(person=person).select_related("session"):
        s = a.session
        if a.attended and s.kind in CADENCE_KINDS and s.held_on <= on and s.status in HELD_STATUSES:
            last = max(last or s.held_on, s.held_on)
        if s.held_on >= on and s.status == Session.Status.SCHEDULED:
            booked = min(booked or s.held_on, s.held_on)
    return cadence.standing(person, on, last, booked)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    people=st.lists(
        st.tuples(
            st.sampled_from([None, 14, 28, 90]),  # role rhythm
            st.sampled_from([None, 7, 14]),  # new-starter rhythm
            st.integers(min_value=1, max_value=800),  # days since starting
            st.booleans(),  # newly qualified
            session_rows,
        ),
        min_size=1,
        max_size=5,
    )
)
def test_database_standings_match_python_after_random_sessions(world, people):
    from django.db import transaction

    with transaction.atomic():
        made = []
        for index, (rhythm, new_rhythm, days_in, newly, sessions) in enumerate(people):
            profile = RoleProfile.objects.create(
                partnership=world.partnership,
                name=f"Profile {index}",
                supervision_cadence_days=rhythm,
                new_starter_cadence_days=new_rhythm,
                new_starter_months=1 + index % 3,
            )
            person = Person.objects.create(
                partnership=world.partnership,
                full_name=f"Person {index}",
                organisation=world.people["practitioner"].organisation,
                role_profile=profile,
                start_date=ON - timedelta(days=days_in),
                newly_qualified=newly,
            )
            for kind, status, offset, attended in sessions:
                session = Session.objects.create(
                    partnership=world.partnership,
                    kind=kind,
                    status=status,
                    held_on=ON + timedelta(days=offset),
                    facilitator=world.people["supervisor"],
                )
                Attendance.objects.create(session=session, person=person, attended=attended)
            made.append(person)
        everyone = Person.objects.filter(pk__in=[p.pk for p in made])
        from_database = {row.person.pk: row for row in cadence.standings(everyone, ON)}
        for person in made:
            expected = reference_standing(person, ON)
            got = from_database[person.pk]
            assert (got.status, got.cadence_days, got.last_supervised, got.next_due) == (
                expected.status,
                expected.cadence_days,
                expected.last_supervised,
                expected.next_due,
            )
            assert got.next_scheduled == expected.next_scheduled
        # The counts and the share agree with the rows.
        by_status = dict.fromkeys(cadence.Status.ORDER, 0)
        for row in from_database.values():
            by_status[row.status] += 1
        assert cadence.counts(everyone, ON) == by_status
        # The page order: most in need first, then by next due date.
        listed = cadence.standings(everyone, ON)
        keys = [(cadence.Status.ORDER.index(r.status), r.next_due or ON) for r in listed]
        assert keys == sorted(keys)
        transaction.set_rollback(True)
