"""Check-ins: the worker sees their own trend; aggregates hide any group under five people."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from scaffolding.supervision import wellbeing
from scaffolding.supervision.models import CheckIn
from scaffolding.workforce.models import Person
from tests.conftest import work_out_figures


def _people(world, count, team=None):
    team = team or world.team
    return [
        Person.objects.create(
            partnership=world.partnership,
            full_name=f"Person {team.pk}-{index}",
            organisation=team.organisation,
            team=team,
            relationship="paid",
            closeness="regular_direct",
            start_date=timezone.localdate() - timedelta(days=400),
        )
        for index in range(count)
    ]


def _check_in(world, person, feeling=3, days_ago=1, supported=CheckIn.Supported.YES, **extra):
    return CheckIn.objects.create(
        partnership=world.partnership,
        person=person,
        checked_on=timezone.localdate() - timedelta(days=days_ago),
        feeling=feeling,
        workload=3,
        supported=supported,
        **extra,
    )


def _team_row(world, team):
    figures = wellbeing.overview(world.partnership.pk, timezone.localdate())
    (row,) = [r for r in figures["teams"] if r.name.startswith(team.name)]
    return row


def test_four_people_are_suppressed_five_are_shown(world):
    people = _people(world, 5)
    for person in people[:4]:
        _check_in(world, person, feeling=2)
        _check_in(world, person, feeling=2, days_ago=3)  # many check-ins, still four people
    row = _team_row(world, world.team)
    assert row.people == 4 and row.suppressed
    assert row.average_feeling is None and row.feel_supported_percent is None

    _check_in(world, people[4], feeling=5, supported=CheckIn.Supported.NO)
    row = _team_row(world, world.team)
    assert row.people == 5 and not row.suppressed
    assert row.average_feeling == round((8 * 2 + 5) / 9, 1)
    assert row.feel_supported_percent == round(100 * 8 / 9)


def test_the_overview_page_says_why_a_group_is_not_shown(world, client_for):
    for person in _people(world, 3):
        _check_in(world, person, note="Private words about my week")
    work_out_figures(world.partnership.pk)
    body = client_for("learning_lead").get(reverse("supervision:wellbeing_overview"))
    text = body.content.decode()
    assert wellbeing.SUPPRESSED in text
    assert "Private words about my week" not in text
    assert "Person " not in text  # never a name


def test_check_ins_outside_the_window_do_not_count(world):
    people = _people(world, 5)
    for person in people:
        _check_in(world, person, days_ago=wellbeing.WINDOW_DAYS + 1)
    figures = wellbeing.overview(world.partnership.pk, timezone.localdate())
    assert figures["teams"] == []
    assert figures["partnership"][0].people == 0 and figures["partnership"][0].suppressed


def test_a_worker_checks_in_and_sees_their_own_trend(world, client_for):
    client = client_for("practitioner")
    response = client.post(
        reverse("supervision:check_in"),
        {"feeling": "2", "workload": "1", "supported": "1", "note": "Long week"},
    )
    assert response.status_code == 302
    _check_in(world, world.people["practitioner"], feeling=4, days_ago=7)
    page = client.get(reverse("supervision:check_in")).content.decode()
    assert "Long week" in page and "<svg" in page and "<figcaption>" in page
    assert "---------" not in page  # no empty radio button
    # Nobody else sees it, not even their supervisor.
    other = client_for("supervisor").get(reverse("supervision:check_in")).content.decode()
    assert "Long week" not in other


def test_a_check_in_needs_each_answer(world, client_for):
    response = client_for("practitioner").post(reverse("supervision:check_in"), {})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert not CheckIn.objects.exists()
