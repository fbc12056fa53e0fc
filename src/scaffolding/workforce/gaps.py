"""Gap analysis: who meets what their role needs, worked out in the database.

The NES Knowledge and Skills Framework for Psychological Trauma levels are
cumulative (002 chapter 15): someone whose role needs Enhanced also needs Skilled
and Informed. So a person *meets* their role's level when they hold completed,
unexpired learning at that level or above, or a recognition decision at that level
or above. A required topic is met the same way, by learning or recognition on that
topic. Everything here is one query per figure set, whatever the number of people:
flags are correlated EXISTS subqueries and the figures are conditional counts.
"""

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest

from .models import (
    LearningActivity,
    LearningLapse,
    LearningRecord,
    NESLevel,
    Person,
    Recognition,
    RecordStatus,
    RoleProfile,
    RoleRequirement,
    Topic,
    TopicHeld,
)

EXPIRY_WINDOWS = (30, 60, 90)
GROUPINGS = {
    # grouping: (id field, label field, heading)
    "partnership": (None, None, "Whole partnership"),
    "organisation": ("organisation_id", "organisation__name", "Organisation"),
    "team": ("team_id", "team__name", "Team"),
    "role_profile": ("role_profile_id", "role_profile__name", "Role profile"),
}


def valid_records(on: date):
    """Completed learning that still counts on this day."""
    return LearningRecord.objects.filter(
        status=RecordStatus.COMPLETED, completed_on__lte=on
    ).filter(Q(expires_on__isnull=True) | Q(expires_on__gt=on))


def valid_recognitions(on: date):
    return Recognition.objects.filter(decided_on__lte=on).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gt=on)
    )


def renewed_records(on: date, after: date):
    """A completed record of the same activity for the same person still valid after `after`."""
    return LearningRecord.objects.filter(
        person_id=OuterRef("person_id"),
        activity_id=OuterRef("activity_id"),
        status=RecordStatus.COMPLETED,
        completed_on__lte=on,
    ).filter(Q(expires_on__isnull=True) | Q(expires_on__gt=after))


def expired_exists(on: date):
    """The person has learning whose refresh date has passed and that nobody renewed."""
    expired = LearningRecord.objects.filter(
        person_id=OuterRef("pk"), status=RecordStatus.COMPLETED, expires_on__lte=on
    ).filter(~Exists(renewed_records(on, on)))
    return Exists(expired)


def expiring_exists(on: date, days: int):
    """The person has valid learning that will expire within `days` and is not yet renewed."""
    until = on + timedelta(days=days)
    expiring = valid_records(on).filter(person_id=OuterRef("pk"), expires_on__lte=until)
    return Exists(expiring.filter(~Exists(renewed_records(on, until))))


def level_met_exists(on: date):
    """Cumulative: learning or recognition at the required level *or above* counts."""
    by_learning = valid_records(on).filter(
        person_id=OuterRef("pk"), activity__nes_level__gte=OuterRef("required_level")
    )
    by_recognition = valid_recognitions(on).filter(
        person_id=OuterRef("pk"), nes_level__gte=OuterRef("required_level")
    )
    return Exists(by_learning) | Exists(by_recognition)


@dataclass
class TopicMaps:
    """Which role profiles need each topic, and which activities teach it.

    Both are small (role profiles and catalogue entries, not people), so they are read
    once and put into the big query as plain IN lists: far cheaper per person than a
    join through the many-to-many tables.
    """

    profiles_needing: dict = field(default_factory=dict)  # topic id -> [role profile ids]
    activities_on: dict = field(default_factory=dict)  # topic id -> [activity ids]

    @classmethod
    def load(cls, partnership_id: int, needs_only: bool = False) -> "TopicMaps":
        maps = cls()
        needs = RoleRequirement.objects.in_partnership(partnership_id)
        for profile_id, topic_id in needs.values_list("role_profile_id", "topic_id"):
            maps.profiles_needing.setdefault(topic_id, []).append(profile_id)
        if needs_only:
            return maps
        taught = LearningActivity.topics.through.objects.filter(
            learningactivity__partnership_id=partnership_id
        )
        for activity_id, topic_id in taught.values_list("learningactivity_id", "topic_id"):
            maps.activities_on.setdefault(topic_id, []).append(activity_id)
        return maps


def topic_required(maps: TopicMaps, topic_id: int):
    profiles = maps.profiles_needing.get(topic_id)
    if not profiles:
        return Value(False, output_field=BooleanField())
    return ExpressionWrapper(Q(role_profile_id__in=profiles), output_field=BooleanField())


def topic_met_exists(on: date, topic_id: int, maps: TopicMaps):
    by_recognition = Exists(
        valid_recognitions(on).filter(person_id=OuterRef("pk"), topics=topic_id)
    )
    activities = maps.activities_on.get(topic_id)
    if not activities:
        return by_recognition
    by_learning = valid_records(on).filter(person_id=OuterRef("pk"), activity_id__in=activities)
    return Exists(by_learning) | by_recognition


def held_level_subquery(on: date):
    """The highest NES level a person holds today (0 for none), from learning or recognition."""
    learning = (
        valid_records(on)
        .filter(person_id=OuterRef("pk"))
        .values("person_id")
        .annotate(level=Max("activity__nes_level"))
        .values("level")
    )
    recognised = (
        valid_recognitions(on)
        .filter(person_id=OuterRef("pk"))
        .values("person_id")
        .annotate(level=Max("nes_level"))
        .values("level")
    )
    return Greatest(
        Coalesce(Subquery(learning, output_field=IntegerField()), Value(0)),
        Coalesce(Subquery(recognised, output_field=IntegerField()), Value(0)),
    )


def current_people(partnership_id: int, on: date):
    return Person.objects.in_partnership(partnership_id).filter(
        Q(end_date__isnull=True) | Q(end_date__gt=on), start_date__lte=on
    )


def flagged_people_from_records(partnership_id: int, on: date, topics: list[Topic], maps=None):
    """Current people with one flag per figure (aliases: computed only where used)."""
    maps = maps or TopicMaps.load(partnership_id)
    people = current_people(partnership_id, on).alias(
        required_level=F("role_profile__required_nes_level"),
    )
    flags = {
        "level_met": level_met_exists(on),
        "expired": expired_exists(on),
        **{f"expiring_{days}": expiring_exists(on, days) for days in EXPIRY_WINDOWS},
    }
    for topic in topics:
        flags[f"needs_{topic.pk}"] = topic_required(maps, topic.pk)
        flags[f"has_{topic.pk}"] = topic_met_exists(on, topic.pk, maps)
    return people.alias(**flags)


@dataclass
class TopicFigure:
    key: str
    name: str
    required: int
    met: int

    @property
    def percent(self) -> float | None:
        return round(100 * self.met / self.required, 1) if self.required else None

    @property
    def gap(self) -> int:
        return self.required - self.met


@dataclass
class GapRow:
    """The figures for one group (or the whole partnership)."""

    label: str
    people: int
    with_role: int
    at_level: int
    expired: int
    expiring: dict = field(default_factory=dict)  # days -> people
    topics: list = field(default_factory=list)  # [TopicFigure]
    group_id: int | None = None

    @property
    def percent_at_level(self) -> float | None:
        return round(100 * self.at_level / self.with_role, 1) if self.with_role else None

    @property
    def below_level(self) -> int:
        return self.with_role - self.at_level


def _figures(topics):
    has_role = Q(required_level__isnull=False)
    figures = {
        "people": Count("pk"),
        "with_role": Count("pk", filter=has_role),
        "at_level": Count("pk", filter=has_role & Q(level_met=True)),
        "expired": Count("pk", filter=Q(expired=True)),
        **{
            f"expiring_{d}": Count("pk", filter=Q(**{f"expiring_{d}": True}))
            for d in EXPIRY_WINDOWS
        },
    }
    for topic in topics:
        needs = Q(**{f"needs_{topic.pk}": True})
        figures[f"required_{topic.pk}"] = Count("pk", filter=needs)
        figures[f"met_{topic.pk}"] = Count("pk", filter=needs & Q(**{f"has_{topic.pk}": True}))
    return figures


def _row(label, values, topics, group_id=None) -> GapRow:
    return GapRow(
        label=label,
        group_id=group_id,
        people=values["people"],
        with_role=values["with_role"],
        at_level=values["at_level"],
        expired=values["expired"],
        expiring={d: values[f"expiring_{d}"] for d in EXPIRY_WINDOWS},
        topics=[
            TopicFigure(t.key, t.name, values[f"required_{t.pk}"], values[f"met_{t.pk}"])
            for t in topics
        ],
    )


def gap_rows_from_records(
    partnership_id: int, by: str = "partnership", on: date | None = None, topics=None
) -> list[GapRow]:
    """Gap figures worked out from every learning record: the reference for the summaries.

    Four queries whatever the number of people: the topics (unless given), which roles
    need and which activities teach each topic, and the figures.
    """
    on = on or date.today()
    if by not in GROUPINGS:
        raise ValueError(f"Unknown grouping {by!r}; choose from {', '.join(GROUPINGS)}.")
    topics = list(Topic.objects.all()) if topics is None else topics
    maps = TopicMaps.load(partnership_id) if topics else TopicMaps()
    people = flagged_people_from_records(partnership_id, on, topics, maps)
    figures = _figures(topics)
    if by == "partnership":
        # Grouped by the partnership itself: one row, the same SQL shape as the other groupings.
        values = people.values("partnership_id").annotate(**figures).order_by()
        found = list(values)
        empty = dict.fromkeys(figures, 0)
        return [_row("Whole partnership", found[0] if found else empty, topics)]
    id_field, label_field, _ = GROUPINGS[by]
    grouped = (
        people.values(id_field, label_field)
        .annotate(**figures)
        .order_by(F(label_field).asc(nulls_last=True), id_field)
    )
    return [
        _row(values[label_field] or "Not set", values, topics, group_id=values[id_field])
        for values in grouped
    ]


def people_with_figures_from_records(partnership_id: int, on: date | None = None, topics=None):
    """Like people_with_figures, from every learning record: the reference for the summaries."""
    on = on or date.today()
    topics = list(Topic.objects.all()) if topics is None else topics
    people = flagged_people_from_records(partnership_id, on, topics)
    return _with_own_flags(people, topics, held_level_subquery(on))


def _with_own_flags(people, topics, held_level):
    """Flagged people with each flag (and their held level) selected, for per-person views."""
    selected = {
        "level_met_flag": F("level_met"),
        "expired_flag": F("expired"),
        "held_level": held_level,
        **{f"expiring_{d}_flag": F(f"expiring_{d}") for d in EXPIRY_WINDOWS},
    }
    for topic in topics:
        selected[f"needs_{topic.pk}_flag"] = F(f"needs_{topic.pk}")
        selected[f"has_{topic.pk}_flag"] = F(f"has_{topic.pk}")
    return people.annotate(**selected)


# From the summaries -----------------------------------------------------------------------
# The pages read these: summaries.py keeps each person's learning as dates, so every flag
# is a comparison of columns. The dates are right for days on or after a person's
# latest_start; for the rare person with a later completion or decision date than the day
# asked about, the flag is worked out from the records as above (CASE evaluates only the
# branch it takes).


def _summary_columns(people):
    # Aliased through F() so that people without a summary row (nothing learned) stay in.
    return people.alias(
        s_latest=F("learning_summary__latest_start"),
        s_first_lapse=F("learning_summary__first_lapse"),
        **{f"s_level_{n}": F(f"learning_summary__level_{n}_until") for n in NES_LEVELS},
    )


NES_LEVELS = (1, 2, 3, 4)


def _boolean(q):
    # False rather than NULL for people without a summary row, as EXISTS gives.
    return Case(When(q, then=Value(True)), default=Value(False), output_field=BooleanField())


def _stale(on: date):
    return Q(s_latest__gt=on)


def _or_from_records(on, from_summary, from_records):
    return Case(
        When(_stale(on), then=from_records), default=from_summary, output_field=BooleanField()
    )


def level_met_summary(on: date):
    held = Q()
    for n in NES_LEVELS:
        held |= Q(required_level=n, **{f"s_level_{n}__gt": on})
    return _boolean(held)


def expired_summary(on: date):
    return _boolean(Q(s_first_lapse__lte=on))


def expiring_summary(on: date, days: int):
    """First lapse ahead within the window, or, for someone already lapsed, another lapse
    within it (one indexed look-up, only for people with lapsed learning)."""
    until = on + timedelta(days=days)
    another = Exists(
        LearningLapse.objects.filter(
            person_id=OuterRef("pk"), lapses_on__gt=on, lapses_on__lte=until
        )
    )
    return Case(
        When(Q(s_first_lapse__gt=on), then=_boolean(Q(s_first_lapse__lte=until))),
        When(Q(s_first_lapse__lte=on), then=another),
        default=Value(False),
        output_field=BooleanField(),
    )


def topic_held_summary(on: date, topic_id: int):
    return Exists(
        TopicHeld.objects.filter(person_id=OuterRef("pk"), topic_id=topic_id, until__gt=on)
    )


def held_level_summary(on: date):
    return Case(
        *[When(**{f"s_level_{n}__gt": on}, then=Value(n)) for n in reversed(NES_LEVELS)],
        default=Value(0),
        output_field=IntegerField(),
    )


def flagged_people(partnership_id: int, on: date, topics: list[Topic], maps=None):
    """Current people with one flag per figure, from the summaries (aliases: computed only
    where used)."""
    maps = maps or TopicMaps.load(partnership_id)
    people = _summary_columns(current_people(partnership_id, on)).alias(
        required_level=F("role_profile__required_nes_level"),
    )
    flags = {
        "level_met": _or_from_records(on, level_met_summary(on), level_met_exists(on)),
        "expired": _or_from_records(on, expired_summary(on), expired_exists(on)),
        **{
            f"expiring_{days}": _or_from_records(
                on, expiring_summary(on, days), expiring_exists(on, days)
            )
            for days in EXPIRY_WINDOWS
        },
    }
    for topic in topics:
        flags[f"needs_{topic.pk}"] = topic_required(maps, topic.pk)
        flags[f"has_{topic.pk}"] = _or_from_records(
            on, topic_held_summary(on, topic.pk), topic_met_exists(on, topic.pk, maps)
        )
    return people.alias(**flags)


def people_with_figures(partnership_id: int, on: date | None = None, topics=None):
    """Current people, each annotated with their own flags and held level (for per-person views)."""
    on = on or date.today()
    topics = list(Topic.objects.all()) if topics is None else topics
    people = flagged_people(partnership_id, on, topics)
    held_level = Case(
        When(_stale(on), then=held_level_subquery(on)),
        default=held_level_summary(on),
        output_field=IntegerField(),
    )
    return _with_own_flags(people, topics, held_level)


def _grouped(people, by, figures):
    if by == "partnership":
        found = list(people.values("partnership_id").annotate(**figures).order_by())
        return {None: found[0]} if found else {}
    id_field, label_field, _ = GROUPINGS[by]
    grouped = (
        people.values(id_field, label_field)
        .annotate(**figures)
        .order_by(F(label_field).asc(nulls_last=True), id_field)
    )
    return {values[id_field]: values for values in grouped}


def gap_rows(
    partnership_id: int,
    by: str = "partnership",
    on: date | None = None,
    topics=None,
    expiring: bool = True,
) -> list[GapRow]:
    """Gap figures for the whole partnership or per organisation, team or role profile.

    From the summaries, whatever the number of people: the topics (unless given), which
    roles need each topic, the people's figures (one scan of people and their summary
    rows), the learning lapsing soon (one scan of lapse rows; skipped with
    expiring=False) and the topics met (one scan of the topics held). Only when someone
    has learning dated after `on` do three more queries work out their figures from the
    records.
    """
    on = on or date.today()
    if by not in GROUPINGS:
        raise ValueError(f"Unknown grouping {by!r}; choose from {', '.join(GROUPINGS)}.")
    topics = list(Topic.objects.all()) if topics is None else topics
    maps = TopicMaps.load(partnership_id, needs_only=True) if topics else TopicMaps()
    needed = [t for t in topics if maps.profiles_needing.get(t.pk)]
    people = flagged_people(partnership_id, on, [], maps).alias(
        **{f"needs_{t.pk}": topic_required(maps, t.pk) for t in topics}
    )
    has_role = Q(required_level__isnull=False)
    figures = {
        "people": Count("pk"),
        "with_role": Count("pk", filter=has_role),
        "at_level": Count("pk", filter=has_role & Q(level_met=True)),
        "expired": Count("pk", filter=Q(expired=True)),
        **{f"required_{t.pk}": Count("pk", filter=Q(**{f"needs_{t.pk}": True})) for t in topics},
        "stale": Count("pk", filter=_stale(on)),
    }
    groups = _grouped(people, by, figures)
    later = [f"met_{t.pk}" for t in topics] + [f"expiring_{d}" for d in EXPIRY_WINDOWS]
    for values in groups.values():
        values.update(dict.fromkeys(later, 0))
    stale = any(values["stale"] for values in groups.values())
    if expiring:
        _add_expiring(groups, partnership_id, by, on, stale)
    if needed:
        _add_topics_met(groups, partnership_id, by, on, needed, maps, stale)
    if stale:
        _add_stale(groups, partnership_id, by, on, needed if needed else [], expiring)
    if by == "partnership":
        empty = dict.fromkeys(list(figures) + later, 0)
        return [_row("Whole partnership", groups.get(None, empty), topics)]
    _, label_field, _ = GROUPINGS[by]
    return [
        _row(values[label_field] or "Not set", values, topics, group_id=group_id)
        for group_id, values in groups.items()
    ]


def _group_key(by):
    id_field = GROUPINGS[by][0]
    return f"person__{id_field}" if id_field else "partnership_id"


def _current_rows(queryset, on, stale):
    """Rows of current people's summaries; when some are dated after `on`, not theirs
    (_add_stale counts those from the records)."""
    rows = queryset.filter(person__start_date__lte=on).filter(
        Q(person__end_date__isnull=True) | Q(person__end_date__gt=on)
    )
    return rows.filter(person__learning_summary__latest_start__lte=on) if stale else rows


def _add_expiring(groups, partnership_id, by, on, stale):
    """People with learning lapsing within each window: one scan of the lapse rows."""
    key = _group_key(by)
    windows = {
        f"expiring_{d}": Count(
            "person_id", distinct=True, filter=Q(lapses_on__lte=on + timedelta(days=d))
        )
        for d in EXPIRY_WINDOWS
    }
    lapsing = _current_rows(
        LearningLapse.objects.in_partnership(partnership_id).filter(
            lapses_on__gt=on, lapses_on__lte=on + timedelta(days=max(EXPIRY_WINDOWS))
        ),
        on,
        stale,
    )
    for found in lapsing.values(key).annotate(**windows).order_by():
        group = groups[found[key] if by != "partnership" else None]
        for name in windows:
            group[name] += found[name]


def _add_topics_met(groups, partnership_id, by, on, topics, maps, stale):
    """Count, per group and topic, the people who need the topic and hold it on `on`."""
    key = _group_key(by)
    needs = Q()
    for topic in topics:
        needs |= Q(topic_id=topic.pk, person__role_profile_id__in=maps.profiles_needing[topic.pk])
    held = _current_rows(
        TopicHeld.objects.in_partnership(partnership_id).filter(needs, until__gt=on), on, stale
    )
    for found in held.values(key, "topic_id").annotate(met=Count("pk")).order_by():
        group = groups[found[key] if by != "partnership" else None]
        group[f"met_{found['topic_id']}"] += found["met"]


def _add_stale(groups, partnership_id, by, on, topics, expiring):
    """People with learning dated after `on`: their topics and lapses from the records."""
    full = TopicMaps.load(partnership_id) if topics else TopicMaps()
    stale = flagged_people_from_records(partnership_id, on, topics, full).filter(
        learning_summary__latest_start__gt=on
    )
    figures = {
        f"met_{t.pk}": Count("pk", filter=Q(**{f"needs_{t.pk}": True, f"has_{t.pk}": True}))
        for t in topics
    }
    if expiring:
        figures.update(
            {
                f"expiring_{d}": Count("pk", filter=Q(**{f"expiring_{d}": True}))
                for d in EXPIRY_WINDOWS
            }
        )
    if not figures:
        return
    for group_id, values in _grouped(stale, by, figures).items():
        for name in figures:
            groups[group_id][name] += values[name]


def missing_topics(person, topics) -> list[Topic]:
    """For an annotated person from `people_with_figures`: required topics not yet met."""
    return [
        t
        for t in topics
        if getattr(person, f"needs_{t.pk}_flag") and not getattr(person, f"has_{t.pk}_flag")
    ]


@dataclass
class UncoveredNeed:
    role_profile: str
    need: str


def uncovered_needs(partnership_id: int) -> list[UncoveredNeed]:
    """Needs of a role profile that no activity now offered in the catalogue covers.

    Three queries, whatever the size of the register: role profiles with their
    topics, the highest level on offer, and the topics on offer.
    """
    profiles = RoleProfile.objects.in_partnership(partnership_id).prefetch_related(
        "required_topics"
    )
    offered = LearningActivity.objects.in_partnership(partnership_id).filter(is_active=True)
    top_level = offered.aggregate(top=Max("nes_level"))["top"] or 0
    offered_topics = set(offered.values_list("topics", flat=True))
    needs = []
    for profile in profiles:
        if profile.required_nes_level > top_level:
            label = NESLevel(profile.required_nes_level).label
            needs.append(UncoveredNeed(profile.name, f"NES level: {label}"))
        for topic in profile.required_topics.all():
            if topic.pk not in offered_topics:
                needs.append(UncoveredNeed(profile.name, f"Topic: {topic.name}"))
    return needs


# ---- Kept by the background worker for the grouped pages (core.figures) ----

KEPT_KIND = "workforce.gaps"
KEPT_GROUPINGS = ("partnership", "organisation", "team", "role_profile")


def work_out(partnership_id: int) -> dict:
    """Every grouping's figures for today, as plain JSON, for the worker to keep."""
    topics = list(Topic.objects.all())
    return {
        "topics": [topic.name for topic in topics],
        **{
            by: [asdict(row) for row in gap_rows(partnership_id, by, topics=topics)]
            for by in KEPT_GROUPINGS
        },
    }


def from_json(kept: dict, by: str) -> tuple[list[GapRow], list[str]]:
    """(one grouping's rows, the topic names) from what `work_out` kept."""
    rows = []
    for row in kept[by]:
        row = dict(row)
        # JSON keys are text: the expiry windows are days.
        row["expiring"] = {int(days): people for days, people in row["expiring"].items()}
        row["topics"] = [TopicFigure(**topic) for topic in row["topics"]]
        rows.append(GapRow(**row))
    return rows, kept["topics"]
