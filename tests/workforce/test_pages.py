"""Pages: who sees what, recording learning, endorsement, and query counts that do not grow."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from scaffolding.workforce.models import (
    Closeness,
    LearningActivity,
    LearningRecord,
    LivedExperience,
    Person,
    TeamMembership,
)
from tests.conftest import OUTSIDER, ROLES, work_out_figures
from tests.factories import LearningRecordFactory, PersonFactory
from tests.workforce.helpers import build_learning

SECRET = "I grew up in kinship care with my gran in Lochside."


@pytest.fixture
def learning(world):
    return build_learning(world)


@pytest.fixture
def shared_with_supervisor(world):
    """The practitioner declared lived experience and chose to show only their supervisor."""
    lived = LivedExperience.objects.create(person=world.people["practitioner"], statement=SECRET)
    lived.shared_with.add(world.users["supervisor"])
    return lived


# Lived experience: proved for every role ----------------------------------------------

# Who can open the practitioner's register page at all (their own page, supervisor, leads).
OPENS_PAGE = {"practitioner", "supervisor", "learning_lead", "partnership_admin"}


@pytest.mark.parametrize("role", [*ROLES, OUTSIDER])
def test_lived_experience_only_for_the_person_and_whom_they_chose(
    role, world, client_for, shared_with_supervisor
):
    url = reverse("workforce:person", args=[world.people["practitioner"].pk])
    response = client_for(role).get(url)
    body = response.content.decode()
    should_see = role in ("practitioner", "supervisor")
    assert (SECRET in body) is should_see
    # A young person's account is refused at the door of every workforce page.
    refused = 403 if role == "young_person" else 404
    assert response.status_code == (200 if role in OPENS_PAGE else refused)


@pytest.mark.parametrize("role", [*ROLES, OUTSIDER])
def test_lived_experience_never_leaks_through_lists_reports_or_exports(
    role, world, client_for, shared_with_supervisor, learning
):
    client = client_for(role)
    for name, query in (
        ("workforce:people", ""),
        ("workforce:gaps", "?by=person"),
        ("workforce:gaps_download", "?by=person&format=csv"),
        ("workforce:my_learning", ""),
        ("accounts:audit_log", ""),
    ):
        body = client.get(reverse(name) + query).content.decode("utf-8", "replace")
        assert SECRET not in body, f"{name} shows lived experience to {role}"
    for kind in ("people", "learning"):
        body = client.get(reverse("workforce:export", args=[kind, "csv"])).content
        assert SECRET.encode() not in body


def test_taking_someone_off_the_list_hides_it_again(world, client_for, shared_with_supervisor):
    client = client_for("practitioner")
    url = reverse("workforce:lived_experience")
    page = client.get(url).content.decode()
    assert "Shona Supervisor" in page and "checked" in page
    response = client.post(
        url, {"statement": SECRET, "shared_with": [world.users["learning_lead"].pk]}
    )
    assert response.status_code == 302
    person_url = reverse("workforce:person", args=[world.people["practitioner"].pk])
    assert SECRET not in client_for("supervisor").get(person_url).content.decode()
    assert SECRET in client_for("learning_lead").get(person_url).content.decode()


def test_only_people_in_the_partnership_can_be_chosen(world, client_for):
    client = client_for("practitioner")
    response = client.post(
        reverse("workforce:lived_experience"),
        {"statement": SECRET, "shared_with": [world.outsider.pk]},
    )
    assert response.status_code == 200
    assert not LivedExperience.objects.filter(shared_with=world.outsider).exists()


# My learning and recording -----------------------------------------------------------


def test_my_learning_shows_level_and_next_steps(world, client_for, learning):
    body = client_for("family_carer").get(reverse("workforce:my_learning")).content.decode()
    assert "Trauma skilled" in body  # what the role needs
    assert "Trauma informed" in body  # what they hold
    assert "Not yet" in body
    assert "Reach Trauma skilled" in body and "Trauma skilled practice" in body
    assert "Learn about attachment" in body
    assert "Expired" in body  # the attachment learning from 2024


def test_someone_not_in_the_register_is_told_so(world, client_for):
    body = client_for("promise_lead").get(reverse("workforce:my_learning")).content.decode()
    assert "not in the workforce register yet" in body


def test_recording_my_learning_with_evidence(world, client_for, learning):
    practitioner = world.people["practitioner"]
    act = learning["activities"]["enhanced"]
    certificate = SimpleUploadedFile("cert.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = client_for("practitioner").post(
        reverse("workforce:record_add", args=[practitioner.pk]),
        {
            "activity": act.pk,
            "status": "completed",
            "completed_on": "2026-05-20",
            "evidence": certificate,
        },
    )
    assert response["Location"] == reverse("workforce:my_learning")
    record = LearningRecord.objects.get(person=practitioner, activity=act)
    assert record.evidence.get().filename == "cert.pdf"
    download = client_for("supervisor").get(
        reverse("workforce:evidence", args=[record.evidence.get().pk])
    )
    assert download.content == b"%PDF-1.4 test"
    assert (
        client_for("partnership_admin")
        .get(reverse("workforce:evidence", args=[record.evidence.get().pk]))
        .status_code
        == 404
    )


def test_the_date_completed_is_optional_and_odd_files_are_refused(world, client_for, learning):
    practitioner = world.people["practitioner"]
    act = learning["activities"]["enhanced"]
    script = SimpleUploadedFile("x.html", b"<script>", content_type="text/html")
    response = client_for("practitioner").post(
        reverse("workforce:record_add", args=[practitioner.pk]),
        {"activity": act.pk, "status": "completed", "completed_on": "", "evidence": script},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter the date you completed this learning." not in body
    assert "Choose a PDF" in body
    assert not LearningRecord.objects.filter(activity=act, person=practitioner).exists()
    # Without a file, an empty date means completed today.
    client_for("practitioner").post(
        reverse("workforce:record_add", args=[practitioner.pk]),
        {"activity": act.pk, "status": "completed", "completed_on": ""},
    )
    record = LearningRecord.objects.get(activity=act, person=practitioner)
    assert record.completed_on == timezone.localdate()


def test_a_practitioner_cannot_record_or_see_others_learning(world, client_for, learning):
    client = client_for("practitioner")
    colleague = world.people["colleague"]
    assert client.get(reverse("workforce:person", args=[colleague.pk])).status_code == 404
    assert client.get(reverse("workforce:record_add", args=[colleague.pk])).status_code == 404
    record = LearningRecord.objects.filter(person=world.people["family_carer"]).first()
    assert client.post(reverse("workforce:record_endorse", args=[record.pk])).status_code == 404


def test_a_supervisor_endorses_a_supervisees_learning(world, client_for, learning):
    record = LearningRecord.objects.filter(
        person=world.people["practitioner"], status="completed"
    ).first()
    page = client_for("supervisor").get(
        reverse("workforce:person", args=[world.people["practitioner"].pk])
    )
    assert "Endorse" in page.content.decode()
    client_for("supervisor").post(reverse("workforce:record_endorse", args=[record.pk]))
    record.refresh_from_db()
    assert record.endorsed_by == world.people["supervisor"]
    assert record.endorsed_on == date.today()
    # Not someone they do not supervise, and not the learning lead (not their supervisor).
    other = LearningRecord.objects.filter(person=world.people["colleague"]).first()
    assert (
        client_for("supervisor")
        .post(reverse("workforce:record_endorse", args=[other.pk]))
        .status_code
        == 404
    )


def test_the_admin_sees_the_register_but_not_learning(world, client_for, learning):
    body = (
        client_for("partnership_admin")
        .get(reverse("workforce:person", args=[world.people["practitioner"].pk]))
        .content.decode()
    )
    assert "Family Support" in body
    assert "Trauma skilled practice" not in body


def test_promise_leads_see_totals_not_names(world, client_for, learning):
    work_out_figures(world.partnership.pk)
    client = client_for("promise_lead")
    body = client.get(reverse("workforce:gaps") + "?by=team").content.decode()
    assert "Family Support" in body and "100.0" in body
    assert "Eilidh Practitioner" not in body
    assert client.get(reverse("workforce:gaps") + "?by=person").status_code == 403


def test_gap_downloads_match_the_table(world, client_for, learning):
    import io

    from openpyxl import load_workbook

    client = client_for("learning_lead")
    work_out_figures(world.partnership.pk)
    csv_body = client.get(
        reverse("workforce:gaps_download") + "?by=partnership&format=csv"
    ).content.decode("utf-8-sig")
    lines = csv_body.splitlines()
    assert lines[0].startswith("Group,People,With a role profile,At required NES level")
    # Figures depend on today, so check the shape and the first columns only.
    assert lines[1].split(",")[:3] == ["Whole partnership", "6", "5"]
    xlsx = client.get(reverse("workforce:gaps_download") + "?by=team&format=xlsx").content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    labels = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert labels == ["Family Support", "Kinship Carers", "Throughcare", "Not set"]


def test_changing_team_keeps_history(world, client_for):
    person = world.people["colleague"]
    TeamMembership.objects.create(person=person, team=person.team, started_on=person.start_date)
    client = client_for("learning_lead")
    data = {
        "full_name": person.full_name,
        "email": person.email,
        "staff_number": "",
        "organisation": person.organisation_id,
        "team": world.team.pk,
        "role_profile": person.role_profile_id,
        "job_title": "",
        "relationship": person.relationship,
        "closeness": person.closeness,
        "start_date": person.start_date.isoformat(),
        "end_date": "",
        "supervisor": "",
    }
    response = client.post(reverse("workforce:person_edit", args=[person.pk]), data)
    assert response.status_code == 302
    history = list(TeamMembership.objects.filter(person=person).order_by("started_on"))
    assert [m.team.name for m in history] == ["Throughcare", "Family Support"]
    assert history[0].ended_on == date.today() and history[1].ended_on is None
    data["end_date"] = date.today().isoformat()
    client.post(reverse("workforce:person_edit", args=[person.pk]), data)
    person.refresh_from_db()
    assert person.end_date == date.today()
    assert not TeamMembership.objects.filter(person=person, ended_on__isnull=True).exists()
    assert person.pk not in {
        p.pk for p in Person.objects.current(date.today()).filter(partnership=world.partnership)
    }


def test_learning_lead_manages_catalogue_and_role_profiles(world, client_for):
    client = client_for("learning_lead")
    response = client.post(
        reverse("workforce:activity_add"),
        {
            "title": "The Promise: what it asks of us",
            "kind": "elearning",
            "topics": [],
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert LearningActivity.objects.filter(title__startswith="The Promise").exists()
    duplicate = client.post(
        reverse("workforce:activity_add"),
        {"title": "the promise: what it asks of us", "kind": "course"},
    )
    assert "already has learning with this title" in duplicate.content.decode()


def test_recognition_is_recorded_with_reasons(world, client_for, learning):
    person = world.people["colleague"]
    response = client_for("learning_lead").post(
        reverse("workforce:recognition_add", args=[person.pk]),
        {
            "kind": "lived_experience",
            "nes_level": "2",
            "reasons": "Years of peer mentoring.",
            "decided_on": "2026-05-01",
        },
    )
    assert response.status_code == 302
    decision = person.recognitions.get()
    assert decision.decided_by == world.users["learning_lead"]
    empty = client_for("learning_lead").post(
        reverse("workforce:recognition_add", args=[person.pk]),
        {"kind": "prior_learning", "reasons": "x", "decided_on": "2026-05-01"},
    )
    assert "Recognise a NES level, one or more topics, or both." in empty.content.decode()


# Query counts stay the same as the data grows -----------------------------------------


def grow(world, count):
    act = LearningActivity.objects.get(
        partnership=world.partnership, title="Trauma skilled practice"
    )
    people = Person.objects.bulk_create(
        PersonFactory.build_batch(
            count,
            team=world.team,
            role_profile=world.role_profile,
            closeness=Closeness.OCCASIONAL,
            start_date=date(2021, 1, 1),
            supervisor=world.people["supervisor"],
        )
    )
    LearningRecord.objects.bulk_create(
        [LearningRecordFactory.build(person=person, activity=act) for person in people]
        + LearningRecordFactory.build_batch(
            count // 10,
            person=world.people["practitioner"],
            activity=act,
            completed_on=date(2025, 3, 1),
        )
    )


PAGES = [
    ("learning_lead", "workforce:gaps", {}, "?by=team"),
    ("learning_lead", "workforce:gaps", {}, "?by=person"),
    ("promise_lead", "workforce:gaps", {}, "?by=role_profile"),
    ("learning_lead", "workforce:people", {}, ""),
    ("supervisor", "workforce:people", {}, ""),
    ("learning_lead", "workforce:people", {}, "?q=a&organisation=1&team=1"),
    ("practitioner", "workforce:my_learning", {}, ""),
    ("supervisor", "workforce:person", {"pk": "practitioner"}, ""),
    ("family_carer", "workforce:catalogue", {}, ""),
    ("learning_lead", "workforce:role_profiles", {}, ""),
]


@pytest.mark.parametrize("role,name,kwargs,query", PAGES)
def test_query_counts_do_not_grow(role, name, kwargs, query, world, client_for, learning):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(role)
    kwargs = {k: world.people[v].pk for k, v in kwargs.items()}
    url = reverse(f"{name}", kwargs=kwargs) + query

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    work_out_figures(world.partnership.pk)  # grouped gaps show what the worker kept
    small = count()
    grow(world, 60)
    assert count() == small


def test_changing_details_keeps_the_supervisor(world, client_for):
    person = world.people["practitioner"]
    page = client_for("learning_lead").get(reverse("workforce:person_edit", args=[person.pk]))
    form = page.context["form"]
    assert form.initial["supervisor"] == world.people["supervisor"].pk
    assert world.people["supervisor"] in form.fields["supervisor"].queryset
    assert person not in form.fields["supervisor"].queryset


def test_the_register_filters_by_organisation_and_team(world, client_for):
    client = client_for("learning_lead")
    body = client.get(reverse("workforce:people"), {"team": world.team.pk}).content.decode()
    assert "Eilidh Practitioner" in body and "Callum Colleague" not in body
    carers = world.people["family_carer"].organisation
    body = client.get(reverse("workforce:people"), {"organisation": carers.pk}).content.decode()
    assert "Fergus Carer" in body and "Eilidh Practitioner" not in body
    assert "1 person." in body
    # Another partnership's teams are not offered.
    assert "Farhill Family Support" not in body


def test_grouped_gaps_wait_for_the_worker_then_show_its_figures(
    world, client_for, learning, django_capture_on_commit_callbacks
):
    client = client_for("learning_lead")
    url = reverse("workforce:gaps") + "?by=team"
    download = reverse("workforce:gaps_download") + "?by=team&format=csv"
    waiting = client.get(download)  # nothing kept yet: back to the page
    assert waiting.status_code == 302 and waiting["Location"] == url
    # The worker here runs the job as soon as the request's data is saved.
    with django_capture_on_commit_callbacks(execute=True):
        body = client.get(url).content.decode()
    assert "No figures have been worked out yet." in body and "Family Support" not in body
    body = client.get(url).content.decode()
    assert "Figures as of" in body and "Family Support" in body
    assert client.get(download)["Content-Type"].startswith("text/csv")
    # By person is worked out on every view: a list of names, paged.
    assert (
        "Figures as of" not in client.get(reverse("workforce:gaps") + "?by=person").content.decode()
    )
