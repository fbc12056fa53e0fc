"""Background jobs of core (django-tasks)."""

from django_tasks import task


@task()
def work_out_figures(figures_id: int) -> None:
    """Work out figures a page asked for (see core.figures)."""
    from . import figures

    figures.work_out(figures_id)
