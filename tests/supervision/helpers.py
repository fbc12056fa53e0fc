from datetime import date

from scaffolding.supervision.models import Attendance, Session, SessionKind


def held(world, person, on: date, kind=SessionKind.ONE_TO_ONE, status=Session.Status.AGREED):
    """A session `person` took part in, facilitated by the world's supervisor."""
    session = Session.objects.create(
        partnership=world.partnership,
        kind=kind,
        status=status,
        held_on=on,
        facilitator=world.people["supervisor"],
    )
    Attendance.objects.create(session=session, person=person)
    return session
