"""Learning summaries: each person's learning kept as a few dates, written with the learning.

Gap figures ask, for a day, who holds their role's NES level, whose learning has lapsed
or will soon, and who holds each required topic. Worked out from every learning record
on every view, that grows with the register (issue 16). Instead, every write to
learning (a record saved or deleted, a recognition or its topics, an activity's level
or topics, an import) rewrites the summary rows of the people it touches, in the same
transaction, from their records:

* LearningSummary, one row per person with any completed learning or recognition:
  for each NES level the day until which they hold it or above, the first day any of
  their learning lapses unrenewed, and the latest completion or decision date.
* TopicHeld, per person and topic: the day until which they hold it.
* LearningLapse, per person and activity whose latest learning lapses: that day.

"Until" dates are the end of the latest validity period, so they are right for every day
on or after the person's ``latest_start`` (completion dates cannot be in the future, so
that is every day from today). For an earlier day, gaps.py uses the records for the
people concerned. gaps.py keeps the from-scratch computation, and the tests compare the
two after random writes.

``rebuild(partnership_id)`` rewrites every row of a partnership (the demo builder and the
``rebuild-summaries`` command call it); ``refresh_people`` rewrites some people's rows.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction

from .models import (
    NEVER,
    LearningActivity,
    LearningLapse,
    LearningRecord,
    LearningSummary,
    Person,
    Recognition,
    RecordStatus,
    TopicHeld,
)

LEVELS = (1, 2, 3, 4)
CHUNK = 2000  # people per pass when many are rewritten at once


def _catalogue(partnership_id: int):
    """Each activity's NES level and topics: the partnership's catalogue, two small reads."""
    activities = LearningActivity.objects.in_partnership(partnership_id)
    levels = dict(activities.values_list("pk", "nes_level"))
    taught = defaultdict(list)
    for activity_id, topic_id in activities.filter(topics__isnull=False).values_list(
        "pk", "topics"
    ):
        taught[activity_id].append(topic_id)
    return levels, taught


def _later(a, b):
    return b if a is None or b > a else a


SUMMARY_FIELDS = [
    "partnership_id",
    "person_id",
    "latest_start",
    *[f"level_{n}_until" for n in LEVELS],
    "first_lapse",
]
TOPIC_FIELDS = ["partnership_id", "person_id", "topic_id", "until"]
LAPSE_FIELDS = ["partnership_id", "person_id", "activity_id", "lapses_on"]
LATEST, FIRST_LAPSE = 0, 5  # positions in a summary's list of dates


def _rows(partnership_id: int, person_ids: list[int], catalogue):
    """The summary rows for these people as plain tuples, worked out from their records."""
    levels, taught = catalogue
    summaries, topics = {}, {}
    per_activity = {}  # (person, activity) -> latest end, NEVER for no refresh

    def holds(person_id, level, topic_ids, start, end):
        dates = summaries.setdefault(person_id, [None] * 6)
        dates[LATEST] = _later(dates[LATEST], start)
        for n in LEVELS if level is not None else ():
            if level >= n:
                dates[n] = _later(dates[n], end)
        for topic_id in topic_ids:
            key = (person_id, topic_id)
            topics[key] = _later(topics.get(key), end)

    records = (
        LearningRecord.objects.in_partnership(partnership_id)
        .filter(person_id__in=person_ids, status=RecordStatus.COMPLETED, completed_on__isnull=False)
        .order_by()
        .values_list("person_id", "activity_id", "completed_on", "expires_on")
    )
    for person_id, activity_id, completed_on, expires_on in records:
        end = expires_on or NEVER
        holds(person_id, levels.get(activity_id), taught.get(activity_id, ()), completed_on, end)
        key = (person_id, activity_id)
        per_activity[key] = _later(per_activity.get(key), end)
    recognitions = Recognition.objects.in_partnership(partnership_id).filter(
        person_id__in=person_ids
    )
    recognised_topics = defaultdict(list)
    for recognition_id, topic_id in (
        recognitions.filter(topics__isnull=False).order_by().values_list("pk", "topics")
    ):
        recognised_topics[recognition_id].append(topic_id)
    for pk, person_id, level, decided_on, valid_until in recognitions.order_by().values_list(
        "pk", "person_id", "nes_level", "decided_on", "valid_until"
    ):
        holds(person_id, level, recognised_topics.get(pk, ()), decided_on, valid_until or NEVER)
    lapses = []
    for (person_id, activity_id), end in per_activity.items():
        if end != NEVER:
            lapses.append((partnership_id, person_id, activity_id, end))
            dates = summaries[person_id]
            dates[FIRST_LAPSE] = end if dates[FIRST_LAPSE] is None else min(dates[FIRST_LAPSE], end)
    return (
        [(partnership_id, person_id, *dates) for person_id, dates in summaries.items()],
        [(partnership_id, p, t, until) for (p, t), until in topics.items()],
        lapses,
    )


def _delete(queryset) -> None:
    # One DELETE statement: nothing points at summary rows and nothing listens for their
    # deletion, but a catch-all delete signal receiver elsewhere would otherwise make
    # Django load every row first (most of the time a rewrite took).
    queryset._raw_delete(queryset.db)


def _insert(partnership_id: int, rows) -> int:
    # The people were read from this partnership, so the rows belong to it too.
    summaries, topics, lapses = rows
    for model, fields, values in (
        (LearningSummary, SUMMARY_FIELDS, summaries),
        (TopicHeld, TOPIC_FIELDS, topics),
        (LearningLapse, LAPSE_FIELDS, lapses),
    ):
        model.objects.insert_rows(fields, values)
    return len(summaries) + len(topics) + len(lapses)


def _write(partnership_id: int, person_ids: list[int], catalogue) -> int:
    # Lock the people first (PostgreSQL; SQLite has one writer at a time anyway): two
    # writes to one person's learning at once then rewrite the rows one after the other,
    # the second reading the first's records, instead of the last one losing the other's.
    list(
        Person.objects.in_partnership(partnership_id)
        .select_for_update()
        .filter(pk__in=person_ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    rows = _rows(partnership_id, person_ids, catalogue)
    for model in (LearningSummary, TopicHeld, LearningLapse):
        _delete(model.objects.in_partnership(partnership_id).filter(person_id__in=person_ids))
    return _insert(partnership_id, rows)


def refresh_people(partnership_id: int, person_ids: Iterable[int]) -> int:
    """Rewrite these people's summary rows from their records (in the caller's transaction)."""
    person_ids = sorted(set(person_ids))
    if not person_ids:
        return 0
    catalogue = _catalogue(partnership_id)
    written = 0
    with transaction.atomic():
        for start in range(0, len(person_ids), CHUNK):
            written += _write(partnership_id, person_ids[start : start + CHUNK], catalogue)
    return written


def refresh_person(person) -> int:
    return refresh_people(person.partnership_id, [person.pk])


def refresh_activity_learners(activity) -> int:
    """After an activity's level or topics change: everyone who completed it."""
    learners = (
        LearningRecord.objects.in_partnership(activity.partnership_id)
        .filter(activity_id=activity.pk, status=RecordStatus.COMPLETED)
        .values_list("person_id", flat=True)
        .distinct()
    )
    return refresh_people(activity.partnership_id, learners)


def rebuild(partnership_id: int) -> int:
    """Rewrite every summary row of a partnership from its records; the number of rows."""
    people = list(
        Person.objects.in_partnership(partnership_id).order_by("pk").values_list("pk", flat=True)
    )
    catalogue = _catalogue(partnership_id)
    written = 0
    with transaction.atomic():
        for model in (LearningSummary, TopicHeld, LearningLapse):
            _delete(model.objects.in_partnership(partnership_id))
        for start in range(0, len(people), CHUNK):
            written += _insert(
                partnership_id, _rows(partnership_id, people[start : start + CHUNK], catalogue)
            )
    return written


# Keeping the rows right on every save ------------------------------------------------------
# Deletes and queryset updates go through LearningQuerySet and the models' delete(); bulk
# inserts (imports, the demo) call refresh_people or rebuild themselves.


def _record_or_recognition_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_people(instance.partnership_id, [instance.person_id])


def _activity_before_save(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._level_before = None
        return
    instance._level_before = (
        LearningActivity.objects.filter(pk=instance.pk).values_list("nes_level", flat=True).first()
    )


def _activity_saved(sender, instance, created, raw=False, **kwargs):
    if not raw and not created and getattr(instance, "_level_before", None) != instance.nes_level:
        refresh_activity_learners(instance)


def _people_of(model, pks):
    people = defaultdict(set)
    for partnership_id, person_id in model.objects.filter(pk__in=pks).values_list(
        "partnership_id", "person_id"
    ):
        people[partnership_id].add(person_id)
    return people


def _recognition_topics_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            refresh_person(instance.person)
        return
    if action == "pre_clear":  # a topic losing every recognition: remember whose
        instance._recognitions_before = set(instance.recognitions.values_list("pk", flat=True))
        return
    if action in ("post_add", "post_remove", "post_clear"):
        pks = pk_set if action != "post_clear" else instance._recognitions_before
        for partnership_id, person_ids in _people_of(Recognition, pks or ()).items():
            refresh_people(partnership_id, person_ids)


def _activity_topics_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            refresh_activity_learners(instance)
        return
    if action == "pre_clear":
        instance._activities_before = set(instance.activities.values_list("pk", flat=True))
        return
    if action in ("post_add", "post_remove", "post_clear"):
        pks = pk_set if action != "post_clear" else instance._activities_before
        for activity in LearningActivity.objects.filter(pk__in=pks or ()):
            refresh_activity_learners(activity)


def connect():
    from django.db.models.signals import m2m_changed, post_save, pre_save

    for model in (LearningRecord, Recognition):
        post_save.connect(
            _record_or_recognition_saved, sender=model, dispatch_uid=f"summaries.{model.__name__}"
        )
    pre_save.connect(
        _activity_before_save, sender=LearningActivity, dispatch_uid="summaries.activity.pre"
    )
    post_save.connect(_activity_saved, sender=LearningActivity, dispatch_uid="summaries.activity")
    m2m_changed.connect(
        _recognition_topics_changed,
        sender=Recognition.topics.through,
        dispatch_uid="summaries.recognition_topics",
    )
    m2m_changed.connect(
        _activity_topics_changed,
        sender=LearningActivity.topics.through,
        dispatch_uid="summaries.activity_topics",
    )
