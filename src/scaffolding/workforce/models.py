"""Who the workforce is: people, by closeness of relationship with children.

The Promise asks that the workforce be understood "in terms of the degree of
closeness of relationships they have with children, rather than their status as
paid/unpaid or professional/voluntary" (South Ayrshire calls to action, People 1).
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models

from scaffolding.accounts.models import Organisation, Partnership, Team


class NESLevel(models.IntegerChoices):
    """NES Knowledge and Skills Framework for Psychological Trauma; levels are cumulative."""

    INFORMED = 1, "Trauma informed"
    SKILLED = 2, "Trauma skilled"
    ENHANCED = 3, "Trauma enhanced"
    SPECIALIST = 4, "Trauma specialist"


class RoleProfile(models.Model):
    """What a role needs, set by the partnership: learning level and supervision rhythm."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="role_profiles"
    )
    name = models.CharField(max_length=150)
    description = models.TextField(blank=True)
    required_nes_level = models.PositiveSmallIntegerField(
        "required NES trauma practice level", choices=NESLevel.choices, default=NESLevel.INFORMED
    )
    supervision_cadence_days = models.PositiveIntegerField(
        "supervision due every (days)",
        null=True,
        blank=True,
        help_text="Leave empty when this role has no regular supervision rhythm.",
    )
    new_starter_cadence_days = models.PositiveIntegerField(
        "supervision due every (days) while new",
        null=True,
        blank=True,
        help_text="A shorter rhythm for people newly qualified or in their first months.",
    )
    new_starter_months = models.PositiveSmallIntegerField("counts as new for (months)", default=6)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="role_profile_name_unique_in_partnership"
            )
        ]

    def __str__(self):
        return self.name

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}


class Relationship(models.TextChoices):
    """How a person comes to the work: recorded, but never what decides what they need."""

    PAID = "paid", "Paid"
    UNPAID = "unpaid", "Unpaid"
    VOLUNTEER = "volunteer", "Volunteer"
    FOSTER_CARER = "foster_carer", "Foster carer"
    KINSHIP_CARER = "kinship_carer", "Kinship carer"
    ADOPTIVE_PARENT = "adoptive_parent", "Adoptive parent"
    STUDENT = "student", "Student"


class Closeness(models.TextChoices):
    """Closeness of relationship with children, closest first."""

    DAILY_CARE = "daily_care", "Daily care of children"
    REGULAR_DIRECT = "regular_direct", "Regular direct work with children"
    OCCASIONAL = "occasional", "Occasional time with children"
    NO_DIRECT = "no_direct", "No direct work with children"


class PersonQuerySet(models.QuerySet):
    def current(self, on: date | None = None):
        on = on or date.today()
        return self.filter(models.Q(end_date__isnull=True) | models.Q(end_date__gt=on))

    def in_partnership(self, partnership_id: int):
        return self.filter(partnership_id=partnership_id)


class Person(models.Model):
    """Someone in the workforce, paid or unpaid; may or may not have a sign-in account."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="people")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    full_name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    staff_number = models.CharField(max_length=40, blank=True)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="people")
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="people"
    )
    role_profile = models.ForeignKey(
        RoleProfile, on_delete=models.SET_NULL, null=True, blank=True, related_name="people"
    )
    job_title = models.CharField(max_length=150, blank=True)
    relationship = models.CharField(
        "relationship to the work", max_length=30, choices=Relationship.choices
    )
    closeness = models.CharField(
        "closeness of relationship with children", max_length=30, choices=Closeness.choices
    )
    start_date = models.DateField()
    end_date = models.DateField("moved on", null=True, blank=True)
    newly_qualified = models.BooleanField(default=False)
    supervisor = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="supervisees"
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["full_name"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "staff_number"],
                condition=~models.Q(staff_number=""),
                name="staff_number_unique_in_partnership",
            )
        ]
        indexes = [models.Index(fields=["partnership", "end_date"])]

    def __str__(self):
        return self.full_name

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}

    @property
    def is_current(self) -> bool:
        return self.end_date is None or self.end_date > date.today()

    def is_new_starter(self, on: date | None = None) -> bool:
        on = on or date.today()
        if self.newly_qualified:
            return True
        months = self.role_profile.new_starter_months if self.role_profile else 6
        return self.start_date > on - timedelta(days=round(months * 30.44))

    def supervision_cadence_days(self, on: date | None = None) -> int | None:
        """How often supervision is due for this person, or None when their role has no rhythm."""
        profile = self.role_profile
        if profile is None or profile.supervision_cadence_days is None:
            return None
        if profile.new_starter_cadence_days and self.is_new_starter(on):
            return profile.new_starter_cadence_days
        return profile.supervision_cadence_days
