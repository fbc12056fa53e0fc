"""Changes to the register that keep history: moving team, moving on."""

from datetime import date

from django.db import transaction

from .models import Person, TeamMembership


def record_team(person: Person, team_id: int | None, on: date) -> None:
    """Close the open membership (if the team changed) and open a new one. Saves nothing else."""
    open_memberships = TeamMembership.objects.filter(person=person, ended_on__isnull=True)
    current = open_memberships.first()
    if current is not None and current.team_id == team_id:
        return
    open_memberships.update(ended_on=on)
    if team_id is not None:
        TeamMembership.objects.create(person=person, team_id=team_id, started_on=on)


@transaction.atomic
def save_person(person: Person, on: date | None = None) -> Person:
    """Save a register entry, writing team history when the team changed or someone moved on."""
    on = on or date.today()
    is_new = person.pk is None
    person.save()
    if is_new:
        if person.team_id:
            TeamMembership.objects.create(
                person=person, team_id=person.team_id, started_on=person.start_date
            )
        return person
    record_team(person, person.team_id, on)
    if person.end_date:
        TeamMembership.objects.filter(person=person, ended_on__isnull=True).update(
            ended_on=person.end_date
        )
    return person


def link_account(user):
    """Join an account to the register entry with the same email in its partnership.

    Only an entry without an account is joined, so nobody's account is ever moved
    to someone else's entry. Returns the entry, or None when there is no match.
    """
    if not user.partnership_id or not user.email:
        return None
    existing = Person.objects.filter(user=user).first()
    if existing is not None:
        return existing
    person = (
        Person.objects.filter(
            partnership_id=user.partnership_id, email__iexact=user.email, user__isnull=True
        )
        .order_by("pk")
        .first()
    )
    if person is not None:
        person.user = user
        person.save(update_fields=["user"])
    return person


def person_for_user(user) -> Person | None:
    """A signed-in user's own register entry, or None (the hook behind ``request.person``)."""
    return getattr(user, "person", None)


def on_account_saved(sender, account, **kwargs):
    """Receiver of ``accounts.signals.account_saved``: join the account to its entry."""
    return link_account(account)
