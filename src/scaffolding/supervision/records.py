"""Session records: who may see them, how they are agreed, and how changes are kept.

A record goes from draft to agreed when the facilitator and everyone who took part
have agreed the current version. Changing an agreed record keeps the agreed
version (visible to those who took part) and asks everyone to agree again, so an
agreed record is never silently edited.
"""

from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from scaffolding.core.middleware import person_for_user
from scaffolding.workforce.models import Person

from .models import Attendance, Session, SessionVersion, SignOff, SupportAction


def own_person(user):
    """The register entry of a signed-in user, or None (views read ``request.person``)."""
    return person_for_user(user)


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


def people_met(person):
    """Everyone who shared a session with this person (not the person themselves).

    The ids of those who attended their sessions, union the facilitators of their
    sessions: index lookups from this person's sessions. An OR across the two joins
    made the database walk every person in the partnership.
    """
    if person is None:
        return Person.objects.none()
    theirs = sessions_for(person).order_by().values("pk")
    attended = Attendance.objects.filter(session_id__in=theirs).values("person_id")
    facilitators = Session.objects.filter(pk__in=theirs).order_by().values("facilitator_id")
    return Person.objects.filter(pk__in=attended.union(facilitators)).exclude(pk=person.pk)


def participants(session: Session):
    """Who takes part in a session: the facilitator first, then everyone attending.

    The one definition: they share the record, get the invitation and the reminders.
    Uses ``attendances`` when prefetched (see ``with_participants``), else one query.
    """
    people = [session.facilitator] if session.facilitator_id else []
    if "attendances" in getattr(session, "_prefetched_objects_cache", {}):
        attendances = session.attendances.all()
    else:
        attendances = session.attendances.select_related("person")
    people.extend(a.person for a in attendances if a.person_id != session.facilitator_id)
    return people


def with_participants(sessions):
    """Sessions ready for ``participants`` without a query per session."""
    return sessions.select_related("facilitator").prefetch_related(
        Prefetch("attendances", Attendance.objects.select_related("person"))
    )


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
def save_record(session: Session, *, changed_by, changed: bool, moved: bool = False) -> Session:
    """Save a changed record; an agreed one keeps its agreed version and goes back to draft.

    A booking moved to a new time sends everyone a fresh calendar invitation.
    """
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
    if session.status == Session.Status.SCHEDULED and moved:
        _invite_when_saved(session)
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


@transaction.atomic
def starting_status(held_on) -> str:
    """A future date is booked (scheduled); today or a past date starts a draft record."""
    return Session.Status.SCHEDULED if held_on > timezone.localdate() else Session.Status.DRAFT


def _invite_when_saved(session: Session) -> None:
    from .tasks import send_session_invitation

    transaction.on_commit(lambda: send_session_invitation.enqueue(session_id=session.pk))


@transaction.atomic
def create_session(session: Session, attendees, attended_ids=None) -> Session:
    """Save a new session with its people; a booking sends everyone a calendar invitation."""
    session.status = starting_status(session.held_on)
    session.save()
    record_attendance(session, [p for p in attendees if p is not None], attended_ids)
    if session.status == Session.Status.SCHEDULED:
        _invite_when_saved(session)
    return session


def book_session(
    *,
    partnership_id: int,
    kind: str,
    held_on,
    facilitator,
    attendees,
    length_minutes: int = 60,
    location: str = "",
) -> Session:
    """Book a session for other apps (a debrief after a hard day, say), invitations included."""
    session = Session(
        partnership_id=partnership_id,
        kind=kind,
        held_on=held_on,
        length_minutes=length_minutes,
        location=location,
        facilitator=facilitator,
    )
    return create_session(session, attendees)


def with_others(sessions, person) -> list:
    """Give each session `others`: everyone in it but `person`, facilitator first.

    The sessions must come with their attendances (and those people) prefetched.
    """
    shown = list(sessions)
    for session in shown:
        people = [session.facilitator] if session.facilitator_id else []
        people.extend(a.person for a in session.attendances.all())
        session.others = [p for p in people if person is None or p.pk != person.pk]
    return shown


def filter_sessions(sessions, *, person=None, date_from=None, date_to=None):
    """Narrow sessions to those `person` was in (facilitated or took part) and to dates."""
    if person is not None:
        took_part = Attendance.objects.filter(session=OuterRef("pk"), person=person)
        sessions = sessions.filter(Q(facilitator=person) | Q(Exists(took_part)))
    if date_from:
        sessions = sessions.filter(held_on__gte=date_from)
    if date_to:
        sessions = sessions.filter(held_on__lte=date_to)
    return sessions


def open_actions_for(person, today):
    """Open support actions this person owns or agreed in a session they facilitated.

    Each is marked `overdue` when its due date has passed.
    """
    actions = list(
        SupportAction.objects.filter(
            Q(owner=person) | Q(session__facilitator=person), done=False
        ).select_related("session", "owner")
    )
    for action in actions:
        action.overdue = bool(action.due_on and action.due_on < today)
    return actions
