"""Every carers' measure against a table worked out by hand.

| record | facts                                             | counts towards           |
|--------|---------------------------------------------------|--------------------------|
| areas  | 11 standard: 9 carer, 1 within limits, 1 ask      | delegated 10 of 11       |
| draft  | a draft version, all 11 asked                     | nothing (not in force)   |
| ask A  | Mon 2 Nov, 3 days, due Thu 5, answered Wed 4      | in time; 2 working days  |
| ask B  | Mon 2 Nov, 3 days, due Thu 5, answered Mon 9      | late; 5 working days     |
| ask C  | Fri 6 Nov, 3 days, due Wed 11, answered Fri 6     | in time; 0 working days  |
| ask D  | Mon 9 Nov, due Thu 12, open on Fri 13             | counted, not in time     |
| ask E  | Thu 12 Nov, due Tue 17, open on Fri 13            | not counted yet          |
|        | answered in time 2 of 4; median answer 2 days     |                          |
| d1..d4 | yes (0 days), yes_if (1 day), not_now (4), open   | yes 2 of 3; median 1 day |
| breaks | 3 known, 1 not known, 1 carer's own time away     | known 3 of 4             |
| other  | a short break in another partnership              | nothing here             |
"""

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from statistics import median

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from scaffolding.carers import domain, measures
from scaffolding.carers.models import Area, Decision, ShortBreak, Who
from scaffolding.progress import live
from scaffolding.voice.models import LinkKind, WorkerLink, YoungPerson
from tests.carers.fixtures import agreed_all, area_rules

pytestmark = pytest.mark.django_db
FRIDAY_13 = date(2026, 11, 13)


def moment(day, hour=10):
    return datetime(2026, 11, day, hour, 0, tzinfo=UTC)


def _ask(world, jamie, asked_day, answered_day=None):
    with time_machine.travel(moment(asked_day), tick=False):
        ask = domain.send_ask(
            jamie,
            asked_by=world.people["family_carer"],
            area=Area.HOLIDAYS_ABROAD,
            question="Can Jamie go abroad?",
        )
    if answered_day:
        domain.answer_ask(
            ask, by=world.people["practitioner"], answer="yes", text="", now=moment(answered_day)
        )
    return ask


def _decision(jamie, outcome, days):
    started = moment(2)
    return Decision.objects.create(
        young_person=jamie,
        area=Area.SLEEPOVERS,
        area_label="Sleepovers with friends",
        wants="stay over",
        young_person_view="yes please",
        outcome=outcome,
        started_at=started,
        decided_at=started + timedelta(days=days) if outcome else None,
        days_to_decide=days if outcome else None,
    )


@pytest.fixture
def table(world):
    jamie = YoungPerson.objects.create(
        partnership=world.partnership,
        full_name="Jamie Brown",
        called="Jamie",
        date_of_birth=date(2012, 5, 1),
    )
    carer, worker = world.people["family_carer"], world.people["practitioner"]
    WorkerLink.objects.create(young_person=jamie, person=carer, kind=LinkKind.FAMILY_CARER)
    WorkerLink.objects.create(young_person=jamie, person=worker, kind=LinkKind.SOCIAL_WORKER)
    common = {
        "carers": [carer],
        "review_on": date(2027, 5, 1),
        "by_user": world.users["practitioner"],
    }
    domain.save_version(
        jamie, rules=area_rules(world), agreed=agreed_all(world), young_person_view="ok", **common
    )
    everything_asked = [
        {**rule, "who": Who.ASK, "ask_person": worker, "answer_within_days": 5}
        for rule in area_rules(world)
    ]
    domain.save_version(jamie, rules=everything_asked, agreed=[], young_person_view="", **common)
    _ask(world, jamie, 2, answered_day=4)
    _ask(world, jamie, 2, answered_day=9)
    _ask(world, jamie, 6, answered_day=6)
    _ask(world, jamie, 9)
    _ask(world, jamie, 12)
    _decision(jamie, "yes", 0)
    _decision(jamie, "yes_if", 1)
    _decision(jamie, "not_now", 4)
    _decision(jamie, "", 0)
    breaks = [("sleepover", True), ("short_break", True), ("short_break", True)]
    breaks += [("short_break", False), ("time_away", False)]
    for kind, known in breaks:
        ShortBreak.objects.create(
            carer=carer,
            young_person=None if kind == "time_away" else jamie,
            kind=kind,
            with_name="Gran",
            knows_already=known,
            starts_on=FRIDAY_13,
            ends_on=FRIDAY_13,
        )
    ShortBreak.objects.create(
        carer=world.outsider_person,
        kind="short_break",
        knows_already=True,
        starts_on=FRIDAY_13,
        ends_on=FRIDAY_13,
    )
    return world.partnership.pk


def test_share_of_everyday_areas_delegated(table):
    assert measures.delegated_share(table, FRIDAY_13) == (10, 11)


def test_asks_answered_in_time_and_median_time_to_answer(table):
    assert measures.asks_answered_in_time(table, FRIDAY_13) == (2, 4)
    assert measures.median_days_to_answer(table) == 2


def test_decisions_by_outcome_and_time_to_decide(table):
    assert measures.decisions_yes(table, FRIDAY_13) == (2, 3)
    assert measures.decisions_by_outcome(table) == {
        "Yes": 1,
        "Yes, with what makes it safer": 1,
        "Not this time": 1,
        "Waiting for an answer": 1,
    }
    assert measures.median_days_to_decide(table) == 1


def test_short_breaks_with_someone_the_young_person_knows(table):
    assert measures.short_breaks_known(table, FRIDAY_13) == (3, 4)


def test_the_progress_work_finds_the_live_measures(table):
    values = {value.key: value for value in live.compute_all(table, FRIDAY_13)}
    assert (
        values["carers-short-breaks-known"].numerator,
        values["carers-short-breaks-known"].denominator,
    ) == (3, 4)
    assert values["carers-areas-delegated"].percent == 90.9


def test_an_empty_partnership_counts_nothing(world):
    other = world.other_partnership.pk
    assert measures.figures(other, FRIDAY_13).median_answer_days is None
    assert measures.delegated_share(other, FRIDAY_13) == (0, 0)


@given(st.lists(st.integers(0, 40), max_size=60))
def test_the_median_from_grouped_counts_is_the_median(values):
    counts = Counter(values)
    expected = round(median(values), 1) if values else None
    assert measures.median_of_counts(counts.items()) == expected


def test_answering_keeps_the_working_days_and_whether_in_time(world):
    from tests.carers.fixtures import household

    jamie, _robyn, _agreement = household(world)
    ask = _ask(world, jamie, 6, answered_day=12)  # Friday to the next Thursday
    ask.refresh_from_db()
    assert (ask.due_on, ask.working_days_to_answer, ask.answered_in_time) == (
        date(2026, 11, 11),
        4,
        False,
    )
