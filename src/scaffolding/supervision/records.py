"""Session records: who may see them, how they are agreed, and how changes are kept.

A record goes from draft to agreed when the facilitator and everyone who took part
have agreed the current version. Changing an agreed record keeps the agreed
version (visible to those who took part) and asks everyone to agree again, so an
agreed record is never silently edited.
"""

from django.db import transaction
from django.utils import timezone

from .models import Attendance, Session, SessionVersion, SignOff, SupportAction


def own_person(user):
    """The register entry of a signed-in user, or None."""
    return getattr(user, "person", None) if user and user.is_authenticated else None


def takes_part(person, session: Session) -> bool:
    if person is None or session is None:
        return False
    if session.facilitator_id == person.pk:
        return True
    return session.attendances.filter(person=person).exists()


def sessions_for(person):
    """Sessions this person facilitated or took part in, newest first.

    Written as "pk in (their attendances union what they facilitated)" rather than
    "facilitator = p OR exists attendance": each half is an index lookup on this one
    person, so the cost does not grow with the partnership (the OR made SQLite scan and
    sort every session).
    """
    if person is None:
        return Session.objects.none()
    took_part = Attendance.objects.filter(person=person).values("session_id")
    facilitated = Session.objects.filter(facilitator=person).order_by().values("pk")
    return Session.objects.filter(pk__in=took_part.union(facilitated))


def participants(session: Session):
    """Everyone who shares the record: the facilitator and those who took part."""
    people = [session.facilitator] if session.facilitator_id else []
    people.extend(a.person for a in session.attendances.select_related("person"))
    return people


def snapshot(session: Session) -> dict:
    return {
        "kind": session.kind,
        "held_on": session.held_on.isoformat(),
        "length_minutes": session.length_minutes,
        "summary": session.summary,
        "prompt_notes": session.prompt_notes,
        "themes": session.themes,
        "actions": [
            {
                "description": action.description,
                "owner": action.owner.full_name if action.owner_id else "",
                "due_on": action.due_on.isoformat() if action.due_on else None,
                "done": action.done,
            }
            for action in session.actions.select_related("owner")
        ],
    }


@transaction.atomic
def save_record(session: Session, *, changed_by, changed: bool) -> Session:
    """Save a changed record; an agreed one keeps its agreed version and goes back to draft."""
    if not changed:
        return session
    if session.status == Session.Status.AGREED:
        previous = Session.objects.get(pk=session.pk)
        SessionVersion.objects.create(
            session=session,
            version=previous.version,
            snapshot=snapshot(previous),
            replaced_by=changed_by,
        )
        session.version = previous.version + 1
        session.status = Session.Status.DRAFT
    elif session.status == Session.Status.SCHEDULED and has_record(session):
        session.status = Session.Status.DRAFT
    session.save()
    return session


def has_record(session: Session) -> bool:
    """A booked session becomes a record once it has happened or something is written."""
    written = session.summary.strip() or session.prompt_notes or session.themes
    return bool(written) or session.held_on <= timezone.localdate()


def signed_off_people(session: Session) -> set[int]:
    return set(
        session.sign_offs.filter(version=session.version).values_list("person_id", flat=True)
    )


def waiting_for(session: Session) -> list:
    """People who have not yet agreed the current version."""
    agreed = signed_off_people(session)
    return [person for person in participants(session) if person.pk not in agreed]


@transaction.atomic
def agree(session: Session, person) -> Session:
    """Record that this person agrees the current version; agreed once everyone has."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.status in (Session.Status.SCHEDULED, Session.Status.CANCELLED):
        raise ValueError("Only a written record can be agreed.")
    SignOff.objects.get_or_create(session=session, person=person, version=session.version)
    if not waiting_for(session):
        session.status = Session.Status.AGREED
        session.save(update_fields=["status", "updated_at"])
    return session


def set_action_done(action: SupportAction, done: bool) -> None:
    action.done = done
    action.save(update_fields=["done"])


def record_attendance(session: Session, people, attended_ids=None) -> None:
    """Replace who took part; `attended_ids` marks who came (everyone when None)."""
    Attendance.objects.filter(session=session).exclude(person__in=people).delete()
    existing = {a.person_id: a for a in session.attendances.all()}
    for person in people:
        attended = attended_ids is None or person.pk in attended_ids
        current = existing.get(person.pk)
        if current is None:
            Attendance.objects.create(session=session, person=person, attended=attended)
        elif current.attended != attended:
            current.attended = attended
            current.save(update_fields=["attended"])
