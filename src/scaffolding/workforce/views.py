from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from scaffolding.accounts.access import get_for_user, permission_required
from scaffolding.core.middleware import person_for_user

from . import learning
from .forms import (
    ActivityForm,
    LivedExperienceForm,
    PeopleFilterForm,
    PersonForm,
    RecognitionForm,
    RecordForm,
    RoleProfileForm,
)
from .models import (
    LearningActivity,
    LearningEvidence,
    LearningRecord,
    LivedExperience,
    Person,
    RoleProfile,
    RoleRequirement,
)
from .register import save_person

PAGE_SIZE = 50


def visible_people(user):
    """The register entries this user may list: everyone for leads and admins, else supervisees."""
    people = Person.objects.for_user(user)
    if user.has_perm("workforce.view_all_people"):
        return people
    own = person_for_user(user)
    return people.filter(supervisor=own) if own else people.none()


def _records_of(person):
    evidence = Prefetch("evidence", LearningEvidence.objects.defer("data"))
    return (
        LearningRecord.objects.filter(person=person)
        .select_related("activity", "endorsed_by")
        .prefetch_related(evidence)
    )


# The register -----------------------------------------------------------------------


@permission_required("workforce.list_people")
def people(request):
    filters = PeopleFilterForm(request.GET or None, partnership=request.partnership)
    listed = filters.narrow(
        visible_people(request.user)
        .current()
        .select_related("organisation", "team", "role_profile")
    )
    page = Paginator(listed.order_by("full_name", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    kept = request.GET.copy()
    kept.pop("page", None)
    return render(
        request,
        "workforce/people.html",
        {
            "page_title": "People",
            "page": page,
            "filters": filters,
            "querystring": kept.urlencode(),
            "can_manage": request.user.has_perm("workforce.manage_learning"),
        },
    )


def person(request, pk):
    shown = get_for_user(
        request.user,
        Person.objects.select_related("organisation", "team", "role_profile", "supervisor"),
        perm="workforce.view_person",
        pk=pk,
    )
    user = request.user
    context = {
        "page_title": shown.full_name,
        "person": shown,
        "memberships": shown.memberships.select_related("team"),
        "can_manage": user.has_perm("workforce.manage_learning"),
        "can_endorse": user.has_perm("workforce.endorse_learning", shown),
        "can_record": user.has_perm("workforce.record_learning", shown),
    }
    if user.has_perm("workforce.view_learning", shown):
        context["standing"] = learning.standing_for(shown)
        context["records"] = _records_of(shown)
        context["recognitions"] = shown.recognitions.prefetch_related("topics")
    if user.has_perm("workforce.view_lived_experience", shown):
        context["lived_experience"] = LivedExperience.objects.filter(person=shown).first()
    return render(request, "workforce/person.html", context)


@permission_required("workforce.manage_learning")
@require_http_methods(["GET", "POST"])
def person_edit(request, pk=None):
    instance = None
    if pk is not None:
        instance = get_for_user(request.user, Person.objects.all(), pk=pk)
    form = PersonForm(request.POST or None, instance=instance, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        save_person(entry)
        messages.success(request, f"{entry.full_name} is saved in the register.")
        return redirect("workforce:person", pk=entry.pk)
    title = f"Change {instance.full_name}" if instance else "Add someone to the register"
    cancel = reverse("workforce:person", args=[pk]) if pk else reverse("workforce:people")
    return render(
        request, "workforce/form.html", {"page_title": title, "form": form, "cancel_url": cancel}
    )


# Learning ---------------------------------------------------------------------------


def my_learning(request):
    if not request.user.has_perm("workforce.view_own_learning"):
        raise PermissionDenied
    own = Person.objects.filter(user=request.user).select_related("role_profile").first()
    context = {"page_title": "My learning", "own": own}
    if own is not None:
        context["standing"] = learning.standing_for(own)
        context["records"] = _records_of(own)
        context["recognitions"] = own.recognitions.prefetch_related("topics")
    return render(request, "workforce/my_learning.html", context)


@require_http_methods(["GET", "POST"])
def record_add(request, pk):
    learner = get_for_user(
        request.user, Person.objects.all(), perm="workforce.record_learning", pk=pk
    )
    form = RecordForm(
        request.POST or None,
        request.FILES or None,
        partnership=learner.partnership,
        initial={"activity": request.GET.get("activity")},
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            record = form.save(commit=False)
            record.person = learner
            record.save()
            upload = form.cleaned_data.get("evidence")
            if upload is not None:
                LearningEvidence.objects.create(
                    record=record,
                    filename=upload.name[:200],
                    content_type=upload.content_type,
                    size=upload.size,
                    data=upload.read(),
                )
        messages.success(request, f"{record.activity.title} is recorded.")
        if learner.user_id == request.user.pk:
            return redirect("workforce:my_learning")
        return redirect("workforce:person", pk=learner.pk)
    is_self = learner.user_id == request.user.pk
    title = "Record my learning" if is_self else f"Record learning for {learner.full_name}"
    cancel = (
        reverse("workforce:my_learning")
        if is_self
        else reverse("workforce:person", args=[learner.pk])
    )
    return render(
        request,
        "workforce/form.html",
        {"page_title": title, "form": form, "multipart": True, "cancel_url": cancel},
    )


@require_POST
def record_endorse(request, pk):
    record = get_for_user(
        request.user, LearningRecord.objects.select_related("person", "activity"), pk=pk
    )
    if not request.user.has_perm("workforce.endorse_learning", record.person):
        raise Http404
    record.endorsed_by = request.person
    record.endorsed_on = date.today()
    record.save(update_fields=["endorsed_by", "endorsed_on"])
    messages.success(request, f"You endorsed {record.activity.title} for {record.person}.")
    return redirect("workforce:person", pk=record.person_id)


def evidence(request, pk):
    item = get_for_user(
        request.user, LearningEvidence.objects.select_related("record__person"), pk=pk
    )
    if not request.user.has_perm("workforce.view_learning", item.record.person):
        raise Http404
    response = HttpResponse(bytes(item.data), content_type=item.content_type)
    response["Content-Disposition"] = f'attachment; filename="{item.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_http_methods(["GET", "POST"])
def lived_experience(request):
    """The person's own page: what they want to say, and exactly who else may see it."""
    own = request.person
    if own is None:
        raise Http404("You are not in the workforce register.")
    instance = LivedExperience.objects.filter(person=own).first()
    form = LivedExperienceForm(request.POST or None, instance=instance, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.person = own
        saved.save()
        form.save_m2m()
        messages.success(request, "Saved. Only you and the people you ticked can see this.")
        return redirect("workforce:lived_experience")
    return render(
        request,
        "workforce/lived_experience.html",
        {"page_title": "My lived experience of care", "form": form},
    )


# Catalogue and role profiles ---------------------------------------------------------


@permission_required("workforce.view_catalogue")
def catalogue(request):
    activities = LearningActivity.objects.for_user(request.user).prefetch_related("topics")
    if not request.user.has_perm("workforce.manage_learning"):
        activities = activities.filter(is_active=True)
    return render(
        request,
        "workforce/catalogue.html",
        {
            "page_title": "Learning catalogue",
            "activities": activities,
            "can_manage": request.user.has_perm("workforce.manage_learning"),
            "own": request.person,
        },
    )


@permission_required("workforce.manage_learning")
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk=None):
    instance = None
    if pk is not None:
        instance = get_for_user(request.user, LearningActivity.objects.all(), pk=pk)
    form = ActivityForm(request.POST or None, instance=instance, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        activity = form.save()
        messages.success(request, f"{activity.title} is saved in the catalogue.")
        return redirect("workforce:catalogue")
    title = f"Change {instance.title}" if instance else "Add learning to the catalogue"
    return render(
        request,
        "workforce/form.html",
        {"page_title": title, "form": form, "cancel_url": reverse("workforce:catalogue")},
    )


@permission_required("workforce.view_role_profiles")
def role_profiles(request):
    profiles = RoleProfile.objects.for_user(request.user).prefetch_related("required_topics")
    return render(
        request,
        "workforce/role_profiles.html",
        {
            "page_title": "Role profiles",
            "profiles": profiles,
            "can_manage": request.user.has_perm("workforce.manage_learning"),
        },
    )


@permission_required("workforce.manage_learning")
@require_http_methods(["GET", "POST"])
def role_profile_edit(request, pk=None):
    instance = None
    if pk is not None:
        instance = get_for_user(request.user, RoleProfile.objects.all(), pk=pk)
    form = RoleProfileForm(request.POST or None, instance=instance, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            profile = form.save(commit=False)
            profile.save()
            RoleRequirement.objects.filter(role_profile=profile).delete()
            RoleRequirement.objects.bulk_create(
                RoleRequirement(role_profile=profile, topic=topic)
                for topic in form.cleaned_data["required_topics"]
            )
        messages.success(request, f"The role profile {profile.name} is saved.")
        return redirect("workforce:role_profiles")
    title = f"Change {instance.name}" if instance else "Add a role profile"
    return render(
        request,
        "workforce/form.html",
        {"page_title": title, "form": form, "cancel_url": reverse("workforce:role_profiles")},
    )


@permission_required("workforce.manage_learning")
@require_http_methods(["GET", "POST"])
def recognition_add(request, pk):
    learner = get_for_user(request.user, Person.objects.all(), pk=pk)
    form = RecognitionForm(request.POST or None, initial={"decided_on": date.today()})
    if request.method == "POST" and form.is_valid():
        decision = form.save(commit=False)
        decision.person = learner
        decision.decided_by = request.user
        decision.save()
        form.save_m2m()
        messages.success(request, f"The recognition for {learner.full_name} is recorded.")
        return redirect("workforce:person", pk=learner.pk)
    return render(
        request,
        "workforce/form.html",
        {
            "page_title": f"Recognise learning for {learner.full_name}",
            "form": form,
            "cancel_url": reverse("workforce:person", args=[learner.pk]),
        },
    )
