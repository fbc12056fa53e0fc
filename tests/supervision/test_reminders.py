"""Invitations and reminders: sent by background tasks, each reminder once."""

from datetime import date, timedelta

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from scaffolding.supervision.models import Attendance, ReminderSent, Session
from scaffolding.supervision.tasks import send_supervision_reminders
from tests.supervision.helpers import held


def _ics(message):
    (attachment,) = [a for a in message.attachments if a[0].endswith(".ics")]
    name, content, mimetype = attachment
    assert mimetype.startswith("text/calendar")
    return Calendar.from_ical(content)


def test_booking_a_session_emails_a_calendar_invitation(
    world, client_for, django_capture_on_commit_callbacks
):
    when = timezone.localdate() + timedelta(days=7)
    practitioner = world.people["practitioner"]
    # The invitation goes once the booking is saved (on commit), never for a rolled-back one.
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("supervisor").post(
            reverse("supervision:session_new"),
            {
                "participants": [practitioner.pk],
                "kind": "one_to_one",
                "held_on": when.isoformat(),
                "start_time": "14:30",
                "length_minutes": "90",
                "location": "The quiet room",
                "actions-TOTAL_FORMS": "0",
                "actions-INITIAL_FORMS": "0",
            },
        )
    assert response.status_code == 302
    session = Session.objects.get()
    assert session.status == Session.Status.SCHEDULED
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([practitioner.email, world.people["supervisor"].email])
    calendar = _ics(mail.outbox[0])
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("dtstart")
    assert start.date() == when and (start.hour, start.minute) == (14, 30)
    assert event.decoded("dtend") - start == timedelta(minutes=90)
    attendees = sorted(str(a) for a in event.get("attendee"))
    assert f"mailto:{practitioner.email}" in attendees
    assert str(event.get("location")) == "The quiet room"


def test_reminders_for_sessions_coming_up_are_sent_once(world):
    today = date(2026, 11, 2)
    practitioner = world.people["practitioner"]
    soon = held(world, practitioner, today + timedelta(days=2), status=Session.Status.SCHEDULED)
    held(world, practitioner, today + timedelta(days=9), status=Session.Status.SCHEDULED)
    # Keep everyone within their rhythm so only the session reminder is due.
    for role in ("practitioner", "family_carer", "supervisor", "learning_lead"):
        held(world, world.people[role], today - timedelta(days=1))
    held(world, world.people["colleague"], today - timedelta(days=1))

    first = send_supervision_reminders.enqueue(days_ahead=2, on=today.isoformat())
    # Everyone taking part is reminded: the person and the facilitator.
    supervisor = world.people["supervisor"]
    assert first.return_value == {"upcoming": 2, "overdue": 0}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([practitioner.email, supervisor.email])
    assert all(str(soon.held_on.day) in m.subject for m in mail.outbox)

    again = send_supervision_reminders.enqueue(days_ahead=2, on=today.isoformat())
    assert again.return_value == {"upcoming": 0, "overdue": 0}
    assert len(mail.outbox) == 2
    assert ReminderSent.objects.count() == 2


def test_invitations_reminders_and_the_shared_record_reach_the_same_people(world):
    """One definition of who takes part: records.participants."""
    from scaffolding.supervision import records
    from scaffolding.supervision.tasks import send_session_invitation

    today = date(2026, 11, 2)
    session = held(
        world,
        world.people["practitioner"],
        today + timedelta(days=1),
        status=Session.Status.SCHEDULED,
    )
    Attendance.objects.create(session=session, person=world.people["colleague"])
    taking_part = sorted(p.email for p in records.participants(session))
    assert world.people["supervisor"].email in taking_part and len(taking_part) == 3

    send_session_invitation.enqueue(session.pk)
    invited = sorted(m.to[0] for m in mail.outbox)
    mail.outbox.clear()
    send_supervision_reminders.enqueue(days_ahead=2, on=today.isoformat())
    reminded = sorted(m.to[0] for m in mail.outbox if "Reminder" in m.subject)
    assert invited == reminded == taking_part


def test_overdue_reminders_are_sent_once_per_due_date(world):
    today = date(2026, 11, 2)
    practitioner = world.people["practitioner"]
    held(world, practitioner, today - timedelta(days=40))
    for role in ("family_carer", "supervisor", "learning_lead", "colleague"):
        held(world, world.people[role], today - timedelta(days=1))

    send_supervision_reminders.enqueue(on=today.isoformat())
    send_supervision_reminders.enqueue(on=(today + timedelta(days=1)).isoformat())
    assert [m.to for m in mail.outbox] == [[practitioner.email]]
    assert "Time to book your supervision" in mail.outbox[0].subject

    # Supervised again, then overdue again later: a new due date, so one new reminder.
    held(world, practitioner, today + timedelta(days=2))
    later = today + timedelta(days=2 + 28 + 1)
    for role in ("family_carer", "supervisor", "learning_lead", "colleague"):
        held(world, world.people[role], later - timedelta(days=1))
    send_supervision_reminders.enqueue(on=later.isoformat())
    send_supervision_reminders.enqueue(on=later.isoformat())
    assert len(mail.outbox) == 2


def test_the_command_queues_the_task(world, capsys):
    held(world, world.people["practitioner"], timezone.localdate() - timedelta(days=60))
    call_command("send-supervision-reminders", "--days", "3")
    assert "queued" in capsys.readouterr().out
    assert any(m.to == [world.people["practitioner"].email] for m in mail.outbox)
    call_command("send-supervision-reminders", "--days", "3")
    practitioner_mail = [m for m in mail.outbox if m.to == [world.people["practitioner"].email]]
    assert len(practitioner_mail) == 1


def test_viewing_pages_sends_nothing(world, client_for):
    held(world, world.people["practitioner"], timezone.localdate() - timedelta(days=60))
    for role in ("practitioner", "supervisor", "learning_lead"):
        client = client_for(role)
        client.get(reverse("supervision:mine"))
        client.get(reverse("supervision:cadence"))
    assert mail.outbox == []
    assert not ReminderSent.objects.exists()


def test_moving_a_booked_session_sends_a_fresh_invitation(
    world, client_for, django_capture_on_commit_callbacks
):
    when = timezone.localdate() + timedelta(days=10)
    session = held(world, world.people["practitioner"], when, status=Session.Status.SCHEDULED)
    later = when + timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("supervisor").post(
            reverse("supervision:session_edit", args=[session.pk]),
            {
                "kind": "one_to_one",
                "held_on": later.isoformat(),
                "length_minutes": "60",
                "actions-TOTAL_FORMS": "0",
                "actions-INITIAL_FORMS": "0",
            },
        )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == Session.Status.SCHEDULED and session.held_on == later
    assert mail.outbox, "everyone should have a new invitation"
    (event,) = _ics(mail.outbox[0]).walk("VEVENT")
    assert event.decoded("dtstart").date() == later


def test_claiming_many_reminders_in_chunks_sends_each_once(world, monkeypatch):
    from scaffolding.supervision import tasks

    monkeypatch.setattr(tasks, "CLAIM_CHUNK", 2)
    today = date(2026, 11, 2)
    for role in ("practitioner", "family_carer", "supervisor", "learning_lead", "colleague"):
        held(world, world.people[role], today - timedelta(days=60))
    first = send_supervision_reminders.enqueue(on=today.isoformat())
    second = send_supervision_reminders.enqueue(on=today.isoformat())
    assert first.return_value["overdue"] == 5 and second.return_value["overdue"] == 0
    assert len(mail.outbox) == 5
