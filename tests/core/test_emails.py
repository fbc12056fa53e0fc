"""Every email comes from templates through one helper, core/emails.send.

The templates are checked whole (each email has a subject and a text body, the
subject is one line, the wording keeps to the language of care), a sample is
rendered (the HTML and the text carry the same link, names are escaped in HTML
and not in text), and the source is read to be sure nothing sends mail itself.
"""

import ast
import re
import smtplib
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import URLPattern, URLResolver, get_resolver

import scaffolding
from scaffolding.core import emails
from scaffolding.language import check

SOURCE = Path(scaffolding.__file__).parent
EMAILS = SOURCE / "templates" / "emails"
PARTS = {"subject.txt", "body.txt", "body.html"}
LINK = "https://scaffolding.example/somewhere/42/"


def _names() -> list[str]:
    """Every email: a folder under templates/emails holding any of its parts."""
    return sorted(
        str(folder.relative_to(EMAILS))
        for folder in EMAILS.rglob("*")
        if folder.is_dir() and any((folder / part).exists() for part in PARTS)
    )


def _person(name="Morag Stewart"):
    return SimpleNamespace(full_name=name, get_short_name=name.split()[0], email="m@example.org")


def _session():
    return SimpleNamespace(
        get_kind_display="One-to-one supervision",
        held_on=date(2026, 11, 11),
        length_minutes=60,
        location="Room 2",
    )


def _ask():
    return SimpleNamespace(
        asked_by="Fiona Reid",
        named_person="Callum Ross",
        escalated_to="Isla Grant",
        young_person="Jamie",
        question="Can Jamie stay over at a friend's house on Friday?",
        area_label="Overnight stays",
        due_on=date(2026, 11, 11),
    )


def _context(name: str, person_name: str = "Morag Stewart") -> dict:
    person = _person(person_name)
    return {
        "user": person,
        "by": person,
        "person": person,
        "supervisor": _person("Ailsa Brown"),
        "new_email": "new@example.org",
        "session": _session(),
        "check_in": SimpleNamespace(checked_on=date(2026, 11, 11)),
        "last_supervised": date(2026, 8, 1),
        "next_due": date(2026, 11, 1),
        "called": person_name,
        "code": "ABCD-1234",
        "escalated": False,
        "ask": _ask(),
        "link": LINK,
    }


# The emails whose point is a link: both the text and the HTML must carry it.
LINKED = [
    "accounts/email_change_confirm",
    "accounts/password_reset",
    "accounts/welcome",
    "supervision/session_invitation",
    "supervision/wellbeing_alert",
    "voice/invitation",
    "voice/safety_alert",
    "carers/ask_notice",
    "carers/ask_reminder",
    "carers/ask_passed",
]


def test_there_are_emails():
    assert len(_names()) >= 16
    assert set(LINKED) <= set(_names())


@pytest.mark.parametrize("name", _names())
def test_every_email_has_a_one_line_subject_and_a_text_body(name):
    folder = EMAILS / name
    assert (folder / "subject.txt").is_file()
    assert (folder / "body.txt").is_file()
    assert {path.name for path in folder.iterdir() if path.is_file()} <= PARTS
    assert len((folder / "subject.txt").read_text().strip().splitlines()) == 1
    subject, text, _html = emails.render(name, _context(name))
    assert subject and "\n" not in subject and subject == subject.strip()
    assert text.strip()


@pytest.mark.parametrize("name", LINKED)
def test_html_and_text_carry_the_link(name):
    subject, text, html = emails.render(name, _context(name))
    assert LINK in text
    if (EMAILS / name / "body.html").exists():
        assert f'href="{LINK}"' in html
        assert '<html lang="en-GB">' in html
        assert "<img" not in html


def test_html_escapes_names_and_text_does_not():
    name = "<script>alert(1)</script> O'Neil"
    subject, text, html = emails.render(
        "supervision/wellbeing_alert", _context("supervision/wellbeing_alert", name)
    )
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert name in text  # plain text is not HTML: nothing to escape
    assert subject.startswith(name)


def test_every_template_gets_the_site_url(settings):
    settings.SITE_URL = "https://scaffolding.lochside.example/"
    _subject, _text, html = emails.render("voice/invitation", _context("voice/invitation"))
    assert "Sent by Scaffolding, https://scaffolding.lochside.example<" in html
    assert emails.link("/start/") == "https://scaffolding.lochside.example/start/"


def test_send_sends_text_and_html_with_attachments():
    invitation = b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    sent = emails.send(
        "supervision/session_invitation",
        _context("supervision/session_invitation"),
        "m@example.org",
        attachments=[("supervision.ics", invitation, "text/calendar; method=REQUEST")],
        reply_to="ailsa@example.org",
    )
    assert sent is True
    (message,) = mail.outbox
    assert message.to == ["m@example.org"]
    assert message.reply_to == ["ailsa@example.org"]
    assert message.subject == "One-to-one supervision on 11 November 2026"
    assert LINK in message.body
    ((html, kind),) = message.alternatives
    assert kind == "text/html" and LINK in html
    raw = message.message().as_string()
    assert 'Content-Type: text/calendar; method="REQUEST"' in raw
    # The calendar sits beside the text and HTML, not as a third way to read the email.
    assert raw.index("multipart/alternative") < raw.index("text/calendar")
    assert 'filename="supervision.ics"' in raw


def test_an_email_without_html_is_text_only():
    emails.send("supervision/overdue_reminder", _context("x"), ["a@example.org", "b@example.org"])
    (message,) = mail.outbox
    assert message.to == ["a@example.org", "b@example.org"]
    assert message.alternatives == []
    assert "1 August 2026" in message.body and "1 November 2026" in message.body


class BrokenMailServer(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("mail server went away")


def test_send_answers_false_when_the_mail_server_refuses(settings):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenMailServer"
    assert emails.send("accounts/password_changed", _context("x"), "m@example.org") is False
    assert emails.send("accounts/password_changed", _context("x"), []) is False


@pytest.mark.parametrize(
    "path", sorted(EMAILS.rglob("*.*")), ids=lambda path: str(path.relative_to(EMAILS))
)
def test_email_wording_keeps_to_the_language_of_care(path):
    unquoted = [f"{f.line}: {f.text}" for f in check(path.read_text()) if not f.quoted]
    assert unquoted == []


MAIL_NAMES = {
    "send_mail",
    "send_mass_mail",
    "mail_admins",
    "mail_managers",
    "EmailMessage",
    "EmailMultiAlternatives",
}


def test_nothing_sends_mail_but_the_helper():
    """Only core/emails.py may build or send an email itself."""
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        if path == SOURCE / "core" / "emails.py" or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.ImportFrom | ast.Import):
                names = {alias.name.rsplit(".", 1)[-1] for alias in node.names}
            elif isinstance(node, ast.Name):
                names = {node.id}
            elif isinstance(node, ast.Attribute):
                names = {node.attr}
            else:
                continue
            for name in names & MAIL_NAMES:
                found.append(f"{path.relative_to(SOURCE)}:{node.lineno} {name}")
    assert found == []


def _view_classes(patterns=None):
    """Every class-based view the site serves, walking included URL patterns too."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from _view_classes(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class is not None:
                yield pattern, view_class, getattr(pattern.callback, "view_initkwargs", {})


def _sends_its_own_mail(form_class) -> bool:
    return form_class.send_mail is auth_forms.PasswordResetForm.send_mail


def test_no_page_lets_django_send_its_own_password_reset_email():
    """Django's PasswordResetForm builds and sends an email itself (a path the source
    reading above cannot see): every reset page must use a form whose send_mail goes
    through core/emails.py."""
    resets = [
        (pattern, initkwargs.get("form_class", view_class.form_class))
        for pattern, view_class, initkwargs in _view_classes()
        if issubclass(view_class, auth_views.PasswordResetView)
    ]
    assert resets, "the site has a password reset page"
    assert [str(pattern.pattern) for pattern, form in resets if _sends_its_own_mail(form)] == []
    # And the check itself sees Django's own form for what it is.
    assert _sends_its_own_mail(auth_views.PasswordResetView.form_class)


def test_the_password_reset_email_comes_from_its_template(client, world):
    account = world.users["practitioner"]
    response = client.post("/password-reset/", {"email": "Practitioner@Lochside.example"})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [account.email]
    link = re.search(r"http://testserver/password-reset/\S+/", message.body).group(0)
    subject, text, html = emails.render("accounts/password_reset", {"user": account, "link": link})
    assert message.subject == subject == "Reset your Scaffolding password"
    assert message.body == text
    assert message.alternatives[0].content == html and f'href="{link}"' in html
    # That the link sets a new password: tests/accounts/test_sign_in.py
    # (test_password_reset_sends_a_working_link), on this same email.
