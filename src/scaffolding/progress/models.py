"""The Promise as data: frameworks and their items, initiatives, assessments and evidence.

A partnership holds its own copy of each framework (South Ayrshire's 55 calls to action,
the Plan 21-24 outcomes, or one of its own), so that it can assess every item over time
(seed 001: "Work is underway but does not yet appear sufficient"). Evidence is "more than
numbers alone" (seed 003, Scaffolding 9): measures with a time series, and stories that
are recorded and shared only with consent.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from scaffolding.accounts.models import Organisation, Partnership
from scaffolding.core.tenancy import PartnershipOwned, PartnershipQuerySet

from .framework_files import FOUNDATIONS, KINDS, PART_KEYS

FOUNDATION_CHOICES = list(FOUNDATIONS)
FOUNDATION_ORDER = {key: index for index, (key, _) in enumerate(FOUNDATIONS)}
KIND_CHOICES = [("calls_to_action", "Calls to action"), ("outcomes", "Outcomes")]
assert [key for key, _ in KIND_CHOICES] == list(KINDS)


class Framework(PartnershipOwned):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="frameworks"
    )
    name = models.SlugField(
        "short name",
        max_length=100,
        help_text="Lower-case letters, digits and hyphens, such as 'our-calls-to-action'.",
    )
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=KIND_CHOICES, default="calls_to_action")
    source = models.TextField(blank=True, help_text="Where the text comes from.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="framework_name_unique_in_partnership"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def item_noun(self):
        return "call to action" if self.kind == "calls_to_action" else "outcome"

    @property
    def item_noun_with_article(self):
        """'a call to action', 'an outcome'."""
        noun = self.item_noun
        return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"

    @property
    def item_noun_plural(self):
        return "calls to action" if self.kind == "calls_to_action" else "outcomes"


class FrameworkItem(PartnershipOwned):
    """One call to action or outcome, filed under a foundation."""

    partnership_from = "framework"

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="items")
    code = models.SlugField(max_length=100, help_text="Unique in the framework, such as 'care-18'.")
    number = models.PositiveIntegerField(help_text="The number as printed in the source.")
    foundation = models.CharField(max_length=20, choices=FOUNDATION_CHOICES)
    foundation_order = models.PositiveSmallIntegerField(default=0, editable=False)
    other_foundations = models.JSONField(default=list, blank=True)
    theme = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    parts = models.JSONField(default=dict, blank=True)
    lead_organisations = models.JSONField(default=list, blank=True)
    source_assessment = models.TextField(
        "assessment in the source", blank=True, help_text="The judgement as the source wrote it."
    )

    class Meta:
        ordering = ["framework_id", "foundation_order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="item_code_unique"),
            models.UniqueConstraint(
                fields=["framework", "foundation", "number"], name="item_number_unique"
            ),
        ]

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        self.foundation_order = FOUNDATION_ORDER[self.foundation]
        super().save(*args, **kwargs)

    @property
    def label(self):
        name = f"{self.get_foundation_display()} {self.number}"
        heading = self.title or self.theme.capitalize()
        return f"{name}: {heading}" if heading else name

    def part(self, key):
        assert key in PART_KEYS
        return self.parts.get(key, "")


# --------------------------------------------------------------------------- assessments


@dataclass(frozen=True)
class ScaleStep:
    key: str
    label: str
    symbol: str  # shown beside the words, never instead of them
    order: int
    description: str


#: The assessment scale, in order. Status is always shown with its words and symbol.
ASSESSMENT_SCALE: tuple[ScaleStep, ...] = (
    ScaleStep("not_started", "Not started", "○", 1, "No work has begun yet."),
    ScaleStep("underway", "Work underway", "◔", 2, "Work is underway."),
    ScaleStep(
        "underway_not_sufficient",
        "Underway but not yet sufficient",
        "◑",
        3,
        "Work is underway but does not yet appear sufficient.",
    ),
    ScaleStep("on_track", "On track", "◕", 4, "Work is on track to keep this promise."),
    ScaleStep("kept", "Kept", "●", 5, "This promise is being kept."),
)
SCALE = {step.key: step for step in ASSESSMENT_SCALE}
NOT_ASSESSED = ScaleStep("not_assessed", "Not yet assessed", "–", 0, "No assessment yet.")


def scale_step(key: str | None) -> ScaleStep:
    return SCALE.get(key or "", NOT_ASSESSED)


def status_from_text(text: str) -> str | None:
    """Read a source's written judgement onto the scale (seed 001's wording)."""
    lowered = text.lower()
    if not lowered.strip():
        return None
    if "not yet appear sufficient" in lowered or "not yet sufficient" in lowered:
        return "underway_not_sufficient"
    if "on track" in lowered:
        return "on_track"
    if "not started" in lowered or "not begun" in lowered:
        return "not_started"
    if "underway" in lowered:
        return "underway"
    if "kept" in lowered:
        return "kept"
    return None


class Assessment(PartnershipOwned):
    """A dated judgement of one item on the scale, with the narrative behind it."""

    partnership_from = "item"

    # Counted (never stored) for the language indicator; see scaffolding.language.indicator.
    language_checked_fields = ["required", "heard", "committed", "leads", "next_steps"]
    language_date_field = "assessed_on"

    item = models.ForeignKey(FrameworkItem, on_delete=models.CASCADE, related_name="assessments")
    assessed_on = models.DateField("date of the assessment")
    status = models.CharField(
        "assessment", max_length=30, choices=[(s.key, s.label) for s in ASSESSMENT_SCALE]
    )
    required = models.TextField("what is required", blank=True)
    heard = models.TextField("what we have heard", blank=True)
    committed = models.TextField("what has been committed", blank=True)
    leads = models.TextField("who leads", blank=True)
    next_steps = models.TextField("next steps", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-assessed_on", "-pk"]

    def __str__(self):
        return f"{self.item.label}: {self.get_status_display()} ({self.assessed_on})"

    @property
    def step(self):
        return scale_step(self.status)


# --------------------------------------------------------------------------- initiatives


class Initiative(PartnershipOwned):
    # Counted (never stored) for the language indicator; see scaffolding.language.indicator.
    language_checked_fields = ["description"]

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        UNDERWAY = "underway", "Underway"
        PAUSED = "paused", "Paused"
        FINISHED = "finished", "Finished"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="initiatives"
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    lead_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    partner_organisations = models.ManyToManyField(Organisation, blank=True, related_name="+")
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    funding_source = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    items = models.ManyToManyField(
        FrameworkItem,
        blank=True,
        related_name="initiatives",
        verbose_name="calls to action and outcomes it serves",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The end date is before the start date."})


# --------------------------------------------------------------------------- evidence


class Question(models.TextChoices):
    """Which question a measure answers (results-based accountability)."""

    HOW_MUCH = "how_much", "How much did we do?"
    HOW_WELL = "how_well", "How well did we do it?"
    BETTER_OFF = "better_off", "Is anyone better off?"


class Measure(PartnershipOwned):
    """A number the partnership records by hand, with its time series."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="measures")
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=40, help_text="For example %, people, days.")
    higher_is_better = models.BooleanField(
        "higher is better", default=True, help_text="Untick when a lower number is better."
    )
    question = models.CharField(max_length=20, choices=Question.choices)
    baseline = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    source = models.CharField(max_length=200, blank=True, help_text="Where the number comes from.")
    items = models.ManyToManyField(
        FrameworkItem, blank=True, related_name="measures", verbose_name="calls to action"
    )
    initiatives = models.ManyToManyField(Initiative, blank=True, related_name="measures")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def latest_point(self):
        """The newest value; uses prefetched points when there are some."""
        points = sorted(self.points.all(), key=lambda point: point.on)
        return points[-1] if points else None


class MeasurePoint(PartnershipOwned):
    partnership_from = "measure"

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="points")
    on = models.DateField("date")
    value = models.DecimalField(max_digits=12, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["measure_id", "on"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "on"], name="one_point_per_measure_per_day")
        ]

    def __str__(self):
        return f"{self.on}: {self.value}"


class Consent(models.TextChoices):
    GIVEN = "given", "Consent given"
    NOT_ASKED = "not_asked", "Not yet asked"
    WITHDRAWN = "withdrawn", "Consent withdrawn"
    NOT_NEEDED = "not_needed", "Not needed: anonymised"


class Visibility(models.TextChoices):
    PROMISE_TEAM = "promise_team", "Only the Promise lead team"
    PARTNERSHIP = "partnership", "Everyone in the partnership"
    PUBLIC_REPORT = "public_report", "The partnership and its public progress report"


class StoryQuerySet(PartnershipQuerySet):
    def shareable(self):
        """Stories that may go beyond their recorder: consent given, or anonymised."""
        return self.filter(
            models.Q(consent=Consent.GIVEN) | models.Q(consent=Consent.NOT_NEEDED, anonymised=True)
        ).filter(
            # A story from a young person's own item: their consent on that item decides.
            models.Q(consent_item__isnull=True) | models.Q(consent_item__for_reports=True)
        )

    def visible_to(self, user):
        """What this user may see (the same rule as ``progress.view_story``)."""
        # Once a young person takes back their yes, only the person who recorded it sees it.
        mine = self.for_user(user).filter(
            models.Q(consent_item__isnull=True)
            | models.Q(consent_item__for_reports=True)
            | models.Q(recorded_by=user)
        )
        if user.has_perm("progress.manage"):
            return mine
        open_to_partnership = self.shareable().filter(
            visibility__in=(Visibility.PARTNERSHIP, Visibility.PUBLIC_REPORT)
        )
        return mine.filter(models.Q(recorded_by=user) | models.Q(pk__in=open_to_partnership))

    def for_report(self):
        return self.shareable().filter(visibility=Visibility.PUBLIC_REPORT)


class Story(PartnershipOwned):
    """Qualitative evidence: a story, quote or feedback, recorded only with consent."""

    class Kind(models.TextChoices):
        STORY = "story", "Story"
        QUOTE = "quote", "Quote"
        FEEDBACK = "feedback", "Feedback"

    class Voice(models.TextChoices):
        CHILD = "child", "A child or young person"
        FAMILY = "family", "A family"
        WORKFORCE = "workforce", "Someone in the workforce"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="stories")
    title = models.CharField(max_length=200)
    text = models.TextField("their words")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.STORY)
    voice = models.CharField("whose voice", max_length=20, choices=Voice.choices)
    consent = models.CharField(max_length=20, choices=Consent.choices)
    visibility = models.CharField(
        "who may see it", max_length=20, choices=Visibility.choices, default=Visibility.PROMISE_TEAM
    )
    anonymised = models.BooleanField(
        default=False, help_text="Names and details that could identify anyone are taken out."
    )
    recorded_on = models.DateField(default=timezone.localdate)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    items = models.ManyToManyField(
        FrameworkItem, blank=True, related_name="stories", verbose_name="calls to action"
    )
    initiatives = models.ManyToManyField(Initiative, blank=True, related_name="stories")
    # When the story comes from a young person's own item, their consent lives there:
    # withdrawing it takes the story out of reports and downloads at once.
    consent_item = models.ForeignKey(
        "voice.StoryItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="progress_stories",
        verbose_name="the young person's item and consent",
    )

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_on", "-pk"]
        verbose_name_plural = "stories"

    def __str__(self):
        return self.title

    @property
    def shareable(self):
        if self.consent_item_id is not None and not self.consent_item.for_reports:
            return False
        return self.consent == Consent.GIVEN or (
            self.consent == Consent.NOT_NEEDED and self.anonymised
        )

    def clean(self):
        if self.consent == Consent.NOT_NEEDED and not self.anonymised:
            raise ValidationError(
                {
                    "consent": "Consent is only not needed when the story is anonymised. "
                    "Tick 'anonymised' or record the consent."
                }
            )


class ProgressReport(PartnershipOwned):
    """A PDF of the partnership progress report, made in the background.

    The PDF is kept in the database (not a file on one machine), so any web server can
    hand it out and any worker can make it; it is served only through a view that checks
    the reader's role and partnership. Only the latest few are kept.
    """

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting to start"
        BUILDING = "building", "Being made"
        READY = "ready", "Ready"
        FAILED = "failed", "Could not be made"

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WAITING)
    percent = models.PositiveSmallIntegerField(default=0)
    figures_on = models.DateField("figures as of", null=True)
    pdf = models.BinaryField(default=b"", editable=False)
    # The young people's items whose words are in this PDF: each download is a read of
    # them, and once one of them is taken out of reports the PDF is not handed out.
    story_item_ids = models.JSONField(default=list, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["partnership", "status", "created_at"])]

    def __str__(self):
        return f"Progress report of {self.created_at:%d %B %Y %H:%M}"

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.WAITING, self.Status.BUILDING)
