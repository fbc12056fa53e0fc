from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_POST

from scaffolding.accounts.access import get_for_user, permission_required
from scaffolding.core import charts, figures
from scaffolding.workforce.models import Person

from . import cadence, provision, records, wellbeing
from .forms import (
    AgreementForm,
    CheckInForm,
    GroupForm,
    NewSessionForm,
    ReflectionForm,
    SessionFilterForm,
    SessionForm,
    SuperviseeChoiceForm,
    SupportContactForm,
    TrainingForm,
    action_formset,
)
from .models import (
    CHILD_PROMPTS,
    WORKER_PROMPTS,
    Agreement,
    Attendance,
    CheckIn,
    Reflection,
    ReflectiveGroup,
    Session,
    SupervisorTraining,
    SupportAction,
    SupportContact,
)
from .prompts import prompts_for

PAGE_SIZE = 50


def _posted(request):
    """The POST data to bind a form to (even when empty), or None for a GET."""
    return request.POST if request.method == "POST" else None


def _person(request) -> Person:
    person = request.person
    if person is None:
        raise PermissionDenied("You are not in the workforce register yet.")
    return person


def _current_people(user):
    return Person.objects.for_user(user).current(timezone.localdate())


# ---- The worker's own page ----


SESSIONS_PAGE_SIZE = 25


@permission_required("supervision.use")
def mine(request):
    person = _person(request)
    today = timezone.localdate()
    (own,) = cadence.standings(Person.objects.filter(pk=person.pk), today) or [None]
    mine_all = records.sessions_for(person)
    with_people = mine_all.select_related("facilitator", "group").prefetch_related(
        Prefetch(
            "attendances",
            queryset=Attendance.objects.select_related("person").order_by("person__full_name"),
        )
    )
    booked = Q(status=Session.Status.SCHEDULED, held_on__gte=today)
    upcoming = records.with_others(with_people.filter(booked).order_by("held_on")[:10], person)
    # Everyone I have shared a session with, to filter by.
    filters = SessionFilterForm(
        request.GET or None, people=records.people_met(person).order_by("full_name")
    )
    listed = with_people.exclude(booked)
    if filters.is_valid():
        listed = records.filter_sessions(
            listed,
            person=filters.cleaned_data["person"],
            date_from=filters.cleaned_data["date_from"],
            date_to=filters.cleaned_data["date_to"],
        )
    page = Paginator(listed, SESSIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = records.with_others(page.object_list, person)
    query = request.GET.copy()
    query.pop("page", None)
    agreements = Agreement.objects.filter(
        Q(supervisee=person) | Q(supervisor=person)
    ).select_related("supervisee", "supervisor")
    shared_with_me = Reflection.objects.filter(
        author__supervisor=person, shared_with_supervisor=True
    ).select_related("author")[:20]
    return render(
        request,
        "supervision/mine.html",
        {
            "page_title": "My supervision",
            "person": person,
            "own": own,
            "upcoming": upcoming,
            "page": page,
            "filters": filters,
            "filtered": any(request.GET.get(name) for name in ("person", "date_from", "date_to")),
            "querystring": query.urlencode(),
            "agreements": agreements,
            "open_actions": records.open_actions_for(person, today),
            "shared_with_me": shared_with_me,
            "asked_me_to_know": wellbeing.asked_me_to_know(person, today),
            "can_record": request.user.has_perm("supervision.record_session"),
        },
    )


# ---- Sessions ----


def _people_i_can_meet(person):
    """Supervisees, plus members of groups I facilitate."""
    return (
        Person.objects.in_partnership(person.partnership_id)
        .filter(Q(supervisor=person) | Q(reflective_groups__facilitator=person))
        .current(timezone.localdate())
        .exclude(pk=person.pk)
        .distinct()
        .order_by("full_name")
    )


@permission_required("supervision.record_session")
def session_new(request):
    person = _person(request)
    group = None
    if request.GET.get("group"):
        group = get_for_user(
            request.user,
            ReflectiveGroup.objects.all(),
            perm="supervision.view_group",
            pk=request.GET["group"],
        )
        if group.facilitator_id != person.pk:
            raise PermissionDenied("Only the group's facilitator records its sessions.")
        people = group.members.order_by("full_name")
    else:
        people = _people_i_can_meet(person)
    # "Book" on the supervision-due list names the person to meet.
    asked_for = (
        people.filter(pk=request.GET.get("person"))
        if request.GET.get("person", "").isdigit()
        else []
    )
    form = NewSessionForm(
        _posted(request),
        partnership=request.partnership,
        people=people,
        group=group,
        initial={"participants": list(asked_for)} if asked_for else None,
    )
    owners = Person.objects.filter(Q(pk=person.pk) | Q(pk__in=people.values("pk")))
    formset = action_formset(_posted(request), owners=owners, prefix="actions")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        with transaction.atomic():
            session = form.save(commit=False)
            session.facilitator = person
            session.group = group
            came = {p.pk for p in form.cleaned_data["participants"]}
            attendees = list(people) if group is not None else form.cleaned_data["participants"]
            records.create_session(session, attendees, attended_ids=came)
            _save_actions(formset, session)
        if session.status == Session.Status.SCHEDULED:
            messages.success(request, "Session booked. Everyone has a calendar invitation.")
        else:
            messages.success(request, "Record saved as a draft. Each of you can now agree it.")
        return redirect("supervision:session", pk=session.pk)
    return render(
        request,
        "supervision/session_form.html",
        {
            "page_title": f"Record a session for {group.name}"
            if group
            else "Book or record a session",
            "form": form,
            "formset": formset,
        },
    )


def _save_actions(formset, session):
    for action_form in formset.forms:
        data = getattr(action_form, "cleaned_data", None) or {}
        if not data or not data.get("description"):
            if action_form.instance.pk and data.get("DELETE"):
                action_form.instance.delete()
            continue
        if data.get("DELETE"):
            if action_form.instance.pk:
                action_form.instance.delete()
            continue
        action = action_form.save(commit=False)
        action.session = session
        if action.owner_id is None:
            action.owner = session.facilitator
        action.save()


def _session_for(request, pk, perm="supervision.view_session"):
    return get_for_user(
        request.user,
        Session.objects.select_related("facilitator", "group"),
        perm=perm,
        pk=pk,
    )


def session(request, pk):
    shown = _session_for(request, pk)
    person = request.person
    people = records.participants(shown)
    agreed_ids = records.signed_off_people(shown)
    attendances = shown.attendances.select_related("person").order_by("person__full_name")
    return render(
        request,
        "supervision/session.html",
        {
            "page_title": str(shown),
            "session": shown,
            "attendances": attendances,
            "people": people,
            "agreed_ids": agreed_ids,
            "i_have_agreed": person.pk in agreed_ids,
            "actions": shown.actions.select_related("owner"),
            "versions": shown.versions.all(),
            "notes": _labelled_notes(shown),
            "today": timezone.localdate(),
            "prompts": prompts_for(shown, people, person),
        },
    )


def _labelled_notes(shown):
    notes = shown.prompt_notes or {}
    return {
        "children": [(label, notes[key]) for key, label, _ in CHILD_PROMPTS if notes.get(key)],
        "worker": [(label, notes[key]) for key, label, _ in WORKER_PROMPTS if notes.get(key)],
    }


def session_edit(request, pk):
    shown = _session_for(request, pk, perm="supervision.change_session")
    if shown.status == Session.Status.CANCELLED:
        raise Http404("This session did not happen.")
    owners = Person.objects.filter(
        Q(pk=shown.facilitator_id) | Q(attendances__session=shown)
    ).distinct()
    form = SessionForm(_posted(request), instance=shown, partnership=request.partnership)
    formset = action_formset(_posted(request), instance=shown, owners=owners, prefix="actions")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        changed = form.has_changed() or formset.has_changed()
        was_agreed = shown.status == Session.Status.AGREED
        moved = {"held_on", "start_time", "length_minutes", "location"} & set(form.changed_data)
        with transaction.atomic():
            # save_record keeps the agreed version (read from the database) before saving.
            session = records.save_record(
                form.save(commit=False), changed_by=request.user, changed=changed, moved=moved
            )
            _save_actions(formset, session)
        if not changed:
            messages.success(request, "Nothing changed.")
        elif was_agreed:
            messages.success(
                request,
                "Changes saved as a new version. The agreed version is kept; "
                "everyone is asked to agree again.",
            )
        else:
            messages.success(request, "Record saved.")
        return redirect("supervision:session", pk=shown.pk)
    return render(
        request,
        "supervision/session_form.html",
        {"page_title": f"Change the record: {shown}", "form": form, "formset": formset},
    )


@require_POST
def session_agree(request, pk):
    shown = _session_for(request, pk, perm="supervision.change_session")
    try:
        records.agree(shown, request.person)
    except ValueError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Thank you: you have agreed this record.")
    return redirect("supervision:session", pk=shown.pk)


@require_POST
def action_done(request, pk):
    action = SupportAction.objects.select_related("session", "owner").filter(pk=pk).first()
    if action is None:
        raise Http404("No such action.")
    get_for_user(
        request.user, Session.objects.all(), perm="supervision.change_session", pk=action.session_id
    )
    records.set_action_done(action, request.POST.get("done") == "1")
    return redirect("supervision:session", pk=action.session_id)


# ---- Agreements ----


@permission_required("supervision.add_agreement")
def agreement_new(request):
    person = _person(request)
    supervisees = Person.objects.filter(supervisor=person).current(timezone.localdate())
    choosing = supervisees.exists()
    if not choosing and person.supervisor_id is None:
        messages.error(request, "You do not have a supervisor in the register yet.")
        return redirect("supervision:mine")
    chooser = SuperviseeChoiceForm(_posted(request), people=supervisees) if choosing else None
    form = AgreementForm(_posted(request), partnership=request.partnership)
    if request.method == "POST" and form.is_valid() and (chooser is None or chooser.is_valid()):
        agreement = form.save(commit=False)
        if chooser is not None:
            agreement.supervisee = chooser.cleaned_data["supervisee"]
            agreement.supervisor = person
        else:
            agreement.supervisee = person
            agreement.supervisor_id = person.supervisor_id
        agreement.save()
        messages.success(request, "Supervision agreement saved.")
        return redirect("supervision:agreement", pk=agreement.pk)
    return render(
        request,
        "supervision/agreement_form.html",
        {"page_title": "Supervision agreement", "form": form, "chooser": chooser},
    )


def agreement(request, pk):
    shown = get_for_user(
        request.user,
        Agreement.objects.select_related("supervisee", "supervisor"),
        perm="supervision.view_agreement",
        pk=pk,
    )
    form = AgreementForm(_posted(request), instance=shown, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Agreement updated.")
        return redirect("supervision:agreement", pk=shown.pk)
    return render(
        request,
        "supervision/agreement.html",
        {"page_title": "Supervision agreement", "agreement": shown, "form": form},
    )


# ---- Private reflections ----


@permission_required("supervision.reflect")
def reflections(request):
    person = _person(request)
    form = ReflectionForm(_posted(request), partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        reflection = form.save(commit=False)
        reflection.author = person
        reflection.save()
        messages.success(
            request,
            "Reflection saved and shared with your supervisor."
            if reflection.shared_with_supervisor
            else "Reflection saved. Only you can read it.",
        )
        return redirect("supervision:reflections")
    return render(
        request,
        "supervision/reflections.html",
        {
            "page_title": "My private reflections",
            "form": form,
            "entries": Reflection.objects.filter(author=person),
            "has_supervisor": person.supervisor_id is not None,
        },
    )


@require_POST
def reflection_share(request, pk):
    reflection = get_for_user(
        request.user, Reflection.objects.all(), perm="supervision.change_reflection", pk=pk
    )
    reflection.shared_with_supervisor = request.POST.get("share") == "1"
    reflection.save(update_fields=["shared_with_supervisor", "updated_at"])
    messages.success(
        request,
        "Shared with your supervisor."
        if reflection.shared_with_supervisor
        else "No longer shared. Only you can read it.",
    )
    return redirect("supervision:reflections")


def reflection_edit(request, pk):
    """The author changes or deletes their own reflection; nobody else may."""
    entry = get_for_user(
        request.user, Reflection.objects.all(), perm="supervision.change_reflection", pk=pk
    )
    if request.method == "POST" and "delete" in request.POST:
        entry.delete()
        messages.success(request, "Reflection deleted.")
        return redirect("supervision:reflections")
    form = ReflectionForm(_posted(request), instance=entry, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Reflection saved.")
        return redirect("supervision:reflections")
    return render(
        request,
        "supervision/reflection_form.html",
        {"page_title": "Change my reflection", "form": form, "entry": entry},
    )


def reflection(request, pk):
    shown = get_for_user(
        request.user,
        Reflection.objects.select_related("author"),
        perm="supervision.view_reflection",
        pk=pk,
    )
    return render(
        request,
        "supervision/reflection.html",
        {"page_title": f"Reflection shared by {shown.author.full_name}", "reflection": shown},
    )


# ---- Wellbeing check-ins ----


@permission_required("supervision.check_in")
def check_in(request):
    person = _person(request)
    form = CheckInForm(_posted(request), partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.person = person
        entry.checked_on = timezone.localdate()
        entry.save()
        if entry.struggling:
            return redirect("supervision:check_in_support", pk=entry.pk)
        messages.success(request, "Thank you for checking in. Be kind to yourself today.")
        return redirect("supervision:check_in")
    trend = wellbeing.own_trend(person)
    chart = None
    if len(trend) >= 2:
        chart = charts.lines(
            [f"{entry.checked_on:%-d %b}" for entry in trend],
            {
                "How I am (1 to 5)": [entry.feeling for entry in trend],
                "Workload (1 to 4, higher is lighter)": [entry.workload for entry in trend],
            },
            ymax=5,
        )
    return render(
        request,
        "supervision/check_in.html",
        {
            "page_title": "Wellbeing check-in",
            "form": form,
            "trend": trend,
            "chart": chart,
            "supporters": wellbeing.support_contacts(person.partnership_id),
            "national": wellbeing.NATIONAL_SUPPORT,
        },
    )


def check_in_support(request, pk):
    """After a hard check-in: where to find support, and an offer to let the supervisor know."""
    entry = get_for_user(
        request.user,
        CheckIn.objects.select_related("person__supervisor"),
        perm="supervision.view_check_in",
        pk=pk,
    )
    if request.method == "POST":
        try:
            wellbeing.tell_supervisor(entry)
        except ValueError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                f"{entry.person.supervisor.full_name} will hear that you would like them to "
                "know. Your answers stay private.",
            )
        return redirect("supervision:check_in_support", pk=entry.pk)
    return render(
        request,
        "supervision/check_in_support.html",
        {
            "page_title": "Thank you for checking in",
            "entry": entry,
            "supporters": wellbeing.support_contacts(entry.partnership_id),
            "national": wellbeing.NATIONAL_SUPPORT,
            "cannot_tell": wellbeing.can_tell_supervisor(entry),
        },
    )


@permission_required("supervision.manage_support_contacts")
def support_contacts(request):
    form = SupportContactForm(_posted(request), partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        contact = form.save(commit=False)
        contact.save()
        messages.success(request, f"{contact.name} added to the support contacts.")
        return redirect("supervision:support_contacts")
    return render(
        request,
        "supervision/support_contacts.html",
        {
            "page_title": "Support contacts",
            "form": form,
            "supporters": SupportContact.objects.for_user(request.user),
            "national": wellbeing.NATIONAL_SUPPORT,
        },
    )


@permission_required("supervision.manage_support_contacts")
def support_contact(request, pk):
    contact = get_for_user(request.user, SupportContact.objects.all(), pk=pk)
    if request.method == "POST" and "remove" in request.POST:
        contact.delete()
        messages.success(request, f"{contact.name} removed from the support contacts.")
        return redirect("supervision:support_contacts")
    form = SupportContactForm(_posted(request), instance=contact, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"{contact.name} saved.")
        return redirect("supervision:support_contacts")
    return render(
        request,
        "supervision/support_contact.html",
        {"page_title": f"Change {contact.name}", "form": form, "contact": contact},
    )


@permission_required("supervision.view_wellbeing_overview")
def wellbeing_overview(request):
    """The latest figures at once; stale ones are worked out again in the background."""
    kept, asking = figures.for_page(request.user.partnership_id, wellbeing.KEPT_KIND)
    return render(
        request,
        "supervision/wellbeing_overview.html",
        {
            "page_title": "Team wellbeing",
            "figures": wellbeing.from_json(kept.figures) if kept else None,
            "kept": kept,
            "asking": asking,
            "kind": wellbeing.KEPT_KIND,
            "suppressed": wellbeing.SUPPRESSED,
            "minimum": wellbeing.MINIMUM_GROUP,
        },
    )


# ---- Cadence ----


@permission_required("supervision.view_cadence")
def cadence_view(request):
    today = timezone.localdate()
    people = Person.objects.for_user(request.user)
    own = request.person
    whole_partnership = not request.user.has_perm("supervision.record_session")
    if not whole_partnership:
        people = people.filter(supervisor=own)
    totals = cadence.counts(people, today)
    wanted = request.GET.get("status", "")
    if wanted not in cadence.Status.LABELS:
        wanted = ""
    # Counted, ordered and paged in the database; only this page's people are objects.
    page = cadence.page(people, today, wanted, request.GET.get("page"), PAGE_SIZE, totals)
    return render(
        request,
        "supervision/cadence.html",
        {
            "page_title": "Supervision due",
            "page": page,
            "totals": [
                (key, cadence.Status.LABELS[key], totals[key]) for key in cadence.Status.ORDER
            ],
            "wanted": wanted,
            "querystring": f"status={wanted}" if wanted else "",
            "whole_partnership": whole_partnership,
            "can_book": not whole_partnership,
            "today": today,
        },
    )


# ---- Groups ----


@permission_required("supervision.list_groups")
def groups(request):
    person = request.person
    listed = ReflectiveGroup.objects.for_user(request.user)
    # Learning leads see every group (names, rhythm, attendance); others see their own.
    if not request.user.has_perm("supervision.see_all_groups"):
        listed = listed.filter(Q(facilitator=person) | Q(members=person)).distinct()
    listed = listed.select_related("facilitator").annotate(
        member_count=Count("members", distinct=True)
    )
    return render(
        request,
        "supervision/groups.html",
        {
            "page_title": "Reflective groups",
            "groups": listed,
            "can_add": request.user.has_perm("supervision.add_group"),
        },
    )


@permission_required("supervision.add_group")
def group_new(request):
    person = _person(request)
    people = (
        Person.objects.in_partnership(person.partnership_id)
        .filter(Q(supervisor=person) | Q(team_id=person.team_id, team_id__isnull=False))
        .current(timezone.localdate())
        .exclude(pk=person.pk)
        .order_by("full_name")
    )
    form = GroupForm(_posted(request), people=people, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            group = form.save(commit=False)
            group.facilitator = person
            group.save()
            form.save_m2m()
        messages.success(request, f"{group.name} is set up.")
        return redirect("supervision:group", pk=group.pk)
    return render(
        request, "supervision/group_form.html", {"page_title": "New reflective group", "form": form}
    )


def group(request, pk):
    shown = get_for_user(
        request.user,
        ReflectiveGroup.objects.select_related("facilitator"),
        perm="supervision.view_group",
        pk=pk,
    )
    members = list(shown.members.order_by("full_name"))
    sessions = list(shown.sessions.order_by("-held_on")[:12])
    came = set(
        Attendance.objects.filter(session__in=sessions, attended=True).values_list(
            "session_id", "person_id"
        )
    )
    person = request.person
    grid = [
        (member, [(session, (session.pk, member.pk) in came) for session in sessions])
        for member in members
    ]
    return render(
        request,
        "supervision/group.html",
        {
            "page_title": shown.name,
            "group": shown,
            "members": members,
            "sessions": sessions,
            "grid": grid,
            "is_facilitator": person is not None and person.pk == shown.facilitator_id,
            "took_part_ids": _sessions_taken_part_in(person, sessions),
        },
    )


def _sessions_taken_part_in(person, sessions) -> set[int]:
    """Which of these sessions the person may open (facilitated or took part): one query."""
    if person is None:
        return set()
    facilitated = {s.pk for s in sessions if s.facilitator_id == person.pk}
    attended = Attendance.objects.filter(session__in=sessions, person=person).values_list(
        "session_id", flat=True
    )
    return facilitated | set(attended)


# ---- Supervisor training ----


@permission_required("supervision.manage_training")
def training(request):
    partnership_id = request.user.partnership_id
    # Everyone who supervises someone: their ids from the register's supervisor column
    # (no join and no DISTINCT over every person), and only what the list shows.
    supervising = Person.objects.in_partnership(partnership_id).filter(supervisor__isnull=False)
    supervisors = (
        Person.objects.in_partnership(partnership_id)
        .filter(pk__in=supervising.values("supervisor_id"))
        .current(timezone.localdate())
        .only("pk", "full_name")
        .order_by("full_name")
    )
    form = TrainingForm(_posted(request), people=supervisors, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.save()
        messages.success(request, f"Training recorded for {entry.person.full_name}.")
        return redirect("supervision:training")
    listed = SupervisorTraining.objects.in_partnership(partnership_id).select_related("person")
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "supervision/training.html",
        {"page_title": "Supervisor training", "form": form, "page": page},
    )


# ---- Provision map ----


def _provision_context(request, kept, for_pdf=False):
    data = provision.from_json(kept.figures)
    shares = data["organisation_shares"]
    chart = None
    if shares:
        names = [name for name, *_ in shares]
        values = [share for _, share, *_ in shares]
        axis = "Share supervised within their rhythm (%)"
        # Pages draw SVG from a template; the PDF gets a PNG, which WeasyPrint draws faithfully.
        if for_pdf:
            chart = charts.bars_image(names, [(axis, values)], axis, fmt="png", xmax=100)
        else:
            chart = charts.horizontal_bars(names, values, axis, xmax=100)
    return {
        "page_title": "Supervision provision",
        "data": data,
        "chart": chart,
        "pdf": for_pdf,
        "kept": kept,
    }


@permission_required("supervision.view_provision")
def provision_view(request):
    """The latest figures at once; stale ones are worked out again in the background."""
    kept, asking = figures.for_page(request.user.partnership_id, provision.KEPT_KIND)
    if kept is None:
        context = {"page_title": "Supervision provision", "kept": None}
    else:
        context = _provision_context(request, kept)
    context.update(asking=asking, kind=provision.KEPT_KIND)
    return render(request, "supervision/provision.html", context)


@permission_required("supervision.view_provision")
def provision_export(request, fmt):
    """The downloads are the figures the page shows, with every untrained supervisor."""
    kept = figures.latest(request.user.partnership_id, provision.KEPT_KIND)
    if fmt not in ("csv", "xlsx", "pdf"):
        raise Http404("Choose CSV, XLSX or PDF.")
    if kept is None:
        messages.info(request, "The figures are still being worked out: try again in a minute.")
        return redirect("supervision:provision")
    if fmt == "csv":
        data = provision.from_json(kept.figures, untrained_limit=None)
        response = HttpResponse(provision.as_csv(data), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="supervision-provision.csv"'
        return response
    if fmt == "xlsx":
        data = provision.from_json(kept.figures, untrained_limit=None)
        response = HttpResponse(
            provision.as_xlsx(data),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="supervision-provision.xlsx"'
        return response
    from weasyprint import HTML

    html = render_to_string(
        "supervision/provision_pdf.html",
        _provision_context(request, kept, for_pdf=True),
        request=request,
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="supervision-provision.pdf"'
    return response
