"""Signals accounts sends so that apps above it can act without accounts importing them."""

from django.dispatch import Signal

# Sent after an account is created or changed, inside the same transaction, with
# ``account=``. Workforce answers with the register entry it joined the account to.
account_saved = Signal()


def joined_entry(account):
    """Send ``account_saved``; the first non-empty answer (the joined register entry), if any."""
    answers = account_saved.send(sender=type(account), account=account)
    return next((answer for _receiver, answer in answers if answer is not None), None)
