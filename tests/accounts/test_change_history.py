from auditlog.models import LogEntry

from scaffolding.accounts.models import Team
from scaffolding.workforce.models import Person


def test_every_change_is_kept_with_who_and_when(client_for, world):
    admin = client_for("partnership_admin")
    practitioner = world.users["practitioner"]
    admin.post(
        f"/accounts/{practitioner.pk}/",
        {
            "full_name": "Eilidh Grant",
            "email": practitioner.email,
            "role": "practitioner",
            "is_active": "on",
        },
    )
    entry = LogEntry.objects.get_for_object(practitioner).order_by("-timestamp").first()
    assert entry.actor == world.users["partnership_admin"]
    assert entry.changes_dict["full_name"] == ["Eilidh Practitioner", "Eilidh Grant"]
    body = admin.get("/change-history/").content.decode()
    assert "Eilidh Grant" in body
    assert "Iona Admin" in body


def test_change_history_never_holds_password_hashes(world):
    user = world.users["practitioner"]
    user.set_password("another-long-password-42")
    user.save()
    for entry in LogEntry.objects.get_for_object(user):
        assert "password" not in (entry.changes_dict or {})


def test_change_history_is_scoped_to_the_partnership(client_for, world):
    Team.objects.create(organisation=world.other_team.organisation, name="Farhill Secret Team")
    body = client_for("partnership_admin").get("/change-history/").content.decode()
    assert "Farhill Secret Team" not in body
    outsider_body = client_for("outsider").get("/change-history/").content.decode()
    assert "Farhill Secret Team" in outsider_body
    assert "Eilidh Practitioner" not in outsider_body


def test_change_history_filters_by_kind_action_and_person(client_for, world):
    admin = client_for("partnership_admin")
    person = world.people["colleague"]
    person.full_name = "Callum Renamed"
    person.save()
    from django.contrib.contenttypes.models import ContentType

    person_type = ContentType.objects.get_for_model(Person).pk
    body = admin.get(f"/change-history/?record_type={person_type}&action=1").content.decode()
    assert "Callum Renamed" in body
    assert "Lochside Council" not in body  # organisation creations are filtered out
    nobody = admin.get("/change-history/?who=nobody-by-this-name").content.decode()
    assert "No changes match." in nobody


def test_change_history_refuses_a_backwards_date_range_clearly(client_for, world):
    body = (
        client_for("partnership_admin")
        .get("/change-history/?date_from=2026-05-01&date_to=2026-01-01")
        .content.decode()
    )
    assert "The end date must be on or after the start date." in body


def test_change_history_page_uses_a_constant_number_of_queries(client_for, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    admin = client_for("partnership_admin")
    admin.get("/change-history/")
    with CaptureQueriesContext(connection) as small:
        admin.get("/change-history/")
    for index in range(30):
        Team.objects.create(organisation=world.organisation, name=f"Team {index}")
    # session, user, OTP device, count, page of entries (actor and type joined), and
    # one query per kind of related record named on the page (not per entry).
    with CaptureQueriesContext(connection) as larger:
        admin.get("/change-history/")
    assert len(larger) <= len(small) + 1
    assert len(larger) <= 16
