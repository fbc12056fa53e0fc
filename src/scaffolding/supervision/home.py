"""What supervision puts on the home page: a fixed number of queries each."""

from django.db.models import Exists, OuterRef, Prefetch
from django.urls import reverse
from django.utils import timezone

from scaffolding.core.home import Panel
from scaffolding.workforce.models import Person

from . import cadence, records
from .models import Attendance, Session, SignOff, SupportAction

SHOWN = 5


def _with_people(sessions):
    return sessions.select_related("facilitator").prefetch_related(
        Prefetch("attendances", queryset=Attendance.objects.select_related("person"))
    )


def my_supervision(request):
    """My next supervision, records to agree, and my overdue actions."""
    user = request.user
    if not user.has_perm("supervision.use"):
        return None
    person = records.own_person(user)
    today = timezone.localdate()
    mine = records.sessions_for(person)
    (next_session,) = records.with_others(
        _with_people(mine.filter(status=Session.Status.SCHEDULED, held_on__gte=today)).order_by(
            "held_on"
        )[:1],
        person,
    ) or [None]
    agreed = SignOff.objects.filter(
        session=OuterRef("pk"), person=person, version=OuterRef("version")
    )
    to_agree = records.with_others(
        _with_people(mine.filter(status=Session.Status.DRAFT).exclude(Exists(agreed))).order_by(
            "-held_on"
        )[: SHOWN + 1],
        person,
    )
    overdue = list(
        SupportAction.objects.filter(owner=person, done=False, due_on__lt=today)
        .select_related("session")
        .order_by("due_on")[: SHOWN + 1]
    )
    return Panel(
        "My supervision",
        "supervision/home_mine.html",
        {
            "next": next_session,
            "to_agree": to_agree[:SHOWN],
            "more_to_agree": len(to_agree) > SHOWN,
            "overdue": overdue[:SHOWN],
            "more_overdue": len(overdue) > SHOWN,
        },
        order=20,
        link=reverse("supervision:mine"),
        link_text="All my supervision",
    )


def people_i_supervise(request):
    """Who is due or overdue for supervision, and drafts I have still to finish."""
    user = request.user
    if not user.has_perm("supervision.record_session"):
        return None
    person = records.own_person(user)
    today = timezone.localdate()
    rows = cadence.standings(Person.objects.filter(supervisor=person), today)
    waiting = [
        row
        for row in rows
        if row.status in (cadence.Status.NEVER, cadence.Status.OVERDUE, cadence.Status.DUE_SOON)
        and not row.next_scheduled
    ]
    waiting.sort(key=lambda row: (cadence.Status.ORDER.index(row.status), row.next_due or today))
    drafts = list(
        Session.objects.filter(facilitator=person, status=Session.Status.DRAFT).order_by("held_on")[
            : SHOWN + 1
        ]
    )
    return Panel(
        "People you supervise",
        "supervision/home_supervisor.html",
        {
            "waiting": waiting[:SHOWN],
            "more_waiting": len(waiting) - SHOWN if len(waiting) > SHOWN else 0,
            "drafts": drafts[:SHOWN],
            "more_drafts": len(drafts) > SHOWN,
        },
        order=25,
        link=reverse("supervision:cadence"),
        link_text="Supervision due for everyone you supervise",
    )
