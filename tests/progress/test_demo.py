"""The demo partnership gets frameworks, initiatives, a year of assessments and evidence."""

import re

from django.urls import reverse

from scaffolding.core import demo
from scaffolding.progress import demo as progress_demo
from scaffolding.progress.models import Assessment, FrameworkItem, Initiative, Measure, Story

RETIRED = re.compile(r"\b(placements?|contact|respite|service users?|LAC|units?|cases?)\b", re.I)


def test_demo_builds_progress(db, client):
    ctx = demo.build(size=40)
    items = FrameworkItem.objects.filter(partnership=ctx.partnership)
    assert items.count() == 59
    assert Initiative.objects.filter(partnership=ctx.partnership).count() == len(
        progress_demo.INITIATIVES
    )
    # Some calls to action have no initiative, so that they stand out.
    assert items.filter(initiatives__isnull=True).exists()
    dates = Assessment.objects.filter(partnership=ctx.partnership).values_list(
        "assessed_on", flat=True
    )
    assert (max(dates) - min(dates)).days >= 300
    assert all(Measure.objects.get(name=m[0]).points.count() == 12 for m in progress_demo.MEASURES)
    stories = Story.objects.filter(partnership=ctx.partnership)
    assert stories.shareable().count() == stories.count() - 1
    client.force_login(ctx.accounts["promise_lead"])
    for name in ("progress:overview", "progress:evidence", "progress:initiative_list"):
        assert client.get(reverse(name)).status_code == 200


def test_demo_words_keep_the_language_of_care():
    texts = [str(value) for row in progress_demo.INITIATIVES for value in row]
    texts += [str(value) for row in progress_demo.MEASURES for value in row]
    texts += [str(value) for row in progress_demo.STORIES for value in row]
    found = [text for text in texts if RETIRED.search(text)]
    assert not found, found
