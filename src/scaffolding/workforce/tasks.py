"""Background runs of imports (django-tasks): long files check and save off the request.

A job never stays "running" for ever. The worker marks each job with a
heartbeat as it starts and as rows are checked. An unexpected error leaves a
clear failed state; a job whose worker stopped (killed, restarted, database
gone) shows as stopped once its heartbeat is older than IMPORT_STALE_MINUTES,
and the person can run it again. Saving is one transaction, so a job stopped
mid-save has saved nothing.
"""

import functools
import logging
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from . import importing
from .models import ImportJob

log = logging.getLogger(__name__)

STOPPED = (
    "This import stopped before it finished (the service may have restarted). "
    "Nothing was saved. Press “Check the file again” to run it again."
)
BROKE = (
    "Something went wrong while working on this file, and it stopped. Nothing was saved. "
    "Press “Check the file again” to try again; if it happens again, tell whoever runs "
    "Scaffolding."
)


def _beat(job_id: int, **fields) -> None:
    ImportJob.objects.filter(pk=job_id).update(heartbeat_at=timezone.now(), **fields)


def _progress(job: ImportJob):
    def report(done: int) -> None:
        _beat(job.pk, processed_rows=done)

    return report


def _fail(job: ImportJob, message: str) -> None:
    job.status = ImportJob.Status.FAILED
    job.problems = [{"row": None, "message": message}]
    job.heartbeat_at = timezone.now()
    job.save(update_fields=["status", "problems", "heartbeat_at"])


def _never_stuck(run):
    """An unexpected error marks the job failed (if the database allows), then re-raises."""

    @functools.wraps(run)
    def wrapped(job_id: int) -> None:
        _beat(job_id)
        try:
            run(job_id)
        except Exception:
            log.exception("Import job %s failed", job_id)
            try:
                job = ImportJob.objects.get(pk=job_id)
                _fail(job, BROKE)
            except Exception:  # noqa: BLE001 - the database may be the problem; recovery follows
                log.exception("Could not mark import job %s as failed", job_id)
            raise

    return wrapped


def stale_before():
    return timezone.now() - timedelta(minutes=settings.IMPORT_STALE_MINUTES)


def recover_if_stopped(job: ImportJob) -> ImportJob:
    """A running job with no sign of life for IMPORT_STALE_MINUTES is shown as stopped."""
    if not job.is_running:
        return job
    last_seen = job.heartbeat_at or job.created_at
    if last_seen and last_seen < stale_before():
        updated = ImportJob.objects.filter(pk=job.pk, status=job.status).update(
            status=ImportJob.Status.FAILED,
            problems=[{"row": None, "message": STOPPED}],
        )
        if updated:
            job.refresh_from_db(fields=["status", "problems"])
    return job


def recover_stopped_jobs() -> int:
    """Every stopped job at once (run at worker start and by `recover-imports`)."""
    from django.db.models import Q
    from django.db.models.functions import Coalesce

    stale = ImportJob.objects.annotate(seen=Coalesce("heartbeat_at", "created_at")).filter(
        Q(status=ImportJob.Status.CHECKING) | Q(status=ImportJob.Status.SAVING),
        seen__lt=stale_before(),
    )
    return stale.update(
        status=ImportJob.Status.FAILED, problems=[{"row": None, "message": STOPPED}]
    )


def restart(job: ImportJob) -> None:
    """Check the file again from the start (a stopped or failed job)."""
    job.status = ImportJob.Status.CHECKING
    job.problems = []
    job.processed_rows = 0
    job.heartbeat_at = timezone.now()
    job.save(update_fields=["status", "problems", "processed_rows", "heartbeat_at"])
    check_import.enqueue(job.pk)


@task()
@_never_stuck
def check_import(job_id: int) -> None:
    """Read and check every row; keep the problems and a preview for the person to confirm."""
    job = ImportJob.objects.get(pk=job_id)
    try:
        plan = importing.plan_import(
            job.partnership_id, job.kind, job.filename, bytes(job.data), _progress(job)
        )
    except importing.FileProblem as problem:
        _fail(job, str(problem))
        return
    job.total_rows = plan.total_rows
    job.processed_rows = plan.total_rows
    job.problems = plan.problems
    job.notes = plan.notes
    job.preview = importing.preview_rows(plan)
    job.summary = plan.counts()
    job.status = ImportJob.Status.CHECKED
    job.heartbeat_at = timezone.now()
    job.save()


@task()
@_never_stuck
def save_import(job_id: int) -> None:
    """Check again against today's register, then save everything in one transaction."""
    job = ImportJob.objects.get(pk=job_id)
    try:
        plan = importing.plan_import(job.partnership_id, job.kind, job.filename, bytes(job.data))
    except importing.FileProblem as problem:
        _fail(job, str(problem))
        return
    if plan.problems:
        job.problems = plan.problems
        job.status = ImportJob.Status.CHECKED
        job.save(update_fields=["problems", "status"])
        return
    job.summary = importing.SAVERS[job.kind](job.partnership_id, plan, date.today())
    job.processed_rows = job.total_rows
    job.status = ImportJob.Status.DONE
    job.save(update_fields=["summary", "processed_rows", "status"])
