"""Finding 12: a strict Content-Security-Policy, a Permissions-Policy, no-store when signed
in, and the admin told when the mail server did not take an email."""

import re
import smtplib

from django.core.mail.backends.base import BaseEmailBackend

from scaffolding.accounts.models import User


class BrokenMailServer(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("mail server went away")


def _directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_pages_send_a_strict_content_security_policy(client_for, world):
    response = client_for("practitioner").get("/")
    directives = _directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert "camera=()" in response["Permissions-Policy"]


def test_no_page_has_inline_scripts(client_for, world):
    """With script-src 'self', an inline script would not run: every script has a src."""
    for role, path in [
        ("practitioner", "/"),
        ("partnership_admin", "/accounts/"),
        ("promise_lead", "/progress/report/"),
        ("anonymous", "/sign-in/"),
    ]:
        body = client_for(role).get(path).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", body):
            assert "src=" in tag, (path, tag)
        assert " onclick=" not in body and " onload=" not in body, path


def test_signed_in_pages_and_downloads_are_not_kept_by_the_browser(client_for, world):
    practitioner = client_for("practitioner")
    assert "no-store" in practitioner.get("/")["Cache-Control"]
    download = client_for("promise_lead").get("/supervision/provision/export.csv")
    assert "no-store" in download["Cache-Control"]


def test_the_admin_is_told_when_the_welcome_email_was_not_sent(client_for, world, settings):
    settings.EMAIL_BACKEND = "tests.hardening.test_headers.BrokenMailServer"
    response = client_for("partnership_admin").post(
        "/accounts/new/",
        {"full_name": "Rhona Grant", "email": "rhona@lochside.example", "role": "supervisor"},
        follow=True,
    )
    assert User.objects.filter(email="rhona@lochside.example").exists()
    assert "was not sent" in response.content.decode()
