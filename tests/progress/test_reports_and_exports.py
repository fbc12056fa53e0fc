"""The printable report (HTML and PDF from one template) and CSV/XLSX downloads."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from scaffolding.progress.exports import neutralise
from scaffolding.progress.models import Consent, Initiative, Story, Visibility
from scaffolding.progress.tables import TABLES
from tests.progress.helpers import progress_world


def _public_story(world):
    return Story.objects.create(
        partnership=world.partnership,
        title="Asked first",
        text="They asked me what I wanted before the meeting.",
        voice=Story.Voice.CHILD,
        consent=Consent.GIVEN,
        visibility=Visibility.PUBLIC_REPORT,
        recorded_by=world.users["promise_lead"],
    )


def test_pdf_report_renders_with_its_text(world, client_for, django_capture_on_commit_callbacks):
    p = progress_world(world)
    _public_story(world)
    client = client_for("promise_lead")
    # Made in the background (the tests run jobs at once), then offered on the page.
    with django_capture_on_commit_callbacks(execute=True):
        made = client.post(reverse("progress:report_make"))
    assert made.status_code == 302
    page = client.get(reverse("progress:report")).content.decode()
    assert "Download the PDF</a> made on" in page and "Make a new PDF" in page
    response = client.get(reverse("progress:report_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Partnership progress report" in text
    assert p.framework.title in text
    assert "Assessments by foundation" in text
    assert "Family Time Together" in text
    assert "They asked me what I wanted before the meeting." in text
    assert "The words in my file hurt." not in text  # no consent
    assert "We make pancakes on Sundays." not in text  # consent, but not for the report


def test_html_report_is_the_same_content(world, client_for):
    p = progress_world(world)
    _public_story(world)
    body = client_for("supervisor").get(reverse("progress:report")).content.decode()
    assert p.care.label in body
    assert "They asked me what I wanted before the meeting." in body
    assert "Make a new PDF" in body
    assert "Computed live by Scaffolding".lower() in body.lower()


def test_every_table_downloads_as_csv_and_xlsx(world, client_for):
    progress_world(world)
    client = client_for("promise_lead")
    for table, (filename, _) in TABLES.items():
        csv_response = client.get(reverse("progress:export", args=[table, "csv"]))
        assert csv_response["Content-Disposition"] == f'attachment; filename="{filename}.csv"'
        rows = list(csv.reader(io.StringIO(csv_response.content.decode())))
        xlsx_response = client.get(reverse("progress:export", args=[table, "xlsx"]))
        sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
        assert [cell.value for cell in sheet[1]] == rows[0], table
        assert sheet.max_row == len(rows), table
        assert len(rows) > 1, f"{table} has no rows with the test data"


def test_unknown_table_or_format_is_not_found(world, client_for):
    client = client_for("promise_lead")
    assert client.get(reverse("progress:export", args=["secrets", "csv"])).status_code == 404
    assert client.get(reverse("progress:export", args=["items", "pdf"])).status_code == 404


def test_downloads_neutralise_formulas(world, client_for):
    progress_world(world)
    Initiative.objects.create(
        partnership=world.partnership, name='=HYPERLINK("http://example.com")'
    )
    client = client_for("promise_lead")
    text = client.get(reverse("progress:export", args=["initiatives", "csv"])).content.decode()
    assert "'=HYPERLINK" in text
    response = client.get(reverse("progress:export", args=["initiatives", "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert '\'=HYPERLINK("http://example.com")' in names
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_neutralise_keeps_numbers_and_guards_text():
    assert neutralise(3) == 3
    assert neutralise("+44 1234") == "'+44 1234"
    assert neutralise("-1") == "'-1"
    assert neutralise("@home") == "'@home"
    assert neutralise("Plain") == "Plain"
    assert neutralise(None) == ""
    assert neutralise(True) == "yes"


def test_downloads_hold_only_this_partnership(world, client_for):
    progress_world(world)
    client = client_for("outsider")
    for table in TABLES:
        text = client.get(reverse("progress:export", args=[table, "csv"])).content.decode()
        assert "Family Time Together" not in text
        assert "Lochside" not in text


def test_a_pdf_being_made_shows_its_progress_and_is_not_asked_for_twice(world, client_for):
    from scaffolding.progress.models import ProgressReport

    progress_world(world)
    running = ProgressReport.objects.create(
        partnership=world.partnership, status=ProgressReport.Status.BUILDING, percent=40
    )
    client = client_for("practitioner")
    page = client.get(reverse("progress:report")).content.decode()
    assert "No PDF has been made yet." in page
    assert 'value="40"' in page and "being made" in page and "Make a new PDF" not in page
    polled = client.get(reverse("progress:report_progress"), HTTP_HX_REQUEST="true")
    assert polled.status_code == 200 and "40% done" in polled.content.decode()
    client.post(reverse("progress:report_make"))
    assert ProgressReport.objects.count() == 1  # the one being made, not a second
    running.status = ProgressReport.Status.READY
    running.pdf = b"%PDF-1.7 test"
    running.save()
    done = client.get(reverse("progress:report_progress"), HTTP_HX_REQUEST="true")
    assert done.status_code == 204 and done["HX-Refresh"] == "true"


def test_a_pdf_is_only_handed_to_its_own_partnership(world, client_for):
    from datetime import date

    from scaffolding.progress.models import ProgressReport

    ProgressReport.objects.create(
        partnership=world.partnership,
        status=ProgressReport.Status.READY,
        pdf=b"%PDF-1.7 ours",
        figures_on=date(2026, 11, 2),
    )
    ours = client_for("promise_lead").get(reverse("progress:report_pdf"))
    assert ours.status_code == 200 and ours.content == b"%PDF-1.7 ours"
    assert "progress-report-2026-11-02.pdf" in ours["Content-Disposition"]
    theirs = client_for("outsider").get(reverse("progress:report_pdf"))
    assert theirs.status_code == 302 and b"ours" not in theirs.content
