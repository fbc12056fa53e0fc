"""Kept figures (core.figures): only registered kinds, only for those who may see them,
and nothing kept that the page would not show."""

import pytest
from django.urls import reverse

from scaffolding.core import figures
from scaffolding.core.models import KeptFigures
from scaffolding.supervision import wellbeing
from tests.conftest import work_out_figures


def test_an_unknown_kind_is_not_found(world, client_for):
    client = client_for("learning_lead")
    for name in ("core:figures_refresh", "core:figures_progress"):
        url = reverse(name, args=["workforce.everyone's-salaries"])
        response = client.post(url) if name.endswith("refresh") else client.get(url)
        assert response.status_code == 404
    with pytest.raises(ValueError, match="No figures of the kind"):
        figures.request(world.partnership.pk, "nothing.here")


def test_a_role_without_the_permission_cannot_ask(world, client_for):
    url = reverse("core:figures_refresh", args=[wellbeing.KEPT_KIND])
    assert client_for("practitioner").post(url).status_code == 403
    assert not KeptFigures.objects.exists()


def test_kept_wellbeing_figures_hold_no_small_group_averages(world):
    from datetime import timedelta

    from django.utils import timezone

    from scaffolding.supervision.models import CheckIn

    for key in ("practitioner", "colleague"):
        CheckIn.objects.create(
            partnership=world.partnership,
            person=world.people[key],
            checked_on=timezone.localdate() - timedelta(days=2),
            feeling=2,
            workload=1,
            supported=CheckIn.Supported.NO,
        )
    work_out_figures(world.partnership.pk, wellbeing.KEPT_KIND)
    kept = figures.latest(world.partnership.pk, wellbeing.KEPT_KIND).figures
    groups = [group for key in wellbeing.GROUPS for group in kept[key]]
    assert groups and all(group["people"] < 5 for group in groups)
    assert all(
        group["average_feeling"] is None and group["feel_supported_percent"] is None
        for group in groups
    )
