"""Public learning functions other apps may call (the supervision work uses these)."""

from datetime import date

from .gaps import current_people, valid_recognitions, valid_records


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
