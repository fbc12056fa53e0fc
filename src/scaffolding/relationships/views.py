"""Pages for relationships: thin views over the domain module and the rules."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from scaffolding.accounts.access import permission_required
from scaffolding.core.tenancy import get_for_user
from scaffolding.voice.models import WorkerLink, YoungPerson
from scaffolding.workforce.models import Person

from . import domain, measures
from .forms import (
    AgreePlanForm,
    EndForm,
    MoveForm,
    MovePlanForm,
    PersonForm,
    PolicyForm,
    ReviewForm,
    SettingsForm,
    TimeTogetherForm,
)
from .models import (
    KeptRelationship,
    Kind,
    LocalPolicy,
    Move,
    PersonWhoMatters,
    Settings,
    StayingInTouchPlan,
    TimeTogether,
    Wants,
)

RECENT_TIMES = 20


def _is_own(user, young_person) -> bool:
    own = getattr(user, "young_person", None) if user.role == "young_person" else None
    return own is not None and own.pk == young_person.pk


def _young_person(request, pk, perm="relationships.view"):
    return get_for_user(request.user, YoungPerson.objects, perm, pk=pk)


def _person(request, pk, perm="relationships.view"):
    return get_for_user(
        request.user, PersonWhoMatters.objects.select_related("young_person"), perm, pk=pk
    )


def _move(request, pk, perm="relationships.view"):
    return get_for_user(request.user, Move.objects.select_related("young_person"), perm, pk=pk)


# A young person's people who matter ---------------------------------------------------------


@permission_required("relationships.use")
def home(request):
    """The young person's own list; for a worker or carer, the young people linked to them."""
    own = (
        getattr(request.user, "young_person", None) if request.user.role == "young_person" else None
    )
    if own is not None:
        return redirect("relationships:young_person", pk=own.pk)
    linked = (
        YoungPerson.objects.for_user(request.user)
        .filter(pk__in=domain.linked_young_person_ids(request.user))
        .annotate(
            people_count=Count(
                "people_who_matter", filter=Q(people_who_matter__ended_at__isnull=True)
            )
        )
        .order_by("called", "pk")
    )
    return render(
        request,
        "relationships/home.html",
        {"page_title": "People who matter", "young_people": linked},
    )


def _workers_for(young_person):
    """Register entries ever linked to this young person: the workers they may name."""
    return Person.objects.filter(
        pk__in=WorkerLink.objects.filter(young_person=young_person).values("person_id")
    ).order_by("full_name")


def young_person(request, pk):
    young = _young_person(request, pk)
    own = _is_own(request.user, young)
    people = list(
        PersonWhoMatters.objects.filter(young_person=young)
        .select_related("worker")
        .annotate(last_time=Max("times_together__on"))
        .order_by("name", "pk")
    )
    current = [person for person in people if person.is_current]
    moves = list(Move.objects.filter(young_person=young).order_by("-moved_on", "-pk"))
    plans = []
    if not own:
        plans = list(
            StayingInTouchPlan.objects.filter(young_person=young, status="open").order_by("pk")
        )
    return render(
        request,
        "relationships/young_person.html",
        {
            "page_title": "People who matter to me" if own else f"People who matter to {young}",
            "young": young,
            "own": own,
            "current": [p for p in current if p.kind != Kind.SIBLING],
            "brothers_and_sisters": [p for p in current if p.kind == Kind.SIBLING],
            "former": [person for person in people if not person.is_current],
            "moves": moves,
            "plans": plans,
            "can_record_move": request.user.has_perm("relationships.record_move", young),
            "today": timezone.localdate(),
        },
    )


def add_person(request, pk):
    young = _young_person(request, pk, "relationships.change")
    own = _is_own(request.user, young)
    workers = None if own else _workers_for(young)
    form = PersonForm(request.POST or None, workers=workers)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data.get(name) for name in form.fields}
        person = domain.add_person(young, by=request.user, **fields)
        messages.success(request, f"{person.name} is on the list.")
        return redirect("relationships:young_person", pk=young.pk)
    return render(
        request,
        "relationships/person_form.html",
        {
            "page_title": "Add someone who matters",
            "form": form,
            "young": young,
            "own": own,
            "cancel_url": reverse("relationships:young_person", args=[young.pk]),
        },
    )


def edit_person(request, pk):
    person = _person(request, pk, "relationships.change")
    young = person.young_person
    own = _is_own(request.user, young)
    workers = None if own else _workers_for(young)
    form = PersonForm(request.POST or None, instance=person, workers=workers)
    if request.method == "POST" and form.is_valid():
        domain.update_person(person, by=request.user, **form.cleaned_data)
        messages.success(request, f"Saved the changes for {person.name}.")
        return redirect("relationships:person", pk=person.pk)
    return render(
        request,
        "relationships/person_form.html",
        {
            "page_title": f"Change {person.name}",
            "form": form,
            "young": young,
            "own": own,
            "cancel_url": reverse("relationships:person", args=[person.pk]),
        },
    )


def person(request, pk):
    person = _person(request, pk)
    times = list(
        TimeTogether.objects.filter(with_whom=person).order_by("-on", "-pk")[:RECENT_TIMES]
    )
    return render(
        request,
        "relationships/person.html",
        {
            "page_title": person.name,
            "person": person,
            "young": person.young_person,
            "own": _is_own(request.user, person.young_person),
            "times": times,
            "can_change": request.user.has_perm("relationships.change", person),
        },
    )


def add_time(request, pk):
    person = _person(request, pk, "relationships.change")
    form = TimeTogetherForm(request.POST or None, initial={"on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        domain.record_time_together(person, by=request.user, **form.cleaned_data)
        messages.success(request, f"Saved: {person.time_words}.")
        return redirect("relationships:person", pk=person.pk)
    return render(
        request,
        "relationships/form.html",
        {
            "page_title": person.time_words,
            "form": form,
            "cancel_url": reverse("relationships:person", args=[person.pk]),
        },
    )


def end_person(request, pk):
    person = _person(request, pk, "relationships.change")
    form = EndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if person.is_current:
            domain.end_person(person, by=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, f"{person.name} is now on your list as someone from before.")
        else:
            domain.restore_person(person, by=request.user)
            messages.success(request, f"{person.name} is back on your list.")
        return redirect("relationships:young_person", pk=person.young_person_id)
    return render(
        request,
        "relationships/end_person.html",
        {
            "page_title": (
                f"Move {person.name} to before"
                if person.is_current
                else f"Bring back {person.name}"
            ),
            "form": form if person.is_current else None,
            "person": person,
            "cancel_url": reverse("relationships:person", args=[person.pk]),
        },
    )


# Moves of home --------------------------------------------------------------------------------


def _move_form(request, form_class, young, **kwargs):
    people = PersonWhoMatters.objects.filter(young_person=young).current().order_by("name", "pk")
    return form_class(request.POST or None, people=people, **kwargs)


def record_move(request, pk):
    young = _young_person(request, pk, "relationships.record_move")
    form = _move_form(request, MoveForm, young)
    if request.method == "POST" and form.is_valid():
        try:
            move = domain.record_move(
                young,
                by=request.user,
                kind=form.cleaned_data["kind"],
                kept=form.kept(),
                **form.move_data(),
            )
        except ValidationError as error:
            form.add_domain_errors(error.message_dict)
        else:
            messages.success(request, f"Saved the move for {young}.")
            return redirect("relationships:move", pk=move.pk)
    return render(
        request,
        "relationships/move_form.html",
        {
            "page_title": f"Record a move of home for {young}",
            "form": form,
            "young": young,
            "cancel_url": reverse("relationships:young_person", args=[young.pk]),
        },
    )


def move(request, pk):
    move = _move(request, pk)
    kept = KeptRelationship.objects.filter(move=move).select_related("person").order_by("pk")
    return render(
        request,
        "relationships/move.html",
        {
            "page_title": str(move),
            "move": move,
            "young": move.young_person,
            "kept": kept,
            "can_change": request.user.has_perm("relationships.record_move", move),
            "own": _is_own(request.user, move.young_person),
        },
    )


def move_plan(request, pk):
    move = _move(request, pk, "relationships.record_move")
    if move.has_plan:
        raise Http404("This move already has its plan.")
    form = _move_form(request, MovePlanForm, move.young_person, instance=None)
    if request.method == "POST" and form.is_valid():
        try:
            domain.record_move_plan(move, by=request.user, kept=form.kept(), **form.move_data())
        except ValidationError as error:
            form.add_domain_errors(error.message_dict)
        else:
            messages.success(request, "Saved the plan for the move.")
            return redirect("relationships:move", pk=move.pk)
    return render(
        request,
        "relationships/move_form.html",
        {
            "page_title": f"The plan for {move}",
            "form": form,
            "young": move.young_person,
            "cancel_url": reverse("relationships:move", args=[move.pk]),
        },
    )


def move_review(request, pk):
    move = _move(request, pk, "relationships.record_move")
    if move.kind != Move.Kind.EMERGENCY:
        raise Http404("Only an emergency move is reviewed.")
    form = ReviewForm(request.POST or None, instance=move)
    if request.method == "POST" and form.is_valid():
        domain.review_move(
            move,
            by=request.user,
            reviewed_on=form.cleaned_data["reviewed_on"],
            notes=form.cleaned_data["review_notes"],
        )
        messages.success(request, "Saved the review.")
        return redirect("relationships:move", pk=move.pk)
    return render(
        request,
        "relationships/form.html",
        {
            "page_title": f"Review of the {move}",
            "form": form,
            "cancel_url": reverse("relationships:move", args=[move.pk]),
        },
    )


# Brothers and sisters ------------------------------------------------------------------------


@permission_required("relationships.view_siblings")
def siblings(request):
    """Brothers and sisters living apart: counts for all allowed, names only to those linked.

    The counts are one aggregate over the partnership's current brothers and sisters
    (read from the covering index, not the rows), living apart and together alike.
    """
    siblings = PersonWhoMatters.objects.for_user(request.user).current().filter(kind=Kind.SIBLING)
    apart = Q(lives_together=False)
    counts = siblings.aggregate(
        apart=Count("pk", filter=apart),
        young_people=Count("young_person", distinct=True, filter=apart),
        enough=Count("pk", filter=apart & Q(wants=Wants.SAME)),
        more=Count("pk", filter=apart & Q(wants=Wants.MORE)),
        together=Count("pk", filter=Q(lives_together=True)),
    )
    together = counts.pop("together")
    # Names: from the young people linked to this user, then their brothers and sisters
    # apart by young person (their own index). Asked with the partnership's filter, the
    # database would walk every brother and sister in it; nobody linked, no second query.
    linked = (
        YoungPerson.objects.for_user(request.user)
        .filter(pk__in=domain.linked_young_person_ids(request.user))
        .order_by("called", "pk")
        .prefetch_related(
            Prefetch(
                "people_who_matter",
                queryset=PersonWhoMatters.objects.current()
                .filter(apart, kind=Kind.SIBLING)
                .annotate(last_time=Max("times_together__on"))
                .order_by("name", "pk"),
                to_attr="apart_siblings",
            )
        )
    )
    named = [person for young in linked for person in young.apart_siblings]
    return render(
        request,
        "relationships/siblings.html",
        {
            "page_title": "Brothers and sisters living apart",
            "counts": counts,
            "together": together,
            "named": named,
        },
    )


# Staying in touch -----------------------------------------------------------------------------


@permission_required("relationships.list_staying_in_touch")
def staying_in_touch(request):
    """Plans assigned to me, by the person moving on, with their next supervision as the prompt."""
    own = getattr(request.user, "person", None)
    plans = StayingInTouchPlan.objects.none()
    if own is not None:
        plans = (
            StayingInTouchPlan.objects.for_user(request.user)
            .filter(assigned_to=own)
            .select_related("young_person", "person")
            .order_by("status", "person_name", "person_id", "young_person__called", "pk")
        )
    plans = list(plans)
    next_dates = domain.next_supervision_dates({plan.person_id for plan in plans if plan.person_id})
    groups = {}
    for plan in plans:
        group = groups.setdefault(
            (plan.status, plan.person_id),
            {
                "person_name": plan.person_name,
                "status": plan.get_status_display(),
                "open": plan.is_open,
                "reason": plan.get_reason_display(),
                "next_supervision": next_dates.get(plan.person_id),
                "plans": [],
            },
        )
        group["plans"].append(plan)
    return render(
        request,
        "relationships/staying_in_touch.html",
        {
            "page_title": "Staying in touch",
            "open_groups": [group for group in groups.values() if group["open"]],
            "agreed_groups": [group for group in groups.values() if not group["open"]],
        },
    )


def plan(request, pk):
    plan = get_for_user(
        request.user,
        StayingInTouchPlan.objects.select_related("young_person", "assigned_to"),
        "relationships.view_plan",
        pk=pk,
    )
    form = None
    if plan.is_open:
        form = AgreePlanForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            domain.agree_plan(plan, by=request.user, **form.cleaned_data)
            messages.success(request, f"Agreed how {plan.young_person} stays in touch.")
            return redirect("relationships:plan", pk=plan.pk)
    return render(
        request,
        "relationships/plan.html",
        {
            "page_title": f"Staying in touch: {plan.young_person} and {plan.person_name}",
            "plan": plan,
            "form": form,
        },
    )


# Local policies ------------------------------------------------------------------------------


@permission_required("relationships.manage_policies")
def policies(request):
    listed = (
        LocalPolicy.objects.for_user(request.user)
        .select_related("updated_by")
        .order_by("title", "pk")
    )
    return render(
        request,
        "relationships/policies.html",
        {
            "page_title": "Local policies that affect relationships",
            "policies": listed,
            "blanket_bans": sum(1 for policy in listed if policy.is_blanket_ban),
            "review_days": domain.emergency_review_days(request.user.partnership_id),
            "today": timezone.localdate(),
        },
    )


@permission_required("relationships.manage_policies")
def policy_edit(request, pk=None):
    policy = None
    if pk is not None:
        policy = get_for_user(
            request.user, LocalPolicy.objects, "relationships.change_policy", pk=pk
        )
    form = PolicyForm(request.POST or None, instance=policy)
    if request.method == "POST" and form.is_valid():
        saved = domain.save_policy(form.save(commit=False), by=request.user)
        messages.success(request, f"Saved {saved.title}.")
        return redirect("relationships:policies")
    return render(
        request,
        "relationships/form.html",
        {
            "page_title": f"Change {policy.title}" if policy else "Add a local policy",
            "form": form,
            "cancel_url": reverse("relationships:policies"),
        },
    )


@permission_required("relationships.manage_policies")
def settings(request):
    current = Settings.objects.for_user(request.user).first()
    form = SettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        domain.save_settings(form.save(commit=False), by=request.user)
        messages.success(request, "Saved.")
        return redirect("relationships:policies")
    return render(
        request,
        "relationships/form.html",
        {
            "page_title": "When an emergency move is reviewed",
            "form": form,
            "cancel_url": reverse("relationships:policies"),
        },
    )


# Figures -------------------------------------------------------------------------------------


@permission_required("relationships.view_measures")
def figures(request):
    today = timezone.localdate()
    values = []
    for definition in measures.LIVE_MEASURES:
        numerator, denominator = definition["compute"](request.user.partnership_id, today)
        values.append(
            {
                "name": definition["name"],
                "numerator": numerator,
                "denominator": denominator,
                "shown": measures.shown(definition, numerator, denominator),
                "counted": measures.counted(definition, numerator, denominator),
            }
        )
    return render(
        request,
        "relationships/figures.html",
        {"page_title": "Relationships: the figures", "values": values, "today": today},
    )
