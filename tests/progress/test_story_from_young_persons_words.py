"""A progress story in a young person's own words stands on their yes, and every read shows.

Skye shares an item with her named worker and says yes to the report. The worker makes a
story from it; the Promise lead reads it in the report, the PDF and the download, and
each of those reads is on Skye's "who has looked". When Skye says no, the story leaves
every report and download at once, an old PDF is not handed out, and only the worker who
recorded it still sees it.
"""

import pytest
from django.urls import reverse

from scaffolding.progress.models import Consent, Story
from scaffolding.voice import domain
from scaffolding.voice.models import AccessEvent, ReadHow
from tests.progress.helpers import progress_world
from tests.voice.fixtures import voice_world

WORDS = "I miss her."


@pytest.fixture
def skyes_item(world):
    progress_world(world)
    item = voice_world(world)["named"]  # "About my mum", shared with the practitioner only
    domain.set_report_consent(item, world.users["young_person"], True)
    return item


def _reads(item, how):
    return list(
        AccessEvent.objects.filter(what_id=item.pk, how=how).values_list("who_name", flat=True)
    )


def _make_story(client, item):
    return client.post(
        reverse("progress:story_from_item", args=[item.pk]),
        {
            "title": "Missing mum",
            "text": WORDS,
            "kind": Story.Kind.QUOTE,
            "visibility": "public_report",
        },
    )


def test_the_worker_sees_only_words_shared_with_them_and_said_yes_to(world, skyes_item, client_for):
    worker = client_for("practitioner")
    listing = worker.get(reverse("progress:stories_from_young_people")).content.decode()
    assert "About my mum" in listing
    # Shared with everyone who works with her, but no yes to the report: not offered.
    assert "My football team" not in listing
    carer = client_for("family_carer").get(reverse("progress:stories_from_young_people"))
    assert "About my mum" not in carer.content.decode()


def test_a_story_from_her_words_carries_her_yes_and_is_anonymised(world, skyes_item, client_for):
    worker = client_for("practitioner")
    form = worker.get(reverse("progress:story_from_item", args=[skyes_item.pk]))
    assert WORDS in form.content.decode()  # her words, ready to quote
    assert _reads(skyes_item, ReadHow.PAGE) == ["Eilidh Practitioner"]
    response = _make_story(worker, skyes_item)
    story = Story.objects.get(title="Missing mum")
    assert response.status_code == 302
    assert (story.consent_item, story.voice, story.consent, story.anonymised) == (
        skyes_item,
        Story.Voice.CHILD,
        Consent.GIVEN,
        True,
    )


def test_each_read_in_a_report_is_on_her_who_has_looked(
    world, skyes_item, client_for, django_capture_on_commit_callbacks
):
    _make_story(client_for("practitioner"), skyes_item)
    story = Story.objects.get(title="Missing mum")
    lead = client_for("promise_lead")
    assert WORDS in lead.get(reverse("progress:report")).content.decode()
    assert WORDS in lead.get(reverse("progress:story_detail", args=[story.pk])).content.decode()
    assert WORDS in lead.get(reverse("progress:export", args=["stories", "csv"])).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        lead.post(reverse("progress:report_make"))
    assert lead.get(reverse("progress:report_pdf")).status_code == 200
    assert _reads(skyes_item, ReadHow.REPORT) == ["Priya Promise"] * 3
    assert _reads(skyes_item, ReadHow.EXPORT) == ["Priya Promise"]
    # Skye sees them on her own page, in plain words.
    skye = client_for("young_person").get(reverse("voice:who_looked")).content.decode()
    assert "Priya Promise" in skye and "saw it in a report" in skye


def test_when_she_says_no_her_words_leave_every_report_at_once(
    world, skyes_item, client_for, django_capture_on_commit_callbacks
):
    _make_story(client_for("practitioner"), skyes_item)
    story = Story.objects.get(title="Missing mum")
    lead = client_for("promise_lead")
    with django_capture_on_commit_callbacks(execute=True):
        lead.post(reverse("progress:report_make"))
    domain.set_report_consent(skyes_item, world.users["young_person"], False)
    before = AccessEvent.objects.count()

    assert WORDS not in lead.get(reverse("progress:report")).content.decode()
    assert (
        WORDS not in lead.get(reverse("progress:export", args=["stories", "csv"])).content.decode()
    )
    assert "Missing mum" not in lead.get(reverse("progress:evidence")).content.decode()
    assert lead.get(reverse("progress:story_detail", args=[story.pk])).status_code == 404
    assert lead.get(reverse("progress:story_edit", args=[story.pk])).status_code == 404
    # The PDF made while she said yes is not handed out any more.
    old_pdf = lead.get(reverse("progress:report_pdf"), follow=True)
    assert old_pdf["Content-Type"].startswith("text/html")
    assert "taken their words out of the report" in old_pdf.content.decode()
    assert AccessEvent.objects.count() == before  # nothing of hers was read

    # The worker who recorded it still sees it, marked as taken out.
    mine = client_for("practitioner").get(reverse("progress:story_detail", args=[story.pk]))
    assert "taken their words out of reports" in mine.content.decode()


def test_words_not_shared_with_the_worker_cannot_be_used(world, skyes_item, client_for):
    # The family carer is linked to Skye, but "About my mum" is shared with the worker only.
    carer = client_for("family_carer")
    assert carer.get(reverse("progress:story_from_item", args=[skyes_item.pk])).status_code == 404
    assert _make_story(carer, skyes_item).status_code == 404
    assert not Story.objects.filter(title="Missing mum").exists()


def test_a_report_with_many_of_her_stories_logs_them_in_one_insert(
    world, skyes_item, client_for, django_assert_max_num_queries
):
    worker = client_for("practitioner")
    for _ in range(5):
        _make_story(worker, skyes_item)
    lead = client_for("promise_lead")
    lead.get(reverse("progress:report"))  # warm the session and caches
    with django_assert_max_num_queries(60) as captured:
        lead.get(reverse("progress:report"))
    inserts = [q for q in captured.captured_queries if q["sql"].startswith("INSERT INTO")]
    access_inserts = [q for q in inserts if "voice_accessevent" in q["sql"]]
    assert len(access_inserts) == 1
    assert len(_reads(skyes_item, ReadHow.REPORT)) == 10
