"""The PDF progress report, made in the background and kept for whoever may read it.

Making the PDF takes seconds (WeasyPrint), more for a big partnership, so the page never
waits for it: `request_report` records the wish and puts a job on the queue (django-tasks),
the worker runs `build`, and the page offers the latest finished one at once with its date.
"""

from types import SimpleNamespace

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .models import ProgressReport

KEEP = 3  # finished reports kept per partnership


def latest_ready(partnership_id: int) -> ProgressReport | None:
    return (
        ProgressReport.objects.in_partnership(partnership_id)
        .filter(status=ProgressReport.Status.READY)
        .defer("pdf")
        .first()
    )


def running(partnership_id: int) -> ProgressReport | None:
    return (
        ProgressReport.objects.in_partnership(partnership_id)
        .filter(status__in=[ProgressReport.Status.WAITING, ProgressReport.Status.BUILDING])
        .defer("pdf")
        .first()
    )


def request_report(user) -> tuple[ProgressReport, bool]:
    """A new report for the user's partnership, queued once the request's data is saved;
    or the one already being made. Returns (report, newly requested)."""
    from .tasks import build_progress_report

    with transaction.atomic():
        already = running(user.partnership_id)
        if already is not None:
            return already, False
        report = ProgressReport.objects.create(
            partnership_id=user.partnership_id, requested_by=user
        )
        transaction.on_commit(lambda: build_progress_report.enqueue(report.pk))
    return report, True


def _step(report: ProgressReport, status: str, percent: int) -> None:
    report.status, report.percent = status, percent
    ProgressReport.objects.filter(pk=report.pk).update(status=status, percent=percent)


def young_peoples_items(report: ProgressReport):
    """The young people's items whose words are in this PDF, or None once any was taken out."""
    from scaffolding.voice.models import StoryItem

    wanted = set(report.story_item_ids)
    if not wanted:
        return []
    items = list(
        StoryItem.objects.filter(pk__in=wanted, for_reports=True).select_related("young_person")
    )
    return items if len(items) == len(wanted) else None


def build(report_id: int) -> None:
    """Make the PDF of one requested report (run by a worker)."""
    from weasyprint import HTML

    from .views import report_context

    report = ProgressReport.objects.select_related("partnership").get(pk=report_id)
    if report.status == ProgressReport.Status.READY:
        return
    try:
        _step(report, ProgressReport.Status.BUILDING, 10)
        today = timezone.localdate()
        owner = SimpleNamespace(
            partnership_id=report.partnership_id, partnership=report.partnership
        )
        context = report_context(owner, today, chart_format="png")
        html = render_to_string("progress/report_pdf.html", context)
        _step(report, ProgressReport.Status.BUILDING, 40)
        # Everything the PDF needs is inline (styles, charts as data URIs): nothing is fetched.
        pdf = HTML(string=html).write_pdf()
    except Exception:
        _step(report, ProgressReport.Status.FAILED, 100)
        raise
    with transaction.atomic():
        ProgressReport.objects.filter(pk=report.pk).update(
            status=ProgressReport.Status.READY,
            percent=100,
            pdf=pdf,
            story_item_ids=[s.consent_item_id for s in context["stories"] if s.consent_item_id],
            figures_on=today,
            finished_at=timezone.now(),
        )
        older = ProgressReport.objects.in_partnership(report.partnership_id).filter(
            status__in=[ProgressReport.Status.READY, ProgressReport.Status.FAILED]
        )
        keep = list(older.values_list("pk", flat=True)[:KEEP])
        older.exclude(pk__in=keep).delete()
