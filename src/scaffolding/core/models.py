from django.db import models
from django.utils import timezone

from .tenancy import PartnershipOwned


class KeptFigures(PartnershipOwned):
    """Figures a page shows, worked out by the background worker and kept with their time
    (counting a year of records on every view does not scale); see `core.figures`."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting to start"
        WORKING = "working", "Being worked out"
        READY = "ready", "Ready"
        FAILED = "failed", "Could not be worked out"

    kind = models.CharField(max_length=60)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WAITING)
    requested_at = models.DateTimeField(default=timezone.now)
    worked_out_at = models.DateTimeField(null=True)
    figures = models.JSONField(default=dict, editable=False)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["partnership", "kind", "status", "requested_at"])]
        verbose_name_plural = "kept figures"

    def __str__(self):
        return f"{self.kind} figures requested {self.requested_at:%d %B %Y %H:%M}"
