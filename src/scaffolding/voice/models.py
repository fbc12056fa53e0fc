"""Young people in the partnership and the workers and carers around them.

A young person's record belongs to their partnership (the tenancy base in
``core``). Which workers are linked to them changes over time and is itself a
record: a link is never edited away, it is ended, so the history of who was
around a young person, and who linked whom, stays.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone

from scaffolding.core.tenancy import PartnershipOwned, PartnershipQuerySet
from scaffolding.workforce.models import Person


class AgeBand(models.TextChoices):
    """Pages change with age: a trusted adult helps the youngest."""

    UNDER_8 = "under_8", "Under 8"
    FROM_8_TO_12 = "8_to_12", "8 to 12"
    FROM_13 = "13_plus", "13 and over"
    ADULT = "adult", "18 and over"


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


class YoungPerson(PartnershipOwned):
    """A child, young person or care experienced adult whose story this service holds."""

    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="young_person",
    )
    full_name = models.CharField(max_length=200)
    called = models.CharField("the name they like to be called", max_length=100)
    pronouns = models.CharField(max_length=40, blank=True)
    date_of_birth = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["called", "full_name"]
        verbose_name_plural = "young people"
        indexes = [models.Index(fields=["partnership", "called"])]

    def __str__(self):
        return self.called or self.full_name

    def age(self, on: date | None = None) -> int:
        return age_on(self.date_of_birth, on or timezone.localdate())

    def age_band(self, on: date | None = None) -> str:
        years = self.age(on)
        if years < 8:
            return AgeBand.UNDER_8
        if years < 13:
            return AgeBand.FROM_8_TO_12
        if years < 18:
            return AgeBand.FROM_13
        return AgeBand.ADULT


class LinkKind(models.TextChoices):
    NAMED_WORKER = "named_worker", "Named worker"
    SOCIAL_WORKER = "social_worker", "Social worker"
    FAMILY_CARER = "family_carer", "Family carer"
    RESIDENTIAL_WORKER = "residential_worker", "Worker in their home"
    TEACHER = "teacher", "Teacher"
    ADVOCATE = "advocate", "Advocate"
    HEALTH = "health", "Health worker"
    OTHER = "other", "Other worker"


class WorkerLinkQuerySet(PartnershipQuerySet):
    def current(self):
        return self.filter(ended_at__isnull=True)


class WorkerLink(PartnershipOwned):
    """A worker or family carer from the register around one young person, for a time."""

    partnership_from = "young_person"

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="links")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="young_person_links")
    kind = models.CharField(max_length=30, choices=LinkKind.choices)
    linked_at = models.DateTimeField(default=timezone.now)
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = WorkerLinkQuerySet.as_manager()

    class Meta:
        ordering = ["linked_at"]
        indexes = [
            models.Index(fields=["young_person", "ended_at"]),
            models.Index(fields=["person", "ended_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["young_person", "person", "kind"],
                condition=models.Q(ended_at__isnull=True),
                name="one_current_link_per_person_and_kind",
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.get_kind_display()}) for {self.young_person}"

    @property
    def is_current(self) -> bool:
        return self.ended_at is None
