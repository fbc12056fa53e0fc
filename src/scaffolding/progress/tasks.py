"""Background jobs of progress (django-tasks)."""

from django_tasks import task

from . import report_files


@task()
def build_progress_report(report_id: int) -> None:
    """Make the PDF of a requested progress report."""
    report_files.build(report_id)
