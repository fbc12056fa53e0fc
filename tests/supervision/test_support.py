"""A hard check-in shows where support is and offers, never forces, to tell the supervisor."""

import pytest
from django.core import mail
from django.urls import reverse

from scaffolding.supervision.models import CheckIn, SupportContact
from tests.supervision.fixtures import supervision_world


def _check_in(client, feeling="3", workload="3", supported="2"):
    return client.post(
        reverse("supervision:check_in"),
        {"feeling": feeling, "workload": workload, "supported": supported, "note": "A hard week"},
    )


@pytest.mark.parametrize(
    "answers",
    [{"feeling": "1"}, {"workload": "1"}, {"supported": "0"}],
    ids=["struggling", "far too much", "not supported"],
)
def test_a_hard_check_in_shows_our_contacts_and_national_ones(world, client_for, answers):
    supervision_world(world)
    client = client_for("practitioner")
    response = _check_in(client, **answers)
    entry = CheckIn.objects.filter(person=world.people["practitioner"]).latest("pk")
    assert response["Location"] == reverse("supervision:check_in_support", args=[entry.pk])
    body = client.get(response["Location"]).content.decode()
    assert "Lochside Employee Assistance" in body and "0800 000 1234" in body
    assert "Breathing Space" in body and "0800 83 85 87" in body
    assert "Samaritans" in body and "116 123" in body
    assert "Let Shona Supervisor know" in body
    # Offered, never forced: nothing has been sent.
    assert mail.outbox == []
    entry.refresh_from_db()
    assert entry.supervisor_told_at is None


def test_an_okay_check_in_just_says_thank_you(world, client_for):
    response = _check_in(client_for("practitioner"))
    assert response["Location"] == reverse("supervision:check_in")


def test_letting_the_supervisor_know_emails_them_and_shows_on_their_page(world, client_for):
    made = supervision_world(world)
    entry = made["check_in"]
    url = reverse("supervision:check_in_support", args=[entry.pk])
    client_for("practitioner").post(url)
    entry.refresh_from_db()
    assert entry.supervisor_told_at is not None
    (email,) = mail.outbox
    assert email.to == [world.people["supervisor"].email]
    assert "Eilidh Practitioner" in email.subject
    # Only that they asked: never their answers or note.
    assert "Struggling" not in email.body and "A hard week" not in email.body
    page = client_for("supervisor").get(reverse("supervision:mine")).content.decode()
    assert "Asked you to know they are finding things hard" in page
    assert "Eilidh Practitioner" in page.split("asked-to-know")[2][:600]
    # Told once: asking again sends nothing more.
    client_for("practitioner").post(url)
    assert len(mail.outbox) == 1
    mine = client_for("practitioner").get(url).content.decode()
    assert "You let Shona Supervisor know" in mine


def test_nobody_else_can_tell_the_supervisor_for_them(world, client_for):
    entry = supervision_world(world)["check_in"]
    url = reverse("supervision:check_in_support", args=[entry.pk])
    assert client_for("supervisor").post(url).status_code == 404
    entry.refresh_from_db()
    assert entry.supervisor_told_at is None and mail.outbox == []


def test_without_a_supervisor_the_page_says_so(world, client_for):
    entry = supervision_world(world)["check_in"]
    world.people["practitioner"].supervisor = None
    world.people["practitioner"].save()
    body = client_for("practitioner").get(reverse("supervision:check_in_support", args=[entry.pk]))
    assert "There is no supervisor in the register for you yet." in body.content.decode()


def test_the_admin_adds_changes_and_removes_support_contacts(world, client_for):
    client = client_for("partnership_admin")
    url = reverse("supervision:support_contacts")
    bad = client.post(url, {"name": "Union", "helps_with": "Advice at work", "order": "5"})
    assert "Give at least one way to reach them" in bad.content.decode()
    assert not SupportContact.objects.exists()
    client.post(
        url,
        {
            "name": "Unison Lochside",
            "helps_with": "Advice and representation at work",
            "web": "https://www.unison.org.uk/",
            "order": "5",
        },
    )
    contact = SupportContact.objects.get()
    assert contact.partnership == world.partnership
    edit = reverse("supervision:support_contact", args=[contact.pk])
    client.post(
        edit,
        {
            "name": "Unison Lochside branch",
            "helps_with": "Advice and representation at work",
            "email": "branch@unison.example",
            "order": "5",
        },
    )
    contact.refresh_from_db()
    assert contact.name == "Unison Lochside branch" and contact.email == "branch@unison.example"
    client.post(edit, {"remove": "1"})
    assert not SupportContact.objects.exists()


def test_another_partnerships_contacts_are_never_shown(world, client_for):
    supervision_world(world)
    SupportContact.objects.create(
        partnership=world.other_partnership,
        name="Farhill Occupational Health",
        helps_with="x",
        phone="1",
    )
    body = client_for("practitioner").get(reverse("supervision:check_in")).content.decode()
    assert "Lochside Employee Assistance" in body
    assert "Farhill Occupational Health" not in body
