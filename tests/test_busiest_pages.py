"""The busiest pages ask the database an exact number of times, at two data sizes.

Each count is written out query by query, so that a new query on one of these pages
is a decision someone makes (and writes down here), never an accident. The same
number must hold with little data and with several times more: people, a year of
supervision, learning records and a young person's story all grow between the two.

Each page is opened once before counting, so that what a first request fills in
(caches kept for the process) does not depend on which tests ran before.
"""

import pytest
from django.urls import reverse

from tests.conftest import work_out_figures
from tests.supervision.test_queries import grow as grow_supervision
from tests.voice.test_pages_for_children import grow as grow_story
from tests.workforce.helpers import build_learning
from tests.workforce.test_pages import grow as grow_learning

# Every signed-in page starts with the same three.
SIGNED_IN = [
    "the session",
    "the account",
    "the account's partnership",
]

PAGES = {
    "home, practitioner": (
        "practitioner",
        lambda world: "/",
        [
            *SIGNED_IN,
            # Read once: the menu's permission checks, the learning panel and the
            # supervision panel all share it.
            "request.person: the practitioner's register entry",
            "learning to renew within 60 days, with its activity",
            "their next scheduled supervision, with the facilitator",
            "their draft session records not yet signed off, with the facilitator",
            "their overdue support actions (first six)",
        ],
    ),
    "my supervision, practitioner": (
        "practitioner",
        lambda world: reverse("supervision:mine"),
        [
            *SIGNED_IN,
            "request.person: the practitioner's register entry",
            "cadence: the role profiles' new-starter months",
            "cadence: their standing, worked out in the database from their summary",
            "cadence: their next booked session",
            "their sessions (a page), with facilitator and group",
            "how many sessions they have (for the pages)",
            "support actions on those sessions",
            "their check-ins",
            "who was in those sessions",
            "supervision agreements they are part of, with both people",
            "reflections their supervisees shared with them (last twenty)",
        ],
    ),
    "people list, learning lead": (
        "learning_lead",
        lambda world: reverse("workforce:people"),
        [
            *SIGNED_IN,
            "how many people are current (for the pages)",
            "organisations, for the filter",
            "teams with their organisation, for the filter",
            "one page of people, with organisation, team and role profile",
        ],
    ),
    "learning gaps, learning lead": (
        "learning_lead",
        lambda world: reverse("workforce:gaps"),
        [
            *SIGNED_IN,
            "the newest figures the worker kept (core.figures)",
            "a request for new figures still being worked on",
            "the highest NES level any active activity offers",
            "topics some active activity covers",
            "role profiles",
            "their required topics (prefetched)",
        ],
    ),
    "young person's page, named worker": (
        "practitioner",
        lambda world: reverse("voice:young_person", args=[world.extra["young_person"].pk]),
        [
            *SIGNED_IN,
            "the young person",
            "request.person: the worker's register entry",
            "is this worker linked to them now?",
            "story items shared with this worker",
            "every item's date (for the newest first, and what is new)",
            "'about me', if they wrote it",
            "their views for meetings, if shared with this worker",
            "everyone linked to them, past and present, with names and who linked them",
            # Asked once and remembered for the request: the page needs it for the reads
            # without their share and for three permissions (invite, decide, manage links).
            "is this worker their named worker?",
            "safety alerts not yet acknowledged",
            "decisions made on their behalf, with who made them",
            "reads without their share, with the reason (last twenty)",
        ],
    ),
}


@pytest.fixture
def busy_world(world):
    build_learning(world)
    grow_supervision(world, 10, seed=1)
    grow_learning(world, 30)
    grow_story(world, 3)
    return world


@pytest.mark.parametrize("page", list(PAGES))
def test_the_busiest_pages_ask_an_exact_number_of_queries(
    page, busy_world, client_for, django_assert_num_queries
):
    role, url_for, queries = PAGES[page]
    client = client_for(role)
    url = url_for(busy_world)
    work_out_figures(busy_world.partnership.pk)  # pages that show what the worker kept

    def assert_queries():
        assert client.get(url).status_code == 200
        with django_assert_num_queries(len(queries)):
            assert client.get(url).status_code == 200

    assert_queries()
    # Several times more of everything.
    grow_supervision(busy_world, 40, seed=2)
    grow_learning(busy_world, 60)
    grow_story(busy_world, 9)
    assert_queries()
