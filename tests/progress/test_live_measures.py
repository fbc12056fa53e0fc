"""Live measures: discovered in every installed app's measures module, computed, shown."""

import sys
import types
from datetime import date, timedelta

import pytest
from django.urls import reverse

from scaffolding.progress import live
from scaffolding.progress.measures import LIVE_MEASURES
from scaffolding.progress.models import Initiative
from tests.progress.helpers import progress_world


@pytest.fixture
def fake_workforce_measures(monkeypatch):
    """A measures module for the workforce app, as its engineer will write one."""
    calls = []

    def at_required_level(partnership_id, on):
        calls.append((partnership_id, on))
        return 3, 4

    module = types.ModuleType("scaffolding.workforce.measures")
    module.LIVE_MEASURES = [
        {
            "key": "workforce-at-required-nes-level",
            "name": "Workforce at their required trauma-informed level",
            "unit": "%",
            "question": "how_well",
            "higher_is_better": True,
            "compute": at_required_level,
        }
    ]
    monkeypatch.setitem(sys.modules, "scaffolding.workforce.measures", module)
    return calls


def test_discovery_finds_measures_in_installed_apps(fake_workforce_measures):
    keys = [definition["key"] for _, definition in live.discover()]
    assert "workforce-at-required-nes-level" in keys
    assert "calls-to-action-with-an-initiative" in keys


def test_apps_without_a_measures_module_are_skipped(monkeypatch):
    # `accounts` has no measures module; discovery must not fail on it.
    monkeypatch.delitem(sys.modules, "scaffolding.accounts.measures", raising=False)
    apps_found = {app for app, _ in live.discover()}
    assert "accounts" not in {a.lower() for a in apps_found}


def test_a_broken_measures_module_is_not_hidden(monkeypatch):
    """An import error inside a measures module is a real bug, so it is raised."""
    module = types.ModuleType("scaffolding.workforce.measures")

    def broken(name, *args, **kwargs):
        raise ModuleNotFoundError("No module named 'missing_dependency'", name="missing_dependency")

    monkeypatch.setitem(sys.modules, "scaffolding.workforce.measures", module)
    monkeypatch.setattr(live.importlib, "import_module", broken)
    with pytest.raises(ModuleNotFoundError):
        live.discover()


def test_compute_all_gives_numerator_denominator_and_percent(world, fake_workforce_measures):
    on = date(2026, 11, 2)
    values = {value.key: value for value in live.compute_all(world.partnership.pk, on)}
    workforce = values["workforce-at-required-nes-level"]
    assert (workforce.numerator, workforce.denominator, workforce.percent) == (3, 4, 75.0)
    assert fake_workforce_measures == [(world.partnership.pk, on)]


def test_own_measure_counts_calls_to_action_served(world):
    p = progress_world(world)  # three calls to action; an initiative serves two
    compute = LIVE_MEASURES[0]["compute"]
    today = date.today()
    assert compute(world.partnership.pk, today) == (2, 3)
    assert compute(world.other_partnership.pk, today) == (0, 0)
    # An initiative that starts later does not count yet.
    later = Initiative.objects.create(
        partnership=world.partnership, name="Later", start_date=today + timedelta(days=30)
    )
    later.items.set([p.people])
    assert compute(world.partnership.pk, today) == (2, 3)
    assert compute(world.partnership.pk, today + timedelta(days=31)) == (3, 3)


def test_evidence_page_marks_live_measures(world, client_for, fake_workforce_measures):
    progress_world(world)
    body = client_for("practitioner").get(reverse("progress:evidence")).content.decode()
    assert "Workforce at their required trauma-informed level" in body
    assert "75.0%" in body and "3 of 4" in body
    assert body.count("Computed live by Scaffolding") >= 2
    assert "2 of 3" in body  # calls to action with an initiative
