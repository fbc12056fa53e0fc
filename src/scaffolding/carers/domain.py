"""Every rule and state change for family carers' everyday decisions, written once.

Views call these; none of them trusts a view to have checked anything but
permission. Each change is atomic: nothing is ever half saved.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from scaffolding.supervision import records as supervision_records
from scaffolding.supervision.models import SessionKind
from scaffolding.voice.models import LinkKind, WorkerLink, YoungPerson
from scaffolding.workforce.models import Person

from .models import (
    DELEGATED,
    AgreedBy,
    Agreement,
    Area,
    AreaRule,
    Ask,
    Decision,
    ShortBreak,
    Who,
)
from .workdays import add_working_days, working_days_between

DEFAULT_ANSWER_DAYS = 5
# Workers who may write an agreement and whom a carer may ask.
WORKER_KINDS = (LinkKind.SOCIAL_WORKER, LinkKind.NAMED_WORKER)


def own_person(user) -> Person | None:
    """The register entry of a signed-in user, or None."""
    if not (user and user.is_authenticated):
        return None
    return Person.objects.filter(user=user).first()


def links_of(person, kinds=None):
    links = WorkerLink.objects.current().filter(person=person)
    if kinds:
        links = links.filter(kind__in=kinds)
    return links


def young_people_of(person, kinds=None):
    """The young people this person is currently linked to (as a carer or worker)."""
    if person is None:
        return YoungPerson.objects.none()
    return YoungPerson.objects.in_partnership(person.partnership_id).filter(
        pk__in=links_of(person, kinds).values("young_person_id")
    )


def is_linked(person, young_person, kinds=None) -> bool:
    if person is None or young_person is None:
        return False
    return links_of(person, kinds).filter(young_person=young_person).exists()


def workers_for(young_person):
    """The social and named workers currently around a young person: those a carer may ask."""
    return Person.objects.filter(
        young_person_links__young_person=young_person,
        young_person_links__ended_at__isnull=True,
        young_person_links__kind__in=WORKER_KINDS,
    ).distinct()


def carers_for(young_person):
    return Person.objects.filter(
        young_person_links__young_person=young_person,
        young_person_links__ended_at__isnull=True,
        young_person_links__kind=LinkKind.FAMILY_CARER,
    ).distinct()


# ---- Delegated authority ----


def in_force(young_person) -> Agreement | None:
    return (
        Agreement.objects.in_force()
        .filter(young_person=young_person)
        .prefetch_related(Prefetch("rules", queryset=AreaRule.objects.select_related("ask_person")))
        .first()
    )


def rule_for(agreement: Agreement | None, area: str, label: str = "") -> AreaRule | None:
    if agreement is None:
        return None
    for rule in agreement.rules.all():
        if rule.area == area and (area != Area.LOCAL or rule.label == label):
            return rule
    return None


MISSING_WORDS = {
    AgreedBy.Capacity.CARER: "the family carer's agreement",
    AgreedBy.Capacity.SOCIAL_WORKER: "the social worker's agreement",
    AgreedBy.Capacity.PARENTAL_RESPONSIBILITY: (
        "agreement from someone with parental responsibility"
    ),
}


def missing_for_force(young_person_view: str, capacities) -> list[str]:
    """What stops a version coming into force, in plain words (empty when nothing)."""
    missing = []
    if not young_person_view.strip():
        missing.append("the young person's view")
    for capacity, words in MISSING_WORDS.items():
        if capacity not in set(capacities):
            missing.append(words)
    return missing


def check_rule(rule: dict) -> dict:
    """Errors for one area, keyed by field."""
    errors = {}
    if rule["who"] == Who.WITHIN_LIMITS and not (rule.get("limits") or "").strip():
        errors["limits"] = "Say what the limits are, or choose another option."
    if rule["who"] == Who.ASK:
        if rule.get("ask_person") is None:
            errors["ask_person"] = "Choose the person who answers for this area."
        if not rule.get("answer_within_days"):
            errors["answer_within_days"] = "Say within how many working days they answer."
    return errors


@transaction.atomic
def save_version(
    young_person,
    *,
    carers,
    rules: list[dict],
    agreed: list[dict],
    young_person_view: str,
    review_on: date,
    by_user,
) -> Agreement:
    """A new version of the agreement. In force when complete, otherwise a draft.

    Complete means the young person's view is recorded and the carer, the social
    worker and someone with parental responsibility have agreed. A version in
    force supersedes the one before, which stays readable.
    """
    for rule in rules:
        errors = check_rule(rule)
        if errors:
            raise ValidationError(errors)
    if not rules:
        raise ValidationError("List at least one everyday area.")
    last = (
        Agreement.objects.select_for_update()
        .filter(young_person=young_person)
        .order_by("-version")
        .first()
    )
    complete = not missing_for_force(young_person_view, [a["capacity"] for a in agreed])
    now = timezone.now()
    if complete:
        Agreement.objects.filter(
            young_person=young_person, status=Agreement.Status.IN_FORCE
        ).update(status=Agreement.Status.SUPERSEDED, superseded_at=now)
    agreement = Agreement.objects.create(
        young_person=young_person,
        version=(last.version + 1) if last else 1,
        status=Agreement.Status.IN_FORCE if complete else Agreement.Status.DRAFT,
        young_person_view=young_person_view.strip(),
        review_on=review_on,
        created_by=by_user,
        in_force_at=now if complete else None,
        areas_listed=len(rules),
        areas_delegated=sum(1 for rule in rules if rule["who"] in DELEGATED),
    )
    agreement.carers.set(carers)
    AreaRule.objects.bulk_create(
        [
            AreaRule(
                agreement=agreement,
                partnership_id=agreement.partnership_id,
                area=rule["area"],
                label=rule["label"],
                who=rule["who"],
                limits=(rule.get("limits") or "").strip() if rule["who"] != Who.CARER else "",
                ask_person=rule.get("ask_person") if rule["who"] == Who.ASK else None,
                answer_within_days=rule.get("answer_within_days")
                if rule["who"] == Who.ASK
                else None,
            )
            for rule in rules
        ]
    )
    AgreedBy.objects.bulk_create(
        [
            AgreedBy(
                agreement=agreement,
                partnership_id=agreement.partnership_id,
                capacity=entry["capacity"],
                name=entry["name"],
                person=entry.get("person"),
                agreed_on=entry["agreed_on"],
            )
            for entry in agreed
        ]
    )
    return agreement


def delegated_now(agreement: Agreement | None) -> list[AreaRule]:
    if agreement is None:
        return []
    return [rule for rule in agreement.rules.all() if rule.who in DELEGATED]


# ---- Asks with a clock ----


def area_label(area: str, label: str = "") -> str:
    return label.strip() if area == Area.LOCAL and label.strip() else Area(area).label


@transaction.atomic
def send_ask(
    young_person,
    *,
    asked_by: Person,
    area: str,
    question: str,
    named_person: Person | None = None,
    label: str = "",
    now: datetime | None = None,
) -> Ask:
    """Send an ask to the named person; its clock runs in working days from today.

    The named person is the one the carer chose, else the one the agreement names
    for the area. With nobody named the ask cannot be sent.
    """
    from .tasks import send_ask_notice

    now = now or timezone.now()
    agreement = in_force(young_person)
    rule = rule_for(agreement, area, label)
    if named_person is None and rule is not None and rule.who == Who.ASK:
        named_person = rule.ask_person
    if named_person is None:
        raise ValidationError(
            {"named_person": "Choose who should answer: the agreement names nobody for this."}
        )
    if not question.strip():
        raise ValidationError({"question": "Say what you are asking."})
    days = (
        rule.answer_within_days
        if rule is not None and rule.who == Who.ASK and rule.ask_person_id == named_person.pk
        else DEFAULT_ANSWER_DAYS
    )
    ask = Ask.objects.create(
        young_person=young_person,
        agreement=agreement,
        area=area,
        area_label=area_label(area, label),
        question=question.strip(),
        asked_by=asked_by,
        asked_at=now,
        named_person=named_person,
        answer_within_days=days,
        due_on=add_working_days(timezone.localdate(now), days),
    )
    transaction.on_commit(lambda: send_ask_notice.enqueue(ask_id=ask.pk))
    return ask


def may_answer(person, ask: Ask) -> bool:
    return person is not None and person.pk in (ask.named_person_id, ask.escalated_to_id)


@transaction.atomic
def answer_ask(ask: Ask, *, by: Person, answer: str, text: str, now=None) -> Ask:
    """The named person (or the supervisor it passed to) answers; a waiting decision is made."""
    ask = Ask.objects.select_for_update().get(pk=ask.pk)
    if ask.status == Ask.Status.ANSWERED:
        raise ValidationError("This has already been answered.")
    if not may_answer(by, ask):
        raise ValidationError("Only the person named, or the supervisor it passed to, answers.")
    if answer not in Ask.Answer.values:
        raise ValidationError({"answer": "Choose an answer."})
    now = now or timezone.now()
    ask.answer = answer
    ask.answer_text = text.strip()
    ask.answered_by = by
    ask.answered_at = now
    answered_on = timezone.localdate(now)
    ask.working_days_to_answer = working_days_between(timezone.localdate(ask.asked_at), answered_on)
    ask.answered_in_time = answered_on <= ask.due_on
    ask.status = Ask.Status.ANSWERED
    ask.save()
    decision = Decision.objects.filter(ask=ask).first()
    if decision is not None and not decision.decided:
        decision.outcome = {
            Ask.Answer.YES: Decision.Outcome.YES,
            Ask.Answer.YES_IF: Decision.Outcome.YES_IF,
            Ask.Answer.NOT_NOW: Decision.Outcome.NOT_NOW,
        }[answer]
        decision.outcome_detail = ask.answer_text
        decision.decided_by = by
        decision.decided_at = now
        decision.days_to_decide = max(0, (now - decision.started_at).days)
        decision.backed = True
        decision.save()
    return ask


def supervisor_of(person: Person) -> Person | None:
    return person.supervisor if person.supervisor_id else None


# ---- "Can I...?" ----


@dataclass
class CanIResult:
    decision: Decision
    ask: Ask | None


def can_decide_now(agreement, area: str, label: str = "") -> AreaRule | None:
    """The rule that lets the carer decide on the spot, or None."""
    rule = rule_for(agreement, area, label)
    return rule if rule is not None and rule.delegated else None


VIEW_FIELDS = [
    "wants",
    "young_person_view",
    "friends_do",
    "good_about_it",
    "worries",
    "worry_kind",
    "safer",
    "carer_view",
    "family_view",
    "workers_view",
]


@transaction.atomic
def can_i(
    young_person,
    *,
    carer: Person,
    by_user,
    area: str,
    label: str = "",
    views: dict,
    outcome: str = "",
    outcome_detail: str = "",
    look_again_on: date | None = None,
    named_person: Person | None = None,
    now=None,
) -> CanIResult:
    """Record a "Can I...?": decided on the spot when delegated, otherwise asked.

    Either way the young person's view comes first and is required.
    """
    now = now or timezone.now()
    if not (views.get("young_person_view") or "").strip():
        raise ValidationError(
            {"young_person_view": "Write what the young person says first: their view comes first."}
        )
    if not (views.get("wants") or "").strip():
        raise ValidationError({"wants": "Say what they want to do."})
    agreement = in_force(young_person)
    rule = can_decide_now(agreement, area, label)
    decision = Decision(
        young_person=young_person,
        agreement=agreement,
        area=area,
        area_label=area_label(area, label),
        started_at=now,
        recorded_by=by_user,
        **{name: views.get(name) or "" for name in VIEW_FIELDS},
    )
    if not decision.worry_kind:
        decision.worry_kind = Decision.Worry.ORDINARY
    if rule is not None:
        errors = {}
        if outcome not in Decision.Outcome.values:
            errors["outcome"] = "Choose your decision."
        if look_again_on is None:
            errors["look_again_on"] = "Give a date to look at this again."
        elif look_again_on < timezone.localdate(now):
            errors["look_again_on"] = "The date to look again must be today or later."
        if errors:
            raise ValidationError(errors)
        decision.outcome = outcome
        decision.outcome_detail = outcome_detail.strip()
        decision.look_again_on = look_again_on
        decision.decided_by = carer
        decision.decided_at = now
        decision.days_to_decide = 0
        decision.delegated = True
        decision.backed = True
        decision.save()
        return CanIResult(decision, None)
    ask = send_ask(
        young_person,
        asked_by=carer,
        area=area,
        label=label,
        question=f"Can {young_person} {decision.wants}",
        named_person=named_person,
        now=now,
    )
    decision.ask = ask
    decision.look_again_on = look_again_on
    decision.save()
    return CanIResult(decision, ask)


@transaction.atomic
def request_debrief(decision: Decision, *, carer: Person, what_happened: str, now=None) -> Decision:
    """Something went wrong after a decision made properly: book the carer a debrief."""
    if not what_happened.strip():
        raise ValidationError({"went_wrong": "Say briefly what happened."})
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if decision.debrief_session_id:
        raise ValidationError("A debrief is already booked for this decision.")
    now = now or timezone.now()
    held_on = add_working_days(timezone.localdate(now), 2)
    session = supervision_records.book_session(
        partnership_id=decision.partnership_id,
        kind=SessionKind.DEBRIEF,
        held_on=held_on,
        facilitator=supervisor_of(carer),
        attendees=[carer],
    )
    decision.went_wrong = what_happened.strip()
    decision.debrief_session = session
    decision.debrief_asked_at = now
    decision.save(update_fields=["went_wrong", "debrief_session", "debrief_asked_at"])
    return decision


# ---- Short breaks ----


@transaction.atomic
def plan_short_break(
    *,
    carer: Person,
    young_person,
    kind: str,
    starts_on: date,
    ends_on: date,
    with_name: str = "",
    knows_already: bool = False,
    young_person_say: str = "",
    notes: str = "",
    by_user=None,
    **extra,
) -> ShortBreak:
    errors = {}
    someone = extra.get("person_who_matters")
    if someone is not None:
        if young_person is None or someone.young_person_id != young_person.pk:
            errors["person_who_matters"] = "Choose someone from this young person's list."
        else:
            # Someone on their list of people who matter is someone they already know.
            knows_already = True
            with_name = with_name.strip() or someone.name
    if ends_on < starts_on:
        errors["ends_on"] = "The end date must be on or after the start date."
    if kind != ShortBreak.Kind.TIME_AWAY:
        if young_person is None:
            errors["young_person"] = "Choose the young person."
        if not with_name.strip() and someone is None:
            errors["with_name"] = (
                "Choose someone from their people who matter, or give the name of someone new."
            )
    if errors:
        raise ValidationError(errors)
    return ShortBreak.objects.create(
        carer=carer,
        young_person=young_person if kind != ShortBreak.Kind.TIME_AWAY else None,
        kind=kind,
        starts_on=starts_on,
        ends_on=ends_on,
        with_name=with_name.strip(),
        knows_already=knows_already,
        young_person_say=young_person_say.strip(),
        notes=notes.strip(),
        created_by=by_user,
        **extra,
    )
