"""The ask clock: the named person hears at once, is reminded on the day, then it escalates.

Run `scaffolding run-ask-clock` from cron or a systemd timer, as often as you
like. Every step is claimed with a conditional update (only a row still waiting
and not yet reminded is changed), so each person hears about each step once and
an unanswered ask is never lost.
"""

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from scaffolding.core import emails

from .models import Ask
from .workdays import is_working_day


def _send(name: str, person, ask: Ask) -> bool:
    if person is None or not person.email:
        return False
    link = emails.link(reverse("carers:ask", args=[ask.pk]))
    context = {"person": person, "ask": ask, "link": link}
    return emails.send(f"carers/{name}", context, person.email)


@task()
def send_ask_notice(ask_id: int) -> bool:
    """Tell the named person there is something to answer, and by when."""
    ask = Ask.objects.select_related("named_person", "asked_by").get(pk=ask_id)
    return _send("ask_notice", ask.named_person, ask)


@task()
def run_ask_clock(on: str | None = None) -> dict:
    """Remind named people of asks due today; pass overdue asks to their supervisor."""
    today = date.fromisoformat(on) if on else timezone.localdate()
    if not is_working_day(today):
        # Nobody is reminded or passed an ask at the weekend; Monday's run catches up.
        return {"reminded": 0, "escalated": 0}
    now = timezone.now()
    reminded, escalated = [], []
    with transaction.atomic():
        due = list(
            Ask.objects.filter(
                status=Ask.Status.WAITING, reminded_at__isnull=True, due_on__lte=today
            ).values_list("pk", flat=True)
        )
        for pk in due:
            if Ask.objects.filter(pk=pk, reminded_at__isnull=True).update(reminded_at=now):
                reminded.append(pk)
        overdue = Ask.objects.filter(
            status=Ask.Status.WAITING, due_on__lt=today, named_person__supervisor__isnull=False
        ).values_list("pk", "named_person__supervisor_id")
        for pk, supervisor_id in list(overdue):
            claimed = Ask.objects.filter(pk=pk, status=Ask.Status.WAITING).update(
                status=Ask.Status.ESCALATED, escalated_to_id=supervisor_id, escalated_at=now
            )
            if claimed:
                escalated.append(pk)
    related = ("named_person", "asked_by", "escalated_to", "young_person")
    for ask in Ask.objects.filter(pk__in=reminded).select_related(*related):
        if ask.pk in escalated:
            continue
        _send("ask_reminder", ask.named_person, ask)
    for ask in Ask.objects.filter(pk__in=escalated).select_related(*related):
        _send("ask_passed", ask.escalated_to, ask)
        _send("ask_passed_notice", ask.asked_by, ask)
    return {"reminded": len(reminded), "escalated": len(escalated)}
