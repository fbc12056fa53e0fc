"""The one rule for who may see what a young person owns.

A story item, "About me" and "My views for my meeting" each carry an audience:

- only me: the young person alone;
- named people: the people they picked, while those people still work with them;
- everyone who works with me: every worker or carer currently linked to them;

and an optional date after which the share ends. The young person always sees
their own things. Nobody else does: not admins, supervisors, learning leads or
Promise leads, unless the young person named them and they are linked. A
linked worker can open an unshared item only for protection, with a written
reason (``voice.domain.override``), and that read is logged and shown.

Nothing here is kept between requests: every request asks again, so a change or
withdrawal takes effect on the next request. Within one request, "is this user the
young person's named worker?" is asked once (a young person's page asks it for what
it shows and for three permissions); ``voice.domain`` forgets the answer when it
links or ends a link.
"""

from __future__ import annotations

from django.utils import timezone

from scaffolding.core.middleware import remembered

from .models import Audience, WorkerLink


def person_of(user):
    """The user's entry in the workforce register, or None."""
    if not (user and getattr(user, "is_authenticated", False)):
        return None
    return getattr(user, "person", None)


def is_owner(user, young_person) -> bool:
    return bool(
        user
        and getattr(user, "is_authenticated", False)
        and user.is_active
        and young_person.account_id is not None
        and young_person.account_id == user.pk
    )


def linked_person_ids(young_person) -> set[int]:
    return set(
        WorkerLink.objects.current()
        .filter(young_person=young_person)
        .values_list("person_id", flat=True)
    )


def is_linked(user, young_person) -> bool:
    person = person_of(user)
    if person is None or person.partnership_id != young_person.partnership_id:
        return False
    return WorkerLink.objects.current().filter(young_person=young_person, person=person).exists()


def is_named_worker(user, young_person) -> bool:
    """Whether the user is one of the young person's current named workers: one query,
    asked once per request for each user and young person."""
    person = person_of(user)
    if person is None or person.partnership_id != young_person.partnership_id:
        return False
    return remembered(
        ("voice.is_named_worker", user.pk, young_person.pk),
        lambda: (
            WorkerLink.objects.current()
            .filter(young_person=young_person, person=person, kind="named_worker")
            .exists()
        ),
    )


def has_parental_responsibility(user, young_person) -> bool:
    person = person_of(user)
    if person is None or person.partnership_id != young_person.partnership_id:
        return False
    return (
        WorkerLink.objects.current()
        .filter(young_person=young_person, person=person, parental_responsibility=True)
        .exists()
    )


def share_is_open(thing, today=None) -> bool:
    today = today or timezone.localdate()
    if thing.audience == Audience.ONLY_ME:
        return False
    return thing.until is None or thing.until >= today


def may_see(user, thing, today=None) -> bool:
    """True when this user may read this item, profile or set of views now."""
    if thing is None or not (user and getattr(user, "is_authenticated", False)):
        return False
    if not user.is_active or user.partnership_id != thing.partnership_id:
        return False
    young_person = thing.young_person
    if is_owner(user, young_person):
        return True
    person = person_of(user)
    if person is None or not share_is_open(thing, today):
        return False
    if person.pk not in linked_person_ids(young_person):
        return False
    if thing.audience == Audience.EVERYONE:
        return True
    return thing.shares.filter(person=person).exists()


def visible_to(user, queryset, young_person, today=None):
    """Of a young person's items (or views), those this user may see now: one query."""
    from django.db.models import Q

    today = today or timezone.localdate()
    if is_owner(user, young_person):
        return queryset.filter(young_person=young_person)
    person = person_of(user)
    if person is None or user.partnership_id != young_person.partnership_id:
        return queryset.none()
    linked = WorkerLink.objects.current().filter(young_person=young_person, person=person)
    return (
        queryset.filter(
            Q(young_person=young_person),
            Q(until__isnull=True) | Q(until__gte=today),
            Q(audience=Audience.EVERYONE) | Q(audience=Audience.NAMED, shares__person=person),
        )
        .filter(young_person__links__in=linked)
        .distinct()
    )


def shared_with(user, queryset, today=None):
    """Across every young person this user works with now, what they share with the user."""
    from django.db.models import Q

    person = person_of(user)
    if person is None:
        return queryset.none()
    today = today or timezone.localdate()
    working_with = WorkerLink.objects.current().filter(person=person).values("young_person_id")
    return (
        queryset.for_user(user)
        .filter(
            Q(young_person_id__in=working_with),
            Q(until__isnull=True) | Q(until__gte=today),
            Q(audience=Audience.EVERYONE) | Q(audience=Audience.NAMED, shares__person=person),
        )
        .distinct()
    )
