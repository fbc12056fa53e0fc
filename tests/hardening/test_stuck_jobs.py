"""Finding 7: a job that stops is seen as stopped and can be run again; impossible dates
are refused at the check, with the row named (and finding 10's form date)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from scaffolding.workforce import importing, tasks
from scaffolding.workforce.models import ImportJob, LearningRecord
from tests.workforce.helpers import activity
from tests.workforce.test_importing import LEARNING_HEADER, messages_of, plan


def _learning_file(world, completed_on="2025-05-01"):
    activity(world, "Trauma skilled practice", 2, ["trauma"], 24)
    email = world.people["practitioner"].email
    return (
        f"{LEARNING_HEADER}\n,{email},Trauma skilled practice,completed,{completed_on},\n"
    ).encode()


def test_a_far_future_completion_date_is_refused_at_the_check_with_its_row(world):
    data = _learning_file(world, "9999-12-31")
    assert messages_of(plan(world, data, kind="learning")) == [
        (2, "Completed on: 31/12/9999 is in the future; enter the date it was completed."),
    ]


def test_the_record_form_refuses_a_far_future_date_next_to_the_field(world, client_for):
    act = activity(world, "Trauma skilled practice", 2, ["trauma"], 24)
    practitioner = world.people["practitioner"]
    response = client_for("practitioner").post(
        reverse("workforce:record_add", args=[practitioner.pk]),
        {"activity": act.pk, "status": "completed", "completed_on": "9999-12-31"},
    )
    assert response.status_code == 200
    assert "is in the future" in response.content.decode()
    assert not LearningRecord.objects.filter(person=practitioner).exists()


def test_a_job_that_stopped_mid_save_is_shown_as_stopped_and_can_run_again(world, client_for):
    job = ImportJob.objects.create(
        partnership=world.partnership,
        kind="learning",
        filename="learning.csv",
        data=_learning_file(world),
        status=ImportJob.Status.SAVING,
        total_rows=1,
    )
    ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=30))
    client = client_for("learning_lead")
    body = client.get(reverse("workforce:import_job", args=[job.pk])).content.decode()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert "stopped before it finished" in body
    assert "Nothing was saved" in body
    assert "Check the file again" in body
    client.post(reverse("workforce:import_retry", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CHECKED and job.problems == []


def test_a_running_job_with_recent_progress_is_left_alone(world, client_for):
    job = ImportJob.objects.create(
        partnership=world.partnership, kind="people", filename="x.csv", data=b"", total_rows=9
    )
    ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())
    client_for("learning_lead").get(reverse("workforce:import_job", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CHECKING


def test_an_unexpected_error_in_a_job_leaves_a_clear_failed_state(world, monkeypatch):
    job = ImportJob.objects.create(
        partnership=world.partnership, kind="learning", filename="l.csv", data=b"x"
    )

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(importing, "plan_import", broken)
    with pytest.raises(RuntimeError):  # the task queue records the failure too
        tasks.check_import.call(job.pk)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert "Nothing was saved" in job.problems[0]["message"]
