"""Every email Scaffolding sends, from templates, through one helper.

An email called `name` is three templates in `templates/emails/<name>/`:

- `subject.txt`: one line (whitespace is folded, so the template may wrap);
- `body.txt`: the plain text, always sent;
- `body.html`: optional; when it exists the email carries both, and mail
  programs that show HTML show it. It is autoescaped like any page; the text
  and subject are not, since they are not HTML.

Every template gets `site_url`, the partnership's own address
(`SCAFFOLDING_SITE_URL`), and `link(path)` here builds a full link for a
context. `send` answers False, and logs, when the mail server refused or could
not be reached, so a page can say the email was not sent and a task can decide
whether to try again.
"""

import logging
import smtplib
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context, TemplateDoesNotExist, engines

log = logging.getLogger(__name__)

TEMPLATE_DIR = "emails"


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def link(path: str) -> str:
    """A full link to `path` (from `reverse`) on the partnership's own Scaffolding."""
    return site_url() + path


def _engine():
    return engines["django"].engine


def _render(name: str, part: str, context: dict, *, html: bool) -> str:
    template = _engine().get_template(f"{TEMPLATE_DIR}/{name}/{part}")
    return template.render(Context(context, autoescape=html))


def render(name: str, context: dict) -> tuple[str, str, str | None]:
    """The subject, text and HTML (None when the email has no HTML) of email `name`."""
    context = {"site_url": site_url(), **context}
    subject = " ".join(_render(name, "subject.txt", context, html=False).split())
    text = _render(name, "body.txt", context, html=False)
    try:
        html = _render(name, "body.html", context, html=True)
    except TemplateDoesNotExist:
        html = None
    return subject, text, html


def send(
    name: str,
    context: dict,
    to: str | Iterable[str],
    *,
    attachments: Sequence[tuple[str, bytes | str, str]] = (),
    reply_to: str | Iterable[str] | None = None,
) -> bool:
    """Send email `name` to `to` (one address or several, all on the To line).

    `attachments` are (filename, content, content type). Answers True when the
    mail server took the email.
    """
    recipients = [to] if isinstance(to, str) else list(to)
    if not recipients:
        return False
    subject, text, html = render(name, context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=recipients,
        reply_to=None
        if reply_to is None
        else ([reply_to] if isinstance(reply_to, str) else list(reply_to)),
    )
    if html is not None:
        message.attach_alternative(html, "text/html")
    for filename, content, content_type in attachments:
        message.attach(filename, content, content_type)
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        log.exception("Email %s could not be sent", name)
        return False
    return True
