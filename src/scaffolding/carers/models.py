"""Family carers decide everyday things: delegated authority, asks, "Can I...?" and short breaks.

"Family Carer roles must be able to make decisions on all the usual aspects of
parenting within previously agreed parameters rather than having to seek
individual permissions on every occasion" (The Promise p.105).

An agreement is never edited: a new version supersedes it and the old one stays
readable. An ask has a clock in working days; a "Can I...?" decision records the
young person's view first and is backed by the partnership when made properly.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from scaffolding.core.tenancy import PartnershipOwned, PartnershipQuerySet
from scaffolding.relationships.models import PersonWhoMatters
from scaffolding.supervision.models import Session
from scaffolding.voice.models import YoungPerson
from scaffolding.workforce.models import Person


class Area(models.TextChoices):
    """The everyday areas every agreement lists; partnerships add their own as local areas."""

    SLEEPOVERS = "sleepovers", "Sleepovers with friends"
    SCHOOL_TRIPS = "school_trips", "School trips"
    HAIRCUTS = "haircuts", "Haircuts"
    HOLIDAYS_HOME = "holidays_home", "Holidays at home"
    HOLIDAYS_ABROAD = "holidays_abroad", "Holidays abroad"
    PHONE = "phone", "Phone and social media"
    PHOTOS = "photos", "Photos online"
    HEALTH = "health", "Routine health and dental appointments"
    FAITH = "faith", "Faith"
    SCHOOL_EVENTS = "school_events", "School events"
    PART_TIME_WORK = "part_time_work", "Part-time work"
    LOCAL = "local", "Local addition"


STANDARD_AREAS = [choice for choice in Area if choice != Area.LOCAL]


class Who(models.TextChoices):
    CARER = "carer", "Carer decides"
    WITHIN_LIMITS = "within_limits", "Carer decides within limits"
    ASK = "ask", "Ask a named person"


DELEGATED = (Who.CARER, Who.WITHIN_LIMITS)


class AgreementQuerySet(PartnershipQuerySet):
    def in_force(self):
        return self.filter(status=Agreement.Status.IN_FORCE)


class Agreement(PartnershipOwned):
    """One version of what a young person's family carers may decide."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_FORCE = "in_force", "In force"
        SUPERSEDED = "superseded", "Replaced by a newer version"

    partnership_from = "young_person"

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.CASCADE, related_name="carer_agreements"
    )
    version = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    carers = models.ManyToManyField(Person, related_name="carer_agreements")
    young_person_view = models.TextField("the young person's view", blank=True)
    review_on = models.DateField("review by")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    in_force_at = models.DateTimeField(null=True, blank=True)
    # A version never changes once saved, so its counts are kept with it for the figures.
    areas_listed = models.PositiveSmallIntegerField(default=0)
    areas_delegated = models.PositiveSmallIntegerField(default=0)
    superseded_at = models.DateTimeField(null=True, blank=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["young_person", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["young_person", "version"], name="one_agreement_per_version"
            ),
            models.UniqueConstraint(
                fields=["young_person"],
                condition=models.Q(status="in_force"),
                name="one_agreement_in_force",
            ),
        ]
        indexes = [
            models.Index(fields=["partnership", "status"]),
            models.Index(fields=["partnership", "young_person"]),
        ]

    def __str__(self):
        return f"Agreement {self.version} for {self.young_person}"


class AreaRule(PartnershipOwned):
    """One everyday area in one version: who decides, within what limits, or whom to ask."""

    partnership_from = "agreement"

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="rules")
    area = models.CharField(max_length=30, choices=Area.choices)
    label = models.CharField(max_length=120)
    who = models.CharField("who decides", max_length=20, choices=Who.choices)
    limits = models.TextField(blank=True)
    ask_person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answer_within_days = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.label

    @property
    def delegated(self) -> bool:
        return self.who in DELEGATED

    def describe(self) -> str:
        if self.who == Who.CARER:
            return "Carer decides"
        if self.who == Who.WITHIN_LIMITS:
            return f"Carer decides within these limits: {self.limits}"
        return (
            f"Ask {self.ask_person}, who answers within "
            f"{self.answer_within_days} working day{'s' if self.answer_within_days != 1 else ''}"
        )


class AgreedBy(PartnershipOwned):
    """Who agreed a version, in which capacity, and when."""

    class Capacity(models.TextChoices):
        CARER = "carer", "Family carer"
        SOCIAL_WORKER = "social_worker", "Social worker"
        PARENTAL_RESPONSIBILITY = "parental_responsibility", "Has parental responsibility"

    partnership_from = "agreement"

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="agreed_by")
    capacity = models.CharField(max_length=30, choices=Capacity.choices)
    name = models.CharField(max_length=200)
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    agreed_on = models.DateField()

    class Meta:
        ordering = ["capacity", "agreed_on"]

    def __str__(self):
        return f"{self.name} ({self.get_capacity_display()}) on {self.agreed_on:%-d %B %Y}"


class AskQuerySet(PartnershipQuerySet):
    def open(self):
        return self.exclude(status=Ask.Status.ANSWERED)


class Ask(PartnershipOwned):
    """A carer asks about something they may not decide; the named person answers in time."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting for an answer"
        ESCALATED = "escalated", "Passed to their supervisor"
        ANSWERED = "answered", "Answered"

    class Answer(models.TextChoices):
        YES = "yes", "Yes"
        YES_IF = "yes_if", "Yes, with conditions"
        NOT_NOW = "not_now", "Not this time"

    partnership_from = "young_person"

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="asks")
    agreement = models.ForeignKey(
        Agreement, on_delete=models.SET_NULL, null=True, blank=True, related_name="asks"
    )
    area = models.CharField(max_length=30, choices=Area.choices)
    area_label = models.CharField(max_length=120)
    question = models.TextField("what are you asking?")
    asked_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="asks_made")
    asked_at = models.DateTimeField(default=timezone.now)
    named_person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="asks_to_answer"
    )
    answer_within_days = models.PositiveSmallIntegerField()
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WAITING)
    reminded_at = models.DateTimeField(null=True, blank=True)
    escalated_to = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="asks_escalated"
    )
    escalated_at = models.DateTimeField(null=True, blank=True)
    answer = models.CharField(max_length=20, choices=Answer.choices, blank=True)
    answer_text = models.TextField("the answer, in words", blank=True)
    answered_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="asks_answered"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    # Kept when answered, so the figures count rows instead of converting dates.
    working_days_to_answer = models.PositiveSmallIntegerField(null=True, blank=True)
    answered_in_time = models.BooleanField(null=True, blank=True)

    objects = AskQuerySet.as_manager()

    class Meta:
        ordering = ["-asked_at"]
        # Each list filters by partnership and one person or young person: lead with both.
        indexes = [
            models.Index(fields=["partnership", "status"]),
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["partnership", "asked_by", "status"]),
            models.Index(fields=["partnership", "named_person", "status"]),
            models.Index(fields=["partnership", "escalated_to", "status"]),
            models.Index(fields=["partnership", "young_person"]),
        ]

    def __str__(self):
        return f"{self.area_label}: {self.question[:60]}"

    def where(self) -> str:
        """Where the ask is, in plain words for the carer."""
        if self.status == self.Status.ANSWERED:
            return f"Answered by {self.answered_by}: {self.get_answer_display().lower()}"
        if self.status == self.Status.ESCALATED:
            return (
                f"Not answered in time, so passed to {self.escalated_to}, "
                f"{self.named_person}'s supervisor"
            )
        return f"With {self.named_person}, who answers by {self.due_on:%A %-d %B}"


class Decision(PartnershipOwned):
    """A "Can I...?" decision: the young person's view first, then family, workers last."""

    class Outcome(models.TextChoices):
        YES = "yes", "Yes"
        YES_IF = "yes_if", "Yes, with what makes it safer"
        NOT_NOW = "not_now", "Not this time"

    class Worry(models.TextChoices):
        ORDINARY = "ordinary", "Ordinary growing up"
        CRISIS = "crisis", "A risk of crisis"
        NONE = "none", "Nothing worries us"

    partnership_from = "young_person"

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.CASCADE, related_name="carer_decisions"
    )
    agreement = models.ForeignKey(
        Agreement, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    ask = models.OneToOneField(
        Ask, on_delete=models.SET_NULL, null=True, blank=True, related_name="decision"
    )
    area = models.CharField(max_length=30, choices=Area.choices)
    area_label = models.CharField(max_length=120)
    wants = models.TextField("what they want to do")
    young_person_view = models.TextField("what the young person says")
    friends_do = models.TextField("what friends their age do", blank=True)
    good_about_it = models.TextField("what is good about it", blank=True)
    worries = models.TextField("what worries people", blank=True)
    worry_kind = models.CharField(
        "is the worry about", max_length=20, choices=Worry.choices, default=Worry.ORDINARY
    )
    safer = models.TextField("what would make it safer", blank=True)
    carer_view = models.TextField("the carer's view", blank=True)
    family_view = models.TextField("the family's view", blank=True)
    workers_view = models.TextField("the workers' view", blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    outcome_detail = models.TextField("the decision, in words", blank=True)
    decided_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    delegated = models.BooleanField("decided by the carer under the agreement", default=False)
    backed = models.BooleanField("backed by the partnership", default=False)
    started_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    # Whole days from starting the "Can I...?" to its decision, kept for the figures.
    days_to_decide = models.PositiveIntegerField(null=True, blank=True)
    look_again_on = models.DateField("look again on", null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    went_wrong = models.TextField("what happened", blank=True)
    debrief_session = models.ForeignKey(
        Session, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    debrief_asked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["partnership", "outcome"]),
            models.Index(fields=["partnership", "young_person"]),
        ]

    def __str__(self):
        return f"Can {self.young_person} {self.wants[:60]}?"

    @property
    def decided(self) -> bool:
        return bool(self.outcome)


class ShortBreak(PartnershipOwned):
    """A short break or sleepover for a young person, or a family carer's own time away."""

    class Kind(models.TextChoices):
        SHORT_BREAK = "short_break", "Short break"
        SLEEPOVER = "sleepover", "Sleepover"
        TIME_AWAY = "time_away", "Carer's own time away"

    partnership_from = "carer"

    carer = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="short_breaks")
    young_person = models.ForeignKey(
        YoungPerson,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="short_breaks",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # Someone from the young person's people who matter, or a name for someone new.
    person_who_matters = models.ForeignKey(
        PersonWhoMatters,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="short_breaks",
        verbose_name="someone from the young person's people who matter",
    )
    with_name = models.CharField("who with", max_length=200, blank=True)
    knows_already = models.BooleanField("someone the young person already knows", default=False)
    young_person_say = models.TextField("what the young person says", blank=True)
    starts_on = models.DateField("from")
    ends_on = models.DateField("until")
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-starts_on"]
        indexes = [
            models.Index(fields=["partnership", "kind"]),
            models.Index(fields=["partnership", "carer", "ends_on"]),
            models.Index(fields=["partnership", "young_person"]),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} from {self.starts_on:%-d %B %Y}"
