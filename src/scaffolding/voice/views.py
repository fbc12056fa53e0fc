"""Young people's pages and the workers' side of them. Thin: rules in sharing and domain.

Every page here is sent with ``Cache-Control: no-store`` (``never_cache``), so a
withdrawn share never shows again from a cached page, and every reader path
(page, file, API, download) calls ``accesslog.record_read`` once.
"""

import io
import zipfile

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from scaffolding.core.tenancy import get_for_user

from . import domain, sharing
from .accesslog import looks_page, record_read
from .forms import (
    AboutMeForm,
    AnswerForm,
    CodeForm,
    InviteForm,
    ItemForm,
    LinkForm,
    OnBehalfForm,
    OverrideForm,
    SafetySettingsForm,
    ShareFields,
    UnsafeForm,
    ViewsForm,
    YoungPersonForm,
    YoungSignInForm,
)
from .models import (
    AccessEvent,
    MeetingViews,
    OnBehalfDecision,
    ReadHow,
    SafetyAlert,
    StoryItem,
    WorkerLink,
    YoungPerson,
)

ITEMS = StoryItem.objects.select_related("young_person")
VIEWS = MeetingViews.objects.select_related("young_person")


def _mine(request) -> YoungPerson:
    """The signed-in young person's own record (404 for everyone else)."""
    if not request.user.has_perm("voice.view_own_story"):
        raise PermissionDenied
    young = YoungPerson.objects.for_user(request.user).filter(account=request.user).first()
    if young is None:
        raise Http404("No story here yet.")
    return young


def _young_page(request, template, context, young, status=200):
    context.update({"young": young, "band": young.age_band()})
    return render(request, template, context, status=status)


def _workers(young):
    return [
        link.person
        for link in WorkerLink.objects.current()
        .filter(young_person=young)
        .select_related("person")
        .order_by("person__full_name")
    ]


# The young person's own pages ----------------------------------------------------------------


@never_cache
def home(request):
    young = _mine(request)
    items = list(young.items.order_by("-created_at", "-pk")[:50])
    looks = list(AccessEvent.objects.filter(young_person=young).order_by("-at", "-pk")[:5])
    decisions = list(
        OnBehalfDecision.objects.filter(young_person=young).select_related("decided_by")[:10]
    )
    alerts = list(SafetyAlert.objects.filter(young_person=young)[:3])
    questions = list(domain.open_questions(young))
    return _young_page(
        request,
        "voice/home.html",
        {
            "page_title": f"Hello, {young.called}",
            "items": items,
            "looks": looks,
            "decisions": decisions,
            "alerts": alerts,
            "questions": questions,
        },
        young,
    )


@never_cache
def item_new(request):
    young = _mine(request)
    workers = _workers(young)
    form = ItemForm(request.POST or None, request.FILES or None, workers=workers)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            domain.add_item(
                young,
                request.user,
                title=data["title"],
                text=data["text"],
                upload=data.get("upload"),
                **form.share(),
            )
        except ValidationError as error:
            _attach(form, error, default_field="upload")
        else:
            messages.success(request, "Saved to your story.")
            return redirect("voice:home")
    return _young_page(
        request, "voice/item_form.html", {"page_title": "Add to my story", "form": form}, young
    )


def _attach(form, error, default_field=None):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(default_field, error)


@never_cache
def item(request, pk):
    item = get_for_user(request.user, ITEMS, pk=pk)
    young = item.young_person
    if sharing.is_owner(request.user, young):
        return _young_page(
            request,
            "voice/item.html",
            {
                "page_title": item.title,
                "item": item,
                "shared": item.shares.select_related("person"),
            },
            young,
        )
    if sharing.may_see(request.user, item):
        record_read(request.user, item, ReadHow.PAGE)
        return render(request, "voice/item_worker.html", {"page_title": item.title, "item": item})
    if request.user.has_perm("voice.override", young):
        return render(
            request,
            "voice/override.html",
            {
                "page_title": f"Not shared with you: {young.called}",
                "item": item,
                "form": OverrideForm(),
            },
        )
    raise Http404


@never_cache
@require_POST
def override(request, pk):
    item = get_for_user(request.user, ITEMS, pk=pk)
    if not request.user.has_perm("voice.override", item.young_person):
        raise Http404
    form = OverrideForm(request.POST)
    if form.is_valid():
        try:
            event = domain.override(request.user, item, form.cleaned_data["reason"])
        except ValidationError as error:
            _attach(form, error)
        else:
            return render(
                request,
                "voice/item_worker.html",
                {"page_title": item.title, "item": item, "override": event},
            )
    return render(
        request,
        "voice/override.html",
        {
            "page_title": f"Not shared with you: {item.young_person.called}",
            "item": item,
            "form": form,
        },
    )


@never_cache
def item_file(request, pk):
    item = get_for_user(request.user, ITEMS, pk=pk)
    if not item.file or not sharing.may_see(request.user, item):
        raise Http404
    record_read(request.user, item, ReadHow.DOWNLOAD)
    response = FileResponse(
        item.file.open("rb"),
        content_type=item.file_type,
        as_attachment=True,
        filename=item.file_name or "story-file",
    )
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def item_api(request, pk):
    item = get_for_user(request.user, ITEMS, pk=pk)
    if not sharing.may_see(request.user, item):
        raise Http404
    record_read(request.user, item, ReadHow.API)
    return JsonResponse(
        {
            "id": item.pk,
            "title": item.title,
            "text": item.text,
            "kind": item.kind,
            "created_at": item.created_at.isoformat(),
            "has_file": bool(item.file),
        }
    )


@never_cache
def item_share(request, pk):
    item = get_for_user(request.user, ITEMS, "voice.change_share", pk=pk)
    young = item.young_person
    workers = _workers(young)
    initial = {
        "audience": item.audience,
        "until": item.until,
        "people": [str(pk) for pk in item.shares.values_list("person_id", flat=True)],
    }
    form = ShareFields(request.POST or None, workers=workers, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            domain.set_share(item, request.user, **form.share())
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, "Done. This works from now on.")
            return redirect("voice:item", pk=item.pk)
    return _young_page(
        request,
        "voice/share_form.html",
        {"page_title": f"Who can see “{item.title}”", "form": form, "item": item},
        young,
    )


@never_cache
@require_POST
def item_withdraw(request, pk):
    item = get_for_user(request.user, ITEMS, "voice.change_share", pk=pk)
    domain.withdraw(item, request.user)
    messages.success(request, "Now only you can see it.")
    return redirect("voice:item", pk=item.pk)


@never_cache
@require_POST
def item_reports(request, pk):
    item = get_for_user(request.user, ITEMS, "voice.change_share", pk=pk)
    given = request.POST.get("answer") == "yes"
    domain.set_report_consent(item, request.user, given)
    messages.success(
        request, "Yes, it can be used." if given else "No. It is out of every report now."
    )
    return redirect("voice:item", pk=item.pk)


@never_cache
def decide(request, pk):
    """For a very young child: the named worker or a person with parental responsibility."""
    item = get_for_user(request.user, ITEMS, "voice.decide_on_behalf", pk=pk)
    young = item.young_person
    form = OnBehalfForm(request.POST or None, workers=_workers(young))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            domain.set_share(
                item,
                request.user,
                **form.share(),
                on_behalf={
                    "decided_as": data["decided_as"],
                    "reason": data["reason"],
                    "ask_again_on": data["ask_again_on"],
                },
            )
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, f"Your decision is saved, and {young.called} can see it.")
            return redirect("voice:young_person", pk=young.pk)
    return render(
        request,
        "voice/decide.html",
        {"page_title": f"Decide for {young.called}", "form": form, "item": item},
    )


@never_cache
def who_looked(request):
    young = _mine(request)
    page = looks_page(young, before=request.GET.get("before"))
    return _young_page(
        request,
        "voice/who_looked.html",
        {"page_title": "Who has looked at my things", "looks": page},
        young,
    )


@never_cache
def about_me(request):
    young = _mine(request)
    profile = domain.profile_of(young)
    form = AboutMeForm(
        request.POST or None,
        initial={f: getattr(profile, f) for f in ("matters", "helps", "dont_ask", "how_to_meet")},
    )
    share = ShareFields(
        request.POST or None,
        prefix="share",
        workers=_workers(young),
        initial={
            "audience": profile.audience,
            "until": profile.until,
            "people": [str(pk) for pk in profile.shares.values_list("person_id", flat=True)],
        },
    )
    if request.method == "POST" and form.is_valid() and share.is_valid():
        try:
            domain.save_profile(young, request.user, **form.cleaned_data)
            domain.set_share(profile, request.user, **share.share())
        except ValidationError as error:
            _attach(share, error)
        else:
            messages.success(request, "About me is saved.")
            return redirect("voice:about_me")
    return _young_page(
        request,
        "voice/about_me.html",
        {"page_title": "About me", "form": form, "share": share},
        young,
    )


@never_cache
@require_POST
def question(request, pk):
    young = _mine(request)
    found = domain.open_questions(young).filter(pk=pk).first()
    if found is None:
        raise Http404
    domain.answer_question(found, request.POST.get("answer") == "yes")
    return redirect("voice:home")


@never_cache
def views_new(request):
    young = _mine(request)
    form = ViewsForm(request.POST or None, workers=_workers(young))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        people = [int(pk) for pk in data.pop("people")]
        try:
            views = domain.add_views(young, request.user, people=people, **data)
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, "Your views are sent.")
            return redirect("voice:views", pk=views.pk)
    mine = list(young.meeting_views.all()[:20])
    return _young_page(
        request,
        "voice/views_form.html",
        {"page_title": "My views for my meeting", "form": form, "mine": mine},
        young,
    )


@never_cache
def views_detail(request, pk):
    views = get_for_user(request.user, VIEWS, pk=pk)
    young = views.young_person
    if sharing.is_owner(request.user, young):
        return _young_page(
            request, "voice/views.html", {"page_title": views.title, "views": views}, young
        )
    if not sharing.may_see(request.user, views):
        raise Http404
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        domain.answer_views(views, request.user, **form.cleaned_data)
        messages.success(request, f"Saved. {young.called} can see your answer.")
        return redirect("voice:views", pk=views.pk)
    if request.method == "GET":
        record_read(request.user, views, ReadHow.PAGE)
    return render(
        request,
        "voice/views_worker.html",
        {"page_title": f"{young.called}’s views for {views.meeting}", "views": views, "form": form},
    )


@never_cache
def unsafe(request):
    young = _mine(request)
    form = UnsafeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        domain.raise_alert(young, form.cleaned_data["message"])
        messages.success(request, "We have told your worker. You will see here when they read it.")
        return redirect("voice:home")
    return _young_page(
        request, "voice/unsafe.html", {"page_title": "I don't feel safe", "form": form}, young
    )


@never_cache
def download_all(request):
    """Everything held about the young person: a ZIP with a PDF and their files. Logged."""
    from weasyprint import HTML

    young = _mine(request)
    items = list(young.items.all())
    context = {
        "young": young,
        "items": items,
        "profile": domain.profile_of(young),
        "views": list(young.meeting_views.all()),
        "decisions": list(
            OnBehalfDecision.objects.filter(young_person=young).select_related("decided_by")
        ),
        "events": list(AccessEvent.objects.filter(young_person=young).order_by("-at", "-pk")),
        "now": timezone.now(),
    }
    html = render_to_string("voice/everything_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("my-story.pdf", pdf)
        for entry in items:
            if entry.file:
                with entry.file.open("rb") as handle:
                    archive.writestr(f"files/{entry.pk}-{entry.file_name or 'file'}", handle.read())
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="my-story.zip"'
    response["Cache-Control"] = "no-store"
    return response


# The workers' side -------------------------------------------------------------------------


@never_cache
def young_people(request):
    if not request.user.has_perm("voice.list_young_people"):
        raise PermissionDenied
    person = sharing.person_of(request.user)
    links = (
        WorkerLink.objects.for_user(request.user)
        .current()
        .filter(person=person)
        .select_related("young_person")
        .order_by("young_person__called")
        if person
        else WorkerLink.objects.none()
    )
    return render(
        request,
        "voice/young_people.html",
        {
            "page_title": "Young people I work with",
            "links": links,
            "alerts": domain.alerts_for_worker(request.user),
            "may_add": request.user.has_perm("voice.add_young_person"),
        },
    )


@never_cache
def young_person_new(request):
    if not request.user.has_perm("voice.add_young_person"):
        raise PermissionDenied
    form = YoungPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            young = domain.add_young_person(request.user, **form.cleaned_data)
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, f"{young.called} is added. You are their named worker.")
            return redirect("voice:young_person", pk=young.pk)
    return render(
        request, "voice/young_person_form.html", {"page_title": "Add a young person", "form": form}
    )


@never_cache
def young_person(request, pk):
    young = get_for_user(request.user, YoungPerson.objects, "voice.view_young_person", pk=pk)
    items = list(sharing.visible_to(request.user, StoryItem.objects.all(), young))
    seen = {i.pk for i in items}
    hidden = [
        i for i in young.items.only("pk", "created_at", "young_person_id") if i.pk not in seen
    ]
    profile = young.about_me if hasattr(young, "about_me") else None
    views = list(sharing.visible_to(request.user, MeetingViews.objects.all(), young))
    links = list(domain.links_of(young))
    return render(
        request,
        "voice/young_person.html",
        {
            "page_title": young.called,
            "young": young,
            "items": items,
            "hidden": hidden,
            "profile_shared": profile is not None and sharing.may_see(request.user, profile),
            "views_list": views,
            "alerts": SafetyAlert.objects.filter(young_person=young, acknowledged_at__isnull=True),
            "decisions": OnBehalfDecision.objects.filter(young_person=young).select_related(
                "decided_by"
            ),
            "overrides": AccessEvent.objects.filter(young_person=young).exclude(override_reason="")[
                :20
            ]
            if sharing.is_named_worker(request.user, young)
            else [],
            "may_invite": request.user.has_perm("voice.invite_young_person", young),
            "may_decide": request.user.has_perm("voice.decide_on_behalf", young),
            "may_manage_links": request.user.has_perm("voice.manage_links", young),
            "current_links": [link for link in links if link.is_current],
            "ended_links": sorted(
                (link for link in links if not link.is_current),
                key=lambda link: link.ended_at,
                reverse=True,
            ),
        },
    )


@never_cache
def link_new(request, pk):
    young = get_for_user(request.user, YoungPerson.objects, "voice.manage_links", pk=pk)
    form = LinkForm(request.POST or None, user=request.user, young=young)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            link = domain.link_worker(
                request.user,
                young,
                data["person"],
                data["kind"],
                parental_responsibility=data["parental_responsibility"],
            )
        except ValidationError as error:
            _attach(form, error, default_field="person")
        else:
            messages.success(
                request,
                f"{link.person} is linked to {young.called} as "
                f"{link.get_kind_display().lower()}. {young.called} will be asked whether "
                "to share About me with them.",
            )
            return redirect("voice:young_person", pk=young.pk)
    return render(
        request,
        "voice/link_form.html",
        {"page_title": f"Link someone to {young.called}", "form": form, "young": young},
    )


@never_cache
def link_end(request, pk):
    link = get_for_user(
        request.user,
        WorkerLink.objects.current().select_related("young_person", "person"),
        pk=pk,
    )
    young = link.young_person
    if not request.user.has_perm("voice.manage_links", young):
        raise Http404
    error = None
    if request.method == "POST":
        try:
            domain.end_link(request.user, link)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, f"{link.person}'s link with {young.called} has ended.")
            if request.user.has_perm("voice.view_young_person", young):
                return redirect("voice:young_person", pk=young.pk)
            return redirect("voice:young_people")
    return render(
        request,
        "voice/link_end.html",
        {
            "page_title": f"End {link.person}'s link with {young.called}",
            "link": link,
            "young": young,
            "error": error,
        },
    )


@never_cache
def profile(request, pk):
    young = get_for_user(request.user, YoungPerson.objects, "voice.view_young_person", pk=pk)
    about = getattr(young, "about_me", None) if hasattr(young, "about_me") else None
    if about is None or not sharing.may_see(request.user, about):
        raise Http404
    record_read(request.user, about, ReadHow.PAGE)
    return render(
        request,
        "voice/profile_worker.html",
        {"page_title": f"About {young.called}", "about": about},
    )


@never_cache
def invite(request, pk):
    young = get_for_user(request.user, YoungPerson.objects, "voice.invite_young_person", pk=pk)
    form = InviteForm(request.POST or None)
    code = None
    if request.method == "POST" and form.is_valid():
        _invitation, code = domain.invite(request.user, young, email=form.cleaned_data["email"])
        if form.cleaned_data["email"]:
            messages.success(request, f"We have emailed {young.called} their code.")
    return render(
        request,
        "voice/invite.html",
        {"page_title": f"Invite {young.called}", "form": form, "code": code, "young": young},
    )


@never_cache
def alert(request, pk):
    found = get_for_user(request.user, SafetyAlert.objects.select_related("young_person"), pk=pk)
    if not request.user.has_perm("voice.acknowledge_alert", found.young_person):
        raise Http404
    if request.method == "POST":
        domain.acknowledge(found, request.user)
        messages.success(request, f"{found.young_person.called} can now see that you have read it.")
        return redirect("voice:alert", pk=found.pk)
    return render(
        request,
        "voice/alert.html",
        {"page_title": "A young person does not feel safe", "alert": found},
    )


@never_cache
def override_counts(request):
    if not request.user.has_perm("voice.view_override_counts"):
        raise PermissionDenied
    rows = list(domain.override_counts(request.user.partnership_id))
    return render(
        request,
        "voice/override_counts.html",
        {
            "page_title": "Items opened for protection",
            "rows": rows,
            "total": sum(r["count"] for r in rows),
        },
    )


@never_cache
def safety_settings(request):
    if not request.user.has_perm("voice.manage_safety_settings"):
        raise PermissionDenied
    current = domain.safety_settings(request.user.partnership_id)
    form = SafetySettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            domain.save_safety_settings(form.save(commit=False), by=request.user)
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, "Saved. The next alert uses these settings.")
            return redirect("voice:safety_settings")
    return render(
        request,
        "voice/safety_settings.html",
        {
            "page_title": "When a young person does not feel safe",
            "form": form,
            "current": current,
            "default_minutes": domain.DEFAULT_ACKNOWLEDGE_MINUTES,
        },
    )


# Signing in ----------------------------------------------------------------------------------


@login_not_required
@never_cache
def start(request):
    """Type the code from your worker and choose a password."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account, sign_in_name = domain.redeem(
                form.cleaned_data["code"], form.cleaned_data["password1"]
            )
        except ValidationError as error:
            form.add_error("code", error)
        else:
            login(request, account, backend="scaffolding.accounts.backends.PasswordBackend")
            messages.success(request, f"Welcome! Next time, sign in with: {sign_in_name}")
            return redirect("voice:home")
    return render(request, "voice/start.html", {"page_title": "Start with your code", "form": form})


sign_in = login_not_required(
    method_decorator(never_cache, name="dispatch")(auth_views.LoginView).as_view(
        template_name="voice/sign_in.html",
        authentication_form=YoungSignInForm,
        redirect_authenticated_user=True,
        extra_context={"page_title": "Sign in to my story"},
    )
)
