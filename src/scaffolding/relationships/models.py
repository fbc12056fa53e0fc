"""The people who matter to each young person, kept through moves and people moving on.

The Promise: "Children who have been harmed through relationships must have
supportive relationships in order to heal" (000). Nothing here is silently
dropped: a person who no longer matters in the same way is ended and kept as
former; a worker removed from the register stays on the list by name.

Words: time together is "family time" or "time with ..." — never 'contact'.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from scaffolding.core.tenancy import PartnershipOwned, PartnershipQuerySet
from scaffolding.voice.models import WorkerLink, YoungPerson
from scaffolding.workforce.models import Person


class Kind(models.TextChoices):
    SIBLING = "sibling", "Brother or sister"
    PARENT = "parent", "Parent"
    GRANDPARENT = "grandparent", "Grandparent"
    AUNTIE_UNCLE = "auntie_uncle", "Auntie or uncle"
    FRIEND = "friend", "Friend"
    FORMER_CARER = "former_carer", "Someone who used to look after me"
    WORKER = "worker", "A worker (now or before)"
    TEACHER = "teacher", "Teacher"
    COACH = "coach", "Coach or club leader"
    PET = "pet", "Pet"
    OTHER = "other", "Someone else"


FAMILY = {Kind.SIBLING, Kind.PARENT, Kind.GRANDPARENT, Kind.AUNTIE_UNCLE}


class Wants(models.TextChoices):
    """What the young person wants; "the same" is counted as seeing them as often as they want."""

    MORE = "more", "More time together"
    SAME = "same", "The same as now"
    LESS = "less", "Less time together"
    NOT_NOW = "not_now", "Not now"


class PersonWhoMattersQuerySet(PartnershipQuerySet):
    def current(self):
        return self.filter(ended_at__isnull=True)

    def former(self):
        return self.filter(ended_at__isnull=False)


class PersonWhoMatters(PartnershipOwned):
    """Someone (or a pet) who matters to a young person, in the young person's words."""

    # Not counted by the language indicator: often the young person's own words.
    partnership_from = "young_person"

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.CASCADE, related_name="people_who_matter"
    )
    name = models.CharField("name", max_length=150)
    kind = models.CharField("who they are to you", max_length=20, choices=Kind.choices)
    # A worker past or present from the register. SET_NULL and the name kept: a person
    # removed from the register stays on the young person's list as a former worker.
    worker = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mattering_to",
    )
    # For brothers and sisters: do they live together, and if not, the recorded reason.
    lives_together = models.BooleanField("do you live together?", null=True, blank=True)
    apart_reason = models.TextField("why you live apart", blank=True)
    wants = models.CharField(
        "what you want", max_length=10, choices=Wants.choices, blank=True, default=""
    )
    how_often = models.CharField("how often you see them", max_length=200, blank=True)
    who_helps = models.CharField("who helps make it happen", max_length=200, blank=True)
    added_at = models.DateTimeField(default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    # Ended, never deleted: kept as former.
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_reason = models.CharField("why", max_length=300, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = PersonWhoMattersQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name_plural = "people who matter"
        indexes = [
            models.Index(fields=["young_person", "ended_at"]),
            models.Index(fields=["partnership", "kind", "ended_at"]),
            # Covers the partnership's brothers-and-sisters counts (figures, the siblings
            # page): read from the index alone, never the 15-a-young-person rows.
            models.Index(
                fields=[
                    "partnership",
                    "kind",
                    "lives_together",
                    "young_person",
                    "wants",
                    "added_at",
                    "ended_at",
                ],
                name="pwm_sibling_counts",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_current(self) -> bool:
        return self.ended_at is None

    @property
    def time_words(self) -> str:
        """How time together is named: "Family time" with family, else "Time with ..."."""
        if self.kind in FAMILY:
            return f"Family time with {self.name}"
        return f"Time with {self.name}"

    @property
    def is_brother_or_sister(self) -> bool:
        return self.kind == Kind.SIBLING


class TimeTogether(PartnershipOwned):
    """Family time, or time with someone who matters: when, what, and a note."""

    partnership_from = "young_person"

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.CASCADE, related_name="times_together"
    )
    with_whom = models.ForeignKey(
        PersonWhoMatters, on_delete=models.CASCADE, related_name="times_together"
    )
    on = models.DateField("date")
    what = models.CharField("what you did", max_length=200)
    notes = models.TextField("anything else", blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-on", "-pk"]
        verbose_name = "time together"
        verbose_name_plural = "times together"
        indexes = [
            models.Index(fields=["young_person", "on"]),
            models.Index(fields=["with_whom", "on"]),
        ]

    def __str__(self):
        return f"Time with {self.with_whom.name} on {self.on:%d %B %Y}"

    def save(self, *args, **kwargs):
        if self.with_whom_id and self.young_person_id is None:
            self.young_person_id = self.with_whom.young_person_id
        super().save(*args, **kwargs)


class Settings(PartnershipOwned):
    """What the partnership sets for relationships: how soon an emergency move is reviewed."""

    emergency_review_days = models.PositiveSmallIntegerField(
        "review an emergency move within (days)", default=7
    )

    class Meta:
        verbose_name = "relationships settings"
        verbose_name_plural = "relationships settings"
        constraints = [
            models.UniqueConstraint(fields=["partnership"], name="one_relationships_settings")
        ]


DEFAULT_EMERGENCY_REVIEW_DAYS = 7


class MoveQuerySet(PartnershipQuerySet):
    def emergency(self):
        return self.filter(kind=Move.Kind.EMERGENCY)

    def review_open(self):
        return self.emergency().filter(reviewed_on__isnull=True)


class Move(PartnershipOwned):
    """A move of home, recorded as a planned transition (Care 5, Care 6).

    A planned move is saved only with its plan. An emergency move may be saved
    with the plan still to come by a date, and is flagged for review within the
    partnership's set number of days.
    """

    language_checked_fields = ["how_told", "what_they_wanted", "moving_with", "belongings"]
    language_date_field = "moved_on"

    class Kind(models.TextChoices):
        PLANNED = "planned", "Planned"
        EMERGENCY = "emergency", "Emergency (not planned)"

    partnership_from = "young_person"

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="moves")
    kind = models.CharField("kind of move", max_length=10, choices=Kind.choices)
    moved_on = models.DateField("date of the move")
    from_home = models.CharField("moving from", max_length=200, blank=True)
    to_home = models.CharField("moving to", max_length=200, blank=True)
    # The plan: how and when the young person was told, and what they wanted.
    told_on = models.DateField("when they were told", null=True, blank=True)
    how_told = models.TextField("how they were told", blank=True)
    what_they_wanted = models.TextField("what they wanted", blank=True)
    moving_with = models.TextField("who moves with them", blank=True)
    belongings = models.TextField("belongings that move with them", blank=True)
    pets = models.CharField("pets that move with them", max_length=300, blank=True)
    school = models.CharField("school", max_length=300, blank=True)
    plan_recorded_at = models.DateTimeField(null=True, blank=True)
    # An emergency move: the plan to follow by this date, and a review by this date.
    plan_due_by = models.DateField("plan due by", null=True, blank=True)
    review_due_by = models.DateField("review due by", null=True, blank=True)
    reviewed_on = models.DateField("reviewed on", null=True, blank=True)
    review_notes = models.TextField("what the review found", blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = MoveQuerySet.as_manager()

    class Meta:
        ordering = ["-moved_on", "-pk"]
        indexes = [
            models.Index(fields=["young_person", "moved_on"]),
            models.Index(fields=["partnership", "moved_on"]),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} move on {self.moved_on:%d %B %Y}"

    @property
    def has_plan(self) -> bool:
        return self.plan_recorded_at is not None

    @property
    def review_overdue(self) -> bool:
        return (
            self.kind == self.Kind.EMERGENCY
            and self.reviewed_on is None
            and self.review_due_by is not None
            and self.review_due_by < timezone.localdate()
        )

    @property
    def plan_overdue(self) -> bool:
        return (
            not self.has_plan
            and self.plan_due_by is not None
            and self.plan_due_by < timezone.localdate()
        )

    def review_due_from(self, days: int):
        return self.moved_on + timedelta(days=days)


class KeptRelationship(PartnershipOwned):
    """A relationship kept through a move, and how."""

    partnership_from = "move"

    move = models.ForeignKey(Move, on_delete=models.CASCADE, related_name="kept")
    person = models.ForeignKey(PersonWhoMatters, on_delete=models.CASCADE, related_name="kept_in")
    how = models.CharField("how it is kept", max_length=300)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["move", "person"], name="kept_once_per_move")
        ]

    def __str__(self):
        return f"{self.person.name}: {self.how}"


class StayingInTouchPlan(PartnershipOwned):
    """When a worker or carer moves on: how the young person's relationship with them continues.

    Created by the register trigger for each young person linked to them, assigned to
    that person's supervisor, open until agreed.
    """

    language_checked_fields = ["what_they_want", "how_it_continues"]

    class Reason(models.TextChoices):
        MOVED_ON = "moved_on", "Moving on"
        TEAM_CHANGE = "team_change", "Changing team"

    class Status(models.TextChoices):
        OPEN = "open", "To agree"
        AGREED = "agreed", "Agreed"

    partnership_from = "young_person"

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.CASCADE, related_name="staying_in_touch_plans"
    )
    # SET_NULL and the name kept: the plan outlives the register entry.
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staying_in_touch_plans",
    )
    person_name = models.CharField("moving on", max_length=200)
    link = models.ForeignKey(
        WorkerLink, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(max_length=20, choices=Reason.choices)
    moving_on_date = models.DateField(null=True, blank=True)
    assigned_to = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staying_in_touch_to_agree",
    )
    what_they_want = models.TextField("what the young person wants", blank=True)
    how_it_continues = models.TextField("how the relationship continues", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    agreed_at = models.DateTimeField(null=True, blank=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["assigned_to", "status"]),
            models.Index(fields=["partnership", "created_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["young_person", "person"],
                condition=models.Q(status="open"),
                name="one_open_staying_in_touch_plan",
            )
        ]

    def __str__(self):
        return f"Staying in touch: {self.young_person} and {self.person_name}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class LocalPolicy(PartnershipOwned):
    """A local policy or guidance that affects relationships (001 Ongoing Relationships)."""

    class Stance(models.TextChoices):
        ENABLING = "enabling", "Enabling"
        CONDITIONAL = "conditional", "Conditional"
        BLANKET_BAN = "blanket_ban", "Blanket ban"

    title = models.CharField(max_length=200)
    covers = models.TextField("what it covers")
    stance = models.CharField("effect on relationships", max_length=20, choices=Stance.choices)
    review_on = models.DateField("review date")
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "local policies"
        indexes = [models.Index(fields=["partnership", "stance"])]

    def __str__(self):
        return self.title

    @property
    def is_blanket_ban(self) -> bool:
        return self.stance == self.Stance.BLANKET_BAN
