"""Figures worked out in the background and kept with their time.

Some partnership figures count a year of records (every session, every check-in):
at national scale that is seconds, too slow for a page view. An app registers such
figures by kind with the function that works them out (plain JSON back) and the
permission that may see them; the page shows the newest kept figures at once with
"Figures as of 10:42", asks the worker for new ones when they are an hour old or when
someone asks, and polls the progress. Only the newest figures of a kind are kept.
This module imports no domain app: apps register themselves in their AppConfig.ready.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import KeptFigures

# Figures older than this are worked out again in the background when someone looks.
FRESH_FOR = timedelta(hours=1)
# A request no worker has finished in this long is taken as lost (a worker stopped).
LOST_AFTER = timedelta(minutes=15)


@dataclass(frozen=True)
class Kind:
    key: str
    work_out: Callable[[int], dict]  # partnership id -> JSON-ready figures
    permission: str  # who may see them (and ask for new ones)
    page: str  # the URL name of the page that shows them


KINDS: dict[str, Kind] = {}


def register(key: str, work_out: Callable[[int], dict], permission: str, page: str) -> None:
    KINDS[key] = Kind(key, work_out, permission, page)


def latest(partnership_id: int, kind: str) -> KeptFigures | None:
    """The newest figures of this kind worked out for the partnership."""
    kept = KeptFigures.objects.in_partnership(partnership_id).filter(kind=kind)
    return kept.filter(status=KeptFigures.Status.READY).first()


def working(partnership_id: int, kind: str) -> KeptFigures | None:
    """Figures asked for and not yet ready (a lost request is not counted)."""
    waiting = KeptFigures.objects.in_partnership(partnership_id).filter(
        kind=kind,
        status__in=[KeptFigures.Status.WAITING, KeptFigures.Status.WORKING],
        requested_at__gt=timezone.now() - LOST_AFTER,
    )
    return waiting.defer("figures").first()


def is_stale(kept: KeptFigures | None) -> bool:
    """No figures yet, figures an hour old, or figures from another day."""
    return (
        kept is None
        or kept.worked_out_at < timezone.now() - FRESH_FOR
        or timezone.localtime(kept.worked_out_at).date() != timezone.localdate()
    )


def request(partnership_id: int, kind: str) -> tuple[KeptFigures, bool]:
    """Ask a worker for new figures once the request's data is saved; or the request
    already waiting. Returns (request, newly asked)."""
    from .tasks import work_out_figures

    if kind not in KINDS:
        raise ValueError(f"No figures of the kind {kind!r} are registered.")
    with transaction.atomic():
        already = working(partnership_id, kind)
        if already is not None:
            return already, False
        asked = KeptFigures.objects.create(partnership_id=partnership_id, kind=kind)
        transaction.on_commit(lambda: work_out_figures.enqueue(asked.pk))
    return asked, True


def for_page(partnership_id: int, kind: str) -> tuple[KeptFigures | None, KeptFigures | None]:
    """(the newest figures, the request being worked on): asks for new figures when the
    newest are stale and nobody has asked yet."""
    kept = latest(partnership_id, kind)
    asking = working(partnership_id, kind)
    if asking is None and is_stale(kept):
        asking, _ = request(partnership_id, kind)
    return kept, asking


def work_out(figures_id: int) -> None:
    """Work out one requested set of figures (run by a worker); keep only the newest."""
    asked = KeptFigures.objects.get(pk=figures_id)
    if asked.status == KeptFigures.Status.READY:
        return
    KeptFigures.objects.filter(pk=asked.pk).update(status=KeptFigures.Status.WORKING)
    try:
        figures = KINDS[asked.kind].work_out(asked.partnership_id)
    except Exception:
        KeptFigures.objects.filter(pk=asked.pk).update(status=KeptFigures.Status.FAILED)
        raise
    with transaction.atomic():
        KeptFigures.objects.filter(pk=asked.pk).update(
            status=KeptFigures.Status.READY, worked_out_at=timezone.now(), figures=figures
        )
        older = KeptFigures.objects.in_partnership(asked.partnership_id).filter(
            kind=asked.kind,
            requested_at__lt=asked.requested_at,
            status__in=[KeptFigures.Status.READY, KeptFigures.Status.FAILED],
        )
        older.delete()
