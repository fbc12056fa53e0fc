"""Every change to a young person's story, shares, profile, views and alerts: here, once.

Views are thin: they check a permission, call one function here, and show the
result. Each function is atomic, so nothing is ever half saved.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import date, timedelta

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from scaffolding.accounts.models import Role, User
from scaffolding.core.middleware import forget_remembered

from . import sharing
from .accesslog import record_read
from .models import (
    AboutMe,
    AccessEvent,
    Audience,
    DecidedAs,
    Invitation,
    ItemKind,
    ItemShare,
    LinkKind,
    MeetingViews,
    NewWorkerQuestion,
    OnBehalfDecision,
    ProfileShare,
    SafetyAlert,
    SafetySettings,
    StoryItem,
    ViewsShare,
    WorkerLink,
    YoungPerson,
)

MAX_FILE_BYTES = 10 * 1024 * 1024
# Checked from the file's first bytes, never from its name.
ALLOWED_FILE_TYPES = {
    "image/jpeg": ItemKind.PHOTO,
    "image/png": ItemKind.PHOTO,
    "image/webp": ItemKind.PHOTO,
    "image/gif": ItemKind.PHOTO,
    "application/pdf": ItemKind.FILE,
    "audio/mpeg": ItemKind.AUDIO,
    "audio/ogg": ItemKind.AUDIO,
    "audio/x-wav": ItemKind.AUDIO,
    "audio/mp4": ItemKind.AUDIO,
    "audio/m4a": ItemKind.AUDIO,
    "video/webm": ItemKind.AUDIO,  # browsers record voice as WebM
}
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I/L to misread
CODE_DAYS = 7
YOUNG_EMAIL_DOMAIN = "young-people.invalid"
OVERRIDE_REASON_MIN = 20


# Young people and the workers around them ------------------------------------------


@transaction.atomic
def add_young_person(by, *, full_name, called, pronouns, date_of_birth) -> YoungPerson:
    """A worker adds a young person and becomes their named worker."""
    person = sharing.person_of(by)
    if person is None:
        raise ValidationError("Only someone in the workforce register can add a young person.")
    young = YoungPerson.objects.create(
        partnership_id=by.partnership_id,
        full_name=full_name,
        called=called,
        pronouns=pronouns,
        date_of_birth=date_of_birth,
        created_by=by,
    )
    link_worker(by, young, person, LinkKind.NAMED_WORKER)
    return young


@transaction.atomic
def link_worker(by, young, person, kind, *, parental_responsibility=False) -> WorkerLink:
    """Link a worker; the young person is then asked once whether to share About me.

    Refused, with the field named, for someone of another partnership, someone who has
    moved on, or a second current link of the same person and kind.
    """
    if person.partnership_id != young.partnership_id:
        raise ValidationError({"person": "Choose someone from your partnership's register."})
    if not person.is_current:
        raise ValidationError({"person": f"{person} has moved on and cannot be linked."})
    duplicate = (
        f"{person} is already linked to {young.called} as "
        f"{LinkKind(kind).label.lower()}. End that link first, or choose another kind."
    )
    if WorkerLink.objects.current().filter(young_person=young, person=person, kind=kind).exists():
        raise ValidationError({"person": duplicate})
    try:
        # A savepoint: two people linking the same worker at once meet the constraint.
        with transaction.atomic():
            link = WorkerLink.objects.create(
                young_person=young,
                person=person,
                kind=kind,
                linked_by=by,
                parental_responsibility=parental_responsibility,
            )
    except IntegrityError:
        raise ValidationError({"person": duplicate}) from None
    NewWorkerQuestion.objects.create(link=link)
    forget_remembered()  # who is whose named worker may have changed
    return link


def links_of(young):
    """Every link, current and ended, with the people named on it: one query."""
    return (
        WorkerLink.objects.filter(young_person=young)
        .select_related("person", "linked_by", "ended_by")
        .order_by("linked_at", "pk")
    )


@transaction.atomic
def end_link(by, link: WorkerLink) -> WorkerLink:
    """End a link; it stays in the history with when and by whom.

    A young person always keeps a named worker: the last one is ended only once
    another named worker is linked. Saved with ``save()``, so anything listening to
    WorkerLink saves hears it (nothing does today: relationships listens to the
    workforce register, where a worker moving on is recorded).
    """
    link = WorkerLink.objects.select_for_update().select_related("young_person").get(pk=link.pk)
    if link.ended_at is not None:
        raise ValidationError("This link has already ended.")
    young = link.young_person
    if (
        link.kind == LinkKind.NAMED_WORKER
        and not WorkerLink.objects.current()
        .filter(young_person=young, kind=LinkKind.NAMED_WORKER)
        .exclude(pk=link.pk)
        .exists()
    ):
        raise ValidationError(
            f"{link.person} is {young.called}'s only named worker, and {young.called} must "
            "always have one. Link another named worker first, then end this link."
        )
    link.ended_at = timezone.now()
    link.ended_by = by
    link.save(update_fields=["ended_at", "ended_by"])
    forget_remembered()  # who is whose named worker may have changed
    return link


def open_questions(young):
    return (
        NewWorkerQuestion.objects.filter(
            link__young_person=young, answer__isnull=True, link__ended_at__isnull=True
        )
        .select_related("link__person")
        .order_by("link__linked_at")
    )


@transaction.atomic
def answer_question(question: NewWorkerQuestion, share: bool) -> None:
    question.answer = share
    question.answered_at = timezone.now()
    question.save(update_fields=["answer", "answered_at"])
    if share:
        profile = profile_of(question.link.young_person)
        if profile.audience == Audience.ONLY_ME:
            profile.audience = Audience.NAMED
            profile.save(update_fields=["audience"])
        ProfileShare.objects.get_or_create(profile=profile, person=question.link.person)


# Signing in with a code -----------------------------------------------------------------


def _hash_code(code: str) -> str:
    normal = "".join(ch for ch in code.upper() if ch.isalnum())
    return hmac.new(settings.SECRET_KEY.encode(), normal.encode(), hashlib.sha256).hexdigest()


@transaction.atomic
def invite(by, young, *, email: str = "") -> tuple[Invitation, str]:
    """A one-time code (shown once, kept only as a hash) that expires in a week."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    code = f"{raw[:4]}-{raw[4:]}"
    invitation = Invitation.objects.create(
        young_person=young,
        code_hash=_hash_code(code),
        email=email.lower(),
        created_by=by,
        expires_at=timezone.now() + timedelta(days=CODE_DAYS),
    )
    if email:
        from .tasks import send_invitation

        send_invitation.enqueue(email=email, called=young.called, code=code)
    return invitation, code


def find_invitation(code: str) -> Invitation | None:
    invitation = (
        Invitation.objects.select_related("young_person")
        .filter(code_hash=_hash_code(code), used_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    return invitation


def _sign_in_name(young) -> str:
    base = "".join(ch for ch in young.called.lower() if ch.isalpha())[:12] or "me"
    while True:
        name = f"{base}{secrets.randbelow(9000) + 1000}"
        if not User.objects.filter(email=f"{name}@{YOUNG_EMAIL_DOMAIN}").exists():
            return name


@transaction.atomic
def redeem(code: str, password: str) -> tuple[User, str]:
    """Use a code once: the young person's account, with the password they chose.

    Returns the account and what they type to sign in (their email, or a
    sign-in name for those without one).
    """
    invitation = find_invitation(code)
    if invitation is None:
        raise ValidationError("That code does not work. It may be used or too old.")
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.used_at is not None:
        raise ValidationError("That code does not work. It may be used or too old.")
    young = invitation.young_person
    account = young.account
    if account is None:
        sign_in = invitation.email or _sign_in_name(young)
        email = sign_in if "@" in sign_in else f"{sign_in}@{YOUNG_EMAIL_DOMAIN}"
        account = User(
            email=email,
            full_name=young.called,
            partnership_id=young.partnership_id,
            role=Role.YOUNG_PERSON,
        )
    account.set_password(password)
    account.save()
    if young.account_id != account.pk:
        young.account = account
        young.save(update_fields=["account"])
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    shown = account.email.removesuffix(f"@{YOUNG_EMAIL_DOMAIN}")
    return account, shown


def sign_in_email(typed: str) -> str:
    """What a young person types to sign in: their email, or their sign-in name."""
    typed = typed.strip().lower()
    return typed if "@" in typed else f"{typed}@{YOUNG_EMAIL_DOMAIN}"


# Story items and who sees them -----------------------------------------------------------


def check_upload(upload) -> tuple[str, str]:
    """The kind and type of an uploaded file, from its content. Refuses with the reason."""
    if upload.size > MAX_FILE_BYTES:
        raise ValidationError(
            f"This file is too big. It must be under {MAX_FILE_BYTES // (1024 * 1024)} MB."
        )
    head = upload.read(8192)
    upload.seek(0)
    guess = filetype.guess(head)
    if guess is None or guess.mime not in ALLOWED_FILE_TYPES:
        raise ValidationError(
            "We can't keep this kind of file. Try a photo (JPEG or PNG), a PDF, or a sound file."
        )
    return ALLOWED_FILE_TYPES[guess.mime], guess.mime


def _set_shares(thing, share_model, field, people_ids) -> None:
    share_model.objects.filter(**{field: thing}).exclude(person_id__in=people_ids).delete()
    have = set(share_model.objects.filter(**{field: thing}).values_list("person_id", flat=True))
    share_model.objects.bulk_create(
        [
            share_model(**{field: thing}, person_id=pk, partnership_id=thing.partnership_id)
            for pk in people_ids
            if pk not in have
        ]
    )


def _share_model(thing):
    if isinstance(thing, StoryItem):
        return ItemShare, "item"
    if isinstance(thing, AboutMe):
        return ProfileShare, "profile"
    return ViewsShare, "views"


@transaction.atomic
def set_share(
    thing,
    by,
    *,
    audience: str,
    until: date | None = None,
    people=(),
    on_behalf: dict | None = None,
) -> None:
    """Who may see this, until when. Takes effect on the next request.

    The young person decides. For a very young child, their named worker or a
    person with parental responsibility decides, with a reason and a date to
    ask the child again (``on_behalf``: decided_as, reason, ask_again_on).
    """
    young = thing.young_person
    people_ids = {getattr(p, "pk", p) for p in people}
    if audience == Audience.NAMED:
        if not people_ids:
            raise ValidationError({"people": "Choose at least one person."})
        linked = sharing.linked_person_ids(young)
        if not people_ids <= linked:
            raise ValidationError({"people": "You can only choose people who work with you."})
    else:
        people_ids = set()
    if until is not None and until < timezone.localdate():
        raise ValidationError({"until": "Pick a date from today on."})
    if not sharing.is_owner(by, young):
        if on_behalf is None or not (
            sharing.is_named_worker(by, young) or sharing.has_parental_responsibility(by, young)
        ):
            raise ValidationError("Only the young person can change who sees this.")
        reason = (on_behalf.get("reason") or "").strip()
        ask_again = on_behalf.get("ask_again_on")
        if not reason:
            raise ValidationError({"reason": "Say why you are deciding for them."})
        if ask_again is None or ask_again <= timezone.localdate():
            raise ValidationError({"ask_again_on": "Pick a later date to ask them again."})
        OnBehalfDecision.objects.create(
            young_person=young,
            item=thing if isinstance(thing, StoryItem) else None,
            decided_by=by,
            decided_as=on_behalf.get("decided_as") or DecidedAs.NAMED_WORKER,
            decision=f"{Audience(audience).label} for “{thing.title}”"[:300],
            reason=reason,
            ask_again_on=ask_again,
        )
    thing.audience = audience
    thing.until = until
    thing.share_changed_at = timezone.now()
    thing.save(update_fields=["audience", "until", "share_changed_at"])
    model, field = _share_model(thing)
    _set_shares(thing, model, field, people_ids)


@transaction.atomic
def withdraw(thing, by) -> None:
    """Only me from now on: every share, and any consent for progress reports, ends."""
    set_share(thing, by, audience=Audience.ONLY_ME)
    if isinstance(thing, StoryItem) and thing.for_reports:
        set_report_consent(thing, by, False)


@transaction.atomic
def set_report_consent(item: StoryItem, by, given: bool) -> None:
    """The young person's yes or no to a progress story built from this item; at once."""
    if not sharing.is_owner(by, item.young_person):
        raise ValidationError("Only the young person can decide this.")
    item.for_reports = given
    item.save(update_fields=["for_reports"])


@transaction.atomic
def add_item(
    young, by, *, title, text="", upload=None, audience=Audience.ONLY_ME, until=None, people=()
) -> StoryItem:
    kind, mime = ItemKind.TEXT, ""
    if upload is not None:
        kind, mime = check_upload(upload)
    if not text.strip() and upload is None:
        raise ValidationError({"text": "Write something, or add a photo, file or recording."})
    item = StoryItem(
        young_person=young,
        title=title,
        text=text,
        kind=kind,
        file_type=mime,
        file_name=(upload.name[-200:] if upload else ""),
        created_by=by,
    )
    if upload is not None:
        item.file.save(f"{secrets.token_hex(16)}", upload, save=False)
    item.save()
    set_share(item, by, audience=audience, until=until, people=people)
    return item


def override(user, thing, reason: str):
    """Open something not shared with this worker, for protection only. Logged and shown."""
    reason = (reason or "").strip()
    if len(reason) < OVERRIDE_REASON_MIN:
        raise ValidationError(
            {
                "reason": f"Write the child protection reason (at least {OVERRIDE_REASON_MIN} "
                "characters)."
            }
        )
    if not user.has_perm("voice.override", thing.young_person):
        raise ValidationError("Only someone who works with this young person can do this.")
    return record_read(user, thing, override_reason=reason)


def override_counts(partnership_id):
    """Numbers only: overrides per month in the partnership, no names or content."""
    return (
        AccessEvent.objects.in_partnership(partnership_id)
        .exclude(override_reason="")
        .annotate(month=TruncMonth("at"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("-month")
    )


# About me and views for a meeting ----------------------------------------------------------


def profile_of(young) -> AboutMe:
    profile, _ = AboutMe.objects.get_or_create(
        young_person=young, defaults={"partnership_id": young.partnership_id}
    )
    return profile


@transaction.atomic
def save_profile(young, by, **fields) -> AboutMe:
    if not sharing.is_owner(by, young):
        raise ValidationError("Only the young person can change About me.")
    profile = profile_of(young)
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.updated_at = timezone.now()
    profile.save()
    return profile


@transaction.atomic
def add_views(young, by, *, people, **fields) -> MeetingViews:
    views = MeetingViews.objects.create(young_person=young, **fields)
    set_share(views, by, audience=Audience.NAMED, people=people)
    return views


@transaction.atomic
def answer_views(views, by, *, decided: str, answer: str) -> None:
    if not (decided.strip() and answer.strip()):
        raise ValidationError(
            {"answer": "Write what was decided and how their views were answered."}
        )
    views.decided = decided
    views.answer = answer
    views.answered_by = by
    views.answered_at = timezone.now()
    views.save(update_fields=["decided", "answer", "answered_by", "answered_at"])


# I don't feel safe ---------------------------------------------------------------------


# Without safety settings an alert still goes to the named workers and is sent to them
# again ("Not yet read") after this long; there is no duty contact and no next person.
DEFAULT_ACKNOWLEDGE_MINUTES = 60
ACKNOWLEDGE_MINUTES_RANGE = (5, 1440)


def safety_settings(partnership_id) -> SafetySettings | None:
    return SafetySettings.objects.in_partnership(partnership_id).first()


@transaction.atomic
def save_safety_settings(row: SafetySettings, *, by) -> SafetySettings:
    """The partnership admin's duty contact, next person and time to read an alert."""
    low, high = ACKNOWLEDGE_MINUTES_RANGE
    minutes = row.acknowledge_within_minutes
    if minutes is None or not low <= minutes <= high:
        raise ValidationError(
            {
                "acknowledge_within_minutes": (
                    f"Choose between {low} minutes and {high} minutes (24 hours)."
                )
            }
        )
    if row.next_email and row.next_email.lower() == (row.duty_email or "").lower():
        raise ValidationError(
            {"next_email": "The next person must be someone other than the duty contact."}
        )
    if row.partnership_id is None:
        row.partnership_id = by.partnership_id
    elif row.partnership_id != by.partnership_id:
        raise ValidationError("These settings belong to another partnership.")
    row.save()
    return row


@transaction.atomic
def raise_alert(young, message: str = "") -> SafetyAlert:
    settings_row = safety_settings(young.partnership_id)
    minutes = (
        settings_row.acknowledge_within_minutes if settings_row else DEFAULT_ACKNOWLEDGE_MINUTES
    )
    now = timezone.now()
    alert = SafetyAlert.objects.create(
        young_person=young,
        message=message.strip(),
        raised_at=now,
        due_by=now + timedelta(minutes=minutes),
    )
    from .tasks import notify_alert

    transaction.on_commit(lambda: notify_alert.enqueue(alert_id=alert.pk))
    return alert


def alert_recipients(alert, escalated: bool = False) -> list[str]:
    """Named workers and the duty contact; the next person as well once overdue."""
    emails = list(
        WorkerLink.objects.current()
        .filter(young_person=alert.young_person, kind=LinkKind.NAMED_WORKER)
        .exclude(person__email="")
        .values_list("person__email", flat=True)
    )
    settings_row = safety_settings(alert.partnership_id)
    if settings_row:
        emails.append(settings_row.duty_email)
        if escalated and settings_row.next_email:
            emails.append(settings_row.next_email)
    return sorted(set(emails))


@transaction.atomic
def acknowledge(alert: SafetyAlert, by) -> None:
    alert = SafetyAlert.objects.select_for_update().get(pk=alert.pk)
    if alert.acknowledged_at is None:
        alert.acknowledged_at = timezone.now()
        alert.acknowledged_by = by
        alert.save(update_fields=["acknowledged_at", "acknowledged_by"])


def alerts_for_worker(user):
    person = sharing.person_of(user)
    if person is None:
        return SafetyAlert.objects.none()
    return (
        SafetyAlert.objects.for_user(user)
        .filter(
            young_person__links__person=person,
            young_person__links__ended_at__isnull=True,
            acknowledged_at__isnull=True,
        )
        .select_related("young_person")
        .distinct()
    )


def escalate_overdue(now=None) -> int:
    """Send overdue, unread alerts to the next person. Idempotent: each alert once."""
    from .tasks import send_alert_email

    now = now or timezone.now()
    sent = 0
    for alert_id in SafetyAlert.objects.filter(
        acknowledged_at__isnull=True, escalated_at__isnull=True, due_by__lte=now
    ).values_list("pk", flat=True):
        with transaction.atomic():
            updated = SafetyAlert.objects.filter(pk=alert_id, escalated_at__isnull=True).update(
                escalated_at=now
            )
            if updated:
                alert = SafetyAlert.objects.select_related("young_person").get(pk=alert_id)
                send_alert_email(alert, escalated=True)
                sent += 1
    return sent
