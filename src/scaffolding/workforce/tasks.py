"""Background runs of imports (django-tasks): long files check and save off the request."""

from datetime import date

from django_tasks import task

from . import importing
from .models import ImportJob


def _progress(job: ImportJob):
    def report(done: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(processed_rows=done)

    return report


def _fail(job: ImportJob, message: str) -> None:
    job.status = ImportJob.Status.FAILED
    job.problems = [{"row": None, "message": message}]
    job.save(update_fields=["status", "problems"])


@task()
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
    job.save()


@task()
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
