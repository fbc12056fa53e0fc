"""Staying-in-touch plans brought to the supervision of the person moving on."""

from django.urls import reverse

from scaffolding.supervision.prompts import Prompt

from .models import StayingInTouchPlan


def staying_in_touch(session, people, viewer) -> list[Prompt]:
    """Open plans for anyone in this session, shown to the supervisor they are assigned to."""
    if viewer is None:
        return []
    plans = (
        StayingInTouchPlan.objects.filter(
            status=StayingInTouchPlan.Status.OPEN,
            assigned_to=viewer,
            person_id__in=[person.pk for person in people],
        )
        .select_related("young_person")
        .order_by("person_name", "young_person__called", "pk")
    )
    return [
        Prompt(
            text=(
                f"{plan.person_name} is {plan.get_reason_display().lower()}: agree how "
                f"{plan.young_person.called} stays in touch with them."
            ),
            url=reverse("relationships:plan", args=[plan.pk]),
            link_text=f"Agree the plan for {plan.young_person.called}",
        )
        for plan in plans
    ]
