"""Loading the bundled frameworks: exact counts, idempotent, per partnership, CLI contract."""

import io

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.core.management.base import CommandError

from scaffolding.progress import framework_files as ff
from scaffolding.progress.loading import framework_data, load_framework
from scaffolding.progress.models import Assessment, Framework, FrameworkItem

CALLS = "south-ayrshire-calls-to-action"
PLAN = "plan-21-24-supporting-the-workforce"


def snapshot(partnership):
    return sorted(
        FrameworkItem.objects.filter(partnership=partnership).values_list(
            "framework__name",
            "code",
            "number",
            "foundation",
            "theme",
            "title",
            "text",
            "parts",
            "lead_organisations",
            "source_assessment",
        )
    )


def run_command(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("load-framework", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_bundled_calls_to_action_give_55_items_by_foundation(world):
    load_framework(world.partnership, ff.load_bundled(CALLS))
    items = FrameworkItem.objects.filter(framework__name=CALLS, partnership=world.partnership)
    assert items.count() == 55
    counts = {key: items.filter(foundation=key).count() for key in ff.FOUNDATION_KEYS}
    assert counts == {"voice": 6, "family": 8, "care": 22, "people": 8, "scaffolding": 11}
    care_18 = items.get(code="care-18")
    assert (care_18.number, care_18.theme) == (18, "RESPITE")


def test_loading_twice_changes_nothing(world):
    for name in ff.bundled_framework_names():
        load_framework(world.partnership, ff.load_bundled(name))
    before = snapshot(world.partnership)
    counts = (
        Framework.objects.count(),
        FrameworkItem.objects.count(),
        Assessment.objects.count(),
        LogEntry.objects.count(),
    )
    for name in ff.bundled_framework_names():
        result = load_framework(world.partnership, ff.load_bundled(name))
        assert (result.created, result.items_added, result.items_updated) == (False, 0, 0)
    assert snapshot(world.partnership) == before
    assert (
        Framework.objects.count(),
        FrameworkItem.objects.count(),
        Assessment.objects.count(),
        LogEntry.objects.count(),
    ) == counts


def test_reloading_updates_changed_text_and_keeps_assessments(world):
    data = ff.load_bundled(CALLS)
    load_framework(world.partnership, data)
    item = FrameworkItem.objects.get(framework__name=CALLS, code="care-3")
    Assessment.objects.create(item=item, assessed_on="2026-01-01", status="underway")
    data.items[[i.code for i in data.items].index("care-3")].text = "Changed wording."
    # Two items swap numbers: the load must not trip over its own unique constraint.
    first, second = data.items[0], data.items[1]
    first.number, second.number = second.number, first.number
    result = load_framework(world.partnership, data)
    assert result.items_updated == 3
    item.refresh_from_db()
    assert item.text == "Changed wording."
    assert item.assessments.count() == 1
    assert FrameworkItem.objects.get(framework__name=CALLS, code="voice-1").number == 2


def test_plan_outcomes_bring_their_parts_and_first_assessment(world):
    load_framework(world.partnership, ff.load_bundled(PLAN))
    values = FrameworkItem.objects.get(code="workforce-values")
    assert values.title == "Workforce Values"
    assert "Scottish Government" in values.lead_organisations
    assert values.parts["heard"].startswith("Engagement was focused")
    statuses = dict(
        Assessment.objects.filter(item__framework__name=PLAN).values_list("item__code", "status")
    )
    assert statuses == {
        "workforce-values": "underway_not_sufficient",
        "trauma-informed": "underway",
        "ongoing-relationships": "underway",
        "workforce-support": "underway_not_sufficient",
    }


def test_export_round_trips_to_the_same_framework(world):
    data = ff.load_bundled(PLAN)
    result = load_framework(world.partnership, data)
    assert framework_data(result.framework) == data
    assert ff.parse_yaml(ff.to_yaml(framework_data(result.framework))) == data


def test_command_prints_one_line_per_framework(world):
    out, err = run_command()
    assert out.splitlines() == [
        f"{PLAN}: 4 items (Voice 0, Family 0, Care 0, People 4, Scaffolding 0)",
        f"{CALLS}: 55 items (Voice 6, Family 8, Care 22, People 8, Scaffolding 11)",
    ]
    # Each partnership gets its own copy.
    assert FrameworkItem.objects.filter(partnership=world.partnership).count() == 59
    assert FrameworkItem.objects.filter(partnership=world.other_partnership).count() == 59
    assert "Lochside Partnership" in err and "Farhill Partnership" in err
    again, _ = run_command()
    assert again == out
    assert FrameworkItem.objects.count() == 118


def test_command_loads_one_name_into_one_partnership(world):
    out, _ = run_command(CALLS, "--partnership", "farhill")
    assert out == f"{CALLS}: 55 items (Voice 6, Family 8, Care 22, People 8, Scaffolding 11)\n"
    assert not FrameworkItem.objects.filter(partnership=world.partnership).exists()
    assert FrameworkItem.objects.filter(partnership=world.other_partnership).count() == 55


def test_command_refuses_an_unknown_name_and_loads_nothing(world):
    with pytest.raises(CommandError, match="No bundled framework is called nope"):
        run_command(CALLS, "nope")
    assert not FrameworkItem.objects.exists()


def test_command_refuses_an_unknown_partnership(world):
    with pytest.raises(CommandError, match="No partnership has the short name 'nowhere'"):
        run_command("--partnership", "nowhere")


def test_command_exits_non_zero_from_the_console_script(world, capsys):
    from scaffolding.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["load-framework", "not-a-framework"])
    assert exit_info.value.code != 0
    assert "No bundled framework is called not-a-framework" in capsys.readouterr().err
