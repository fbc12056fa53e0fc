"""Background work for voice: invitations and "I don't feel safe" alerts (django-tasks).

Alert emails never carry what the young person wrote: only that they need
someone, and a link to read it in Scaffolding.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django_tasks import task


def _site(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


@task()
def send_invitation(email: str, called: str, code: str) -> None:
    send_mail(
        "Your own space in Scaffolding",
        f"Hello {called},\n\nYour worker has made a space for you in Scaffolding, "
        f"where you own your story and decide who sees it.\n\n"
        f"Go to {_site(reverse('voice:start'))} and type this code: {code}\n\n"
        "The code works once and stops working in 7 days.",
        settings.DEFAULT_FROM_EMAIL,
        [email],
    )


def send_alert_email(alert, escalated: bool = False) -> None:
    from .domain import alert_recipients

    recipients = alert_recipients(alert, escalated=escalated)
    if not recipients:
        return
    first = "Not yet read: " if escalated else ""
    send_mail(
        f"{first}{alert.young_person.called} does not feel safe",
        f'{alert.young_person.called} pressed "I don\'t feel safe" in Scaffolding.\n'
        f"Please read what they said and let them know you have seen it:\n"
        f"{_site(reverse('voice:alert', kwargs={'pk': alert.pk}))}",
        settings.DEFAULT_FROM_EMAIL,
        recipients,
    )


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
