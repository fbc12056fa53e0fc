"""Asks with a clock: sent to a named person, reminded on the day, passed on when late."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from scaffolding.carers import domain
from scaffolding.carers.models import Area, Ask
from scaffolding.carers.tasks import run_ask_clock
from scaffolding.carers.workdays import add_working_days
from tests.carers.fixtures import carers_world
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

FRIDAY_MORNING = datetime(2026, 11, 6, 10, 0, tzinfo=UTC)


def at(day: int, hour: int = 9):
    return time_machine.travel(datetime(2026, 11, day, hour, 0, tzinfo=UTC), tick=False)


def _ask_abroad(world, made, capture):
    with at(6, 10), capture(execute=True):
        return domain.send_ask(
            made["jamie"],
            asked_by=world.people["family_carer"],
            area=Area.HOLIDAYS_ABROAD,
            question="Can Jamie go on the school trip to France?",
        )


def test_the_agreement_names_who_answers_and_within_how_many_working_days(
    world, django_capture_on_commit_callbacks
):
    made = carers_world(world)
    mail.outbox.clear()
    ask = _ask_abroad(world, made, django_capture_on_commit_callbacks)
    assert ask.named_person == world.people["practitioner"]
    assert ask.answer_within_days == 3
    assert ask.due_on == date(2026, 11, 11)  # Friday + 3 working days = Wednesday
    assert [m.to for m in mail.outbox] == [[world.people["practitioner"].email]]
    assert "Wednesday 11 November 2026" in mail.outbox[0].body


def test_an_ask_with_nobody_named_cannot_be_sent(world):
    made = carers_world(world)
    before = Ask.objects.count()
    with pytest.raises(ValidationError) as error:
        domain.send_ask(
            made["jamie"],
            asked_by=world.people["family_carer"],
            area=Area.FAITH,  # the carer decides: the agreement names nobody to ask
            question="Can Jamie go to the youth group at the mosque?",
        )
    assert "named_person" in error.value.message_dict
    assert Ask.objects.count() == before


def test_the_ask_form_names_the_missing_person_next_to_the_field(world, client):
    made = carers_world(world)
    sign_in(client, world.users["family_carer"])
    response = client.post(
        reverse("carers:ask_new", args=[made["jamie"].pk]),
        {"area": Area.FAITH, "question": "Can Jamie go to the youth group?"},
    )
    assert response.status_code == 200
    assert "Choose who should answer" in response.content.decode()
    assert 'id="id_named_person_error"' in response.content.decode()


def test_the_clock_reminds_on_the_day_then_passes_to_the_supervisor_once(
    world, django_capture_on_commit_callbacks
):
    made = carers_world(world)
    ask = _ask_abroad(world, made, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with at(10):  # Tuesday: not due yet
        assert run_ask_clock.call() == {"reminded": 0, "escalated": 0}
    with at(11):  # Wednesday: due today, so a reminder, once however often it runs
        assert run_ask_clock.call() == {"reminded": 1, "escalated": 0}
        assert run_ask_clock.call() == {"reminded": 0, "escalated": 0}
    assert [m.to for m in mail.outbox] == [[world.people["practitioner"].email]]
    assert "due today" in mail.outbox[0].body
    mail.outbox.clear()

    with at(12):  # Thursday: late, so it goes to Eilidh's supervisor, Shona
        assert run_ask_clock.call() == {"reminded": 0, "escalated": 1}
        assert run_ask_clock.call() == {"reminded": 0, "escalated": 0}
    ask.refresh_from_db()
    assert ask.status == Ask.Status.ESCALATED
    assert ask.escalated_to == world.people["supervisor"]
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world.people["supervisor"].email, world.people["family_carer"].email]
    )
    assert "passed to Shona Supervisor" in ask.where()


def test_a_weekend_does_not_count_against_the_named_person(
    world, django_capture_on_commit_callbacks
):
    made = carers_world(world)
    ask = _ask_abroad(world, made, django_capture_on_commit_callbacks)
    with at(8):  # Sunday
        run_ask_clock.call()
    ask.refresh_from_db()
    assert (ask.status, ask.reminded_at) == (Ask.Status.WAITING, None)


def test_nothing_passes_on_at_the_weekend_and_monday_catches_up(
    world, django_capture_on_commit_callbacks
):
    made = carers_world(world)
    with at(10, 10), django_capture_on_commit_callbacks(execute=True):  # Tuesday
        ask = domain.send_ask(
            made["jamie"],
            asked_by=world.people["family_carer"],
            area=Area.HOLIDAYS_ABROAD,
            question="Can Jamie go to Ireland?",
        )
    assert ask.due_on == date(2026, 11, 13)  # Friday
    with at(14):  # Saturday: late, but nobody is passed an ask at the weekend
        assert run_ask_clock.call() == {"reminded": 0, "escalated": 0}
    with at(16):  # Monday catches up
        assert run_ask_clock.call() == {"reminded": 1, "escalated": 1}
    ask.refresh_from_db()
    assert ask.status == Ask.Status.ESCALATED


def test_an_answered_ask_is_never_reminded_or_passed_on(world, django_capture_on_commit_callbacks):
    made = carers_world(world)
    ask = _ask_abroad(world, made, django_capture_on_commit_callbacks)
    with at(9):
        domain.answer_ask(ask, by=world.people["practitioner"], answer="yes", text="Have fun")
    with at(20):
        assert run_ask_clock.call() == {"reminded": 0, "escalated": 0}


def test_only_the_named_person_or_the_supervisor_it_passed_to_answers(world):
    made = carers_world(world)
    with pytest.raises(ValidationError):
        domain.answer_ask(made["ask"], by=world.people["supervisor"], answer="yes", text="")
    escalated = made["escalated_ask"]
    domain.answer_ask(escalated, by=world.people["supervisor"], answer="yes_if", text="Mornings")
    escalated.refresh_from_db()
    assert escalated.status == Ask.Status.ANSWERED
    assert escalated.where() == "Answered by Shona Supervisor: yes, with conditions"


def test_the_carer_sees_where_each_open_ask_is(world, client):
    carers_world(world)
    sign_in(client, world.users["family_carer"])
    page = client.get(reverse("carers:home")).content.decode()
    assert "With Eilidh Practitioner, who answers by" in page
    assert "passed to Shona Supervisor" in page


def test_the_supervisor_answers_an_ask_passed_to_them(world, client):
    made = carers_world(world)
    sign_in(client, world.users["supervisor"])
    home = client.get(reverse("carers:home")).content.decode()
    assert "Passed to you" in home
    url = reverse("carers:ask", args=[made["escalated_ask"].pk])
    response = client.post(url, {"answer": "yes", "answer_text": "Fine after school"})
    assert response.status_code == 302
    made["escalated_ask"].refresh_from_db()
    assert made["escalated_ask"].answered_by == world.people["supervisor"]


def test_someone_who_may_read_but_not_answer_cannot_post_an_answer(world, client):
    made = carers_world(world)
    sign_in(client, world.users["family_carer"])
    url = reverse("carers:ask", args=[made["ask"].pk])
    assert client.post(url, {"answer": "yes"}).status_code == 403
    made["ask"].refresh_from_db()
    assert made["ask"].status == Ask.Status.WAITING


def test_the_command_for_cron_runs_the_clock(world, capsys):
    from django.core.management import call_command

    made = carers_world(world)
    late = add_working_days(made["ask"].due_on, 1)
    with time_machine.travel(datetime.combine(late, datetime.min.time(), UTC)):
        call_command("run-ask-clock")
    assert "Ask clock queued" in capsys.readouterr().out
    made["ask"].refresh_from_db()
    assert made["ask"].status == Ask.Status.ESCALATED
