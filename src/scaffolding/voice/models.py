"""Young people in the partnership and the workers and carers around them.

A young person's record belongs to their partnership (the tenancy base in
``core``). Which workers are linked to them changes over time and is itself a
record: a link is never edited away, it is ended, so the history of who was
around a young person, and who linked whom, stays.
"""

from datetime import date

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property

from scaffolding.core.tenancy import PartnershipOwned, PartnershipQuerySet
from scaffolding.workforce.models import Person


class PrivateStorage(FileSystemStorage):
    """Story files live outside anything the web server serves; only a view that
    checks the share (and logs the read) hands them out. No URL of their own."""

    @cached_property
    def base_location(self):
        return getattr(settings, "VOICE_PRIVATE_ROOT", settings.VAR_DIR / "private")

    def url(self, name):
        raise ValueError("Story files have no public address.")


def private_storage():
    return PrivateStorage()


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
        indexes = [
            models.Index(fields=["partnership", "called"]),
            # Young people known by a day, counted from the index (relationships figures).
            models.Index(fields=["partnership", "created_at"], name="yp_known_since"),
        ]

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
    # A person with parental responsibility may decide for a very young child.
    parental_responsibility = models.BooleanField(default=False)

    objects = WorkerLinkQuerySet.as_manager()

    class Meta:
        ordering = ["linked_at"]
        indexes = [
            models.Index(fields=["young_person", "ended_at"]),
            models.Index(fields=["person", "ended_at"]),
            # "The same named worker for 12 months" is checked per young person from
            # the index alone (relationships figures, progress live measures).
            models.Index(
                fields=["young_person", "kind", "linked_at", "ended_at"],
                name="link_kind_since",
            ),
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


# The access log ------------------------------------------------------------------


class ReadHow(models.TextChoices):
    PAGE = "page", "opened the page"
    DOWNLOAD = "download", "downloaded the file"
    API = "api", "read it through the API"
    EXPORT = "export", "exported it"
    REPORT = "report", "saw it in a report"


class ReadWhat(models.TextChoices):
    ITEM = "item", "a story item"
    PROFILE = "profile", "About me"
    VIEWS = "views", "views for a meeting"
    EVERYTHING = "everything", "everything"


class AccessEvent(PartnershipOwned):
    """One read of something a young person owns, by anyone. Append-only.

    The database refuses UPDATE and DELETE on this table (triggers on SQLite and
    PostgreSQL, migration 0002); nothing in the service edits it. Keys are
    PROTECT so that deleting a user or young person cannot rewrite a row.
    """

    partnership_from = "young_person"

    young_person = models.ForeignKey(YoungPerson, on_delete=models.PROTECT, related_name="+")
    who = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    who_name = models.CharField(max_length=200)
    who_role = models.CharField(max_length=60)
    at = models.DateTimeField(default=timezone.now)
    what = models.CharField(max_length=20, choices=ReadWhat.choices)
    what_id = models.BigIntegerField(null=True, blank=True)
    what_title = models.CharField(max_length=200, blank=True)
    how = models.CharField(max_length=20, choices=ReadHow.choices)
    override_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["young_person", "-at"])]

    def __str__(self):
        return f"{self.who_name} {self.get_how_display()} ({self.what_title}) at {self.at}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The access log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("The access log is append-only.")


# Who may see what ----------------------------------------------------------------


class Audience(models.TextChoices):
    ONLY_ME = "only_me", "Only me"
    NAMED = "named", "People I choose"
    EVERYONE = "everyone", "Everyone who works with me"


class Shareable(PartnershipOwned):
    """Something the young person owns and decides who sees."""

    partnership_from = "young_person"

    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.ONLY_ME)
    until = models.DateField("share until", null=True, blank=True)
    share_changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True


class ItemKind(models.TextChoices):
    TEXT = "text", "Words"
    PHOTO = "photo", "Photo"
    FILE = "file", "File"
    AUDIO = "audio", "Voice recording"


class StoryItem(Shareable):
    young_person = models.ForeignKey(YoungPerson, on_delete=models.PROTECT, related_name="items")
    kind = models.CharField(max_length=10, choices=ItemKind.choices, default=ItemKind.TEXT)
    title = models.CharField(max_length=200)
    text = models.TextField(blank=True)
    file = models.FileField(upload_to="story/%Y/%m/", blank=True, storage=private_storage)
    file_type = models.CharField(max_length=100, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    shared_with = models.ManyToManyField(Person, through="ItemShare", related_name="+")
    # The young person's consent for a progress story built from this item.
    for_reports = models.BooleanField(
        "May the partnership use this, without my name, in its progress report?", default=False
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["young_person", "-created_at"])]

    def __str__(self):
        return self.title


class ItemShare(PartnershipOwned):
    partnership_from = "item"

    item = models.ForeignKey(StoryItem, on_delete=models.CASCADE, related_name="shares")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "person"], name="one_share_per_item_person")
        ]


class DecidedAs(models.TextChoices):
    PARENTAL_RESPONSIBILITY = "parental_responsibility", "Person with parental responsibility"
    NAMED_WORKER = "named_worker", "Named worker"


class OnBehalfDecision(PartnershipOwned):
    """Who sees what, decided for a very young child, with a date to ask them again."""

    partnership_from = "young_person"

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.CASCADE, related_name="decisions"
    )
    item = models.ForeignKey(StoryItem, on_delete=models.CASCADE, null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_as = models.CharField(max_length=30, choices=DecidedAs.choices)
    decision = models.CharField(max_length=300)
    reason = models.TextField()
    ask_again_on = models.DateField()
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-decided_at"]


class AboutMe(Shareable):
    """A one-page profile: tell it once."""

    young_person = models.OneToOneField(
        YoungPerson, on_delete=models.CASCADE, related_name="about_me"
    )
    matters = models.TextField("What matters to me", blank=True)
    helps = models.TextField("What helps me", blank=True)
    dont_ask = models.TextField("What I don't want to be asked again", blank=True)
    how_to_meet = models.TextField("How, when and where I like to meet", blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    shared_with = models.ManyToManyField(Person, through="ProfileShare", related_name="+")

    @property
    def title(self):
        return "About me"


class ProfileShare(PartnershipOwned):
    partnership_from = "profile"

    profile = models.ForeignKey(AboutMe, on_delete=models.CASCADE, related_name="shares")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "person"], name="one_share_per_profile")
        ]


class NewWorkerQuestion(PartnershipOwned):
    """Asked once when a worker is linked: share About me with them?"""

    partnership_from = "link"

    link = models.OneToOneField(WorkerLink, on_delete=models.CASCADE, related_name="question")
    answer = models.BooleanField(null=True)
    answered_at = models.DateTimeField(null=True, blank=True)


class MeetingViews(Shareable):
    """My views for my meeting, sent to the people the young person chooses."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.CASCADE, related_name="meeting_views"
    )
    meeting = models.CharField("Which meeting", max_length=200)
    going_well = models.TextField("What is going well", blank=True)
    worries = models.TextField("What worries me", blank=True)
    want = models.TextField("What I want to happen", blank=True)
    who_there = models.TextField("Who I want there", blank=True)
    where_when = models.TextField("Where and when", blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    shared_with = models.ManyToManyField(Person, through="ViewsShare", related_name="+")
    decided = models.TextField("What was decided", blank=True)
    answer = models.TextField("How your views were answered", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def title(self):
        return f"My views for {self.meeting}"


class ViewsShare(PartnershipOwned):
    partnership_from = "views"

    views = models.ForeignKey(MeetingViews, on_delete=models.CASCADE, related_name="shares")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["views", "person"], name="one_share_per_views")
        ]


# Signing in -----------------------------------------------------------------------


class Invitation(PartnershipOwned):
    """A one-time code a young person types to choose a password. Only its hash is kept."""

    partnership_from = "young_person"

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.CASCADE, related_name="invitations"
    )
    code_hash = models.CharField(max_length=128, unique=True)
    email = models.EmailField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)


# Feeling unsafe ---------------------------------------------------------------------


class SafetySettings(PartnershipOwned):
    """Who the duty contact is and how long before an alert goes to the next person."""

    duty_email = models.EmailField("duty contact email")
    duty_name = models.CharField(max_length=200, default="Duty team")
    next_email = models.EmailField("next person's email", blank=True)
    acknowledge_within_minutes = models.PositiveIntegerField(default=60)

    class Meta:
        verbose_name_plural = "safety settings"
        constraints = [models.UniqueConstraint(fields=["partnership"], name="one_safety_settings")]


class SafetyAlert(PartnershipOwned):
    partnership_from = "young_person"

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="alerts")
    message = models.TextField(blank=True)
    raised_at = models.DateTimeField(default=timezone.now)
    due_by = models.DateTimeField()
    escalated_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-raised_at"]
        indexes = [models.Index(fields=["acknowledged_at", "due_by"])]
