"""A young person's own pages, the worker's pages, bad input, and nothing half saved."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from scaffolding.relationships.models import (
    KeptRelationship,
    Kind,
    Move,
    PersonWhoMatters,
    Settings,
    StayingInTouchPlan,
    TimeTogether,
)
from scaffolding.voice.models import LinkKind, YoungPerson
from scaffolding.workforce.models import Person
from tests.conftest import sign_in

from .fixtures import relationships_world
from .helpers import link, young_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def rel(world):
    return relationships_world(world)


@pytest.fixture
def skye_account(world, rel, client):
    """Skye signs in as herself (the young person's role)."""
    from scaffolding.accounts.models import Role, User

    user = User.objects.create_user(
        email="skye@young.lochside.example",
        password="a-long-test-password",
        full_name="Skye Morrison",
        partnership=world.partnership,
        role=Role.YOUNG_PERSON,
    )
    rel["young_person"].account = user
    rel["young_person"].save()
    return sign_in(client, user)


def test_a_young_person_sees_and_adds_to_their_own_list(skye_account, rel):
    young = rel["young_person"]
    response = skye_account.get(reverse("relationships:home"))
    assert response["Location"] == reverse("relationships:young_person", args=[young.pk])
    page = skye_account.get(response["Location"]).content.decode()
    assert "People who matter to me" in page
    assert "Gran" in page and "More time together" in page
    assert "Callum" in page and "You live apart." in page

    response = skye_account.post(
        reverse("relationships:add_person", args=[young.pk]),
        {"name": "Biscuit", "kind": Kind.PET, "wants": "same", "how_often": "Every day"},
    )
    assert response.status_code == 302
    biscuit = PersonWhoMatters.objects.get(name="Biscuit")
    assert biscuit.young_person == young and biscuit.wants == "same"
    # The worker field is not offered to a young person.
    form = skye_account.get(reverse("relationships:add_person", args=[young.pk])).content.decode()
    assert 'name="worker"' not in form


def test_a_young_person_sees_nothing_of_another_young_person(world, skye_account, rel):
    other = young_person(world, "Rory")
    gran = PersonWhoMatters.objects.create(young_person=other, name="Nana", kind=Kind.GRANDPARENT)
    for url in (
        reverse("relationships:young_person", args=[other.pk]),
        reverse("relationships:add_person", args=[other.pk]),
        reverse("relationships:person", args=[gran.pk]),
    ):
        assert skye_account.get(url).status_code == 404
    # Their own moves they may read, but recording or reviewing one is for workers:
    # a young person's account is turned away from workers' pages (voice.middleware).
    move = rel["move"]
    assert skye_account.get(reverse("relationships:move", args=[move.pk])).status_code == 200
    assert skye_account.get(reverse("relationships:move_review", args=[move.pk])).status_code == 403
    assert (
        skye_account.get(
            reverse("relationships:record_move", args=[rel["young_person"].pk])
        ).status_code
        == 403
    )
    # Partnership pages are not for young people.
    assert skye_account.get(reverse("relationships:siblings")).status_code == 403
    assert skye_account.get(reverse("relationships:plan", args=[rel["plan"].pk])).status_code == 403


def test_an_unlinked_worker_sees_nothing(world, rel, client_for):
    other = young_person(world, "Rory")
    nana = PersonWhoMatters.objects.create(young_person=other, name="Nana", kind=Kind.GRANDPARENT)
    client = client_for("practitioner")
    for url in (
        reverse("relationships:young_person", args=[other.pk]),
        reverse("relationships:person", args=[nana.pk]),
        reverse("relationships:add_time", args=[nana.pk]),
        reverse("relationships:record_move", args=[other.pk]),
    ):
        assert client.get(url).status_code == 404
    assert "Rory" not in client.get(reverse("relationships:home")).content.decode()


def test_an_ended_link_closes_the_list(world, rel, client_for):
    young = rel["young_person"]
    young.links.filter(person=world.people["practitioner"]).update(ended_at=timezone.now())
    client = client_for("practitioner")
    assert client.get(reverse("relationships:young_person", args=[young.pk])).status_code == 404


def test_a_brother_or_sister_needs_living_together_answered(world, rel, client_for):
    client = client_for("practitioner")
    young = rel["young_person"]
    before = PersonWhoMatters.objects.count()
    response = client.post(
        reverse("relationships:add_person", args=[young.pk]), {"name": "Ava", "kind": Kind.SIBLING}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Say if you live together." in page
    assert 'id="id_lives_together_error"' in page
    response = client.post(
        reverse("relationships:add_person", args=[young.pk]),
        {"name": "Ava", "kind": Kind.SIBLING, "lives_together": "no"},
    )
    assert "Say why you live apart." in response.content.decode()
    assert PersonWhoMatters.objects.count() == before


def test_ending_keeps_them_as_former(world, rel, client_for):
    client = client_for("family_carer")
    gran = rel["gran"]
    response = client.post(
        reverse("relationships:end_person", args=[gran.pk]), {"reason": "Moved away"}
    )
    assert response.status_code == 302
    gran.refresh_from_db()
    assert gran.ended_at is not None and gran.ended_reason == "Moved away"
    page = client.get(
        reverse("relationships:young_person", args=[gran.young_person_id])
    ).content.decode()
    assert "From before" in page and "Gran" in page


def test_a_worker_removed_from_the_register_stays_by_name(world, rel, client_for):
    young = rel["young_person"]
    former = Person.objects.create(
        partnership=world.partnership,
        full_name="Morag Former",
        organisation=world.organisation,
        relationship="paid",
        closeness="regular_direct",
        start_date=date(2020, 1, 1),
    )
    moved_on = world.people["colleague"]
    PersonWhoMatters.objects.create(
        young_person=young, name="Morag", kind=Kind.WORKER, worker=former
    )
    PersonWhoMatters.objects.create(
        young_person=young, name="Callum C", kind=Kind.WORKER, worker=moved_on
    )
    moved_on.end_date = date.today() - timedelta(days=1)
    moved_on.save()
    former.delete()
    page = (
        client_for("practitioner")
        .get(reverse("relationships:young_person", args=[young.pk]))
        .content.decode()
    )
    assert "Morag" in page
    assert "Callum C" in page and "(moved on)" in page


def test_time_together(world, rel, client_for):
    client = client_for("family_carer")
    gran = rel["gran"]
    response = client.post(
        reverse("relationships:add_time", args=[gran.pk]),
        {"on": "2026-11-01", "what": "Baked scones", "notes": ""},
    )
    assert response.status_code == 302
    (time,) = TimeTogether.objects.all()
    assert (
        time.young_person_id == gran.young_person_id
        and time.recorded_by == world.users["family_carer"]
    )
    page = client.get(reverse("relationships:person", args=[gran.pk])).content.decode()
    assert "Baked scones" in page and "Family time with Gran" in page
    response = client.post(
        reverse("relationships:add_time", args=[gran.pk]), {"on": "", "what": ""}
    )
    assert response.status_code == 200 and TimeTogether.objects.count() == 1
    assert "Say what you did." in response.content.decode()


def move_post(young, **extra):
    data = {"kind": "planned", "moved_on": "2026-12-20", "to_home": "Birch House"}
    data.update(extra)
    return data


def test_a_planned_move_cannot_be_saved_without_its_plan(world, rel, client_for):
    client = client_for("practitioner")
    young = rel["young_person"]
    before = Move.objects.count()
    response = client.post(reverse("relationships:record_move", args=[young.pk]), move_post(young))
    page = response.content.decode()
    assert response.status_code == 200
    for message in (
        "Say when they were told about the move.",
        "Say how they were told about the move.",
        "Say what they wanted.",
        "Say which relationships are kept and how.",
    ):
        assert message in page
    assert 'id="id_told_on_error"' in page
    assert Move.objects.count() == before and not KeptRelationship.objects.exists()


def test_a_kept_relationship_needs_how(world, rel, client_for):
    client = client_for("practitioner")
    young, gran = rel["young_person"], rel["gran"]
    response = client.post(
        reverse("relationships:record_move", args=[young.pk]),
        move_post(
            young,
            told_on="2026-11-20",
            how_told="Together at home",
            what_they_wanted="To keep seeing Gran",
            **{f"keep_{gran.pk}": "on"},
        ),
    )
    assert "Say how the relationship with Gran is kept." in response.content.decode()
    assert Move.objects.count() == 1  # only the fixture's emergency move


def test_a_planned_move_with_its_plan_and_relationships_kept(world, rel, client_for):
    client = client_for("practitioner")
    young, gran = rel["young_person"], rel["gran"]
    response = client.post(
        reverse("relationships:record_move", args=[young.pk]),
        move_post(
            young,
            told_on="2026-11-20",
            how_told="Together at home, with time for questions",
            what_they_wanted="To keep seeing Gran",
            school="Same school, taxi each day",
            **{f"keep_{gran.pk}": "on", f"how_{gran.pk}": "Gran visits every Sunday"},
        ),
    )
    assert response.status_code == 302
    move = Move.objects.get(kind="planned")
    assert move.has_plan and move.review_due_by is None
    assert [(k.person, k.how) for k in move.kept.all()] == [(gran, "Gran visits every Sunday")]
    page = client.get(response["Location"]).content.decode()
    assert "Gran visits every Sunday" in page and "Same school, taxi each day" in page


def test_an_emergency_move_may_wait_for_its_plan_and_is_flagged_for_review(world, rel, client_for):
    Settings.objects.create(partnership=world.partnership, emergency_review_days=10)
    client = client_for("practitioner")
    young = rel["young_person"]
    url = reverse("relationships:record_move", args=[young.pk])
    response = client.post(url, move_post(young, kind="emergency"))
    assert "Give the plan now, or the date it is due by." in response.content.decode()
    response = client.post(url, move_post(young, kind="emergency", plan_due_by="2026-12-27"))
    assert response.status_code == 302
    move = Move.objects.exclude(pk=rel["move"].pk).get()
    assert not move.has_plan
    assert move.review_due_by == date(2026, 12, 30)
    page = client.get(response["Location"]).content.decode()
    assert "reviewed by 30 December 2026" in page and "Write the plan" in page

    plan_url = reverse("relationships:move_plan", args=[move.pk])
    response = client.post(plan_url, {"told_on": "2026-12-21"})
    assert "Say how they were told about the move." in response.content.decode()
    gran = rel["gran"]
    response = client.post(
        plan_url,
        {
            "told_on": "2026-12-21",
            "how_told": "On the way to the new house",
            "what_they_wanted": "To stay near Gran",
            f"keep_{gran.pk}": "on",
            f"how_{gran.pk}": "Phone calls every evening",
        },
    )
    assert response.status_code == 302
    move.refresh_from_db()
    assert move.has_plan and move.kept.count() == 1

    response = client.post(
        reverse("relationships:move_review", args=[move.pk]),
        {"reviewed_on": "2026-12-28", "review_notes": "Settling; Gran visits"},
    )
    assert response.status_code == 302
    move.refresh_from_db()
    assert move.reviewed_on == date(2026, 12, 28)


def test_the_supervisor_agrees_a_plan_and_sees_the_next_supervision(world, rel, client_for):
    from scaffolding.supervision.models import Attendance, Session, SessionKind

    colleague = world.people["colleague"]
    session = Session.objects.create(
        partnership=world.partnership,
        kind=SessionKind.ONE_TO_ONE,
        held_on=timezone.localdate() + timedelta(days=6),
        facilitator=world.people["supervisor"],
    )
    Attendance.objects.create(session=session, person=colleague)
    client = client_for("supervisor")
    page = client.get(reverse("relationships:staying_in_touch")).content.decode()
    assert "Callum Colleague" in page
    assert (
        f"Next supervision: {session.held_on:%A} {session.held_on.day} {session.held_on:%B %Y}"
        in page
    )
    assert "Staying in touch with Skye" in page

    url = reverse("relationships:plan", args=[rel["plan"].pk])
    response = client.post(url, {"what_they_want": "", "how_it_continues": ""})
    assert response.status_code == 200
    assert "Say what the young person wants." in response.content.decode()
    assert 'id="id_what_they_want_error"' in response.content.decode()
    response = client.post(
        url, {"what_they_want": "A card at birthdays", "how_it_continues": "Cards twice a year"}
    )
    assert response.status_code == 302
    plan = StayingInTouchPlan.objects.get()
    assert plan.status == "agreed" and plan.agreed_by == world.users["supervisor"]


def test_siblings_page_names_only_those_linked(world, rel, client_for):
    other = young_person(world, "Rory")
    PersonWhoMatters.objects.create(
        young_person=other,
        name="Eilidh",
        kind=Kind.SIBLING,
        lives_together=False,
        apart_reason="Different homes",
        wants="more",
    )
    lead = client_for("promise_lead").get(reverse("relationships:siblings")).content.decode()
    assert "Callum" not in lead and "Rory" not in lead
    assert "2 (for 2 young people)" in lead
    worker = client_for("practitioner").get(reverse("relationships:siblings")).content.decode()
    assert "Callum lives with his dad." in worker and "Rory" not in worker
    link(other, world.people["practitioner"], kind=LinkKind.SOCIAL_WORKER)
    worker = client_for("practitioner").get(reverse("relationships:siblings")).content.decode()
    assert "Rory" in worker and "Different homes" in worker


def test_siblings_page_counts_only_current_brothers_and_sisters(world, rel, client_for):
    """Ended ones and another partnership's are not counted; 'not said' is neither."""
    rory = young_person(world, "Rory")
    for name, together, wants, ended in (
        ("Eilidh", False, "more", None),
        ("Finn", False, "same", timezone.now()),
        ("Isla", True, "", None),
        ("Kai", True, "", timezone.now()),
        ("Lewis", None, "", None),
    ):
        PersonWhoMatters.objects.create(
            young_person=rory,
            name=name,
            kind=Kind.SIBLING,
            lives_together=together,
            wants=wants,
            ended_at=ended,
        )
    PersonWhoMatters.objects.create(
        young_person=rory, name="Gran", kind=Kind.GRANDPARENT, lives_together=None
    )
    outsider = YoungPerson.objects.create(
        partnership=world.other_partnership,
        full_name="Other Young",
        called="Other",
        date_of_birth=date(2012, 1, 1),
    )
    PersonWhoMatters.objects.create(
        young_person=outsider, name="Bro", kind=Kind.SIBLING, lives_together=False, wants="same"
    )
    response = client_for("promise_lead").get(reverse("relationships:siblings"))
    # Apart: Skye's Callum (same) and Rory's Eilidh (more).
    assert response.context["counts"] == {"apart": 2, "young_people": 2, "enough": 1, "more": 1}
    assert response.context["together"] == 1  # Isla


def test_promise_lead_marks_a_blanket_ban(world, rel, client_for):
    client = client_for("promise_lead")
    response = client.post(
        reverse("relationships:policy_add"),
        {
            "title": "Overnight stays with friends",
            "covers": "Sleepovers",
            "stance": "conditional",
            "review_on": "2027-03-01",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("relationships:policies")).content.decode()
    assert "Overnight stays with friends" in page and "Blanket ban" in page
    assert "2 policies, 1 marked as a blanket ban" in page
    response = client.post(reverse("relationships:policy_add"), {"title": ""})
    assert response.status_code == 200 and 'id="id_stance_error"' in response.content.decode()
