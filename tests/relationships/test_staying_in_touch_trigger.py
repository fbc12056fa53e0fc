"""Moving someone on in the register starts one staying-in-touch plan per linked young person."""

from datetime import date

import pytest
from django.utils import timezone

from scaffolding.relationships import domain
from scaffolding.relationships.models import StayingInTouchPlan

from .helpers import link, young_person

pytestmark = pytest.mark.django_db


def test_moved_on_date_gives_each_linked_young_person_one_plan(world):
    worker = world.people["practitioner"]
    # The world's Skye already has the practitioner as her named worker.
    skye = world.extra["young_person"]
    rory, ola = (young_person(world, name) for name in ("Rory", "Ola"))
    link(skye, worker, kind="advocate")  # a second link for her too: still one plan
    link(rory, worker)
    link(rory, worker, kind="advocate")  # two links to one young person: still one plan
    link(ola, worker, ended_at=timezone.now())  # an ended link is not current

    worker.end_date = date(2026, 12, 31)
    worker.save()

    plans = StayingInTouchPlan.objects.order_by("young_person__called")
    assert [plan.young_person.called for plan in plans] == ["Rory", "Skye"]
    assert {plan.assigned_to for plan in plans} == {world.people["supervisor"]}
    assert {plan.reason for plan in plans} == {StayingInTouchPlan.Reason.MOVED_ON}
    assert all(plan.is_open for plan in plans)
    assert {plan.partnership_id for plan in plans} == {world.partnership.pk}


def test_saving_again_or_changing_team_later_adds_no_second_open_plan(world):
    worker = world.people["practitioner"]  # the world's Skye is linked to them
    worker.end_date = date(2026, 12, 31)
    worker.save()
    worker.save()
    worker.team = world.other_team
    worker.save()
    assert StayingInTouchPlan.objects.count() == 1


def test_team_change_starts_plans(world):
    worker = world.people["colleague"]
    link(young_person(world), worker)
    worker.team = world.team
    worker.save()
    (plan,) = StayingInTouchPlan.objects.all()
    assert plan.reason == StayingInTouchPlan.Reason.TEAM_CHANGE
    assert plan.assigned_to is None  # the colleague has no supervisor in the register


def test_nobody_linked_means_no_plan(world):
    worker = world.people["colleague"]  # nobody in the world is linked to them
    worker.end_date = date(2026, 12, 31)
    worker.save()
    assert not StayingInTouchPlan.objects.exists()


def test_other_changes_start_nothing(world):
    worker = world.people["practitioner"]
    link(young_person(world), worker)
    worker.job_title = "Senior family support worker"
    worker.save()
    assert not StayingInTouchPlan.objects.exists()


def test_an_agreed_plan_and_a_later_move_on_gives_a_new_plan(world):
    worker = world.people["practitioner"]  # the world's Skye is linked to them
    worker.team = world.other_team
    worker.save()
    plan = StayingInTouchPlan.objects.get()
    domain.agree_plan(
        plan, by=world.users["supervisor"], what_they_want="Keep in touch", how_it_continues="Cards"
    )
    worker.end_date = date(2026, 12, 31)
    worker.save()
    assert StayingInTouchPlan.objects.filter(status="open").count() == 1
    assert StayingInTouchPlan.objects.count() == 2


def test_a_register_import_moving_someone_on_starts_plans_too(world):
    """Imports update the register in bulk (no post_save); its own signal still reaches us."""
    from datetime import date as day

    from scaffolding.workforce import importing

    worker = world.people["colleague"]
    skye, rory = young_person(world, "Skye"), young_person(world, "Rory")
    link(skye, worker)
    link(rory, worker)
    header = (
        "staff_number,email,full_name,organisation,team,role_profile,job_title,"
        "relationship,closeness,start_date,end_date,supervisor_staff_number"
    )
    line = (
        f",{worker.email},Callum Colleague,Lochside Council,Throughcare,"
        "Family support worker,,paid,regular_direct,2024-01-01,2026-12-20,"
    )
    data = f"{header}\n{line}\n".encode()
    result = importing.plan_import(world.partnership.pk, "people", "roster.csv", data)
    assert result.counts()["updated"] == 1
    importing.save_people(world.partnership.pk, result, day(2026, 12, 1))
    plans = StayingInTouchPlan.objects.order_by("young_person__called")
    assert [p.young_person.called for p in plans] == ["Rory", "Skye"]
    assert {p.moving_on_date for p in plans} == {day(2026, 12, 20)}
    # The same file again: nothing more.
    again = importing.plan_import(world.partnership.pk, "people", "roster.csv", data)
    importing.save_people(world.partnership.pk, again, day(2026, 12, 2))
    assert StayingInTouchPlan.objects.count() == 2
