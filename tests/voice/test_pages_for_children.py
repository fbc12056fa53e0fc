"""Young people's pages: reading age 9 or under (textstat), big targets, constant queries."""

import re
from html import unescape

import pytest
import textstat
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import sign_in
from tests.factories import AccessEventFactory, StoryItemFactory
from tests.voice.fixtures import voice_world

YOUNG_PAGES = [
    "voice:home",
    "voice:item_new",
    "voice:who_looked",
    "voice:about_me",
    "voice:views_new",
    "voice:unsafe",
]


def words_of(html: str) -> str:
    """The visible words of the page's main part, one sentence per line."""
    main = html.split('id="main-content"', 1)[1].split("</main>", 1)[0]
    main = re.sub(r"<(script|style)\b.*?</\1>", " ", main, flags=re.S)
    main = re.sub(r"<(h1|h2|h3|p|li|label|legend|button|a|dt|dd|div)\b", r". <\1", main)
    text = unescape(re.sub(r"<[^>]+>", " ", main))
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"(\.\s*)+", ". ", text).strip(" .")


@pytest.mark.parametrize("name", YOUNG_PAGES)
def test_young_peoples_pages_read_at_age_9_or_under(world, client, name):
    voice_world(world)
    AccessEventFactory(item=world.extra["voice"]["everyone"], who=world.users["practitioner"])
    html = sign_in(client, world.users["young_person"]).get(reverse(name)).content.decode()
    text = words_of(html)
    assert len(text.split()) > 15, text
    # Flesch-Kincaid grade 4 is a reading age of about 9 to 10.
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= 4.0, f"{name} reads at grade {grade}: {text}"


def test_the_young_persons_pages_have_the_safety_and_read_aloud_buttons(world, client):
    html = sign_in(client, world.users["young_person"]).get(reverse("voice:home")).content.decode()
    assert "I don't feel safe" in html
    assert "Read this to me" in html
    assert "voice/read-to-me.js" in html
    assert "Hide this page" in html
    assert "<script>" not in html.split('id="main-content"', 1)[1].split("</main>")[0]


def test_under_8_get_picture_choices_and_a_trusted_adult(world, client):
    from datetime import timedelta

    from django.utils import timezone

    young = world.extra["young_person"]
    young.date_of_birth = timezone.localdate() - timedelta(days=365 * 6)
    young.save()
    html = sign_in(client, world.users["young_person"]).get(reverse("voice:home")).content.decode()
    assert "A grown-up you trust can help you" in html
    assert "sc-picture-choices" in html


def grow(world, n):
    """`n` more items in the young person's story, shared with everyone who works with
    them, each read by their worker and their family carer."""
    young = world.extra["young_person"]
    for item in StoryItemFactory.create_batch(n, young_person=young):
        for reader in ("practitioner", "family_carer"):
            AccessEventFactory(item=item, who=world.users[reader])


@pytest.mark.parametrize(
    "role,name,kwargs",
    [
        ("young_person", "voice:home", None),
        ("young_person", "voice:who_looked", None),
        ("practitioner", "voice:young_person", "young"),
        ("practitioner", "voice:item", "item"),
    ],
)
def test_query_counts_do_not_grow_with_the_story(world, client, role, name, kwargs):
    sign_in(client, world.users[role])

    def count():
        args = {}
        if kwargs == "young":
            args = {"pk": world.extra["young_person"].pk}
        elif kwargs == "item":
            args = {"pk": world.extra["young_person"].items.first().pk}
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(name, kwargs=args)).status_code == 200
        return len(queries)

    grow(world, 2)
    small = count()
    grow(world, 12)
    assert count() == small
