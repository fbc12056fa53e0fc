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
    skye, rory, ola = (young_person(world, name) for name in ("Skye", "Rory", "Ola"))
    link(skye, worker)
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
    worker = world.people["practitioner"]
    link(young_person(world), worker)
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
    worker = world.people["practitioner"]
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
    worker = world.people["practitioner"]
    link(young_person(world), worker)
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
