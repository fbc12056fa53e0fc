"""The provision map: kinds by organisation and profession, share within rhythm, gaps, exports."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from scaffolding.core import figures
from scaffolding.core.models import KeptFigures
from scaffolding.supervision import provision
from scaffolding.supervision.models import SessionKind, SupervisorTraining
from scaffolding.supervision.provision import provision_map
from tests.supervision.helpers import held

KIND = provision.KEPT_KIND


def work_out(world):
    """What the background worker does once a page has asked for figures."""
    asked, _ = figures.request(world.partnership.pk, KIND)
    figures.work_out(asked.pk)


def _setup(world):
    today = timezone.localdate()
    held(world, world.people["practitioner"], today - timedelta(days=3))
    held(world, world.people["practitioner"], today - timedelta(days=40), kind=SessionKind.GROUP)
    held(world, world.people["family_carer"], today - timedelta(days=100))
    return today


def test_rows_by_organisation_and_profession_with_gaps(world):
    today = _setup(world)
    data = provision_map(world.partnership.pk, today)
    rows = {(row.organisation, row.profession): row for row in data["rows"]}
    council = rows[("Lochside Council", "Family support worker")]
    # supervisor, practitioner, learning lead and colleague; only the practitioner within rhythm.
    assert (council.people, council.with_rhythm, council.within) == (4, 4, 1)
    assert council.within_percent == 25
    assert council.sessions_by_kind == {"one_to_one": 1, "group": 1}
    assert "Fewer than 50% supervised within their rhythm" in council.gaps
    assert "No group reflective practice" not in council.gaps
    carers = rows[("Lochside Family Carers", "Family support worker")]
    assert carers.within == 0 and "No group reflective practice" in carers.gaps
    # The other partnership is never counted.
    assert all(row.organisation != "Farhill Council" for row in data["rows"])


def test_supervision_by_untrained_supervisors_is_listed(world):
    today = _setup(world)
    (item,) = provision_map(world.partnership.pk, today)["untrained"]
    assert item["facilitator__full_name"] == world.people["supervisor"].full_name
    assert item["sessions"] == 3
    SupervisorTraining.objects.create(
        partnership=world.partnership,
        person=world.people["supervisor"],
        title="Reflective supervision",
        completed_on=today - timedelta(days=400),
    )
    assert provision_map(world.partnership.pk, today)["untrained"] == []


def test_page_has_chart_with_text_alternative_and_table(world, client_for):
    _setup(world)
    work_out(world)
    body = client_for("promise_lead").get(reverse("supervision:provision")).content.decode()
    assert "<figure" in body and "<figcaption>" in body and 'aria-hidden="true"' in body
    assert "Share within rhythm by organisation" in body
    assert "Shona Supervisor" in body  # untrained supervisor named
    assert "We talked" not in body


def test_csv_export(world, client_for):
    _setup(world)
    work_out(world)
    response = client_for("learning_lead").get(
        reverse("supervision:provision_export", args=["csv"])
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    council = next(r for r in rows if r["Organisation"] == "Lochside Council")
    assert council["Share within rhythm (%)"] == "25"
    assert council["One-to-one supervision (sessions in the year)"] == "1"


def test_xlsx_export(world, client_for):
    _setup(world)
    work_out(world)
    response = client_for("learning_lead").get(
        reverse("supervision:provision_export", args=["xlsx"])
    )
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["Provision map"]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Organisation", "Profession", "People"]
    organisations = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert organisations == {"Lochside Council", "Lochside Family Carers"}
    untrained = list(workbook["Untrained supervisors"].iter_rows(min_row=2, values_only=True))
    assert untrained == [("Shona Supervisor", "Lochside Council", 3)]


def test_pdf_export(world, client_for):
    _setup(world)
    work_out(world)
    response = client_for("partnership_admin").get(
        reverse("supervision:provision_export", args=["pdf"])
    )
    assert response["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.content)).pages
    text = " ".join(page.extract_text() for page in pages)
    assert sum(len(page.images) for page in pages) >= 1  # the chart, drawn as an image
    assert "Supervision provision" in text
    assert "Lochside Council" in text
    assert "Shona Supervisor" in text


def test_unknown_format_is_not_found(world, client_for):
    response = client_for("learning_lead").get(
        reverse("supervision:provision_export", args=["docx"])
    )
    assert response.status_code == 404


def test_downloads_keep_formula_like_names_as_text(world, client_for):
    """A name beginning with = must not become a live formula in a spreadsheet."""
    _setup(world)
    evil = '=HYPERLINK("http://e.example")'
    supervisor = world.people["supervisor"]
    supervisor.full_name = evil
    supervisor.save()
    organisation = world.people["practitioner"].organisation
    organisation.name = "@SUM(A1)"
    organisation.save()
    work_out(world)
    client = client_for("promise_lead")

    body = client.get(reverse("supervision:provision_export", args=["csv"])).content.decode()
    organisations = [row[0] for row in csv.reader(io.StringIO(body))]
    assert "'@SUM(A1)" in organisations and "@SUM(A1)" not in organisations

    response = client.get(reverse("supervision:provision_export", args=["xlsx"]))
    workbook = load_workbook(io.BytesIO(response.content))
    cells = [c.value for sheet in workbook for row in sheet.iter_rows() for c in row]
    assert "'" + evil in cells and "'@SUM(A1)" in cells
    assert not [c for c in cells if isinstance(c, str) and c.startswith(("=", "@"))]


# ---- Worked out in the background ----


def test_the_first_visit_asks_a_worker_and_the_next_shows_the_figures(
    world, client_for, django_capture_on_commit_callbacks
):
    _setup(world)
    client = client_for("learning_lead")
    # The worker here runs the job as soon as the request's data is saved.
    with django_capture_on_commit_callbacks(execute=True):
        body = client.get(reverse("supervision:provision")).content.decode()
    assert "No figures have been worked out yet" in body
    assert "Shona Supervisor" not in body
    (kept,) = KeptFigures.objects.all()
    assert kept.status == KeptFigures.Status.READY
    body = client.get(reverse("supervision:provision")).content.decode()
    shown = timezone.localtime(kept.worked_out_at)
    assert f"Figures as of {shown:%H:%M} on {shown.day} {shown:%B %Y}" in body
    assert "Shona Supervisor" in body and "Work the figures out again" in body
    # Fresh figures are not worked out again on every visit.
    client.get(reverse("supervision:provision"))
    assert KeptFigures.objects.count() == 1


def test_figures_an_hour_old_are_shown_while_new_ones_are_worked_out(world, client_for):
    _setup(world)
    work_out(world)
    KeptFigures.objects.update(worked_out_at=timezone.now() - timedelta(minutes=61))
    body = client_for("learning_lead").get(reverse("supervision:provision")).content.decode()
    assert "Shona Supervisor" in body  # the old figures, at once
    assert "New figures are waiting to start" in body
    assert KeptFigures.objects.filter(status="waiting").count() == 1


def test_new_figures_count_what_was_recorded_since(world, client_for):
    today = _setup(world)
    work_out(world)
    client = client_for("learning_lead")
    SupervisorTraining.objects.create(
        partnership=world.partnership,
        person=world.people["supervisor"],
        title="Reflective supervision",
        completed_on=today - timedelta(days=10),
    )
    assert "Shona Supervisor" in client.get(reverse("supervision:provision")).content.decode()
    response = client.post(reverse("core:figures_refresh", args=[KIND]), follow=True)
    assert "The figures are being worked out again." in response.content.decode()
    assert client.post(reverse("core:figures_refresh", args=[KIND]), follow=True).status_code == 200
    assert KeptFigures.objects.filter(status="waiting").count() == 1  # asked once
    figures.work_out(KeptFigures.objects.get(status="waiting").pk)
    body = client.get(reverse("supervision:provision")).content.decode()
    assert "Every session in the year was given by someone with recorded supervisor" in body
    assert KeptFigures.objects.count() == 1  # only the newest is kept


def test_the_progress_is_polled_until_the_figures_are_ready(world, client_for):
    client = client_for("learning_lead")
    url = reverse("core:figures_progress", args=[KIND])
    asked, _ = figures.request(world.partnership.pk, KIND)
    assert client.get(url).status_code == 302  # not htmx: the page itself
    polled = client.get(url, headers={"HX-Request": "true"})
    assert "New figures are waiting to start" in polled.content.decode()
    figures.work_out(asked.pk)
    done = client.get(url, headers={"HX-Request": "true"})
    assert done.status_code == 204 and done["HX-Refresh"] == "true"


def test_a_request_no_worker_finished_is_asked_again(world):
    asked, new = figures.request(world.partnership.pk, KIND)
    assert new and figures.request(world.partnership.pk, KIND) == (asked, False)
    KeptFigures.objects.update(requested_at=timezone.now() - timedelta(minutes=16))
    again, new = figures.request(world.partnership.pk, KIND)
    assert new and again.pk != asked.pk


def test_a_failure_is_recorded_and_asked_again(world, monkeypatch):
    asked, _ = figures.request(world.partnership.pk, KIND)

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(provision, "provision_map", broken)  # what the registered kind calls
    with pytest.raises(RuntimeError):
        figures.work_out(asked.pk)
    asked.refresh_from_db()
    assert asked.status == KeptFigures.Status.FAILED
    assert figures.working(world.partnership.pk, KIND) is None
    assert figures.latest(world.partnership.pk, KIND) is None


def test_downloads_wait_for_the_first_figures(world, client_for):
    response = client_for("learning_lead").get(
        reverse("supervision:provision_export", args=["csv"]), follow=True
    )
    assert "The figures are still being worked out" in response.content.decode()


def test_each_partnership_sees_only_its_own_figures(world, client_for):
    _setup(world)
    work_out(world)
    outsider, _ = figures.request(world.other_partnership.pk, KIND)
    figures.work_out(outsider.pk)
    assert figures.latest(world.partnership.pk, KIND).partnership_id == world.partnership.pk
    body = client_for("learning_lead").get(reverse("supervision:provision")).content.decode()
    assert "Farhill" not in body and "Lochside Council" in body
