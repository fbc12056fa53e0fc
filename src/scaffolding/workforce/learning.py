"""Public learning functions other apps may call (the supervision work uses these)."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Exists

from .gaps import (
    current_people,
    missing_topics,
    people_with_figures,
    renewed_records,
    valid_recognitions,
    valid_records,
)
from .models import LearningActivity, NESLevel, Topic


def completed_topic_person_ids(
    partnership_id: int, topic_key: str, on: date | None = None
) -> set[int]:
    """Ids of current people holding completed, unexpired learning (or recognition) on a topic.

    One query. For example `completed_topic_person_ids(p.pk, "supervision")` gives
    everyone who has done supervisor training that still counts today.
    """
    on = on or date.today()
    people = current_people(partnership_id, on)
    by_learning = (
        valid_records(on)
        .filter(person__in=people, activity__topics__key=topic_key)
        .order_by()
        .values_list("person_id", flat=True)
    )
    by_recognition = (
        valid_recognitions(on)
        .filter(person__in=people, topics__key=topic_key)
        .order_by()
        .values_list("person_id", flat=True)
    )
    return set(by_learning.union(by_recognition))


@dataclass
class Step:
    """One step on a learning pathway: why, and which catalogue activities would meet it."""

    reason: str
    activities: list = field(default_factory=list)
    due: date | None = None


@dataclass
class Standing:
    """Where one person stands against their role profile on a day."""

    person: object
    required_level: int | None
    held_level: int
    level_met: bool
    missing_topics: list
    required_topics: list
    expired: bool
    steps: list

    @property
    def required_level_label(self) -> str:
        return NESLevel(self.required_level).label if self.required_level else "Not set"

    @property
    def held_level_label(self) -> str:
        return NESLevel(self.held_level).label if self.held_level else "None yet"


def standing_for(person, on: date | None = None) -> Standing:
    """A person's level against what their role needs, and a pathway from the catalogue.

    A fixed handful of queries: the person's figures, the topics, the catalogue with
    its topics, and their learning expiring soon.
    """
    on = on or date.today()
    topics = list(Topic.objects.all())
    figures = people_with_figures(person.partnership_id, on, topics=topics).filter(pk=person.pk)
    me = figures.select_related("role_profile").first()
    if me is None:  # moved on, or not started yet
        return Standing(person, None, 0, False, [], [], False, [])
    required = me.role_profile.required_nes_level if me.role_profile else None
    missing = missing_topics(me, topics)
    required_topics = [t for t in topics if getattr(me, f"needs_{t.pk}_flag")]
    catalogue = list(
        LearningActivity.objects.in_partnership(person.partnership_id)
        .filter(is_active=True)
        .prefetch_related("topics")
        .order_by("nes_level", "title")
    )
    steps = []
    if required and me.held_level < required:
        for level in range(me.held_level + 1, required + 1):
            fitting = [a for a in catalogue if a.nes_level == level]
            steps.append(Step(f"Reach {NESLevel(level).label}", fitting))
    for topic in missing:
        fitting = [a for a in catalogue if any(t.pk == topic.pk for t in a.topics.all())]
        steps.append(Step(f"Learn about {topic.name.lower()}", fitting))
    soon = on + timedelta(days=90)
    expiring = (
        valid_records(on)
        .filter(person_id=person.pk, expires_on__lte=soon)
        .filter(~Exists(renewed_records(on, soon)))
        .select_related("activity")
        .order_by("expires_on")
    )
    for record in expiring:
        steps.append(
            Step(f"Refresh {record.activity.title}", [record.activity], due=record.expires_on)
        )
    return Standing(
        person=me,
        required_level=required,
        held_level=me.held_level,
        level_met=bool(required) and me.level_met_flag,
        missing_topics=missing,
        required_topics=required_topics,
        expired=me.expired_flag,
        steps=steps,
    )
