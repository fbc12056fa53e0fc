"""The tables progress shows, as plain rows, for the pages' downloads (CSV and XLSX).

Each function takes the signed-in user and today's date and returns (headers, rows).
Stories appear only when shareable (consent given, or anonymised) and visible to the user:
a story without consent never leaves Scaffolding in a download.
"""

from django.db.models import Count

from scaffolding.voice.accesslog import record_reads
from scaffolding.voice.models import ReadHow

from . import live
from .models import Assessment, FrameworkItem, Initiative, MeasurePoint, Story, scale_step
from .summary import framework_summaries, histories, status_on


def overview_rows(user, today):
    headers = ["Framework", "Foundation"]
    rows = []
    for summary in framework_summaries(user.partnership_id, today):
        if not headers[2:]:
            headers += [step.label for step, _ in summary.totals]
            headers += ["Total", "Without an initiative"]
        for row in summary.rows:
            rows.append(
                [summary.framework.title, row.name]
                + [count for _, count in row.counts]
                + [row.total, row.without_initiative]
            )
    return headers, rows


def item_rows(user, today):
    items = list(
        FrameworkItem.objects.for_user(user)
        .select_related("framework")
        .annotate(initiative_count=Count("initiatives"))
        .order_by("framework__title", "foundation_order", "number")
    )
    history = histories(Assessment.objects.for_user(user))
    headers = [
        "Framework",
        "Foundation",
        "Number",
        "Theme",
        "Title",
        "Text",
        "Current assessment",
        "Assessed on",
        "Initiatives",
    ]
    rows = []
    for item in items:
        past = history.get(item.pk, [])
        step = scale_step(status_on(past, today))
        rows.append(
            [
                item.framework.title,
                item.get_foundation_display(),
                item.number,
                item.theme,
                item.title,
                item.text,
                step.label,
                past[-1][0].isoformat() if past else "",
                item.initiative_count,
            ]
        )
    return headers, rows


def assessment_rows(user, today):
    assessments = (
        Assessment.objects.for_user(user)
        .select_related("item__framework")
        .order_by("item__framework__title", "item__foundation_order", "item__number", "assessed_on")
    )
    headers = [
        "Framework",
        "Item",
        "Assessed on",
        "Assessment",
        "What is required",
        "What we have heard",
        "What has been committed",
        "Who leads",
        "Next steps",
    ]
    rows = [
        [
            a.item.framework.title,
            a.item.label,
            a.assessed_on.isoformat(),
            a.get_status_display(),
            a.required,
            a.heard,
            a.committed,
            a.leads,
            a.next_steps,
        ]
        for a in assessments
    ]
    return headers, rows


def initiative_rows(user, today):
    initiatives = (
        Initiative.objects.for_user(user)
        .select_related("lead_organisation")
        .prefetch_related("partner_organisations", "items")
    )
    headers = [
        "Initiative",
        "Status",
        "Lead organisation",
        "Partners",
        "Starts",
        "Ends",
        "Funding",
        "Serves",
        "Description",
    ]
    rows = [
        [
            i.name,
            i.get_status_display(),
            i.lead_organisation.name if i.lead_organisation else "",
            "; ".join(o.name for o in i.partner_organisations.all()),
            i.start_date.isoformat() if i.start_date else "",
            i.end_date.isoformat() if i.end_date else "",
            i.funding_source,
            "; ".join(item.label for item in i.items.all()),
            i.description,
        ]
        for i in initiatives
    ]
    return headers, rows


def measure_rows(user, today):
    points = (
        MeasurePoint.objects.for_user(user)
        .select_related("measure")
        .order_by("measure__name", "on")
    )
    headers = [
        "Measure",
        "Question",
        "Unit",
        "Better when",
        "Baseline",
        "Target",
        "Source",
        "Date",
        "Value",
        "Note",
    ]
    rows = [
        [
            p.measure.name,
            p.measure.get_question_display(),
            p.measure.unit,
            "higher" if p.measure.higher_is_better else "lower",
            p.measure.baseline,
            p.measure.target,
            p.measure.source,
            p.on.isoformat(),
            p.value,
            p.note,
        ]
        for p in points
    ]
    return headers, rows


def live_measure_rows(user, today):
    headers = ["Measure", "Question", "Numerator", "Denominator", "Percent", "Computed by", "On"]
    rows = [
        [
            value.name,
            value.question_label,
            value.numerator,
            value.denominator,
            value.percent if value.percent is not None else "",
            value.app,
            today.isoformat(),
        ]
        for value in live.compute_all(user.partnership_id, today)
    ]
    return headers, rows


def story_rows(user, today):
    stories = list(
        Story.objects.visible_to(user)
        .shareable()
        .select_related("consent_item__young_person")
        .prefetch_related("items")
        .order_by("-recorded_on")
    )
    # Their words leave in the file: a read of each young person's own item behind them.
    record_reads(user, [s.consent_item for s in stories if s.consent_item_id], ReadHow.EXPORT)
    headers = [
        "Title",
        "Kind",
        "Whose voice",
        "Recorded on",
        "Anonymised",
        "Who may see it",
        "Calls to action",
        "Their words",
    ]
    rows = [
        [
            s.title,
            s.get_kind_display(),
            s.get_voice_display(),
            s.recorded_on.isoformat(),
            s.anonymised,
            s.get_visibility_display(),
            "; ".join(item.label for item in s.items.all()),
            s.text,
        ]
        for s in stories
    ]
    return headers, rows


TABLES = {
    "overview": ("progress-overview", overview_rows),
    "items": ("calls-to-action-and-outcomes", item_rows),
    "assessments": ("assessments", assessment_rows),
    "initiatives": ("initiatives", initiative_rows),
    "measures": ("measures", measure_rows),
    "live-measures": ("live-measures", live_measure_rows),
    "stories": ("stories", story_rows),
}
