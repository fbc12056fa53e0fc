"""Privacy, as a matrix: who can read which words.

- A private reflection: its author only, until they share that entry.
- A shared session summary: those who took part.
- Managers and leads: that supervision happened and when, never what was said.
- Check-in answers: the worker only; others see aggregates of five or more.
"""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from scaffolding.supervision.models import CheckIn, Reflection
from tests.conftest import ROLES, work_out_figures
from tests.supervision.fixtures import supervision_world

SUMMARY = "We talked about how Jamie settles at bedtime."
PROMPT_NOTE = "Jamie asked Eilidh to read again."
PRIVATE = "A private thought about a hard visit"
SHARED = "Something I want Shona to know"

# Every page each role can open in supervision, and the words that must never be on it.
PAGES = [
    "supervision:mine",
    "supervision:cadence",
    "supervision:groups",
    "supervision:wellbeing_overview",
    "supervision:provision",
    "supervision:training",
    "supervision:reflections",
    "supervision:check_in",
]

# (words, roles who may read them somewhere in supervision)
WHO_READS = [
    (SUMMARY, {"practitioner", "supervisor"}),
    (PROMPT_NOTE, {"practitioner", "supervisor"}),
    (PRIVATE, {"practitioner"}),
    (SHARED, {"practitioner", "supervisor"}),
]


def _pages_for(world, made):
    urls = [reverse(name) for name in PAGES]
    urls += [
        reverse("supervision:session", args=[made["session"].pk]),
        reverse("supervision:session_edit", args=[made["session"].pk]),
        reverse("supervision:group", args=[made["group"].pk]),
        reverse("supervision:reflection", args=[made["private_reflection"].pk]),
        reverse("supervision:reflection", args=[made["shared_reflection"].pk]),
        reverse("workforce:person", args=[world.people["practitioner"].pk]),
        reverse("accounts:audit_log"),
    ]
    return urls


@pytest.mark.parametrize("role", ROLES)
def test_words_reach_only_those_they_belong_to(role, world, client_for):
    made = supervision_world(world)
    work_out_figures(world.partnership.pk)  # the kept figures pages show, too
    client = client_for(role)
    seen = ""
    for url in _pages_for(world, made):
        response = client.get(url)
        if response.status_code == 200:
            seen += response.content.decode()
    for words, readers in WHO_READS:
        if role in readers:
            assert words in seen, f"{role} should be able to read {words!r}"
        else:
            assert words not in seen, f"{role} can read {words!r}"


def test_sharing_one_entry_shows_only_that_entry_and_can_be_undone(world, client_for):
    made = supervision_world(world)
    private = made["private_reflection"]
    another = Reflection.objects.create(
        partnership=world.partnership, author=private.author, text="Still only mine"
    )
    practitioner, supervisor = client_for("practitioner"), client_for("supervisor")
    url = reverse("supervision:reflection", args=[private.pk])
    assert supervisor.get(url).status_code == 404

    practitioner.post(reverse("supervision:reflection_share", args=[private.pk]), {"share": "1"})
    assert supervisor.get(url).status_code == 200
    assert PRIVATE in supervisor.get(url).content.decode()
    assert supervisor.get(reverse("supervision:reflection", args=[another.pk])).status_code == 404
    mine = supervisor.get(reverse("supervision:mine")).content.decode()
    assert "Reflections shared with me" in mine

    practitioner.post(reverse("supervision:reflection_share", args=[private.pk]), {"share": "0"})
    assert supervisor.get(url).status_code == 404


def test_only_the_author_can_share_their_reflection(world, client_for):
    made = supervision_world(world)
    private = made["private_reflection"]
    response = client_for("supervisor").post(
        reverse("supervision:reflection_share", args=[private.pk]), {"share": "1"}
    )
    assert response.status_code == 404
    private.refresh_from_db()
    assert private.shared_with_supervisor is False


def test_the_change_history_shows_changed_but_never_the_words(world, client_for):
    made = supervision_world(world)
    reflection = made["private_reflection"]
    reflection.text = "A second private thought"
    reflection.save()
    CheckIn.objects.create(
        partnership=world.partnership,
        person=world.people["practitioner"],
        feeling=1,
        workload=1,
        supported=0,
        note="I cried in the car",
    )
    entries = LogEntry.objects.filter(additional_data__partnership_id=world.partnership.pk)
    stored = " ".join(str(entry.changes) for entry in entries)
    for words in (PRIVATE, "A second private thought", "I cried in the car", SUMMARY):
        assert words not in stored
    reflection_changes = [
        e
        for e in entries
        if e.content_type.model == "reflection" and e.action == LogEntry.Action.UPDATE
    ]
    assert reflection_changes and "text" in reflection_changes[0].changes_dict

    page = client_for("partnership_admin").get(reverse("accounts:audit_log")).content.decode()
    assert "I cried in the car" not in page and "A second private thought" not in page
    assert "(changed)" in page


def test_leads_see_dates_and_kinds_not_summaries(world, client_for):
    made = supervision_world(world)
    for role in ("learning_lead", "promise_lead", "partnership_admin"):
        page = client_for(role).get(reverse("supervision:cadence")).content.decode()
        assert world.people["practitioner"].full_name in page
        assert made["session"].held_on.strftime("%-d %b %Y") in page
        assert SUMMARY not in page


def test_learning_lead_sees_group_attendance_but_not_the_session_record(world, client_for):
    from scaffolding.supervision.models import Attendance, Session

    made = supervision_world(world)
    group_session = Session.objects.create(
        partnership=world.partnership,
        kind="group",
        status=Session.Status.DRAFT,
        held_on=made["session"].held_on,
        facilitator=world.people["supervisor"],
        group=made["group"],
        summary="What the group shared",
    )
    Attendance.objects.create(session=group_session, person=world.people["practitioner"])
    lead = client_for("learning_lead")
    page = lead.get(reverse("supervision:group", args=[made["group"].pk])).content.decode()
    assert "Came" in page
    assert "What the group shared" not in page
    assert lead.get(reverse("supervision:session", args=[group_session.pk])).status_code == 404
    member = client_for("practitioner")
    assert member.get(reverse("supervision:session", args=[group_session.pk])).status_code == 200
