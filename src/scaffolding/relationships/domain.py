"""Every state change for relationships, written once; views and the register trigger call these.

Rules kept here:
- a person who matters is ended and kept as former, never deleted;
- a planned move is saved only with its plan; an emergency move may be saved with a
  date its plan is due by, and gets a review due within the partnership's set days;
- when the register records a moved-on date or a team change for someone linked to
  young people, each of them gets exactly one open staying-in-touch plan, assigned to
  that person's supervisor.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from scaffolding.supervision.models import Attendance, Session
from scaffolding.voice.models import WorkerLink

from .models import (
    DEFAULT_EMERGENCY_REVIEW_DAYS,
    KeptRelationship,
    Kind,
    LocalPolicy,
    Move,
    PersonWhoMatters,
    Settings,
    StayingInTouchPlan,
    TimeTogether,
)

# People who matter ----------------------------------------------------------------


def add_person(young_person, *, by, **fields) -> PersonWhoMatters:
    person = PersonWhoMatters(young_person=young_person, added_by=by, **fields)
    tidy_person(person)
    person.save()
    return person


def update_person(person: PersonWhoMatters, *, by, **fields) -> PersonWhoMatters:
    for name, value in fields.items():
        setattr(person, name, value)
    tidy_person(person)
    person.save()
    return person


def tidy_person(person: PersonWhoMatters):
    """Living together is asked only of brothers and sisters; the reason only when apart."""
    if person.kind != Kind.SIBLING:
        person.lives_together = None
        person.apart_reason = ""
    elif person.lives_together:
        person.apart_reason = ""


def end_person(person: PersonWhoMatters, *, by, reason: str = "") -> PersonWhoMatters:
    """Kept as former: never deleted, so the young person's history stays whole."""
    if person.ended_at is None:
        person.ended_at = timezone.now()
        person.ended_by = by
        person.ended_reason = reason
        person.save(update_fields=["ended_at", "ended_by", "ended_reason", "updated_at"])
    return person


def restore_person(person: PersonWhoMatters, *, by) -> PersonWhoMatters:
    person.ended_at = None
    person.ended_by = None
    person.ended_reason = ""
    person.save(update_fields=["ended_at", "ended_by", "ended_reason", "updated_at"])
    return person


def record_time_together(with_whom: PersonWhoMatters, *, by, on, what, notes="") -> TimeTogether:
    return TimeTogether.objects.create(
        young_person_id=with_whom.young_person_id,
        with_whom=with_whom,
        on=on,
        what=what,
        notes=notes,
        recorded_by=by,
    )


# Moves ------------------------------------------------------------------------------

PLAN_FIELDS = {
    "told_on": "Say when they were told about the move.",
    "how_told": "Say how they were told about the move.",
    "what_they_wanted": "Say what they wanted.",
}


def emergency_review_days(partnership_id) -> int:
    days = (
        Settings.objects.in_partnership(partnership_id)
        .values_list("emergency_review_days", flat=True)
        .first()
    )
    return days or DEFAULT_EMERGENCY_REVIEW_DAYS


def plan_errors(kind: str, fields: dict, kept: list, has_people: bool) -> dict:
    """What is missing from a move's plan, by field; empty when the plan is whole.

    An emergency move may leave the plan for later, but then needs the date it is due by.
    """
    missing = {name: message for name, message in PLAN_FIELDS.items() if not fields.get(name)}
    if has_people and not kept:
        missing["kept"] = "Say which relationships are kept and how."
    if not missing:
        return {}
    if kind == Move.Kind.EMERGENCY:
        if fields.get("plan_due_by"):
            return {}
        if not any(fields.get(name) for name in PLAN_FIELDS) and not kept:
            return {"plan_due_by": "Give the plan now, or the date it is due by."}
    return missing


def _save_kept(move: Move, kept: list):
    move.kept.all().delete()
    KeptRelationship.objects.bulk_create(
        [
            KeptRelationship(partnership_id=move.partnership_id, move=move, person=person, how=how)
            for person, how in kept
        ]
    )


def _plan_is_whole(move: Move, kept: list, has_people: bool) -> bool:
    fields = {name: getattr(move, name) for name in PLAN_FIELDS}
    return not plan_errors(Move.Kind.PLANNED, fields, kept, has_people)


@transaction.atomic
def record_move(young_person, *, by, kind, kept=(), **fields) -> Move:
    """Save a move of home and the relationships it keeps, all or nothing.

    ``kept`` is a list of (person who matters, how it is kept). Raises ValidationError
    (a dict by field) when the plan is missing.
    """
    kept = list(kept)
    has_people = PersonWhoMatters.objects.filter(young_person=young_person).current().exists()
    errors = plan_errors(kind, fields, kept, has_people)
    if errors:
        raise ValidationError(errors)
    for person, _ in kept:
        if person.young_person_id != young_person.pk:
            raise ValidationError({"kept": "Choose people who matter to this young person."})
    move = Move(young_person=young_person, kind=kind, recorded_by=by, **fields)
    if _plan_is_whole(move, kept, has_people):
        move.plan_recorded_at = timezone.now()
        if kind == Move.Kind.PLANNED:
            move.plan_due_by = None
    if kind == Move.Kind.EMERGENCY:
        move.review_due_by = move.moved_on + timedelta(
            days=emergency_review_days(young_person.partnership_id)
        )
    move.save()
    _save_kept(move, kept)
    return move


@transaction.atomic
def record_move_plan(move: Move, *, by, kept=(), **fields) -> Move:
    """Give an emergency move its plan afterwards (the whole plan, or nothing is saved)."""
    kept = list(kept)
    has_people = PersonWhoMatters.objects.filter(young_person_id=move.young_person_id).exists()
    errors = plan_errors(Move.Kind.PLANNED, fields, kept, has_people)
    if errors:
        raise ValidationError(errors)
    for name, value in fields.items():
        setattr(move, name, value)
    move.plan_recorded_at = timezone.now()
    move.save()
    _save_kept(move, kept)
    return move


def review_move(move: Move, *, by, reviewed_on, notes: str) -> Move:
    if move.kind != Move.Kind.EMERGENCY:
        raise ValidationError({"reviewed_on": "Only an emergency move is reviewed."})
    move.reviewed_on = reviewed_on
    move.review_notes = notes
    move.save(update_fields=["reviewed_on", "review_notes"])
    return move


# Staying in touch -------------------------------------------------------------------


def register_changed(person, *, old_end_date, old_team_id) -> list[StayingInTouchPlan]:
    """Called after the register saves a person: a moved-on date or a new team starts plans."""
    if old_end_date is None and person.end_date is not None:
        return start_staying_in_touch(person, StayingInTouchPlan.Reason.MOVED_ON, person.end_date)
    if old_team_id is not None and person.team_id != old_team_id:
        return start_staying_in_touch(
            person, StayingInTouchPlan.Reason.TEAM_CHANGE, timezone.localdate()
        )
    return []


@transaction.atomic
def start_staying_in_touch(person, reason, moving_on_date) -> list[StayingInTouchPlan]:
    """One open plan per young person currently linked to this person (idempotent)."""
    links = (
        WorkerLink.objects.current()
        .filter(person=person)
        .exclude(
            Exists(
                StayingInTouchPlan.objects.filter(
                    young_person_id=OuterRef("young_person_id"),
                    person=person,
                    status=StayingInTouchPlan.Status.OPEN,
                )
            )
        )
        .order_by("young_person_id", "pk")
    )
    plans, seen = [], set()
    for link in links:
        if link.young_person_id in seen:
            continue
        seen.add(link.young_person_id)
        plans.append(
            StayingInTouchPlan(
                partnership_id=link.partnership_id,
                young_person_id=link.young_person_id,
                person=person,
                person_name=person.full_name,
                link=link,
                reason=reason,
                moving_on_date=moving_on_date,
                assigned_to_id=person.supervisor_id,
            )
        )
    # The partial unique constraint keeps it to one open plan even if two saves race.
    StayingInTouchPlan.objects.bulk_create(plans, ignore_conflicts=True)
    return plans


def agree_plan(plan: StayingInTouchPlan, *, by, what_they_want: str, how_it_continues: str):
    errors = {}
    if not what_they_want.strip():
        errors["what_they_want"] = "Say what the young person wants."
    if not how_it_continues.strip():
        errors["how_it_continues"] = "Say how the relationship continues."
    if errors:
        raise ValidationError(errors)
    plan.what_they_want = what_they_want
    plan.how_it_continues = how_it_continues
    plan.status = StayingInTouchPlan.Status.AGREED
    plan.agreed_at = timezone.now()
    plan.agreed_by = by
    plan.save()
    return plan


def next_supervision_dates(person_ids, on=None) -> dict:
    """The next scheduled supervision date for each of these people (one query)."""
    on = on or timezone.localdate()
    rows = (
        Attendance.objects.filter(
            person_id__in=list(person_ids),
            session__status=Session.Status.SCHEDULED,
            session__held_on__gte=on,
        )
        .order_by("person_id", "session__held_on")
        .values_list("person_id", "session__held_on")
    )
    found = {}
    for person_id, held_on in rows:
        found.setdefault(person_id, held_on)
    return found


# Local policies and settings -------------------------------------------------------------


def save_policy(policy: LocalPolicy, *, by) -> LocalPolicy:
    """Save a policy in the partnership of the person saving it."""
    if policy.partnership_id is None:
        policy.partnership_id = by.partnership_id
    policy.updated_by = by
    policy.save()
    return policy


def save_settings(settings: Settings, *, by) -> Settings:
    if settings.partnership_id is None:
        settings.partnership_id = by.partnership_id
    settings.save()
    return settings


def blanket_bans(partnership_id):
    """Local policies marked as blanket bans (shown against 001 Ongoing Relationships)."""
    return LocalPolicy.objects.in_partnership(partnership_id).filter(
        stance=LocalPolicy.Stance.BLANKET_BAN
    )


# Young people a user may see -----------------------------------------------------------


def linked_young_person_ids(user):
    """Young people the user is currently linked to through their register entry."""
    return WorkerLink.objects.current().filter(person__user=user).values("young_person_id")


def is_linked(user, young_person_id) -> bool:
    return (
        WorkerLink.objects.current()
        .filter(person__user=user, young_person_id=young_person_id)
        .exists()
    )
