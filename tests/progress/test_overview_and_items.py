"""The overview by foundation, what changed last quarter, items, assessments, query counts."""

import re
from datetime import date, timedelta

from django.urls import reverse

from scaffolding.progress.models import ASSESSMENT_SCALE, Initiative
from scaffolding.progress.summary import framework_summaries, status_on
from tests.factories import (
    FOUNDATIONS,
    AssessmentFactory,
    FrameworkFactory,
    FrameworkItemFactory,
    InitiativeFactory,
    MeasureFactory,
    MeasurePointFactory,
    StoryFactory,
)
from tests.progress.helpers import make_framework, progress_world

TODAY = date.today()


def test_status_on_takes_the_latest_on_or_before_the_day():
    history = [(date(2026, 1, 1), "not_started"), (date(2026, 6, 1), "underway")]
    assert status_on(history, date(2025, 12, 31)) is None
    assert status_on(history, date(2026, 3, 1)) == "not_started"
    assert status_on(history, date(2026, 6, 1)) == "underway"


def test_summary_counts_by_foundation_and_lists_changes(world):
    p = progress_world(world)
    (summary,) = framework_summaries(world.partnership.pk, TODAY)
    counts = {row.key: {s.key: c for s, c in row.counts} for row in summary.rows}
    assert counts["care"]["on_track"] == 1
    assert counts["voice"]["not_assessed"] == 1
    assert counts["people"]["not_assessed"] == 1
    assert summary.total == 3
    # People 1 has no initiative; Voice 1 and Care 1 are served by one.
    assert summary.without_initiative == 1
    assert [row.without_initiative for row in summary.rows if row.key == "people"] == [1]
    # Care 1 went from "work underway" (200 days ago) to "on track" (10 days ago).
    assert [(c.item, c.before.key, c.after.key) for c in summary.changes] == [
        (p.care, "underway", "on_track")
    ]


def test_overview_shows_status_in_words_and_symbols_not_colour_alone(world, client_for):
    progress_world(world)
    body = client_for("family_carer").get(reverse("progress:overview")).content.decode()
    for step in ASSESSMENT_SCALE:
        assert step.label in body
        assert step.symbol in body
    assert "What changed since" in body
    assert "from " in body and "On track" in body
    assert "<figure" in body and 'alt="Bar chart of assessments by foundation' in body
    assert "1 has no initiative serving it yet." in body


def test_item_page_shows_timeline_initiatives_and_evidence(world, client_for):
    p = progress_world(world)
    body = client_for("learning_lead").get(reverse("progress:item_detail", args=[p.care.pk]))
    text = body.content.decode()
    assert text.index("On track") < text.index("Work underway")  # newest first
    assert "Family Time Together" in text
    assert "Brothers and sisters living together" in text
    assert "Sunday tea with my brother" in text
    assert "Words on my file" not in text  # no consent yet; the learning lead did not record it


def test_item_with_no_initiative_stands_out(world, client_for):
    p = progress_world(world)
    client = client_for("promise_lead")
    body = client.get(reverse("progress:item_detail", args=[p.people.pk])).content.decode()
    assert "No initiative serves this call to action yet." in body
    assert f"?item={p.people.pk}" in body
    listing = client.get(reverse("progress:initiative_list")).content.decode()
    assert p.people.label in listing
    framework = client.get(reverse("progress:framework_detail", args=[p.framework.pk]))
    assert "None yet" in framework.content.decode()


def test_recording_an_assessment_keeps_the_history(world, client_for):
    p = progress_world(world)
    client = client_for("promise_lead")
    url = reverse("progress:assessment_create", args=[p.care.pk])
    form = client.get(url)
    assert form.context["form"].initial["status"] == "on_track"  # starts from the last one
    response = client.post(
        url,
        {
            "assessed_on": TODAY.isoformat(),
            "status": "kept",
            "required": "Brothers and sisters stay together.",
            "next_steps": "Keep checking every quarter.",
        },
    )
    assert response.status_code == 302
    assert list(p.care.assessments.values_list("status", flat=True)) == [
        "kept",
        "on_track",
        "underway",
    ]
    newest = p.care.assessments.first()
    assert newest.recorded_by == world.users["promise_lead"]
    assert newest.partnership_id == world.partnership.pk


def test_an_assessment_needs_a_status_on_the_scale(world, client_for):
    p = progress_world(world)
    response = client_for("promise_lead").post(
        reverse("progress:assessment_create", args=[p.voice.pk]),
        {"assessed_on": TODAY.isoformat(), "status": "brilliant"},
    )
    assert response.status_code == 200
    assert not p.voice.assessments.exists()


def test_initiative_form_links_items_and_checks_dates(world, client_for):
    p = progress_world(world)
    client = client_for("promise_lead")
    data = {
        "name": "Staying Close",
        "status": "planned",
        "lead_organisation": world.organisation.pk,
        "start_date": "2027-01-01",
        "end_date": "2026-01-01",
        "funding_source": "Promise Partnership Fund",
        "items": [p.people.pk],
    }
    response = client.post(reverse("progress:initiative_create"), data)
    assert "The end date is before the start date." in response.content.decode()
    assert not Initiative.objects.filter(name="Staying Close").exists()
    response = client.post(reverse("progress:initiative_create"), {**data, "end_date": ""})
    assert response.status_code == 302
    assert list(Initiative.objects.get(name="Staying Close").items.all()) == [p.people]


def test_initiative_form_offers_only_this_partnerships_choices(world, client_for):
    p = progress_world(world)
    _, theirs = make_framework(world.other_partnership, name="farhill-calls", items=1)
    response = client_for("promise_lead").get(
        reverse("progress:initiative_create") + f"?item={p.people.pk}"
    )
    body = response.content.decode()
    assert "Farhill" not in body  # neither their organisations nor their framework
    assert "Lochside Family Carers" in body and p.people.label in body
    checked = response.context["form"]["items"].value()
    assert [str(pk) for pk in checked] == [str(p.people.pk)]
    response = client_for("promise_lead").post(
        reverse("progress:initiative_create"),
        {"name": "Sneaky", "status": "planned", "items": [theirs[0].pk]},
    )
    assert response.status_code == 200
    assert not Initiative.objects.filter(name="Sneaky").exists()


def test_measure_values_are_added_with_notes_and_charted(world, client_for):
    p = progress_world(world)
    client = client_for("promise_lead")
    url = reverse("progress:measure_point_add", args=[p.measure.pk])
    response = client.post(url, {"on": TODAY.isoformat(), "value": "70", "note": "New form."})
    assert response.status_code == 302
    again = client.post(url, {"on": TODAY.isoformat(), "value": "71"})
    assert "There is already a value for this date." in again.content.decode()
    page = client.get(reverse("progress:measure_detail", args=[p.measure.pk])).content.decode()
    assert "New form." in page and 'alt="Line chart of Brothers and sisters' in page


def _grow(world, extra_items):
    """Add items, assessments, initiatives, measures and stories to the progress world:
    a bigger framework whose items spread over the foundations, each assessed three
    times, served by an initiative, measured (one value) and backed by a story, all
    alongside Care 1."""
    p = progress_world(world)
    framework = FrameworkFactory(partnership=world.partnership, name="bigger")
    for index in range(extra_items):
        item = FrameworkItemFactory(
            framework=framework, foundation=FOUNDATIONS[index % len(FOUNDATIONS)]
        )
        for days in (300, 120, 20):
            AssessmentFactory(
                item=item,
                assessed_on=TODAY - timedelta(days=days + index),
                status=ASSESSMENT_SCALE[index % 5].key,
            )
        both = [item, p.care]
        InitiativeFactory(partnership=world.partnership, items=both)
        measure = MeasureFactory(partnership=world.partnership, items=both)
        MeasurePointFactory(measure=measure, on=TODAY, value=index)
        StoryFactory(
            partnership=world.partnership, recorded_by=world.users["promise_lead"], items=both
        )
    return p


def _count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_the_data(world, client_for):
    p = progress_world(world)
    client = client_for("supervisor")
    urls = [
        reverse("progress:overview"),
        reverse("progress:item_detail", args=[p.care.pk]),
        reverse("progress:framework_detail", args=[p.framework.pk]),
        reverse("progress:evidence"),
        reverse("progress:initiative_list"),
    ]
    small = [_count_queries(client, url) for url in urls]
    _grow(world, 12)
    large = [_count_queries(client, url) for url in urls]
    assert small == large


def test_overview_and_item_page_query_counts(world, client_for, django_assert_num_queries):
    p = _grow(world, 5)
    client = client_for("supervisor")
    # Session, user, frameworks, items with initiative counts, assessments, the user's own
    # register entry (other apps' navigation rules ask for it once), partnership name, and
    # the flags other apps raise against items (relationships: blanket-ban policies).
    # Permissions come from rules, so no permission tables are read.
    with django_assert_num_queries(8):
        client.get(reverse("progress:overview"))
    # Session, user, item, assessments with recorders, initiatives, measures, their points,
    # stories, the user's register entry and the partnership name.
    with django_assert_num_queries(10):
        client.get(reverse("progress:item_detail", args=[p.care.pk]))


def test_no_form_offers_another_partnerships_records(world, client_for):
    p = progress_world(world)
    make_framework(world.other_partnership, name="farhill-calls", items=2)
    InitiativeFactory(partnership=world.other_partnership, name="Farhill initiative")
    client = client_for("promise_lead")
    for url in (
        reverse("progress:initiative_create"),
        reverse("progress:initiative_edit", args=[p.initiative.pk]),
        reverse("progress:measure_create"),
        reverse("progress:measure_edit", args=[p.measure.pk]),
        reverse("progress:story_create"),
        reverse("progress:story_edit", args=[p.open_story.pk]),
    ):
        body = client.get(url).content.decode()
        assert "Farhill" not in body, url
        # Radios offer real answers only (a select may start blank).
        assert not re.search(r'type="radio"[^>]*value=""', body), url


def test_only_promise_leads_can_change_progress_records(world, client_for):
    p = progress_world(world)
    posts = {
        reverse("progress:assessment_create", args=[p.voice.pk]): {
            "assessed_on": TODAY.isoformat(),
            "status": "kept",
        },
        reverse("progress:initiative_create"): {"name": "Not allowed", "status": "planned"},
        reverse("progress:measure_point_add", args=[p.measure.pk]): {
            "on": TODAY.isoformat(),
            "value": "99",
        },
        reverse("progress:framework_create"): {
            "title": "Not allowed",
            "name": "not-allowed",
            "kind": "outcomes",
        },
    }
    for role in (
        "practitioner",
        "family_carer",
        "supervisor",
        "learning_lead",
        "partnership_admin",
    ):
        client = client_for(role)
        for url, data in posts.items():
            assert client.post(url, data).status_code == 403, (role, url)
    assert not p.voice.assessments.exists()
    assert not Initiative.objects.filter(name="Not allowed").exists()
    assert p.measure.points.count() == 3
