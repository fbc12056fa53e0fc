"""Background work for voice: invitations and "I don't feel safe" alerts (django-tasks).

Alert emails never carry what the young person wrote: only that they need
someone, and a link to read it in Scaffolding.
"""

from django.urls import reverse
from django_tasks import task

from scaffolding.core import emails


class AlertNotSent(Exception):
    """The mail server did not take an alert: raised so the alert is tried again."""


@task()
def send_invitation(email: str, called: str, code: str) -> None:
    context = {"called": called, "code": code, "link": emails.link(reverse("voice:start"))}
    emails.send("voice/invitation", context, email)


def send_alert_email(alert, escalated: bool = False) -> None:
    """Raises AlertNotSent when the mail server did not take it, so that an escalation
    rolls back and is tried again on the next run, and a failed task shows."""
    from .domain import alert_recipients

    recipients = alert_recipients(alert, escalated=escalated)
    if not recipients:
        return
    context = {
        "called": alert.young_person.called,
        "escalated": escalated,
        "link": emails.link(reverse("voice:alert", kwargs={"pk": alert.pk})),
    }
    if not emails.send("voice/safety_alert", context, recipients):
        raise AlertNotSent(f"Safety alert {alert.pk} was not sent")


@task()
def notify_alert(alert_id: int) -> None:
    from .models import SafetyAlert

    alert = SafetyAlert.objects.select_related("young_person").filter(pk=alert_id).first()
    if alert is not None:
        send_alert_email(alert)


@task()
def escalate_overdue_alerts() -> int:
    """Run every few minutes (`scaffolding escalate-safety-alerts`); each alert escalates once."""
    from .domain import escalate_overdue

    return escalate_overdue()
