"""Supervision and reflective practice: sessions, agreements, groups, reflections, check-ins.

"Reflective practice (coaching, mentoring, and supervision) must include things
that matter to children ... This must emphasise support for the worker and their
relationship with the child over evaluation of performance" (The Promise p.100).
Nothing here grades a worker.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from scaffolding.core.tenancy import PartnershipOwned
from scaffolding.workforce.models import Person


class SessionKind(models.TextChoices):
    ONE_TO_ONE = "one_to_one", "One-to-one supervision"
    GROUP = "group", "Group reflective practice"
    COACHING = "coaching", "Coaching"
    MENTORING = "mentoring", "Mentoring"
    PEER_SUPPORT = "peer_support", "Peer support"
    DEBRIEF = "debrief", "Debrief after a hard day or event"


# Regular supervision rhythm: these kinds keep someone within their cadence.
# Peer support and debriefs matter, but do not replace regular supervision.
CADENCE_KINDS = (
    SessionKind.ONE_TO_ONE,
    SessionKind.GROUP,
    SessionKind.COACHING,
    SessionKind.MENTORING,
)


class Theme(models.TextChoices):
    FEELING_LOVED = "feeling_loved", "How loved the children feel"
    RIGHTS = "rights", "How children's rights are upheld"
    STIGMA = "stigma", "Reducing stigma"
    RELATIONSHIPS = "relationships", "Relationships that matter to children"
    ORDINARY_CHILDHOOD = "ordinary_childhood", "Ordinary childhood experiences and sensible risk"
    WELLBEING = "wellbeing", "My wellbeing"
    WORKLOAD = "workload", "Workload"
    SECONDARY_TRAUMA = "secondary_trauma", "The secondary effects of trauma"
    SUPPORT_NEEDED = "support_needed", "Support I need"
    LEARNING = "learning", "Learning and development"


# Prompts offered on the record form: (key, label, hint). Each answer is optional.
CHILD_PROMPTS = [
    ("feeling_loved", "How loved do the children feel?", "What tells you they feel loved?"),
    ("rights", "How are their rights being upheld?", "Where are they heard, or not yet?"),
    ("stigma", "How is stigma being reduced?", "Words, places and routines that single out."),
    (
        "relationships",
        "Which relationships matter to them?",
        "Brothers and sisters, family, friends, people who have been there for them.",
    ),
    (
        "ordinary_childhood",
        "Ordinary childhood experiences and sensible risk",
        "Sleepovers, clubs, trips: what helps them do what their friends do?",
    ),
]
WORKER_PROMPTS = [
    ("wellbeing", "How are you?", "Your own wellbeing, in your own words."),
    ("workload", "How is your workload?", "What feels manageable, and what does not?"),
    (
        "secondary_trauma",
        "The effects of the work on you",
        "What you carry from working with children who have experienced trauma.",
    ),
    ("support_needed", "What support do you need?", "From your supervisor, team or organisation."),
]
PROMPT_KEYS = [key for key, _, _ in CHILD_PROMPTS + WORKER_PROMPTS]


class Session(PartnershipOwned):
    """A supervision or reflective practice session; its record is shared by those who took part."""

    # Counted (never stored) for the language indicator; see scaffolding.language.indicator.
    language_checked_fields = ["summary"]
    language_date_field = "held_on"

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        DRAFT = "draft", "Draft record"
        AGREED = "agreed", "Agreed by everyone"
        CANCELLED = "cancelled", "Did not happen"

    kind = models.CharField(max_length=20, choices=SessionKind.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    held_on = models.DateField("date")
    start_time = models.TimeField("start time", null=True, blank=True)
    length_minutes = models.PositiveSmallIntegerField("length (minutes)", default=60)
    location = models.CharField("where", max_length=200, blank=True)
    # SET_NULL: the record stays with those who took part if a facilitator is removed.
    facilitator = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        related_name="facilitated_sessions",
    )
    group = models.ForeignKey(
        "ReflectiveGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
    )
    summary = models.TextField("shared summary", blank=True)
    prompt_notes = models.JSONField(default=dict, blank=True)
    themes = models.JSONField(default=list, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [
            models.Index(fields=["partnership", "held_on"]),
            models.Index(fields=["status", "held_on"]),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.held_on.day} {self.held_on:%B %Y}"

    def theme_labels(self):
        labels = dict(Theme.choices)
        return [labels.get(theme, theme) for theme in self.themes]


class Attendance(PartnershipOwned):
    """Who took part in a session (besides the facilitator)."""

    partnership_from = "session"

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendances")
    attended = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="attendance_once")
        ]
        indexes = [models.Index(fields=["person", "attended"])]

    def __str__(self):
        return f"{self.person} at {self.session}"


class SignOff(PartnershipOwned):
    """One person agreeing one version of a session record."""

    partnership_from = "session"

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="sign_offs")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField()
    agreed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person", "version"], name="sign_off_once_per_version"
            )
        ]

    def __str__(self):
        return f"{self.person} agreed version {self.version}"


class SessionVersion(PartnershipOwned):
    """An earlier agreed version of a session record, kept when it is changed."""

    partnership_from = "session"

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    snapshot = models.JSONField()
    replaced_at = models.DateTimeField(default=timezone.now)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["session", "version"], name="session_version_once")
        ]

    def __str__(self):
        return f"Version {self.version} of {self.session}"


class SupportAction(PartnershipOwned):
    """Something agreed in a session to support the worker or the children they care for."""

    partnership_from = "session"

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(max_length=300)
    owner = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, related_name="support_actions"
    )
    due_on = models.DateField("due by", null=True, blank=True)
    done = models.BooleanField(default=False)

    class Meta:
        ordering = ["done", "due_on", "pk"]

    def __str__(self):
        return self.description


class Agreement(PartnershipOwned):
    """How a supervisee and supervisor will work together."""

    # Counted (never stored) for the language indicator; see scaffolding.language.indicator.
    language_checked_fields = [
        "supervisee_brings",
        "supervisor_brings",
        "disagreements",
        "personal_matters",
    ]
    language_date_field = "starts_on"

    supervisee = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="agreements")
    supervisor = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="agreements_as_supervisor"
    )
    frequency = models.CharField("how often we meet", max_length=200)
    location = models.CharField("where we meet", max_length=200)
    length_minutes = models.PositiveSmallIntegerField("how long (minutes)", default=60)
    supervisee_brings = models.TextField("what the supervisee brings")
    supervisor_brings = models.TextField("what the supervisor brings")
    disagreements = models.TextField("how we handle disagreements")
    personal_matters = models.TextField(
        "how personal matters are kept apart from decisions about practice"
    )
    starts_on = models.DateField("agreed from", default=timezone.localdate)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on", "-pk"]

    def __str__(self):
        return f"Supervision agreement: {self.supervisee} and {self.supervisor}"


class ReflectiveGroup(PartnershipOwned):
    """A standing reflective practice group, for example a forum for residential care staff."""

    name = models.CharField(max_length=200)
    purpose = models.TextField(blank=True)
    facilitator = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, related_name="facilitated_groups"
    )
    members = models.ManyToManyField(Person, related_name="reflective_groups")
    rhythm_days = models.PositiveSmallIntegerField("meets every (days)", default=28)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="group_name_unique")
        ]

    def __str__(self):
        return self.name


class Reflection(PartnershipOwned):
    """A worker's private reflection: theirs alone unless they share this one entry."""

    author = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="reflections")
    text = models.TextField("your reflection")
    shared_with_supervisor = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Reflection {self.pk}"


class CheckIn(PartnershipOwned):
    """A short wellbeing check-in by the worker, for themselves first."""

    class Scale(models.IntegerChoices):
        VERY_LOW = 1, "Struggling"
        LOW = 2, "Not great"
        OK = 3, "Okay"
        GOOD = 4, "Good"
        VERY_GOOD = 5, "Very good"

    class Workload(models.IntegerChoices):
        TOO_MUCH = 1, "Far too much"
        A_LOT = 2, "More than I can manage well"
        MANAGEABLE = 3, "Manageable"
        COMFORTABLE = 4, "Comfortable"

    class Supported(models.IntegerChoices):
        NO = 0, "No"
        PARTLY = 1, "Partly"
        YES = 2, "Yes"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="check_ins")
    checked_on = models.DateField(default=timezone.localdate)
    feeling = models.PositiveSmallIntegerField("how am I?", choices=Scale.choices)
    workload = models.PositiveSmallIntegerField("my workload", choices=Workload.choices)
    supported = models.PositiveSmallIntegerField("do I feel supported?", choices=Supported.choices)
    note = models.TextField("anything else (only you will see this)", blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Only when the worker chose to let their supervisor know; their answers stay private.
    supervisor_told_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-checked_on", "-pk"]
        indexes = [models.Index(fields=["partnership", "checked_on"])]

    def __str__(self):
        return f"Check-in on {self.checked_on}"

    @property
    def struggling(self) -> bool:
        """Answers that mean someone may want support now."""
        return (
            self.feeling == self.Scale.VERY_LOW
            or self.workload == self.Workload.TOO_MUCH
            or self.supported == self.Supported.NO
        )


class SupervisorTraining(PartnershipOwned):
    """Training a supervisor has completed to supervise others well."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="supervisor_training")
    title = models.CharField("training", max_length=200)
    provider = models.CharField(max_length=200, blank=True)
    completed_on = models.DateField("completed on")

    class Meta:
        ordering = ["-completed_on", "pk"]

    def __str__(self):
        return f"{self.title} ({self.person})"


class ReminderSent(PartnershipOwned):
    """Each reminder once: the key names what it was about (a session, or a due date)."""

    partnership_from = "person"

    key = models.CharField(max_length=120, unique=True)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.key


class SupportContact(PartnershipOwned):
    """Where the partnership's workers can turn for support: set by the partnership admin.

    For example employee assistance, occupational health, a union or peer support.
    """

    name = models.CharField(max_length=200)
    helps_with = models.CharField("what they help with", max_length=300)
    phone = models.CharField(max_length=40, blank=True)
    web = models.URLField("website", blank=True)
    email = models.EmailField(blank=True)
    order = models.PositiveSmallIntegerField(
        "position in the list", default=10, help_text="Lower numbers are shown first."
    )

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class SupervisionSummary(PartnershipOwned):
    """Each person's last supervision, kept on every write so partnership pages never
    group every attendance. Written only by `supervision.summaries`; no row means never
    supervised. `scaffolding rebuild-summaries` works every row out again."""

    partnership_from = "person"

    person = models.OneToOneField(
        Person, on_delete=models.CASCADE, primary_key=True, related_name="supervision_summary"
    )
    last_supervised = models.DateField()

    def __str__(self):
        return f"{self.person}: last supervised {self.last_supervised}"
