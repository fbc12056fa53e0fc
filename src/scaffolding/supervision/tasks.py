"""Background work: calendar invitations and reminders, sent by tasks, never by a page view.

Run `scaffolding send-supervision-reminders` from cron or a systemd timer (see
docs/supervision.md). Each reminder is recorded with a unique key, so however
often the command runs, each person hears about each thing once.
"""

import uuid
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from icalendar import Calendar, Event, vCalAddress, vText

from scaffolding.core import emails
from scaffolding.workforce.models import Person

from . import cadence, records
from .models import CheckIn, ReminderSent, Session

DEFAULT_START = (10, 0)


def session_start(session: Session) -> datetime:
    hour, minute = (
        (session.start_time.hour, session.start_time.minute)
        if session.start_time
        else DEFAULT_START
    )
    naive = datetime(session.held_on.year, session.held_on.month, session.held_on.day, hour, minute)
    return timezone.make_aware(naive, timezone.get_default_timezone())


def session_invitation(session: Session, people) -> bytes:
    """An iCalendar invitation (.ics) for the session, with each person as an attendee."""
    calendar = Calendar()
    calendar.add("prodid", "-//Scaffolding//Supervision//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = Event()
    event.add("uid", f"session-{session.pk}@{uuid.uuid5(uuid.NAMESPACE_URL, settings.SITE_URL)}")
    event.add("dtstamp", timezone.now())
    start = session_start(session)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=session.length_minutes))
    event.add("summary", session.get_kind_display())
    if session.location:
        event["location"] = vText(session.location)
    event.add("description", "Time to reflect, for you and the children you care for.")
    organiser = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    organiser.params["cn"] = vText("Scaffolding")
    event["organizer"] = organiser
    for person in people:
        if not person.email:
            continue
        attendee = vCalAddress(f"mailto:{person.email}")
        attendee.params["cn"] = vText(person.full_name)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        event.add("attendee", attendee, encode=0)
    calendar.add_component(event)
    return calendar.to_ical()


@task()
def send_session_invitation(session_id: int) -> int:
    """Email everyone in a scheduled session a calendar invitation; returns emails sent."""
    session = Session.objects.select_related("facilitator").get(pk=session_id)
    people = records.participants(session)
    invitation = session_invitation(session, people)
    link = emails.link(reverse("supervision:session", args=[session.pk]))
    attachment = ("supervision.ics", invitation, "text/calendar; method=REQUEST")
    sent = 0
    for person in people:
        if not person.email:
            continue
        context = {"session": session, "person": person, "link": link}
        if emails.send(
            "supervision/session_invitation", context, person.email, attachments=[attachment]
        ):
            sent += 1
    return sent


@task()
def send_wellbeing_alert(check_in_id: int) -> int:
    """Tell a supervisor that someone they supervise asked them to know they are struggling.

    Only that, and when: never the check-in's answers or note.
    """
    check_in = CheckIn.objects.select_related("person__supervisor").get(pk=check_in_id)
    person, supervisor = check_in.person, check_in.person.supervisor
    if supervisor is None or not supervisor.email:
        return 0
    context = {
        "person": person,
        "supervisor": supervisor,
        "check_in": check_in,
        "link": emails.link(reverse("supervision:mine")),
    }
    return int(emails.send("supervision/wellbeing_alert", context, supervisor.email))


CLAIM_CHUNK = 500


def _claim(keys_to_people: dict[str, Person]) -> list[tuple[str, Person]]:
    """Record reminders not yet sent and return those: each key succeeds only once."""
    keys = list(keys_to_people)
    already = set()
    # In chunks, so a long list never meets a database's limit on query parameters.
    for start in range(0, len(keys), CLAIM_CHUNK):
        chunk = keys[start : start + CLAIM_CHUNK]
        already.update(ReminderSent.objects.filter(key__in=chunk).values_list("key", flat=True))
    new = [(key, keys_to_people[key]) for key in keys if key not in already]
    ReminderSent.objects.bulk_create(
        [ReminderSent(key=key, person=person) for key, person in new],
        batch_size=CLAIM_CHUNK,
        ignore_conflicts=True,
    )
    return new


@task()
def send_supervision_reminders(days_ahead: int = 2, on: str | None = None) -> dict:
    """Remind people of sessions in the next `days_ahead` days, and of overdue supervision."""
    today = date.fromisoformat(on) if on else timezone.localdate()
    with transaction.atomic():
        upcoming = records.with_participants(
            Session.objects.filter(
                status=Session.Status.SCHEDULED,
                held_on__gte=today,
                held_on__lte=today + timedelta(days=days_ahead),
            )
        )
        # Everyone taking part is reminded, the facilitator too (records.participants).
        session_keys = {
            f"upcoming:{session.pk}:{person.pk}": (session, person)
            for session in upcoming
            for person in records.participants(session)
            if person.email
        }
        claimed = _claim({key: person for key, (_session, person) in session_keys.items()})

        overdue = cadence.standings(
            Person.objects.exclude(email=""), today, status=cadence.Status.OVERDUE
        )
        overdue_keys = {f"overdue:{row.person.pk}:{row.next_due}": row for row in overdue}
        claimed_overdue = _claim({key: row.person for key, row in overdue_keys.items()})

    for key, person in claimed:
        context = {"session": session_keys[key][0], "person": person}
        emails.send("supervision/session_reminder", context, person.email)
    for key, person in claimed_overdue:
        row = overdue_keys[key]
        context = {
            "person": person,
            "last_supervised": row.last_supervised,
            "next_due": row.next_due,
        }
        emails.send("supervision/overdue_reminder", context, person.email)
    return {"upcoming": len(claimed), "overdue": len(claimed_overdue)}


@task()
def work_out_provision(figures_id: int) -> None:
    """Work out the provision map for the page and its downloads."""
    from . import provision

    provision.work_out(figures_id)
