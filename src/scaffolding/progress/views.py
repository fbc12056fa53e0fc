"""Pages for the Promise as data: overview, frameworks, initiatives, evidence and reports."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from scaffolding.accounts.access import get_for_user, permission_required
from scaffolding.voice.accesslog import record_read, record_reads
from scaffolding.voice.models import ReadHow, StoryItem
from scaffolding.voice.sharing import shared_with

from . import charts, live, report_files
from . import framework_files as ff
from .exports import FORMATS, table_response
from .forms import (
    AssessmentForm,
    FrameworkForm,
    FrameworkItemForm,
    ImportForm,
    InitiativeForm,
    ItemFilterForm,
    MeasureForm,
    MeasurePointForm,
    StoryForm,
    StoryFromItemForm,
)
from .framework_files import load_foundations
from .loading import framework_data, load_framework
from .models import (
    ASSESSMENT_SCALE,
    Assessment,
    Framework,
    FrameworkItem,
    Initiative,
    Measure,
    MeasurePoint,
    ProgressReport,
    Story,
    scale_step,
)
from .summary import STEPS, framework_summaries, histories, quarter_start, status_on
from .tables import TABLES


def _today():
    return timezone.localdate()


def _foundation_descriptions():
    return {f.key: f for f in load_foundations()}


# --------------------------------------------------------------------------- overview


@permission_required("progress.view")
def overview(request):
    today = _today()
    summaries = framework_summaries(request.user.partnership_id, today)
    for summary in summaries:
        summary.chart = charts.status_by_foundation(summary.rows, STEPS) if summary.total else ""
    return render(
        request,
        "progress/overview.html",
        {
            "page_title": "Progress on The Promise",
            "summaries": summaries,
            "flags": live.item_flags(request.user.partnership_id),
            "steps": STEPS,
            "scale": ASSESSMENT_SCALE,
            "since": quarter_start(today),
            "today": today,
        },
    )


# --------------------------------------------------------------------------- frameworks


@permission_required("progress.view")
def framework_list(request):
    frameworks = Framework.objects.for_user(request.user).annotate(item_count=Count("items"))
    return render(
        request,
        "progress/framework_list.html",
        {"page_title": "Frameworks", "frameworks": frameworks},
    )


@permission_required("progress.view")
def framework_detail(request, pk):
    framework = get_for_user(request.user, Framework.objects.all(), pk=pk)
    items = list(
        framework.items.annotate(initiative_count=Count("initiatives")).order_by(
            "foundation_order", "number"
        )
    )
    history = histories(Assessment.objects.filter(item__framework=framework))
    today = _today()
    for item in items:
        item.current_step = scale_step(status_on(history.get(item.pk, []), today))
    foundations = _foundation_descriptions()
    filters = ItemFilterForm(
        request.GET or None,
        foundations=[foundations[key] for key in ff.FOUNDATION_KEYS],
        steps=STEPS,
    )
    shown = [item for item in items if filters.keep(item)] if filters.is_bound else items
    groups = []
    for key in ff.FOUNDATION_KEYS:
        members = [item for item in shown if item.foundation == key]
        if members:
            groups.append({"foundation": foundations[key], "items": members})
    return render(
        request,
        "progress/framework_detail.html",
        {
            "page_title": framework.title,
            "framework": framework,
            "groups": groups,
            "filters": filters,
            "shown_count": len(shown),
            "filtered": filters.is_bound,
            "count_line": framework_data_line(framework, items),
        },
    )


def framework_data_line(framework, items):
    counts = dict.fromkeys(ff.FOUNDATION_KEYS, 0)
    for item in items:
        counts[item.foundation] += 1
    names = dict(ff.FOUNDATIONS)
    per = ", ".join(f"{names[key]} {count}" for key, count in counts.items())
    return f"{len(items)} {'item' if len(items) == 1 else 'items'} ({per})"


@permission_required("progress.manage")
@require_http_methods(["GET", "POST"])
def framework_create(request):
    form = FrameworkForm(request.POST or None, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        framework = form.save()
        messages.success(request, f"{framework.title} is created. Now add its items.")
        return redirect("progress:framework_detail", pk=framework.pk)
    return render(request, "progress/form.html", {"page_title": "New framework", "form": form})


@permission_required("progress.manage")
@require_http_methods(["GET", "POST"])
def framework_edit(request, pk):
    framework = get_for_user(request.user, Framework.objects.all(), pk=pk)
    form = FrameworkForm(request.POST or None, instance=framework, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "The framework is saved.")
        return redirect("progress:framework_detail", pk=framework.pk)
    return render(
        request,
        "progress/form.html",
        {
            "page_title": f"Change {framework.title}",
            "form": form,
            "cancel": reverse("progress:framework_detail", args=[framework.pk]),
        },
    )


@permission_required("progress.manage")
@require_http_methods(["GET", "POST"])
def framework_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        result = load_framework(request.user.partnership, form.framework, user=request.user)
        verb = "Imported" if result.created else "Updated"
        messages.success(
            request,
            f"{verb} {result.framework.title}: {result.items_added} added, "
            f"{result.items_updated} changed.",
        )
        return redirect("progress:framework_detail", pk=result.framework.pk)
    return render(
        request,
        "progress/framework_import.html",
        {
            "page_title": "Import a framework",
            "form": form,
            "file_errors": getattr(form, "file_errors", []),
            "columns": ff.CSV_COLUMNS,
        },
    )


@permission_required("progress.view")
def framework_export(request, pk, fmt):
    framework = get_for_user(request.user, Framework.objects.all(), pk=pk)
    data = framework_data(framework)
    if fmt == "yaml":
        body, content_type = ff.to_yaml(data), "application/yaml; charset=utf-8"
    elif fmt == "csv":
        try:
            body = ff.to_csv(data)
        except ff.FrameworkFileError as error:
            messages.error(request, "Cannot write CSV: " + "; ".join(error.errors))
            return redirect("progress:framework_detail", pk=framework.pk)
        content_type = "text/csv; charset=utf-8"
    else:
        raise Http404("Use yaml or csv.")
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{framework.name}.{fmt}"'
    return response


@permission_required("progress.manage")
@require_http_methods(["GET", "POST"])
def item_create(request, pk):
    framework = get_for_user(request.user, Framework.objects.all(), pk=pk)
    form = FrameworkItemForm(request.POST or None, framework=framework)
    if request.method == "POST" and form.is_valid():
        item = form.save()
        messages.success(request, f"{item.label} is added.")
        return redirect("progress:framework_detail", pk=framework.pk)
    return render(
        request,
        "progress/form.html",
        {
            "page_title": f"Add a {framework.item_noun} to {framework.title}",
            "form": form,
            "cancel": reverse("progress:framework_detail", args=[framework.pk]),
        },
    )


@permission_required("progress.manage")
@require_http_methods(["GET", "POST"])
def item_edit(request, pk):
    item = get_for_user(request.user, FrameworkItem.objects.select_related("framework"), pk=pk)
    form = FrameworkItemForm(request.POST or None, instance=item, framework=item.framework)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect("progress:item_detail", pk=item.pk)
    return render(
        request,
        "progress/form.html",
        {
            "page_title": f"Change {item.label}",
            "form": form,
            "cancel": reverse("progress:item_detail", args=[item.pk]),
        },
    )


@permission_required("progress.view")
def item_detail(request, pk):
    item = get_for_user(request.user, FrameworkItem.objects.select_related("framework"), pk=pk)
    assessments = list(item.assessments.select_related("recorded_by"))
    initiatives = list(item.initiatives.select_related("lead_organisation"))
    measures = list(
        item.measures.prefetch_related(
            Prefetch("points", queryset=MeasurePoint.objects.order_by("on"))
        )
    )
    stories = list(Story.objects.visible_to(request.user).filter(items=item))
    return render(
        request,
        "progress/item_detail.html",
        {
            "page_title": item.label,
            "item": item,
            "foundation": _foundation_descriptions()[item.foundation],
            "current": assessments[0] if assessments else None,
            "current_step": assessments[0].step if assessments else scale_step(None),
            "assessments": assessments,
            "initiatives": initiatives,
            "measures": measures,
            "stories": stories,
            "part_headings": ff.PART_HEADINGS,
        },
    )


@permission_required("progress.manage")
@require_http_methods(["GET", "POST"])
def assessment_create(request, pk):
    item = get_for_user(request.user, FrameworkItem.objects.select_related("framework"), pk=pk)
    latest = item.assessments.first()
    if latest:
        initial = {
            key: getattr(latest, key)
            for key in ("status", "required", "heard", "committed", "leads", "next_steps")
        }
    else:
        initial = {
            "required": item.text,
            "heard": item.parts.get("heard", ""),
            "committed": item.parts.get("committed", ""),
            "leads": item.parts.get("leads", "") or "\n".join(item.lead_organisations),
            "next_steps": item.parts.get("next_steps", ""),
        }
    initial["assessed_on"] = _today()
    form = AssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        assessment = form.save(commit=False)
        assessment.item = item
        assessment.recorded_by = request.user
        assessment.save()
        messages.success(request, f"Assessment recorded: {assessment.get_status_display()}.")
        return redirect("progress:item_detail", pk=item.pk)
    return render(
        request,
        "progress/assessment_form.html",
        {
            "page_title": f"Assess {item.label}",
            "form": form,
            "item": item,
            "scale": ASSESSMENT_SCALE,
            "cancel": reverse("progress:item_detail", args=[item.pk]),
        },
    )


# --------------------------------------------------------------------------- initiatives


@permission_required("progress.view")
def initiative_list(request):
    initiatives = (
        Initiative.objects.for_user(request.user)
        .select_related("lead_organisation")
        .annotate(item_count=Count("items"))
    )
    unserved = (
        FrameworkItem.objects.for_user(request.user)
        .filter(initiatives__isnull=True)
        .select_related("framework")
        .order_by("framework__title", "foundation_order", "number")
    )
    return render(
        request,
        "progress/initiative_list.html",
        {"page_title": "Initiatives", "initiatives": initiatives, "unserved": unserved},
    )


@permission_required("progress.view")
def initiative_detail(request, pk):
    initiative = get_for_user(
        request.user, Initiative.objects.select_related("lead_organisation"), pk=pk
    )
    return render(
        request,
        "progress/initiative_detail.html",
        {
            "page_title": initiative.name,
            "initiative": initiative,
            "partners": initiative.partner_organisations.all(),
            "items": initiative.items.select_related("framework"),
            "measures": initiative.measures.all(),
            "stories": Story.objects.visible_to(request.user).filter(initiatives=initiative),
        },
    )


@permission_required("progress.manage")
@require_http_methods(["GET", "POST"])
def initiative_create(request):
    return _initiative_form(request, None)


@permission_required("progress.manage")
@require_http_methods(["GET", "POST"])
def initiative_edit(request, pk):
    return _initiative_form(request, get_for_user(request.user, Initiative.objects.all(), pk=pk))


def _initiative_form(request, initiative):
    initial = {}
    if initiative is None and request.GET.get("item"):
        initial["items"] = [request.GET["item"]]
    form = InitiativeForm(
        request.POST or None,
        instance=initiative,
        initial=initial,
        partnership=request.partnership,
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, f"{saved.name} is saved.")
        return redirect("progress:initiative_detail", pk=saved.pk)
    return render(
        request,
        "progress/form.html",
        {
            "page_title": f"Change {initiative.name}" if initiative else "New initiative",
            "form": form,
            "cancel": reverse("progress:initiative_detail", args=[initiative.pk])
            if initiative
            else reverse("progress:initiative_list"),
        },
    )


# --------------------------------------------------------------------------- evidence


@permission_required("progress.view")
def evidence(request):
    today = _today()
    measures = Measure.objects.for_user(request.user).prefetch_related(
        Prefetch("points", queryset=MeasurePoint.objects.order_by("on"))
    )
    stories = Story.objects.visible_to(request.user).select_related("recorded_by", "consent_item")
    return render(
        request,
        "progress/evidence.html",
        {
            "page_title": "Evidence",
            "measures": measures,
            "live_values": live.compute_all(request.user.partnership_id, today),
            "stories": stories,
            "today": today,
        },
    )


@permission_required("progress.view")
def measure_detail(request, pk):
    measure = get_for_user(request.user, Measure.objects.all(), pk=pk)
    points = list(measure.points.order_by("on"))
    form = None
    if request.user.has_perm("progress.manage"):
        form = MeasurePointForm(measure=measure, initial={"on": _today()})
    return render(
        request,
        "progress/measure_detail.html",
        {
            "page_title": measure.name,
            "measure": measure,
            "points": points,
            "chart": charts.measure_series(
                measure.name, measure.unit, points, measure.target, measure.baseline
            )
            if points
            else "",
            "point_form": form,
            "items": measure.items.select_related("framework"),
            "initiatives": measure.initiatives.all(),
        },
    )


@permission_required("progress.manage")
@require_http_methods(["GET", "POST"])
def measure_create(request):
    return _measure_form(request, None)


@permission_required("progress.manage")
@require_http_methods(["GET", "POST"])
def measure_edit(request, pk):
    return _measure_form(request, get_for_user(request.user, Measure.objects.all(), pk=pk))


def _measure_form(request, measure):
    form = MeasureForm(request.POST or None, instance=measure, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, f"{saved.name} is saved.")
        return redirect("progress:measure_detail", pk=saved.pk)
    return render(
        request,
        "progress/form.html",
        {
            "page_title": f"Change {measure.name}" if measure else "New measure",
            "form": form,
            "cancel": reverse("progress:measure_detail", args=[measure.pk])
            if measure
            else reverse("progress:evidence"),
        },
    )


@permission_required("progress.manage")
@require_http_methods(["GET", "POST"])
def measure_point_add(request, pk):
    measure = get_for_user(request.user, Measure.objects.all(), pk=pk)
    form = MeasurePointForm(request.POST or None, measure=measure, initial={"on": _today()})
    if request.method == "POST" and form.is_valid():
        point = form.save()
        messages.success(
            request, f"Added {point.value} {measure.unit} on {point.on.day} {point.on:%B %Y}."
        )
        return redirect("progress:measure_detail", pk=measure.pk)
    return render(
        request,
        "progress/form.html",
        {
            "page_title": f"Add a value to {measure.name}",
            "form": form,
            "cancel": reverse("progress:measure_detail", args=[measure.pk]),
        },
    )


@permission_required("progress.view")
def story_detail(request, pk):
    story = get_for_user(
        request.user,
        Story.objects.select_related("recorded_by", "consent_item__young_person"),
        perm="progress.view_story",
        pk=pk,
    )
    if story.consent_item_id:
        record_read(request.user, story.consent_item, ReadHow.REPORT)
    return render(
        request,
        "progress/story_detail.html",
        {
            "page_title": story.title,
            "story": story,
            "items": story.items.select_related("framework"),
            "initiatives": story.initiatives.all(),
            "can_change": request.user.has_perm("progress.change_story", story),
        },
    )


@permission_required("progress.add_story")
@require_http_methods(["GET", "POST"])
def story_create(request):
    return _story_form(request, None)


@require_http_methods(["GET", "POST"])
def story_edit(request, pk):
    story = get_for_user(
        request.user,
        Story.objects.select_related("consent_item__young_person"),
        perm="progress.change_story",
        pk=pk,
    )
    if story.consent_item_id:
        return _story_form(request, story, item=story.consent_item)
    return _story_form(request, story)


@permission_required("progress.add_story")
def stories_from_young_people(request):
    """Words young people share with me and said yes to using in the partnership's report."""
    items = (
        shared_with(request.user, StoryItem.objects.filter(for_reports=True))
        .select_related("young_person")
        .annotate(stories=Count("progress_stories", distinct=True))
        .order_by("-created_at")
    )
    return render(
        request,
        "progress/stories_from_young_people.html",
        {"page_title": "Young people's words for the report", "items": items},
    )


@permission_required("progress.add_story")
@require_http_methods(["GET", "POST"])
def story_from_item(request, item_pk):
    item = (
        shared_with(request.user, StoryItem.objects.filter(for_reports=True))
        .select_related("young_person")
        .filter(pk=item_pk)
        .first()
    )
    if item is None:
        raise Http404("This is not shared with you, or its young person has not said yes.")
    if request.method == "GET":
        record_read(request.user, item, ReadHow.PAGE)
    return _story_form(request, None, item=item)


def _story_form(request, story, item=None):
    if item is None:
        form = StoryForm(request.POST or None, instance=story, partnership=request.partnership)
    else:
        initial = {"title": item.title, "text": item.text, "kind": Story.Kind.QUOTE}
        form = StoryFromItemForm(
            request.POST or None,
            instance=story,
            partnership=request.partnership,
            item=item,
            initial=None if story else initial,
        )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save(commit=False)
            if story is None:
                saved.recorded_by = request.user
            saved.save()
            form.save_m2m()
        messages.success(request, f"{saved.title} is saved.")
        return redirect("progress:story_detail", pk=saved.pk)
    return render(
        request,
        "progress/form.html",
        {
            "page_title": f"Change {story.title}"
            if story
            else (
                f"Use words from {item.young_person.called}"
                if item
                else "Record a story, quote or feedback"
            ),
            "form": form,
            "cancel": reverse("progress:story_detail", args=[story.pk])
            if story
            else reverse("progress:evidence"),
        },
    )


# --------------------------------------------------------------------------- reports


def _young_peoples_items(stories):
    """The young people's own items behind these stories (reading the story reads them)."""
    return [story.consent_item for story in stories if story.consent_item_id]


def report_context(user, today, chart_format="svg"):
    """Everything the partnership progress report shows; the same for HTML and PDF.

    `user` is the reader, or the report's partnership when a worker makes the PDF, so
    rows are scoped by its partnership id (the view has checked the reader's role).
    """
    summaries = framework_summaries(user.partnership_id, today)
    for summary in summaries:
        summary.chart = (
            charts.status_by_foundation(summary.rows, STEPS, chart_format) if summary.total else ""
        )
        items = list(
            FrameworkItem.objects.filter(framework=summary.framework).order_by(
                "foundation_order", "number"
            )
        )
        history = histories(Assessment.objects.filter(item__framework=summary.framework))
        for item in items:
            item.current_step = scale_step(status_on(history.get(item.pk, []), today))
        summary.items = items
    measures = Measure.objects.in_partnership(user.partnership_id).prefetch_related(
        Prefetch("points", queryset=MeasurePoint.objects.order_by("on"))
    )
    return {
        "partnership": user.partnership,
        "today": today,
        "since": quarter_start(today),
        "summaries": summaries,
        "steps": STEPS,
        "initiatives": Initiative.objects.in_partnership(user.partnership_id)
        .select_related("lead_organisation")
        .annotate(item_count=Count("items")),
        "measures": measures,
        "live_values": live.compute_all(user.partnership_id, today),
        # Only shareable stories meant for the public report, whoever asks.
        "stories": list(
            Story.objects.in_partnership(user.partnership_id)
            .for_report()
            .select_related("consent_item__young_person")
        ),
    }


@permission_required("progress.view")
def report(request):
    context = report_context(request.user, _today())
    record_reads(request.user, _young_peoples_items(context["stories"]), ReadHow.REPORT)
    context["page_title"] = "Partnership progress report"
    context["latest_pdf"] = report_files.latest_ready(request.user.partnership_id)
    context["making_pdf"] = report_files.running(request.user.partnership_id)
    return render(request, "progress/report.html", context)


@permission_required("progress.view")
@require_http_methods(["POST"])
def report_make(request):
    """Ask for a new PDF; it is made in the background and the report page shows progress."""
    _, new = report_files.request_report(request.user)
    if new:
        messages.success(request, "A new PDF is being made. This page shows when it is ready.")
    else:
        messages.info(request, "A new PDF is already being made. This page shows when it is ready.")
    return redirect(reverse("progress:report") + "#report-pdf")


@permission_required("progress.view")
def report_progress(request):
    """The progress of the PDF being made, polled by htmx; the whole page once it is done."""
    making = report_files.running(request.user.partnership_id)
    if not request.htmx:
        return redirect(reverse("progress:report") + "#report-pdf")
    if making is None:
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "progress/_report_progress.html", {"making_pdf": making})


@permission_required("progress.view")
def report_pdf(request):
    """The latest PDF of the report, from the reader's own partnership only."""
    latest = report_files.latest_ready(request.user.partnership_id)
    if latest is None:
        messages.info(request, "There is no PDF of the report yet: make one with the button.")
        return redirect(reverse("progress:report") + "#report-pdf")
    items = report_files.young_peoples_items(latest)
    if items is None:
        messages.info(
            request,
            "A young person has taken their words out of the report since this PDF was made. "
            "Make a new PDF with the button.",
        )
        return redirect(reverse("progress:report") + "#report-pdf")
    record_reads(request.user, items, ReadHow.REPORT)
    pdf = bytes(ProgressReport.objects.values_list("pdf", flat=True).get(pk=latest.pk))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="progress-report-{latest.figures_on.isoformat()}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


@permission_required("progress.view")
def export(request, table, fmt):
    if table not in TABLES or fmt not in FORMATS:
        raise Http404("No such table.")
    filename, rows_for = TABLES[table]
    headers, rows = rows_for(request.user, _today())
    return table_response(filename, headers, rows, fmt)
