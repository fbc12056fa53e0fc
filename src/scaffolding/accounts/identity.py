"""Changes to who an account is: its email address and its password.

An admin must not be able to take over an account and read what is private to
it. So a change of address made by an admin waits until the new address
confirms it, and the old address is told at once; a new password is always
reported to the account's own address.
"""

from django.core import signing
from django.db import transaction
from django.urls import reverse

from scaffolding.core import emails

from .models import User

EMAIL_CHANGE_SALT = "scaffolding.accounts.email-change"
EMAIL_CHANGE_MAX_AGE = 3 * 24 * 60 * 60  # three days


def request_email_change(request, account: User, new_email: str) -> tuple[bool, bool]:
    """Keep `new_email` as pending; ask the new address to confirm; tell the old one.

    Answers (sent to new address, sent to old address).
    """
    account.pending_email = new_email
    account.save(update_fields=["pending_email"])
    token = signing.dumps(
        {"user": account.pk, "old": account.email, "new": new_email}, salt=EMAIL_CHANGE_SALT
    )
    link = request.build_absolute_uri(reverse("accounts:email_confirm", args=[token]))
    context = {"user": account, "new_email": new_email, "link": link}
    to_new = emails.send("accounts/email_change_confirm", context, new_email)
    to_old = emails.send("accounts/email_change_notice", context, account.email)
    return to_new, to_old


class EmailChangeRefused(Exception):
    pass


def confirm_email_change(token: str) -> User:
    """Make the pending address the account's address, if the token still fits."""
    try:
        data = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=EMAIL_CHANGE_MAX_AGE)
    except signing.SignatureExpired as error:
        raise EmailChangeRefused("This link is more than three days old.") from error
    except signing.BadSignature as error:
        raise EmailChangeRefused("This link is not one we sent, or it is incomplete.") from error
    with transaction.atomic():
        account = User.objects.select_for_update().filter(pk=data.get("user")).first()
        if (
            account is None
            or account.email != data.get("old")
            or account.pending_email != data.get("new")
        ):
            raise EmailChangeRefused("This link has already been used or was replaced.")
        if User.objects.filter(email__iexact=account.pending_email).exclude(pk=account.pk).exists():
            raise EmailChangeRefused("Another account already uses this email address.")
        account.email = account.pending_email
        account.pending_email = ""
        account.save(update_fields=["email", "pending_email"])
    emails.send("accounts/email_changed", {"user": account}, data["old"])
    return account


def tell_password_changed(account: User) -> bool:
    return emails.send("accounts/password_changed", {"user": account}, account.email)


def tell_two_step_reset(account: User, by: User) -> bool:
    return emails.send("accounts/two_step_reset", {"user": account, "by": by}, account.email)


def send_password_reset(account: User, link: str, to: str) -> bool:
    """Email the link to choose a new password (asked for on the sign-in page)."""
    return emails.send("accounts/password_reset", {"user": account, "link": link}, to)
