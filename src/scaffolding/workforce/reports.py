"""Gap analysis pages and downloads, imports and exports (Promise leads see totals only)."""

from datetime import date
from types import SimpleNamespace

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from scaffolding.accounts.access import get_for_user, permission_required
from scaffolding.core import figures

from . import gaps, importing, tasks
from .charts import percent_bar_chart
from .forms import ImportForm
from .models import ImportJob, NESLevel, Topic

BY_CHOICES = [
    ("partnership", "Whole partnership"),
    ("organisation", "Organisation"),
    ("team", "Team"),
    ("role_profile", "Role profile"),
    ("person", "Person"),
]
PEOPLE_PAGE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _grouping(request) -> str:
    by = request.GET.get("by", "team")
    if by not in dict(BY_CHOICES):
        by = "team"
    if by == "person" and not request.user.has_perm("workforce.view_named_gaps"):
        raise PermissionDenied("Gap figures by name are for learning leads.")
    return by


def _table(rows, topics):
    """Columns and rows of the gap table, shared by the page, CSV and XLSX."""
    columns = [
        "Group",
        "People",
        "With a role profile",
        "At required NES level",
        "Percent at level",
    ]
    columns += [f"{t.name}: met of needed" for t in topics]
    columns += ["Expired, not renewed", "Expiring in 30 days", "60 days", "90 days"]
    body = []
    for row in rows:
        cells = [row.label, row.people, row.with_role, row.at_level, row.percent_at_level]
        cells += [f"{t.met} of {t.required}" for t in row.topics]
        cells += [row.expired, row.expiring[30], row.expiring[60], row.expiring[90]]
        body.append(cells)
    return columns, body


def _person_table(people, topics):
    columns = ["Name", "Team", "Role profile", "Needs", "Holds", "Level met", "Topics to do"]
    columns += ["Expired, not renewed", "Expiring in 90 days"]
    body = []
    for p in people:
        needs = p.role_profile.required_nes_level if p.role_profile else None
        body.append(
            [
                p.full_name,
                p.team.name if p.team else "",
                p.role_profile.name if p.role_profile else "Not set",
                NESLevel(needs).label if needs else "",
                NESLevel(p.held_level).label if p.held_level else "None yet",
                ("Yes" if p.level_met_flag else "No") if needs else "",
                ", ".join(t.name for t in gaps.missing_topics(p, topics)),
                "Yes" if p.expired_flag else "No",
                "Yes" if p.expiring_90_flag else "No",
            ]
        )
    return columns, body


def _people_figures(request, topics):
    people = (
        gaps.people_with_figures(request.user.partnership_id, topics=topics)
        .select_related("team", "role_profile")
        .order_by("full_name", "pk")
    )
    if request.GET.get("only") == "gaps":
        people = people.filter(level_met=False, role_profile__isnull=False)
    return people


def _kept_table(rows, topic_names):
    """The gap table of kept figures (topics named as they were when worked out)."""
    return _table(rows, [SimpleNamespace(name=name) for name in topic_names])


@permission_required("workforce.view_gaps")
def gap_report(request):
    by = _grouping(request)
    context = {
        "page_title": "Learning gaps",
        "by": by,
        "by_choices": [
            c
            for c in BY_CHOICES
            if c[0] != "person" or request.user.has_perm("workforce.view_named_gaps")
        ],
        "today": date.today(),
    }
    if by == "person":
        topics = list(Topic.objects.all())
        page = Paginator(_people_figures(request, topics), PEOPLE_PAGE).get_page(
            request.GET.get("page")
        )
        context["columns"], context["body"] = _person_table(page, topics)
        context["page"] = page
        context["querystring"] = f"by=person&only={request.GET.get('only', '')}"
        return render(request, "workforce/gaps.html", context)
    # Grouped figures: the latest the worker kept, shown at once with their time.
    kept, asking = figures.for_page(request.user.partnership_id, gaps.KEPT_KIND)
    context.update(kept=kept, asking=asking, kind=gaps.KEPT_KIND, grouped=True)
    if kept is not None:
        rows, topic_names = gaps.from_json(kept.figures, by)
        context["columns"], context["body"] = _kept_table(rows, topic_names)
        context["chart"] = mark_safe(  # noqa: S308 - SVG drawn by a template from our own figures
            percent_bar_chart(
                [r.label for r in rows],
                [r.percent_at_level for r in rows],
                f"At the required NES level, by {dict(BY_CHOICES)[by].lower()}",
            )
        )
        context["uncovered"] = gaps.uncovered_needs(request.user.partnership_id)
    return render(request, "workforce/gaps.html", context)


@permission_required("workforce.view_gaps")
def gap_download(request):
    by = _grouping(request)
    fmt = request.GET.get("format", "csv")
    if by == "person":
        topics = list(Topic.objects.all())
        columns, body = _person_table(_people_figures(request, topics), topics)
    else:
        # The figures the page shows: those the worker kept.
        kept = figures.latest(request.user.partnership_id, gaps.KEPT_KIND)
        if kept is None:
            messages.info(request, "The figures are still being worked out: try again in a minute.")
            return redirect(reverse("workforce:gaps") + f"?by={by}")
        columns, body = _kept_table(*gaps.from_json(kept.figures, by))
    name = f"learning-gaps-by-{by.replace('_', '-')}-{date.today().isoformat()}"
    return _download(columns, body, name, fmt, "Learning gaps")


def _download(columns, body, name, fmt, title):
    if fmt == "xlsx":
        response = HttpResponse(importing.write_xlsx(columns, body, title), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    elif fmt == "csv":
        response = HttpResponse(
            importing.write_csv(columns, body), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    else:
        raise Http404("Choose CSV or XLSX.")
    return response


# Imports and exports -------------------------------------------------------------------


@permission_required("workforce.manage_learning")
@require_http_methods(["GET", "POST"])
def import_start(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > importing.MAX_BYTES:
            form.add_error(
                "file",
                f"The file is {upload.size / 1024 / 1024:.1f} MB; the most we take is 5 MB. "
                "Split it into smaller files.",
            )
        else:
            job = ImportJob.objects.create(
                partnership_id=request.user.partnership_id,
                created_by=request.user,
                kind=form.cleaned_data["kind"],
                filename=upload.name[:200],
                data=upload.read(),
            )
            tasks.check_import.enqueue(job.pk)
            return redirect("workforce:import_job", pk=job.pk)
    recent = ImportJob.objects.for_user(request.user).defer("data")[:10]
    return render(
        request,
        "workforce/import_start.html",
        {
            "page_title": "Import and export",
            "form": form,
            "recent": recent,
            "codes": importing.allowed_codes(),
        },
    )


def _job(request, pk):
    if not request.user.has_perm("workforce.manage_learning"):
        raise PermissionDenied
    job = get_for_user(request.user, ImportJob.objects.defer("data"), pk=pk)
    return tasks.recover_if_stopped(job)


def import_job(request, pk):
    job = _job(request, pk)
    problems = Paginator(job.problems, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "workforce/import_job.html",
        {"page_title": f"Import: {job.filename}", "job": job, "problems": problems},
    )


def import_progress(request, pk):
    """The progress bar alone, polled by htmx while the job runs; the whole page once done."""
    if not request.htmx:  # a person opening the link gets the whole page
        return import_job(request, pk)
    job = _job(request, pk)
    if not job.is_running:
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "workforce/import_progress.html", {"job": job})


@require_POST
def import_save(request, pk):
    job = _job(request, pk)
    if job.status != ImportJob.Status.CHECKED or job.problems:
        messages.error(request, "This file cannot be saved: put right the rows listed first.")
        return redirect("workforce:import_job", pk=job.pk)
    job.status = ImportJob.Status.SAVING
    job.processed_rows = 0
    job.save(update_fields=["status", "processed_rows"])
    tasks.save_import.enqueue(job.pk)
    return redirect("workforce:import_job", pk=job.pk)


@require_POST
def import_retry(request, pk):
    """Run a stopped or failed import again from the check."""
    job = _job(request, pk)
    if job.status != ImportJob.Status.FAILED:
        return redirect("workforce:import_job", pk=job.pk)
    tasks.restart(job)
    return redirect("workforce:import_job", pk=job.pk)


@permission_required("workforce.manage_learning")
def import_template(request, kind, fmt):
    """An empty file with the right columns and one example row, to fill in and upload."""
    if kind not in importing.COLUMNS:
        raise Http404
    columns = importing.COLUMNS[kind][0]
    rows = importing.example_rows(request.user.partnership_id, kind)
    return _download(columns, rows, f"{kind}-template", fmt, f"{kind.title()} template")


@permission_required("workforce.manage_learning")
def export(request, kind, fmt):
    if kind == "people":
        columns, body = (
            importing.PEOPLE_COLUMNS,
            importing.people_table(request.user.partnership_id),
        )
    elif kind == "learning":
        columns = importing.LEARNING_COLUMNS
        body = importing.learning_table(request.user.partnership_id)
    else:
        raise Http404
    return _download(columns, body, f"{kind}-{date.today().isoformat()}", fmt, kind.title())
