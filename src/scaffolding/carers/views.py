"""Pages for family carers and the workers around them; the rules live in `domain`."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from scaffolding.core.tenancy import get_for_user
from scaffolding.voice.models import YoungPerson

from . import domain, measures
from .forms import (
    AgreementForm,
    AnswerForm,
    AskForm,
    CanIForm,
    DebriefForm,
    RuleFormSet,
    ShortBreakForm,
    TimeAwayForm,
    apply_errors,
    rule_initial,
    split_area,
)
from .models import Agreement, Area, AreaRule, Ask, Decision, ShortBreak


def _posted(request):
    return request.POST if request.method == "POST" else None


def _person(request):
    person = domain.own_person(request.user)
    if person is None:
        raise PermissionDenied("You are not in the workforce register yet.")
    return person


def _young_person(request, pk, perm="carers.view_young_person"):
    return get_for_user(request.user, YoungPerson.objects, perm, pk=pk)


def _local_areas(agreement):
    if agreement is None:
        return []
    return [rule.label for rule in agreement.rules.all() if rule.area == Area.LOCAL]


ASK_RELATED = ("young_person", "named_person", "escalated_to", "answered_by", "asked_by")


def home(request):
    if not request.user.has_perm("carers.use"):
        raise PermissionDenied("Your role does not include this page.")
    person = domain.own_person(request.user)
    today = timezone.localdate()
    in_force = Prefetch(
        "carer_agreements",
        queryset=Agreement.objects.in_force().prefetch_related(
            Prefetch("rules", queryset=AreaRule.objects.select_related("ask_person"))
        ),
        to_attr="agreements_in_force",
    )
    caring_for = list(domain.young_people_of(person, ["family_carer"]).prefetch_related(in_force))
    working_with = list(
        domain.young_people_of(person, list(domain.WORKER_KINDS)).exclude(
            pk__in=[yp.pk for yp in caring_for]
        )
    )
    for young_person in caring_for:
        agreement = (young_person.agreements_in_force or [None])[0]
        young_person.agreement = agreement
        young_person.may_decide = domain.delegated_now(agreement)
    my_asks = (
        Ask.objects.for_user(request.user)
        .open()
        .filter(asked_by=person)
        .select_related(*ASK_RELATED)
        if person
        else Ask.objects.none()
    )
    to_answer = (
        Ask.objects.for_user(request.user)
        .open()
        .filter(Q(named_person=person) | Q(escalated_to=person))
        .select_related(*ASK_RELATED)
        .order_by("due_on")
        if person
        else Ask.objects.none()
    )
    breaks = (
        ShortBreak.objects.for_user(request.user)
        .filter(carer=person, ends_on__gte=today)
        .select_related("young_person")
        .order_by("starts_on")
        if person
        else ShortBreak.objects.none()
    )
    return render(
        request,
        "carers/home.html",
        {
            "page_title": "Everyday decisions",
            "caring_for": caring_for,
            "working_with": working_with,
            "my_asks": my_asks,
            "to_answer": to_answer,
            "breaks": breaks,
            "today": today,
            "can_plan_time_away": request.user.has_perm("carers.plan_time_away"),
        },
    )


def young_person(request, pk):
    child = _young_person(request, pk)
    agreement = domain.in_force(child)
    versions = Agreement.objects.for_user(request.user).filter(young_person=child)
    return render(
        request,
        "carers/young_person.html",
        {
            "page_title": f"Everyday decisions for {child}",
            "child": child,
            "agreement": agreement,
            "versions": versions,
            "asks": Ask.objects.for_user(request.user)
            .filter(young_person=child)
            .select_related(*ASK_RELATED),
            "decisions": Decision.objects.for_user(request.user)
            .filter(young_person=child)
            .select_related("decided_by"),
            "breaks": ShortBreak.objects.for_user(request.user)
            .filter(young_person=child)
            .select_related("carer"),
            "can_write": request.user.has_perm("carers.write_agreement", child),
            "can_ask": request.user.has_perm("carers.ask", child),
        },
    )


def agreement_new(request, pk):
    child = _young_person(request, pk, "carers.write_agreement")
    previous = Agreement.objects.for_user(request.user).filter(young_person=child).first()
    workers = domain.workers_for(child)
    carers = domain.carers_for(child)
    form = AgreementForm(
        _posted(request),
        carers=carers,
        workers=workers,
        initial={"review_on": previous.review_on if previous else None},
    )
    formset = RuleFormSet(
        _posted(request), initial=rule_initial(previous), workers=workers, prefix="areas"
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            agreement = domain.save_version(
                child,
                carers=list(carers),
                rules=formset.rules(),
                agreed=form.agreed(),
                young_person_view=form.cleaned_data["young_person_view"],
                review_on=form.cleaned_data["review_on"],
                by_user=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if agreement.status == Agreement.Status.IN_FORCE:
                messages.success(request, f"Version {agreement.version} is now in force.")
            else:
                missing = domain.missing_for_force(
                    agreement.young_person_view, [a["capacity"] for a in form.agreed()]
                )
                messages.success(
                    request,
                    f"Saved as a draft. Before it is in force it needs {', '.join(missing)}.",
                )
            return redirect("carers:agreement", pk=agreement.pk)
    return render(
        request,
        "carers/agreement_form.html",
        {
            "page_title": f"What {child}'s carers decide",
            "child": child,
            "form": form,
            "formset": formset,
            "previous": previous,
        },
    )


def agreement(request, pk):
    version = get_for_user(
        request.user,
        Agreement.objects.select_related("young_person").prefetch_related(
            Prefetch("rules", queryset=AreaRule.objects.select_related("ask_person")),
            "agreed_by",
            "carers",
        ),
        "carers.view_agreement",
        pk=pk,
    )
    return render(
        request,
        "carers/agreement.html",
        {
            "page_title": f"Agreement version {version.version} for {version.young_person}",
            "version": version,
            "missing": domain.missing_for_force(
                version.young_person_view, [a.capacity for a in version.agreed_by.all()]
            ),
        },
    )


def ask_new(request, pk):
    child = _young_person(request, pk, "carers.ask")
    person = _person(request)
    agreement = domain.in_force(child)
    form = AskForm(
        _posted(request), workers=domain.workers_for(child), local_areas=_local_areas(agreement)
    )
    if request.method == "POST" and form.is_valid():
        area, label = split_area(form.cleaned_data["area"])
        try:
            ask = domain.send_ask(
                child,
                asked_by=person,
                area=area,
                label=label,
                question=form.cleaned_data["question"],
                named_person=form.cleaned_data["named_person"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, f"Sent to {ask.named_person}, who answers by {ask.due_on:%A %-d %B}."
            )
            return redirect("carers:ask", pk=ask.pk)
    return render(
        request,
        "carers/ask_form.html",
        {"page_title": f"Ask about something for {child}", "child": child, "form": form},
    )


def ask(request, pk):
    item = get_for_user(
        request.user,
        Ask.objects.select_related(*ASK_RELATED),
        "carers.view_ask",
        pk=pk,
    )
    can_answer = (
        request.user.has_perm("carers.answer_ask", item) and item.status != Ask.Status.ANSWERED
    )
    form = AnswerForm(_posted(request)) if can_answer else None
    if request.method == "POST":
        if not can_answer:
            raise PermissionDenied("This is not yours to answer.")
        if form.is_valid():
            try:
                domain.answer_ask(
                    item,
                    by=_person(request),
                    answer=form.cleaned_data["answer"],
                    text=form.cleaned_data["answer_text"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Answered. The carer can see your answer now.")
                return redirect("carers:ask", pk=item.pk)
    decision = Decision.objects.filter(ask=item).first()
    return render(
        request,
        "carers/ask.html",
        {
            "page_title": f"Asked about {item.area_label.lower()}",
            "item": item,
            "form": form,
            "decision": decision,
        },
    )


def can_i(request, pk):
    child = _young_person(request, pk, "carers.ask")
    person = _person(request)
    agreement = domain.in_force(child)
    form = CanIForm(
        _posted(request),
        workers=domain.workers_for(child),
        local_areas=_local_areas(agreement),
    )
    if request.method == "POST" and form.is_valid():
        area, label = split_area(form.cleaned_data["area"])
        try:
            result = domain.can_i(
                child,
                carer=person,
                by_user=request.user,
                area=area,
                label=label,
                views=form.views(),
                outcome=form.cleaned_data["outcome"],
                outcome_detail=form.cleaned_data["outcome_detail"],
                look_again_on=form.cleaned_data["look_again_on"],
                named_person=form.cleaned_data["named_person"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if result.ask is None:
                messages.success(request, "Decided. This decision is backed by the partnership.")
            else:
                messages.success(
                    request,
                    f"This one is not yours to decide alone, so it has gone to "
                    f"{result.ask.named_person}, who answers by {result.ask.due_on:%A %-d %B}.",
                )
            return redirect("carers:decision", pk=result.decision.pk)
    return render(
        request,
        "carers/can_i.html",
        {
            "page_title": f"Can {child}...?",
            "child": child,
            "form": form,
            "may_decide": domain.delegated_now(agreement),
        },
    )


def decision(request, pk):
    item = get_for_user(
        request.user,
        Decision.objects.select_related(
            "young_person", "decided_by", "agreement", "ask", "debrief_session"
        ),
        "carers.view_decision",
        pk=pk,
    )
    can_debrief = request.user.has_perm("carers.ask_debrief", item) and not item.debrief_session_id
    return render(
        request,
        "carers/decision.html",
        {
            "page_title": f"Can {item.young_person} {item.wants}?",
            "item": item,
            "debrief_form": DebriefForm() if can_debrief else None,
        },
    )


@require_POST
def decision_debrief(request, pk):
    item = get_for_user(
        request.user, Decision.objects.select_related("young_person"), "carers.ask_debrief", pk=pk
    )
    form = DebriefForm(request.POST)
    if form.is_valid():
        try:
            item = domain.request_debrief(
                item, carer=_person(request), what_happened=form.cleaned_data["went_wrong"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                f"A debrief is booked for {item.debrief_session.held_on:%A %-d %B}. "
                "The record shows this decision was made properly.",
            )
            return redirect("carers:decision", pk=item.pk)
    return render(
        request,
        "carers/decision.html",
        {
            "page_title": f"Can {item.young_person} {item.wants}?",
            "item": item,
            "debrief_form": form,
        },
    )


def short_break_new(request, pk):
    child = _young_person(request, pk, "carers.plan_short_break")
    person = _person(request)
    form = ShortBreakForm(_posted(request), people_who_matter=child.people_who_matter.current())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            domain.plan_short_break(
                carer=person if request.user.has_perm("carers.ask", child) else _carer_of(child),
                young_person=child,
                by_user=request.user,
                **data,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Short break planned.")
            return redirect("carers:young_person", pk=child.pk)
    return render(
        request,
        "carers/short_break_form.html",
        {"page_title": f"Plan a short break for {child}", "child": child, "form": form},
    )


def _carer_of(child):
    carer = domain.carers_for(child).first()
    if carer is None:
        raise ValidationError({"kind": "No family carer is linked to this young person yet."})
    return carer


def time_away_new(request):
    if not request.user.has_perm("carers.plan_time_away"):
        raise PermissionDenied("Your role does not include this page.")
    person = _person(request)
    form = TimeAwayForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            domain.plan_short_break(
                carer=person,
                young_person=None,
                kind=ShortBreak.Kind.TIME_AWAY,
                by_user=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Your time away is in your plans.")
            return redirect("carers:home")
    return render(
        request,
        "carers/time_away_form.html",
        {"page_title": "Plan time away for yourself", "form": form},
    )


def measures_view(request):
    if not request.user.has_perm("carers.view_measures"):
        raise PermissionDenied("Your role does not include this page.")
    today = timezone.localdate()
    return render(
        request,
        "carers/measures.html",
        {
            "page_title": "Family carers: figures",
            "figures": measures.figures(request.user.partnership_id, today),
            "today": today,
        },
    )
