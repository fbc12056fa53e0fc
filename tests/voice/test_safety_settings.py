"""The partnership admin's safety settings: who hears an "I don't feel safe", and how soon."""

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.test import Client
from django.urls import reverse

from scaffolding.voice import domain
from scaffolding.voice.models import SafetySettings
from tests.conftest import sign_in

URL = "voice:safety_settings"
GOOD = {
    "duty_name": "Lochside duty team",
    "duty_email": "duty@lochside.example",
    "next_email": "manager@lochside.example",
    "acknowledge_within_minutes": "20",
}


def admin(world):
    return sign_in(Client(), world.users["partnership_admin"])


def test_without_settings_the_page_says_plainly_what_happens(world):
    html = admin(world).get(reverse(URL)).content.decode()
    assert "no duty contact yet" in html
    assert "emailed only to their named workers" in html
    assert f"within {domain.DEFAULT_ACKNOWLEDGE_MINUTES} minutes" in html
    # And that is what the service does.
    alert = domain.raise_alert(world.extra["young_person"])
    assert alert.due_by - alert.raised_at == timedelta(minutes=domain.DEFAULT_ACKNOWLEDGE_MINUTES)
    assert domain.alert_recipients(alert, escalated=True) == ["eilidh@lochside.example"]


def test_the_admin_creates_the_settings_and_the_next_alert_uses_them(
    world, django_capture_on_commit_callbacks
):
    client = admin(world)
    response = client.post(reverse(URL), GOOD)
    assert response.status_code == 302
    row = SafetySettings.objects.get()
    assert row.partnership == world.partnership
    assert (row.duty_email, row.acknowledge_within_minutes) == ("duty@lochside.example", 20)
    html = client.get(reverse(URL)).content.decode()
    assert 'value="duty@lochside.example"' in html
    assert "within 20 minutes" in html

    with django_capture_on_commit_callbacks(execute=True):
        alert = domain.raise_alert(world.extra["young_person"], "I am scared.")
    assert alert.due_by - alert.raised_at == timedelta(minutes=20)
    assert sorted(mail.outbox[0].to) == ["duty@lochside.example", "eilidh@lochside.example"]
    assert "manager@lochside.example" in domain.alert_recipients(alert, escalated=True)


def test_changing_the_settings_edits_the_one_row_and_keeps_the_history(world):
    client = admin(world)
    client.post(reverse(URL), GOOD)
    client.post(reverse(URL), GOOD | {"duty_email": "night-duty@lochside.example"})
    row = SafetySettings.objects.get()
    assert row.duty_email == "night-duty@lochside.example"
    entries = LogEntry.objects.get_for_object(row)
    assert entries.count() == 2
    assert entries.first().changes["duty_email"] == [
        "duty@lochside.example",
        "night-duty@lochside.example",
    ]
    history = client.get(reverse("accounts:audit_log")).content.decode()
    assert "night-duty@lochside.example" in history


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"acknowledge_within_minutes": "4"}, "acknowledge_within_minutes", "between 5"),
        ({"acknowledge_within_minutes": "1441"}, "acknowledge_within_minutes", "between 5"),
        ({"acknowledge_within_minutes": "-3"}, "acknowledge_within_minutes", "between 5"),
        ({"acknowledge_within_minutes": "soon"}, "acknowledge_within_minutes", "whole number"),
        ({"duty_email": "duty at lochside"}, "duty_email", "like duty@example.org"),
        ({"duty_email": ""}, "duty_email", "Enter the duty contact's email"),
        ({"next_email": "the manager"}, "next_email", "like manager@example.org"),
        ({"next_email": "duty@lochside.example"}, "next_email", "someone other than"),
    ],
)
def test_bad_settings_are_refused_with_a_message_next_to_the_field(world, change, field, message):
    response = admin(world).post(reverse(URL), GOOD | change)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not SafetySettings.objects.exists()


def test_the_edges_of_the_range_are_allowed(world):
    client = admin(world)
    for minutes in ("5", "1440"):
        assert (
            client.post(reverse(URL), GOOD | {"acknowledge_within_minutes": minutes}).status_code
            == 302
        )
        assert SafetySettings.objects.get().acknowledge_within_minutes == int(minutes)


def test_each_partnership_edits_only_its_own_settings(world):
    theirs = SafetySettings.objects.create(
        partnership=world.other_partnership, duty_email="duty@farhill.example"
    )
    client = admin(world)
    assert "duty@farhill.example" not in client.get(reverse(URL)).content.decode()
    client.post(reverse(URL), GOOD)
    theirs.refresh_from_db()
    assert theirs.duty_email == "duty@farhill.example"
    assert SafetySettings.objects.count() == 2


def test_the_admin_finds_the_page_in_the_menu_and_nobody_else_does(world):
    assert reverse(URL) in admin(world).get(reverse("core:home")).content.decode()
    practitioner = sign_in(Client(), world.users["practitioner"])
    assert reverse(URL) not in practitioner.get(reverse("voice:young_people")).content.decode()
