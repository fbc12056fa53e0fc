"""Stories follow consent: every consent, visibility, anonymised flag and viewer.

A story without consent (not yet asked, withdrawn, or "not needed" without being
anonymised) is seen only by the person who recorded it and the Promise leads, and never
appears in a report or a download.
"""

import csv
import io
import itertools

import pytest
from django.urls import reverse

from scaffolding.progress.models import Consent, Story, Visibility

VIEWERS = [
    "practitioner",  # recorded every story below
    "promise_lead",
    "family_carer",
    "supervisor",
    "learning_lead",
    "partnership_admin",
    "outsider",
]


@pytest.fixture
def stories(world):
    made = []
    for consent, visibility, anonymised in itertools.product(
        Consent.values, Visibility.values, (False, True)
    ):
        made.append(
            Story.objects.create(
                partnership=world.partnership,
                title=f"Story {consent} {visibility} {'anon' if anonymised else 'named'}",
                text="In their own words.",
                voice=Story.Voice.CHILD,
                consent=consent,
                visibility=visibility,
                anonymised=anonymised,
                recorded_by=world.users["practitioner"],
            )
        )
    return made


def shareable(story):
    return story.consent == Consent.GIVEN or (
        story.consent == Consent.NOT_NEEDED and story.anonymised
    )


def may_see(viewer, story):
    if viewer == "outsider":
        return False
    if viewer in ("practitioner", "promise_lead"):
        return True
    return shareable(story) and story.visibility != Visibility.PROMISE_TEAM


def test_the_rule_and_the_query_agree_for_every_combination(world, stories):
    assert len(stories) == 24
    for viewer in VIEWERS:
        user = world.user(viewer)
        listed = set(Story.objects.visible_to(user).values_list("pk", flat=True))
        for story in stories:
            expected = may_see(viewer, story)
            assert user.has_perm("progress.view_story", story) is expected, (viewer, story.title)
            assert (story.pk in listed) is expected, (viewer, story.title)


def test_pages_show_each_viewer_only_what_they_may_see(world, stories, client_for):
    for viewer in VIEWERS:
        client = client_for(viewer)
        evidence = client.get(reverse("progress:evidence")).content.decode()
        for story in stories:
            expected = may_see(viewer, story)
            detail = client.get(reverse("progress:story_detail", args=[story.pk]))
            assert detail.status_code == (200 if expected else 404), (viewer, story.title)
            assert (story.title in evidence) is expected, (viewer, story.title)


def test_reports_and_downloads_never_hold_a_story_without_consent(world, stories, client_for):
    for viewer in VIEWERS:
        client = client_for(viewer)
        report = client.get(reverse("progress:report")).content.decode()
        download = client.get(reverse("progress:export", args=["stories", "csv"]))
        titles = {row["Title"] for row in csv.DictReader(io.StringIO(download.content.decode()))}
        for story in stories:
            in_report = (
                viewer != "outsider"
                and shareable(story)
                and story.visibility == Visibility.PUBLIC_REPORT
            )
            assert (story.title in report) is in_report, (viewer, story.title)
            assert (story.title in titles) is (shareable(story) and may_see(viewer, story)), (
                viewer,
                story.title,
            )


def test_only_the_recorder_and_promise_leads_may_change_a_story(world, stories, client_for):
    story = stories[0]
    for viewer in VIEWERS:
        response = client_for(viewer).get(reverse("progress:story_edit", args=[story.pk]))
        assert response.status_code == (200 if viewer in ("practitioner", "promise_lead") else 404)


def test_recording_a_story_needs_consent_or_anonymising(world, client_for):
    client = client_for("family_carer")
    data = {
        "title": "Our first holiday",
        "text": "We went to the seaside together.",
        "kind": "story",
        "voice": "family",
        "recorded_on": "2026-10-01",
        "consent": "not_needed",
        "visibility": "public_report",
    }
    response = client.post(reverse("progress:story_create"), data)
    assert response.status_code == 200
    assert "Consent is only not needed when the story is anonymised." in response.content.decode()
    assert not Story.objects.exists()
    response = client.post(reverse("progress:story_create"), {**data, "anonymised": "on"})
    assert response.status_code == 302
    story = Story.objects.get()
    assert story.recorded_by == world.users["family_carer"]
    assert story.partnership == world.partnership


def test_withdrawing_consent_takes_a_story_out_of_the_report(world, client_for):
    story = Story.objects.create(
        partnership=world.partnership,
        title="Pancakes on Sunday",
        text="We make pancakes.",
        voice=Story.Voice.CHILD,
        consent=Consent.GIVEN,
        visibility=Visibility.PUBLIC_REPORT,
        recorded_by=world.users["promise_lead"],
    )
    reader = client_for("supervisor")
    assert "Pancakes on Sunday" in reader.get(reverse("progress:report")).content.decode()
    lead = client_for("promise_lead")
    response = lead.post(
        reverse("progress:story_edit", args=[story.pk]),
        {
            "title": story.title,
            "text": story.text,
            "kind": "story",
            "voice": "child",
            "recorded_on": "2026-10-01",
            "consent": "withdrawn",
            "visibility": "public_report",
        },
    )
    assert response.status_code == 302
    assert "Pancakes on Sunday" not in reader.get(reverse("progress:report")).content.decode()
    assert reader.get(reverse("progress:story_detail", args=[story.pk])).status_code == 404


def test_the_change_history_never_holds_a_storys_words(world):
    from auditlog.models import LogEntry

    story = Story.objects.create(
        partnership=world.partnership,
        title="A private title",
        text="Very private words.",
        voice=Story.Voice.CHILD,
        consent=Consent.GIVEN,
        recorded_by=world.users["promise_lead"],
    )
    story.text = "Other private words."
    story.save()
    logged = " ".join(str(entry.changes) for entry in LogEntry.objects.get_for_object(story))
    assert "private" not in logged
