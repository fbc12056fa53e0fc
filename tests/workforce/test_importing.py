"""Imports: every error case named in the issue, atomic saving, idempotence, round trips."""

import io
from datetime import date, datetime

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from scaffolding.workforce import importing
from scaffolding.workforce.models import (
    ImportJob,
    LearningRecord,
    Person,
    TeamMembership,
)
from tests.workforce.helpers import activity

HEADER = (
    "staff_number,email,full_name,organisation,team,role_profile,job_title,"
    "relationship,closeness,start_date,end_date,supervisor_staff_number"
)


def roster(*lines, header=HEADER) -> bytes:
    return ("\n".join([header, *lines]) + "\n").encode()


GOOD = [
    "S100,ailsa@lochside.example,Ailsa Grant,Lochside Council,Family Support,"
    "Family support worker,Family support worker,paid,regular_direct,2024-03-01,,S101",
    "S101,bruce@lochside.example,Bruce Reid,Lochside Council,Throughcare,"
    "Family support worker,Team leader,Paid,Regular direct work with children,01/02/2020,,",
    ",kirsty@lochside.example,Kirsty Shaw,Lochside Family Carers,Kinship Carers,,,"
    "kinship carer,daily care,2025-06-30,,",
]


def plan(world, data, kind="people", filename="roster.csv"):
    return importing.plan_import(world.partnership.pk, kind, filename, data)


def messages_of(result):
    return [(p["row"], p["message"]) for p in result.problems]


def test_a_good_roster_is_planned_then_saved(world):
    result = plan(world, roster(*GOOD))
    assert result.problems == []
    assert result.counts() == {"created": 3, "updated": 0, "unchanged": 0}
    importing.save_people(world.partnership.pk, result, date(2026, 6, 1))
    ailsa = Person.objects.get(staff_number="S100")
    assert ailsa.supervisor == Person.objects.get(staff_number="S101")
    assert ailsa.team.name == "Family Support"
    assert TeamMembership.objects.get(person=ailsa).started_on == date(2024, 3, 1)
    kirsty = Person.objects.get(email="kirsty@lochside.example")
    assert (kirsty.relationship, kirsty.closeness) == ("kinship_carer", "daily_care")


def test_reimporting_the_same_file_changes_nothing(world):
    data = roster(*GOOD)
    importing.save_people(world.partnership.pk, plan(world, data), date(2026, 6, 1))
    before = list(Person.objects.order_by("pk").values())
    again = plan(world, data)
    assert again.counts() == {"created": 0, "updated": 0, "unchanged": 3}
    importing.save_people(world.partnership.pk, again, date(2026, 6, 2))
    assert list(Person.objects.order_by("pk").values()) == before
    assert TeamMembership.objects.count() == 3


def test_matching_on_email_when_there_is_no_staff_number(world):
    existing = world.people["colleague"]
    line = (
        f",{existing.email.upper()},Callum Colleague,Lochside Council,Family Support,"
        "Family support worker,,paid,regular_direct,2024-01-01,,"
    )
    result = plan(world, roster(line))
    assert result.counts() == {"created": 0, "updated": 1, "unchanged": 0}
    importing.save_people(world.partnership.pk, result, date(2026, 6, 1))
    existing.refresh_from_db()
    assert existing.team == world.team
    # Moving team closes the old membership and opens a new one: history kept.
    history = TeamMembership.objects.filter(person=existing).order_by("started_on")
    assert [(m.team.name, m.ended_on) for m in history] == [("Family Support", None)]


def test_missing_columns_are_named(world):
    with pytest.raises(importing.FileProblem, match="These columns are missing: .*organisation"):
        plan(world, b"staff_number,full_name\nS1,Ann\n")
    with pytest.raises(importing.FileProblem, match="staff_number or email"):
        plan(world, b"full_name,organisation,relationship,closeness,start_date\n")


def test_a_column_twice_is_refused(world):
    with pytest.raises(importing.FileProblem, match="“email” appears twice"):
        plan(world, roster(header=HEADER + ",Email"))


def test_unknown_columns_are_noted_not_fatal(world):
    result = plan(world, roster(GOOD[1] + ",blue", header=HEADER + ",favourite colour"))
    assert result.problems == []
    assert "favourite_colour" in result.notes[0]


def test_bad_dates(world):
    line = GOOD[0].replace("2024-03-01", "31/02/2024")
    result = plan(world, roster(line, GOOD[1]))
    assert messages_of(result) == [
        (2, "Start date: “31/02/2024” is not a date we can read; use 2026-03-31 or 31/03/2026.")
    ]
    ended = GOOD[1].replace("01/02/2020,,", "01/02/2020,2019-01-01,")
    assert messages_of(plan(world, roster(ended))) == [(2, "End date is before the start date.")]


def test_unknown_organisation_team_and_role(world):
    line = GOOD[1].replace("Lochside Council", "Lochside Counsel")
    assert messages_of(plan(world, roster(line))) == [
        (2, "Organisation “Lochside Counsel” is not in the partnership.")
    ]
    line = GOOD[1].replace("Throughcare", "Kinship Carers")
    assert messages_of(plan(world, roster(line))) == [
        (2, "Team “Kinship Carers” is not a team of Lochside Council.")
    ]
    line = GOOD[1].replace("Family support worker,Team", "Astronaut,Team")
    assert messages_of(plan(world, roster(line))) == [
        (2, "Role profile “Astronaut” is not one the partnership has set.")
    ]
    # Another partnership's organisation is as unknown as a made-up one.
    line = GOOD[1].replace("Lochside Council,Throughcare", "Farhill Council,")
    assert "is not in the partnership" in messages_of(plan(world, roster(line)))[0][1]


def test_duplicate_staff_numbers_and_emails(world):
    twin = GOOD[1].replace("bruce@", "bruce.two@")
    same_email = GOOD[0].replace("S100", "S200")
    assert messages_of(plan(world, roster(GOOD[0], GOOD[1], twin, same_email))) == [
        (4, "Staff number S101 is also on row 3."),
        (5, "Email ailsa@lochside.example is also on row 2."),
    ]


def test_bad_choices_and_empty_required_cells(world):
    line = ",,,Lochside Council,,,,salaried,sometimes,,,"
    problems = dict.fromkeys(m for _, m in messages_of(plan(world, roster(line))))
    assert list(problems) == [
        "Full name is empty.",
        "Give a staff number or an email so we can match this person.",
        "Relationship “salaried” is not one of: Paid, Unpaid, Volunteer, Foster carer, "
        "Kinship carer, Adoptive parent, Student.",
        "Closeness “sometimes” is not one of: Daily care of children, Regular direct work "
        "with children, Occasional time with children, No direct work with children.",
        "Start date is empty.",
    ]


def test_formulas_are_refused_in_csv(world):
    for formula in ('=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"):
        line = GOOD[1].replace("Bruce Reid", formula.replace('"', ""))
        (problem,) = messages_of(plan(world, roster(line)))
        assert problem[0] == 2
        assert "looks like a spreadsheet formula" in problem[1]


def xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_with_real_dates_and_a_formula(world):
    header = HEADER.split(",")
    good = GOOD[1].split(",")
    good[9] = datetime(2020, 2, 1)
    bad = list(good)
    bad[0], bad[1], bad[2] = "S300", "c@lochside.example", "=A2&B2"
    result = plan(world, xlsx([header, good, bad]), filename="roster.xlsx")
    assert messages_of(result) == [
        (3, "Full name: “=A2&B2” looks like a spreadsheet formula; type the value itself instead.")
    ]
    assert result.rows[0][2]["start_date"] == date(2020, 2, 1)


def test_empty_rows_are_skipped_with_a_note(world):
    result = plan(world, roster(GOOD[0], ",,,,,,,,,,,", GOOD[1]))
    assert result.problems == []
    assert result.notes == ["Row 3 is empty and was skipped."]
    assert len(result.rows) == 2


def test_a_huge_file_is_refused(world, monkeypatch):
    big = roster(*GOOD) + b"x" * importing.MAX_BYTES
    with pytest.raises(importing.FileProblem, match="the most we take is 5 MB"):
        plan(world, big)
    monkeypatch.setattr(importing, "MAX_ROWS", 2)
    with pytest.raises(importing.FileProblem, match="more than 2 rows"):
        plan(world, roster(*GOOD))


def test_other_files_are_refused(world):
    with pytest.raises(importing.FileProblem, match="Choose a CSV file"):
        plan(world, b"hello", filename="roster.pdf")
    with pytest.raises(importing.FileProblem, match="could not be read as an Excel"):
        plan(world, b"not a zip", filename="roster.xlsx")
    with pytest.raises(importing.FileProblem, match="empty"):
        plan(world, b"\n\n")


def test_an_unknown_supervisor_is_named(world):
    line = GOOD[0].replace(",S101", ",S999")
    assert messages_of(plan(world, roster(line))) == [
        (2, "Supervisor S999 is neither in the register nor in this file.")
    ]


def test_every_problem_is_reported_in_the_first_pass(world):
    """A row with another problem still has its unknown supervisor named, at once."""
    bad_row = GOOD[0].replace(",S101", ",S999").replace("2024-03-01", "31/02/2024")
    problems = messages_of(plan(world, roster(bad_row, GOOD[1])))
    assert (2, "Supervisor S999 is neither in the register nor in this file.") in problems
    assert any(row == 2 and "start date" in message.lower() for row, message in problems)
    # A supervisor whose own row has a problem is still in the file: not reported as missing.
    broken_supervisor = GOOD[1].replace("Lochside Council", "Nowhere Council")
    problems = messages_of(plan(world, roster(GOOD[0], broken_supervisor)))
    assert not any("S101" in message for _, message in problems)
    assert any(row == 3 and "Nowhere Council" in message for row, message in problems)


def test_saving_is_all_or_nothing(world, monkeypatch):
    result = plan(world, roster(*GOOD))

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(importing, "_set_supervisors", broken)
    with pytest.raises(RuntimeError):
        importing.save_people(world.partnership.pk, result, date(2026, 6, 1))
    assert not Person.objects.filter(staff_number__in=["S100", "S101"]).exists()
    assert not TeamMembership.objects.exists()


def test_people_export_round_trips_through_import(world):
    world.people["practitioner"].full_name = "=Eilidh"  # would be a formula in a spreadsheet
    world.people["practitioner"].save()
    for fmt, writer in (("csv", importing.write_csv), ("xlsx", importing.write_xlsx)):
        data = writer(importing.PEOPLE_COLUMNS, importing.people_table(world.partnership.pk))
        if fmt == "csv":
            assert "'=Eilidh" in data.decode("utf-8-sig")
        result = plan(world, data, filename=f"people.{fmt}")
        assert result.problems == []
        assert result.counts() == {"created": 0, "updated": 0, "unchanged": 5}, fmt


# Learning records -------------------------------------------------------------------

LEARNING_HEADER = "staff_number,email,activity,status,completed_on,notes"


def test_learning_import_and_round_trip(world):
    act = activity(world, "Trauma skilled practice", 2, ["trauma"], 24)
    practitioner = world.people["practitioner"]
    data = (
        f"{LEARNING_HEADER}\n"
        f",{practitioner.email},Trauma skilled practice,completed,2025-05-01,Good day\n"
        f",{practitioner.email},trauma skilled practice,planned,,\n"
    ).encode()
    result = plan(world, data, kind="learning")
    assert result.problems == []
    importing.save_learning(world.partnership.pk, result, date(2026, 6, 1))
    done = LearningRecord.objects.get(person=practitioner, status="completed")
    assert done.expires_on == date(2027, 5, 1)
    assert done.activity == act
    assert plan(world, data, kind="learning").counts()["unchanged"] == 2
    exported = importing.write_csv(
        importing.LEARNING_COLUMNS, importing.learning_table(world.partnership.pk)
    )
    again = plan(world, exported, kind="learning")
    assert (again.problems, again.counts()["unchanged"]) == ([], 2)


def test_learning_import_errors(world):
    activity(world, "Trauma skilled practice", 2)
    email = world.people["practitioner"].email
    data = (
        f"{LEARNING_HEADER}\n"
        "X1,,Trauma skilled practice,completed,2025-05-01,\n"
        f",{email},Juggling,completed,2025-05-01,\n"
        f",{email},Trauma skilled practice,finished,2025-05-01,\n"
        f",{email},Trauma skilled practice,completed,,\n"
        f",{email},Trauma skilled practice,completed,yesterday,\n"
        f",{email},Trauma skilled practice,completed,2025-05-01,\n"
        f",{email},Trauma skilled practice,completed,01/05/2025,\n"
        f",{world.outsider_person.email},Trauma skilled practice,completed,2025-05-01,\n"
    ).encode()
    assert messages_of(plan(world, data, kind="learning")) == [
        (2, "Nobody in the register has staff number or email “X1”."),
        (3, "Learning “Juggling” is not in the catalogue."),
        (4, "Status “finished” is not one of: planned, in progress, completed."),
        (5, "Completed learning needs the date it was completed."),
        (6, "Completed on: “yesterday” is not a date we can read; use 2026-03-31 or 31/03/2026."),
        (8, "The same learning for the same person is also on row 7."),
        (9, f"Nobody in the register has staff number or email “{world.outsider_person.email}”."),
    ]


# Through the pages, with the background job -----------------------------------------


def test_upload_check_preview_and_save(world, client_for):
    client = client_for("learning_lead")
    upload = io.BytesIO(roster(*GOOD))
    upload.name = "roster.csv"
    response = client.post(reverse("workforce:import_start"), {"kind": "people", "file": upload})
    job = ImportJob.objects.get()
    assert response["Location"] == reverse("workforce:import_job", args=[job.pk])
    page = client.get(response["Location"]).content.decode()
    assert "3 will be added" in page
    assert "Ailsa Grant" in page
    assert not Person.objects.filter(staff_number="S100").exists()  # nothing saved yet
    client.post(reverse("workforce:import_save", args=[job.pk]))
    job.refresh_from_db()
    assert (job.status, job.summary) == ("done", {"created": 3, "updated": 0, "unchanged": 0})
    assert Person.objects.filter(staff_number__in=["S100", "S101"]).count() == 2
    # Opened as a link (not polled), the progress address shows the whole page.
    progress = client.get(reverse("workforce:import_progress", args=[job.pk]))
    assert "3 added, 0 changed, 0 already up to date" in progress.content.decode()


def test_problems_are_shown_row_by_row_and_saving_is_refused(world, client_for):
    client = client_for("learning_lead")
    upload = io.BytesIO(roster(GOOD[0].replace("2024-03-01", "soon"), GOOD[1]))
    upload.name = "roster.csv"
    client.post(reverse("workforce:import_start"), {"kind": "people", "file": upload})
    job = ImportJob.objects.get()
    page = client.get(reverse("workforce:import_job", args=[job.pk])).content.decode()
    assert "1 problem to put right" in page
    assert "“soon” is not a date" in page
    client.post(reverse("workforce:import_save", args=[job.pk]))
    assert not Person.objects.filter(staff_number="S100").exists()


def test_a_running_job_polls_with_an_accessible_progress_bar(world, client_for):
    job = ImportJob.objects.create(
        partnership=world.partnership,
        kind="people",
        filename="big.csv",
        data=b"",
        total_rows=40000,
        processed_rows=10000,
    )
    client = client_for("learning_lead")
    body = client.get(reverse("workforce:import_job", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in body
    assert '<label for="import-progress-bar">Checking rows</label>' in body
    assert 'value="25"' in body and "10000 of 40000 rows (25%)" in body
    job.status = ImportJob.Status.CHECKED
    job.save()
    finished = client.get(
        reverse("workforce:import_progress", args=[job.pk]), headers={"HX-Request": "true"}
    )
    assert finished.status_code == 204 and finished["HX-Refresh"] == "true"


def test_another_partnerships_job_is_not_found(world, client_for):
    job = ImportJob.objects.create(
        partnership=world.other_partnership, kind="people", filename="x.csv", data=b""
    )
    response = client_for("learning_lead").get(reverse("workforce:import_job", args=[job.pk]))
    assert response.status_code == 404


def test_a_job_no_worker_has_picked_up_says_so_after_a_minute(world, client_for):
    from datetime import timedelta

    from django.utils import timezone

    job = ImportJob.objects.create(
        partnership=world.partnership, kind="people", filename="roster.csv", data=b""
    )
    client = client_for("learning_lead")
    url = reverse("workforce:import_job", args=[job.pk])
    assert "no background worker" not in client.get(url).content.decode()
    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(seconds=61))
    body = client.get(url).content.decode()
    assert "no background worker has picked this file up" in body
    polled = client.get(
        reverse("workforce:import_progress", args=[job.pk]), headers={"HX-Request": "true"}
    )
    assert "no background worker has picked this file up" in polled.content.decode()
    # Once the worker starts counting rows, the warning goes.
    ImportJob.objects.filter(pk=job.pk).update(total_rows=10)
    assert "no background worker" not in client.get(url).content.decode()


def test_the_template_files_have_the_columns_and_an_example_row(world, client_for):
    client = client_for("learning_lead")
    response = client.get(reverse("workforce:import_template", args=["people", "csv"]))
    assert response["Content-Disposition"] == 'attachment; filename="people-template.csv"'
    header, example = response.content.decode("utf-8-sig").splitlines()
    assert header.split(",") == importing.PEOPLE_COLUMNS
    # The example uses the partnership's own names, so it checks cleanly once uploaded.
    result = plan(world, response.content)
    assert result.problems == [] and len(result.rows) == 1
    xlsx = client.get(reverse("workforce:import_template", args=["learning", "xlsx"]))
    assert xlsx["Content-Disposition"] == 'attachment; filename="learning-template.xlsx"'
    assert client.get("/workforce/imports/template/other.csv").status_code == 404


def test_the_learning_template_names_only_the_partnerships_own_learning(world):
    # Another partnership's catalogue comes first alphabetically; its title must not show.
    activity(world, "Attachment basics", partnership=world.other_partnership)
    assert importing.example_rows(world.partnership.pk, "learning")[0][2] == (
        "Trauma-informed practice"
    )
    activity(world, "Keeping the Promise")
    assert importing.example_rows(world.partnership.pk, "learning")[0][2] == "Keeping the Promise"


def test_the_import_page_lists_the_allowed_codes(world, client_for):
    body = client_for("learning_lead").get(reverse("workforce:import_start")).content.decode()
    for code in ("regular_direct", "kinship_carer", "in_progress"):
        assert f"<code>{code}</code>" in body
    assert "/workforce/imports/template/people.csv" in body


def test_moving_on_by_import_closes_the_membership_as_the_form_does(world):
    # One history rule (register.record_teams) for the form and the import: a new team
    # closes the old membership on the day of the import; a moved-on date closes the
    # open one on that date.
    existing = world.people["colleague"]
    line = (
        f",{existing.email},Callum Colleague,Lochside Council,Family Support,"
        "Family support worker,,paid,regular_direct,2024-01-01,2026-05-20,"
    )
    importing.save_people(world.partnership.pk, plan(world, roster(line)), date(2026, 6, 1))
    history = TeamMembership.objects.filter(person=existing).order_by("started_on", "pk")
    assert [(m.team.name, m.started_on, m.ended_on) for m in history][-1] == (
        "Family Support",
        date(2026, 6, 1),
        date(2026, 5, 20),
    )
    assert not TeamMembership.objects.filter(person=existing, ended_on__isnull=True).exists()


def _many(count: int, offset: int) -> bytes:
    lines = [
        f"Q{offset + n},q{offset + n}@lochside.example,Person {n},Lochside Council,"
        f"Family Support,Family support worker,,paid,regular_direct,2024-03-01,,"
        + (f"Q{offset + n - 1}" if n else "")
        for n in range(count)
    ]
    return roster(*lines)


def test_queries_do_not_grow_with_the_rows(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for count, offset in ((50, 1000), (500, 2000)):
        with CaptureQueriesContext(connection) as queries:
            result = plan(world, _many(count, offset))
            assert result.problems == []
            importing.save_people(world.partnership.pk, result, date(2026, 6, 1))
        counts.append(len(queries))
    assert Person.objects.filter(staff_number__startswith="Q").count() == 550
    assert TeamMembership.objects.filter(person__staff_number__startswith="Q").count() == 550
    assert Person.objects.get(staff_number="Q2499").supervisor.staff_number == "Q2498"
    # Every step is a fixed number of queries (lookups once, new entries and their
    # memberships in one executemany each), except the supervisors' bulk_update, which
    # Django splits into batches under SQLite's 999 parameters: one more per ~330 rows.
    assert counts[1] <= counts[0] + 1, counts


def test_names_with_backslashes_tabs_and_quotes_are_saved_exactly(world):
    # On PostgreSQL new people go in through COPY, whose text format gives \, tab and
    # newline a meaning of their own: every character must arrive as typed.
    name = 'Mòrag "Mo" O\'Neil \\ Smith\tJr'
    title = "Support worker \\N (nights)"
    line = (
        f'S300,morag@lochside.example,"{name.replace(chr(34), chr(34) * 2)}",Lochside Council,'
        f"Family Support,,{title},paid,regular_direct,2024-03-01,,"
    )
    result = plan(world, roster(line))
    assert result.problems == []
    importing.save_people(world.partnership.pk, result, date(2026, 6, 1))
    saved = Person.objects.get(staff_number="S300")
    assert (saved.full_name, saved.job_title) == (name, title)


# The quick paths of the check agree with what they stand in for ----------------------


def _django_accepts(email):
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    try:
        validate_email(email)
    except ValidationError:
        return False
    return True


TRICKY_EMAILS = [
    "a@b.example",
    "a@localhost",
    "a@[127.0.0.1]",
    "a@[300.0.0.1]",
    '"quoted name"@example.org',
    "a..b@example.org",
    "a@example",
    "a@-example.org",
    "a@exa_mple.org",
    "a@@example.org",
    "@example.org",
    "a@",
    "x" * 310 + "@example.org",
    "ünï@example.org",
    "a@ünïcode.example",
    "a@example.org.",
    "a b@example.org",
]


@pytest.mark.parametrize("email", TRICKY_EMAILS)
def test_the_quick_email_check_agrees_with_django(email):
    domains = {}
    assert importing.is_email(email, domains) == _django_accepts(email)
    # Asked again with the domain remembered, the answer is the same.
    assert importing.is_email(email, domains) == _django_accepts(email)


@settings(max_examples=300, deadline=None)
@given(st.emails() | st.text(alphabet="ab.@-_[]\"' 1ü", max_size=30))
def test_the_quick_email_check_agrees_with_django_on_anything(email):
    assert importing.is_email(email, {}) == _django_accepts(email)


def test_a_formula_in_a_learning_file_is_named_by_its_column(world):
    activity(world, "Trauma skilled practice", 2)
    email = world.people["practitioner"].email
    data = f"{LEARNING_HEADER}\n,{email},=Trauma skilled practice,completed,2025-05-01,\n"
    assert messages_of(plan(world, data.encode(), kind="learning")) == [
        (
            2,
            "Activity: “=Trauma skilled practice” looks like a spreadsheet formula; "
            "type the value itself instead.",
        )
    ]
