"""Changes to the register that keep history: moving team, moving on."""

from datetime import date

from django.db import transaction

from .models import Person, TeamMembership

# Ids per query: below every database's limit on query parameters (SQLite's is 999).
CHUNK = 900


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def record_teams(partnership_id: int, on: date, joined=(), changed=()) -> None:
    """The team-history rule, for one register entry or a whole import, in a number of
    queries that does not grow with the people (one per 900 of them at most).

    ``joined``: (person id, team id, start date) of new entries: a membership from their
    start date. ``changed``: (person id, team id, moved-on date) of saved existing
    entries: when the team is not the one their open membership is in, that membership
    closes ``on`` and one opens in the new team; when they have moved on, what is open
    closes on their moved-on date. Saves nothing but memberships.
    """
    opening = [(partnership_id, pk, team, start, None) for pk, team, start in joined if team]
    open_now: dict[int, list[tuple[int, int]]] = {}
    for ids in _chunks([pk for pk, _, _ in changed]):
        rows = (
            TeamMembership.objects.filter(person_id__in=ids, ended_on__isnull=True)
            .order_by("started_on", "pk")
            .values_list("person_id", "pk", "team_id")
        )
        for person_id, pk, team_id in rows:
            open_now.setdefault(person_id, []).append((pk, team_id))
    close_on, close_at = [], []  # membership ids closing `on`; (id, moved-on date)
    for pk, team, end in changed:
        memberships = open_now.get(pk, [])
        current = memberships[-1][1] if memberships else None  # the latest open one
        if memberships and current == team or not memberships and team is None:
            close_at += [(m, end) for m, _ in memberships] if end else []
            continue
        close_on += [m for m, _ in memberships]
        if team is not None:
            opening.append((partnership_id, pk, team, on, end))
    for ids in _chunks(close_on):
        TeamMembership.objects.filter(pk__in=ids).update(ended_on=on)
    if close_at:
        TeamMembership.objects.bulk_update(
            [TeamMembership(pk=m, ended_on=end) for m, end in close_at],
            ["ended_on"],
            batch_size=CHUNK // 3,
        )
    TeamMembership.objects.insert_rows(
        ["partnership_id", "person_id", "team_id", "started_on", "ended_on"], opening
    )


@transaction.atomic
def save_person(person: Person, on: date | None = None) -> Person:
    """Save a register entry, writing team history when the team changed or someone moved on."""
    on = on or date.today()
    is_new = person.pk is None
    person.save()
    if is_new:
        joined = [(person.pk, person.team_id, person.start_date)]
        record_teams(person.partnership_id, on, joined=joined)
    else:
        changed = [(person.pk, person.team_id, person.end_date)]
        record_teams(person.partnership_id, on, changed=changed)
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
        Person.objects.in_partnership(user.partnership_id)
        .filter(email__iexact=user.email, user__isnull=True)
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
