"""'Who has looked' pages through a long history by position, never by counting it."""

import re
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from scaffolding.voice.models import AccessEvent, YoungPerson
from tests.conftest import sign_in


def _looks(world, young, count, at):
    worker = world.users["practitioner"]
    # Three looks share each moment, so paging must also order by id within a moment.
    AccessEvent.objects.bulk_create(
        AccessEvent(
            partnership_id=young.partnership_id,
            young_person=young,
            who=worker,
            who_name=worker.full_name,
            who_role="Practitioner",
            what="item",
            what_title=f"Look {n}",
            how="page",
            at=at - timedelta(minutes=n // 3),
        )
        for n in range(count)
    )


def _titles(html):
    return re.findall(r"“(Look \d+)”", html)


def test_a_young_person_pages_through_every_look_once_newest_first(world, client):
    young = world.extra["young_person"]
    _looks(world, young, 120, timezone.now())
    me = sign_in(client, world.users["young_person"])
    seen, url, queries, pages = [], reverse("voice:who_looked"), [], 0
    while url:
        with CaptureQueriesContext(connection) as captured:
            html = me.get(url).content.decode()
        queries.append(len(captured))
        seen += _titles(html)
        assert ("Back to the newest" in html) == (pages > 0)
        pages += 1
        older = re.search(r'href="\?before=(\d+)"', html)
        url = f"{reverse('voice:who_looked')}?before={older[1]}" if older else None
    assert pages == 3
    expected = [f"Look {n}" for n in range(120)]
    # Within a moment the newest id is first; the moments go newest first.
    assert sorted(seen, key=lambda t: int(t.split()[1])) == expected
    assert len(seen) == len(set(seen)) == 120
    assert seen[:3] == ["Look 2", "Look 1", "Look 0"]
    # Later pages read the look they start from: one query more, and no count at all.
    assert queries[1] == queries[2] == queries[0] + 1


def test_no_count_of_the_history_and_another_young_persons_look_starts_at_the_newest(world, client):
    young = world.extra["young_person"]
    other = YoungPerson.objects.create(
        partnership=young.partnership,
        full_name="Another Young Person",
        called="Ash",
        date_of_birth=young.date_of_birth,
    )
    now = timezone.now()
    _looks(world, young, 60, now)
    _looks(world, other, 5, now - timedelta(days=1))
    theirs = AccessEvent.objects.filter(young_person=other).first()
    me = sign_in(client, world.users["young_person"])
    with CaptureQueriesContext(connection) as captured:
        html = me.get(f"{reverse('voice:who_looked')}?before={theirs.pk}").content.decode()
    assert not any("COUNT(" in q["sql"].upper() for q in captured.captured_queries)
    assert _titles(html)[:3] == ["Look 2", "Look 1", "Look 0"]
    assert "Back to the newest" not in html
    for junk in ("abc", "-1", "99999999999999999999", ""):
        assert me.get(f"{reverse('voice:who_looked')}?before={junk}").status_code == 200
