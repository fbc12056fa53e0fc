"""Each person's last supervision is kept on every write, and always equals what the
attendances say: after random writes, after a bulk change made past the signals (the
rebuild), and through every page figure that reads it."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scaffolding.supervision import cadence, records, summaries
from scaffolding.supervision.models import Attendance, Session, SessionKind, SupervisionSummary
from scaffolding.workforce.models import Person
from tests.supervision.helpers import held


def stored(partnership_id):
    return dict(
        SupervisionSummary.objects.in_partnership(partnership_id).values_list(
            "person_id", "last_supervised"
        )
    )


def from_scratch(partnership_id):
    found = summaries.last_supervised_from_scratch(
        summaries.held_attendances().in_partnership(partnership_id)
    )
    return {pk: last for pk, (_, last) in found.items()}


def assert_figures_agree(partnership_id):
    """Every figure read through the summary equals the same figure worked out from
    the attendances: today, on later days (as the days pass, nothing is written) and
    on an earlier day."""
    assert stored(partnership_id) == from_scratch(partnership_id)
    people = Person.objects.in_partnership(partnership_id)
    today = timezone.localdate()
    for on in (
        today - timedelta(days=20),
        today,
        today + timedelta(days=13),
        today + timedelta(days=45),
    ):
        quick = [
            (s.person.pk, s.status, s.last_supervised, s.next_due)
            for s in cadence.standings(people, on)
        ]
        slow = [
            (s.person.pk, s.status, s.last_supervised, s.next_due)
            for s in cadence.standings(people, on, from_scratch=True)
        ]
        assert quick == slow
        assert cadence.counts(people, on) == cadence.counts(people, on, from_scratch=True)


# One write: (what, which person or session by index, days before today, a kind or status)
writes = st.lists(
    st.tuples(
        st.sampled_from(["record", "book", "absent", "move", "status", "kind", "drop", "delete"]),
        st.integers(min_value=0, max_value=4),
        st.integers(min_value=0, max_value=120),
        st.sampled_from(list(SessionKind.values)),
        st.sampled_from(list(Session.Status.values)),
    ),
    max_size=12,
)


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=writes)
def test_summaries_match_the_attendances_after_random_writes(world, steps):
    people = [world.people[key] for key in ("practitioner", "family_carer", "colleague")]
    supervisor = world.people["supervisor"]
    today = timezone.localdate()
    with transaction.atomic():
        sessions = []
        for what, index, days_ago, kind, status in steps:
            person = people[index % len(people)]
            session = sessions[index % len(sessions)] if sessions else None
            if what == "record" or session is None:
                made = Session(
                    partnership=world.partnership,
                    kind=kind,
                    held_on=today - timedelta(days=days_ago),
                    facilitator=supervisor,
                )
                sessions.append(records.create_session(made, [person, supervisor]))
            elif what == "book":
                made = Session(
                    partnership=world.partnership,
                    kind=kind,
                    held_on=today + timedelta(days=days_ago + 1),
                    facilitator=supervisor,
                )
                sessions.append(records.create_session(made, [person]))
            elif what == "absent":
                records.record_attendance(
                    session, [person, supervisor], attended_ids={supervisor.pk}
                )
            elif what == "move":
                # Sometimes ahead of today: a record can be written before its date.
                session.held_on = today + timedelta(days=30 - days_ago)
                records.save_record(session, changed_by=world.users["supervisor"], changed=True)
            elif what == "status":
                session.status = status
                session.save()
            elif what == "kind":
                session.kind = kind
                session.save()
            elif what == "drop":
                Attendance.objects.filter(session=session, person=person).delete()
            elif what == "delete":
                session.delete()
                sessions.remove(session)
            assert stored(world.partnership.pk) == from_scratch(world.partnership.pk)
        assert_figures_agree(world.partnership.pk)
        transaction.set_rollback(True)


def test_a_bulk_change_is_put_right_by_the_rebuild(world):
    today = timezone.localdate()
    practitioner, carer = world.people["practitioner"], world.people["family_carer"]
    held(world, practitioner, today - timedelta(days=3))
    held(world, carer, today - timedelta(days=40))
    # Changes made past the signals (a bulk update, a restore) leave the summary wrong...
    Session.objects.filter(held_on=today - timedelta(days=3)).update(
        status=Session.Status.CANCELLED
    )
    SupervisionSummary.objects.filter(person=carer).update(
        last_supervised=today - timedelta(days=1)
    )
    assert stored(world.partnership.pk) != from_scratch(world.partnership.pk)
    # ...and the rebuild works every row out again, for that partnership only.
    other = SupervisionSummary.objects.in_partnership(world.other_partnership.pk).count()
    assert summaries.rebuild(world.partnership.pk) == 1
    assert stored(world.partnership.pk) == {carer.pk: today - timedelta(days=40)}
    assert SupervisionSummary.objects.in_partnership(world.other_partnership.pk).count() == other
    assert_figures_agree(world.partnership.pk)


def test_the_rebuild_command_names_each_partnership(world, capsys):
    held(world, world.people["practitioner"], timezone.localdate() - timedelta(days=2))
    SupervisionSummary.objects.all().delete()
    call_command("rebuild-summaries", partnership=world.partnership.slug)
    printed = capsys.readouterr().out
    assert printed.startswith(f"{world.partnership.name}: rebuilt (")
    assert "supervision 1 rows" in printed
    assert stored(world.partnership.pk) == from_scratch(world.partnership.pk) != {}


def test_the_rebuild_command_refuses_an_unknown_partnership(db):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="No partnership has the short name 'nowhere'"):
        call_command("rebuild-summaries", partnership="nowhere")
