"""The home page shows what needs each person today, from panels each app offers."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from scaffolding.core.home import Panel
from scaffolding.supervision.models import Attendance, Session, SessionKind, SupportAction
from scaffolding.workforce.models import ImportJob
from tests.conftest import ROLES
from tests.supervision.fixtures import supervision_world
from tests.workforce.helpers import activity, completed


def _home(client):
    return client.get("/").content.decode()


def test_practitioner_sees_next_session_records_to_agree_overdue_actions_and_renewals(
    world, client_for
):
    made = supervision_world(world)  # a draft record with the supervisor, not yet agreed
    today = timezone.localdate()
    booked = Session.objects.create(
        partnership=world.partnership,
        kind=SessionKind.ONE_TO_ONE,
        held_on=today + timedelta(days=4),
        facilitator=world.people["supervisor"],
    )
    Attendance.objects.create(session=booked, person=world.people["practitioner"])
    SupportAction.objects.create(
        session=made["session"],
        description="Ask for the quiet room",
        owner=world.people["practitioner"],
        due_on=today - timedelta(days=1),
    )
    refresher = activity(world, "Attachment in practice", refresh=12)
    completed(world.people["practitioner"], refresher, today - timedelta(days=350))
    body = _home(client_for("practitioner"))
    assert "My supervision" in body
    assert f"{booked.held_on:%A} {booked.held_on.day} {booked.held_on:%B %Y}" in body
    assert "with Shona Supervisor" in body
    assert "Records to agree" in body and str(made["session"]) in body
    assert "Ask for the quiet room" in body and "Overdue" in body
    assert "Learning to renew" in body and "Attachment in practice: expires on" in body


def test_supervisor_sees_who_is_due_with_book_links_and_drafts(world, client_for):
    supervision_world(world)
    body = _home(client_for("supervisor"))
    assert "People you supervise" in body
    # Fergus has never been supervised: named, with a link that books with him.
    assert "Fergus Carer: never supervised" in body
    assert f"/supervision/sessions/new/?person={world.people['family_carer'].pk}" in body
    assert "Records to finish" in body


def test_learning_lead_sees_imports_and_expiring_learning(world, client_for):
    ImportJob.objects.create(
        partnership=world.partnership, kind="people", filename="roster.csv", data=b""
    )
    refresher = activity(world, "Attachment in practice", refresh=12)
    completed(world.people["colleague"], refresher, timezone.localdate() - timedelta(days=400))
    body = _home(client_for("learning_lead"))
    assert "Imports and expiring learning" in body
    assert "People (roster) from roster.csv" in body
    assert "1 has expired without being renewed" in body


def test_promise_lead_sees_calls_to_action_to_follow_up(world, client_for):
    from tests.progress.helpers import progress_world

    progress_world(world)
    body = _home(client_for("promise_lead"))
    assert "Calls to action to follow up" in body
    assert "with no initiative yet" in body and "not assessed in the last year" in body


def test_admin_sees_accounts_waiting_and_locked(world, client_for):
    from axes.models import AccessAttempt

    from scaffolding.accounts.models import User

    User.objects.filter(partnership=world.partnership).update(last_login=timezone.now())
    User.objects.create_user(
        email="new@lochside.example",
        full_name="Nina New",
        partnership=world.partnership,
        role="practitioner",
    )
    AccessAttempt.objects.create(
        username="practitioner@lochside.example",
        ip_address="127.0.0.1",
        failures_since_start=5,
        user_agent="test",
        get_data="",
        post_data="",
        http_accept="",
        path_info="/sign-in/",
    )
    body = _home(client_for("partnership_admin"))
    assert "1 waiting for their first sign-in" in body and "Nina New" in body
    locked = body.split("Locked after wrong passwords")[1]
    assert "Eilidh Practitioner" in locked.split("</ul>")[0]


def test_panels_come_from_each_apps_home_panels_hook(world, client_for, monkeypatch):
    config = apps.get_app_config("core")
    monkeypatch.setattr(config, "home_panels", ["tests.core.test_home.a_test_panel"], raising=False)
    assert "A panel another app offers" in _home(client_for("practitioner"))


def a_test_panel(request):
    return Panel("A panel another app offers", "core/pagination.html")


@pytest.mark.parametrize("role", ROLES)
def test_home_query_count_does_not_grow_with_data(role, world, client_for):
    from tests.supervision.test_queries import grow

    client = client_for(role)
    grow(world, 10, seed=1)
    with CaptureQueriesContext(connection) as small:
        client.get("/")
    grow(world, 80, seed=2)
    with CaptureQueriesContext(connection) as large:
        client.get("/")
    assert len(large) == len(small), f"{role}: {len(small)} queries, then {len(large)}"
