"""Who the workforce is: people, by closeness of relationship with children.

The Promise asks that the workforce be understood "in terms of the degree of
closeness of relationships they have with children, rather than their status as
paid/unpaid or professional/voluntary" (South Ayrshire calls to action, People 1).
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from scaffolding.accounts.models import Organisation, Partnership, Team
from scaffolding.core.tenancy import PartnershipOwned, PartnershipQuerySet


class NESLevel(models.IntegerChoices):
    """NES Knowledge and Skills Framework for Psychological Trauma; levels are cumulative."""

    INFORMED = 1, "Trauma informed"
    SKILLED = 2, "Trauma skilled"
    ENHANCED = 3, "Trauma enhanced"
    SPECIALIST = 4, "Trauma specialist"


class RoleProfile(PartnershipOwned):
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
    required_topics = models.ManyToManyField(
        "Topic", through="RoleRequirement", blank=True, related_name="role_profiles"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="role_profile_name_unique_in_partnership"
            )
        ]

    def __str__(self):
        return self.name


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


class PersonQuerySet(PartnershipQuerySet):
    def current(self, on: date | None = None):
        on = on or date.today()
        return self.filter(models.Q(end_date__isnull=True) | models.Q(end_date__gt=on))


class Person(PartnershipOwned):
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

    @property
    def is_current(self) -> bool:
        return self.end_date is None or self.end_date > date.today()

    def is_new_starter(self, on: date | None = None) -> bool:
        on = on or date.today()
        if self.newly_qualified:
            return True
        months = self.role_profile.new_starter_months if self.role_profile else 6
        return self.start_date > on - timedelta(days=round(months * 30.44))

    def lived_experience_viewers(self):
        """The accounts this person chose to show their lived experience to (besides themselves)."""
        from scaffolding.accounts.models import User

        return User.objects.filter(lived_experiences_shared__person=self)

    def supervision_cadence_days(self, on: date | None = None) -> int | None:
        """How often supervision is due for this person, or None when their role has no rhythm."""
        profile = self.role_profile
        if profile is None or profile.supervision_cadence_days is None:
            return None
        if profile.new_starter_cadence_days and self.is_new_starter(on):
            return profile.new_starter_cadence_days
        return profile.supervision_cadence_days


# Learning ---------------------------------------------------------------------


class Topic(models.Model):
    """A core learning topic (000 p.108: attachment, trauma responsive care, children's rights).

    The same for every partnership, so gap figures compare; created by a data migration.
    """

    key = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=120)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class RoleRequirement(PartnershipOwned):
    """The core topics a role profile requires (kept as its own row so history is simple)."""

    partnership_from = "role_profile"

    role_profile = models.ForeignKey(
        RoleProfile, on_delete=models.CASCADE, related_name="requirements"
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="requirements")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["role_profile", "topic"], name="role_topic_unique")
        ]

    def __str__(self):
        return f"{self.role_profile}: {self.topic}"


class ActivityKind(models.TextChoices):
    COURSE = "course", "Course"
    ELEARNING = "elearning", "E-learning module"
    QUALIFICATION = "qualification", "Qualification"
    COACHING = "coaching", "Coaching"
    MULTIDISCIPLINARY = "multidisciplinary", "Shared multidisciplinary learning"
    WITH_CARERS = "with_carers", "Learning with family carers"


class LearningActivity(PartnershipOwned):
    """Something in the partnership's learning catalogue."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="learning_activities"
    )
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=ActivityKind.choices)
    nes_level = models.PositiveSmallIntegerField(
        "NES trauma practice level",
        choices=NESLevel.choices,
        null=True,
        blank=True,
        help_text="Leave empty when this learning is not part of the NES trauma framework.",
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="activities")
    provider = models.CharField(max_length=200, blank=True)
    hours = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    refresh_months = models.PositiveSmallIntegerField(
        "refresh every (months)",
        null=True,
        blank=True,
        help_text="Leave empty when this learning does not need refreshing.",
    )
    description = models.TextField(blank=True)
    is_active = models.BooleanField("offered now", default=True)

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "learning activities"
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "title"], name="activity_title_unique_in_partnership"
            )
        ]

    def __str__(self):
        return self.title

    def expiry_for(self, completed_on: date | None) -> date | None:
        if completed_on is None or not self.refresh_months:
            return None
        return add_months(completed_on, self.refresh_months)


def completed_in_the_future(day: date | None, today: date | None = None) -> bool:
    """Learning cannot have been completed after today (9999-12-31 would also break expiry)."""
    return day is not None and day > (today or date.today())


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the last day of the month when it has fewer days)."""
    from calendar import monthrange

    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


class LearningQuerySet(PartnershipQuerySet):
    """Learning records and recognitions: deleting or updating many rewrites the summaries
    of the people concerned, in the same transaction (saves do it through signals)."""

    def _people(self):
        return set(self.order_by().values_list("partnership_id", "person_id").distinct())

    def _refresh(self, people):
        from . import summaries

        by_partnership = {}
        for partnership_id, person_id in people:
            by_partnership.setdefault(partnership_id, set()).add(person_id)
        for partnership_id, person_ids in by_partnership.items():
            summaries.refresh_people(partnership_id, person_ids)

    def delete(self):
        with transaction.atomic(using=self.db):
            people = self._people()
            deleted = super().delete()
            self._refresh(people)
        return deleted

    delete.alters_data = True
    delete.queryset_only = True

    def update(self, **kwargs):
        with transaction.atomic(using=self.db):
            people = self._people()
            updated = super().update(**kwargs)
            self._refresh(people | self._people())
        return updated

    update.alters_data = True


class RecordStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"


class LearningRecord(PartnershipOwned):
    """One person's learning: planned, in progress or completed (expired is worked out)."""

    partnership_from = "person"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="learning_records")
    activity = models.ForeignKey(LearningActivity, on_delete=models.PROTECT, related_name="records")
    status = models.CharField(max_length=20, choices=RecordStatus.choices)
    completed_on = models.DateField(null=True, blank=True)
    # Kept with the record so that gap figures are one indexed comparison.
    expires_on = models.DateField(null=True, blank=True, editable=False)
    notes = models.TextField(blank=True)
    endorsed_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="endorsements"
    )
    endorsed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = LearningQuerySet.as_manager()

    class Meta:
        ordering = ["-completed_on", "-pk"]
        indexes = [
            models.Index(fields=["person", "status", "expires_on"]),
            # "Was this renewed?" looks up one person's records of one activity.
            models.Index(fields=["person", "activity", "status"]),
            models.Index(fields=["activity", "status"]),
        ]

    def __str__(self):
        return f"{self.activity} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        self.expires_on = self.activity.expiry_for(
            self.completed_on if self.status == RecordStatus.COMPLETED else None
        )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        from . import summaries

        with transaction.atomic():
            deleted = super().delete(*args, **kwargs)
            summaries.refresh_people(self.partnership_id, [self.person_id])
        return deleted

    def is_expired(self, on: date | None = None) -> bool:
        on = on or date.today()
        return self.expires_on is not None and self.expires_on <= on

    def shown_status(self, on: date | None = None) -> str:
        """Status as people read it: a completed record past its refresh date is expired."""
        if self.status == RecordStatus.COMPLETED and self.is_expired(on):
            return "Expired"
        return self.get_status_display()


class LearningEvidence(PartnershipOwned):
    """A certificate or other proof, kept in the database so it is never publicly served."""

    partnership_from = "record"

    record = models.ForeignKey(LearningRecord, on_delete=models.CASCADE, related_name="evidence")
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    data = models.BinaryField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.filename


class RecognitionKind(models.TextChoices):
    PRIOR_LEARNING = "prior_learning", "Recognition of prior learning"
    LIVED_EXPERIENCE = "lived_experience", "Recognition of lived experience"


class Recognition(PartnershipOwned):
    """A learning lead's decision that someone already meets a level or topic, with reasons."""

    partnership_from = "person"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="recognitions")
    kind = models.CharField(max_length=30, choices=RecognitionKind.choices)
    nes_level = models.PositiveSmallIntegerField(
        "NES level recognised", choices=NESLevel.choices, null=True, blank=True
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="recognitions", verbose_name="topics recognised"
    )
    reasons = models.TextField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="recognitions_decided"
    )
    decided_on = models.DateField()
    valid_until = models.DateField(
        null=True, blank=True, help_text="Leave empty when the recognition does not lapse."
    )

    objects = LearningQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_on", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.person}"

    def delete(self, *args, **kwargs):
        from . import summaries

        with transaction.atomic():
            deleted = super().delete(*args, **kwargs)
            summaries.refresh_people(self.partnership_id, [self.person_id])
        return deleted


# History and privacy ------------------------------------------------------------


class TeamMembership(PartnershipOwned):
    """Which team someone was in, and when: moving on keeps the history."""

    partnership_from = "person"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-started_on", "-pk"]

    def __str__(self):
        return f"{self.person} in {self.team.name} from {self.started_on}"


class LivedExperience(PartnershipOwned):
    """A self-declared lived experience of care: seen only by the person and whom they choose."""

    partnership_from = "person"

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="lived_experience")
    statement = models.TextField(
        "what you would like to say about your experience of care",
        blank=True,
    )
    shared_with = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="lived_experiences_shared"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Lived experience of {self.person}"


# Imports ----------------------------------------------------------------------------


class ImportJob(PartnershipOwned):
    class Kind(models.TextChoices):
        PEOPLE = "people", "People (roster)"
        LEARNING = "learning", "Learning records"

    class Status(models.TextChoices):
        CHECKING = "checking", "Checking rows"
        CHECKED = "checked", "Checked, waiting for you to confirm"
        SAVING = "saving", "Saving"
        DONE = "done", "Saved"
        FAILED = "failed", "Could not be used"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    filename = models.CharField(max_length=200)
    data = models.BinaryField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CHECKING)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list)  # [{"row": 3, "message": "..."}]
    notes = models.JSONField(default=list)  # skipped empty rows and the like
    preview = models.JSONField(default=list)  # the first rows as they will be saved
    summary = models.JSONField(default=dict)  # {"created": n, "updated": n, "unchanged": n}
    # When the worker last showed it was alive on this job (start, progress, end).
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} from {self.filename}"

    @property
    def percent(self) -> int:
        if not self.total_rows:
            return 0
        return min(100, round(100 * self.processed_rows / self.total_rows))

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.CHECKING, self.Status.SAVING)

    WORKER_GRACE_SECONDS = 60

    @property
    def waiting_for_worker(self) -> bool:
        """Still untouched a minute after upload: no background worker has picked it up."""
        if self.status != self.Status.CHECKING or self.total_rows or self.processed_rows:
            return False
        waited = (timezone.now() - self.created_at).total_seconds()
        return waited > self.WORKER_GRACE_SECONDS


# Summaries ----------------------------------------------------------------------------
# Kept by summaries.py in the same transaction as every write to learning, so that gap
# figures are column comparisons rather than searches through every learning record.

NEVER = date(9999, 12, 31)  # an "until" that never comes: learning that does not lapse


class LearningSummary(PartnershipOwned):
    """One person's learning as dates, so any day's figures are column comparisons.

    ``level_n_until`` is the day until which the person holds NES level n *or above*
    (levels are cumulative), by learning or recognition: empty when never held, NEVER when
    it does not lapse. ``first_lapse`` is the earliest day on which any of their learning
    lapses unrenewed (see LearningLapse). The dates are right for any day on or after
    ``latest_start`` (the latest completion or decision date); for an earlier day the
    figures fall back to the records themselves.
    """

    partnership_from = "person"

    person = models.OneToOneField(
        Person, on_delete=models.CASCADE, primary_key=True, related_name="learning_summary"
    )
    latest_start = models.DateField()
    level_1_until = models.DateField(null=True)
    level_2_until = models.DateField(null=True)
    level_3_until = models.DateField(null=True)
    level_4_until = models.DateField(null=True)
    first_lapse = models.DateField(null=True)


class TopicHeld(PartnershipOwned):
    """Until when a person holds a topic, by learning that teaches it or by recognition."""

    partnership_from = "person"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="topics_held")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    until = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "topic"], name="topic_held_unique")
        ]
        indexes = [models.Index(fields=["person", "topic", "until"])]


class LearningLapse(PartnershipOwned):
    """The day a person's latest learning of one activity lapses (only learning that does)."""

    partnership_from = "person"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="lapses")
    activity = models.ForeignKey(LearningActivity, on_delete=models.CASCADE, related_name="+")
    lapses_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "activity"], name="lapse_unique")]
        indexes = [
            models.Index(fields=["person", "lapses_on"]),
            models.Index(fields=["partnership", "lapses_on"]),
        ]
