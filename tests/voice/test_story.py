"""A young person's story: shares, withdrawal, every read logged, override, files by content."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from scaffolding.voice import domain
from scaffolding.voice.models import AccessEvent, Audience, ItemShare, SafetySettings
from tests.conftest import sign_in
from tests.routes.voice import ROUTES
from tests.voice.fixtures import png, voice_world


@pytest.fixture
def things(world):
    return voice_world(world)


def client_as(client, world, role):
    return sign_in(client, world.users[role])


def test_withdrawing_works_on_the_next_request(world, things, client):
    item = things["everyone"]
    worker = client_as(client, world, "practitioner")
    url = reverse("voice:item", kwargs={"pk": item.pk})
    first = worker.get(url)
    assert "We won on Saturday." in first.content.decode()
    assert "no-store" in first["Cache-Control"]
    domain.withdraw(item, world.users["young_person"])
    second = worker.get(url)
    assert "We won on Saturday." not in second.content.decode()
    assert "has not shared this with you" in second.content.decode()
    assert worker.get(reverse("voice:item_file", kwargs={"pk": item.pk})).status_code == 404


def test_named_share_reaches_only_the_named_linked_worker(world, things, client):
    item = things["named"]
    url = reverse("voice:item", kwargs={"pk": item.pk})
    assert "I miss her." in client_as(client, world, "practitioner").get(url).content.decode()
    carer = sign_in(type(client)(), world.users["family_carer"])
    assert "I miss her." not in carer.get(url).content.decode()


def test_a_share_ends_on_its_date(world, things):
    from datetime import timedelta

    from django.utils import timezone

    from scaffolding.voice.sharing import may_see

    item = things["everyone"]
    today = timezone.localdate()
    domain.set_share(item, world.users["young_person"], audience=Audience.EVERYONE, until=today)
    assert may_see(world.users["practitioner"], item, today=today)
    assert not may_see(world.users["practitioner"], item, today=today + timedelta(days=1))


def test_ending_a_link_ends_the_share(world, things):
    from django.utils import timezone

    from scaffolding.voice.models import WorkerLink
    from scaffolding.voice.sharing import may_see

    WorkerLink.objects.filter(person=world.people["practitioner"]).update(ended_at=timezone.now())
    assert not may_see(world.users["practitioner"], things["everyone"])


def test_only_linked_people_can_be_named(world, things):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        domain.set_share(
            things["only_me"],
            world.users["young_person"],
            audience=Audience.NAMED,
            people=[world.people["supervisor"]],
        )
    assert not ItemShare.objects.filter(item=things["only_me"]).exists()


def _secrets(things):
    return {
        "We won on Saturday.": things["everyone"],
        "I miss her.": things["named"],
        "Just for me.": things["only_me"],
        "My dog Bramble.": things["profile"],
        "Moving school.": things["views"],
    }


@pytest.mark.parametrize("role", ["practitioner", "family_carer"])
def test_every_reader_path_that_shows_content_writes_exactly_one_event(world, things, role):
    """Walks every GET route in the voice matrix as a linked worker: wherever any of the
    young person's words appear (or a file is sent), exactly one access event was written.
    A new reader path that forgets to log fails here."""
    from django.test import Client

    client = sign_in(Client(), world.users[role])
    checked = 0
    for route in ROUTES:
        if route.method != "get" or route.expected(role) != 200:
            continue
        url = reverse(route.name, kwargs=route.kwargs(world))
        before = AccessEvent.objects.count()
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        shown = [text for text in _secrets(things) if text.encode() in body]
        is_file = response.get("Content-Disposition", "").startswith("attachment")
        after = AccessEvent.objects.count()
        if shown or is_file:
            checked += 1
            assert after - before == 1, (
                f"{url} showed {shown or 'a file'} and logged {after - before}"
            )
        else:
            assert after == before, f"{url} logged a read but showed nothing"
    assert checked >= 3


def test_young_person_reads_are_not_logged_and_they_see_every_other_read(world, things, client):
    young = client_as(client, world, "young_person")
    young.get(reverse("voice:item", kwargs={"pk": things["everyone"].pk}))
    assert not AccessEvent.objects.exists()
    from django.test import Client

    worker = sign_in(Client(), world.users["practitioner"])
    worker.get(reverse("voice:item", kwargs={"pk": things["everyone"].pk}))
    worker.get(reverse("voice:profile", kwargs={"pk": world.extra["young_person"].pk}))
    page = young.get(reverse("voice:who_looked")).content.decode()
    assert page.index("About me") < page.index("My football team")  # newest first
    assert "Eilidh Practitioner" in page


def test_override_needs_a_reason_and_is_shown_and_counted(world, things, client):
    item = things["only_me"]
    worker = client_as(client, world, "family_carer")
    url = reverse("voice:override", kwargs={"pk": item.pk})
    short = worker.post(url, {"reason": "worried"})
    assert "Just for me." not in short.content.decode()
    assert "child protection reason" in short.content.decode()
    assert not AccessEvent.objects.exists()
    reason = "Police asked about a disclosure made at school today."
    opened = worker.post(url, {"reason": reason})
    assert "Just for me." in opened.content.decode()
    event = AccessEvent.objects.get()
    assert event.override_reason == reason
    from django.test import Client

    young = sign_in(Client(), world.users["young_person"])
    assert reason in young.get(reverse("voice:who_looked")).content.decode()
    named = sign_in(Client(), world.users["practitioner"])
    yp_page = named.get(reverse("voice:young_person", kwargs={"pk": item.young_person.pk}))
    assert reason in yp_page.content.decode()
    admin = sign_in(Client(), world.users["partnership_admin"])
    counts = admin.get(reverse("voice:override_counts")).content.decode()
    assert "1 in all" in counts
    assert reason not in counts and "Just for me." not in counts


def test_files_are_checked_by_content_not_name(world, client):
    young = client_as(client, world, "young_person")
    fake = png("photo.png")
    fake.file.write(b"")  # keep the name, change the content
    from django.core.files.uploadedfile import SimpleUploadedFile

    renamed = SimpleUploadedFile("photo.png", b"#!/bin/sh\necho hello\n", content_type="image/png")
    response = young.post(
        reverse("voice:item_new"),
        {"title": "A photo", "text": "", "audience": "only_me", "upload": renamed},
    )
    assert response.status_code == 200
    assert "We can&#x27;t keep this kind of file" in response.content.decode()
    assert not world.extra["young_person"].items.exists()
    good = young.post(
        reverse("voice:item_new"),
        {"title": "A photo", "text": "", "audience": "only_me", "upload": png()},
    )
    assert good.status_code == 302
    assert world.extra["young_person"].items.get().kind == "photo"


def test_i_dont_feel_safe_tells_the_named_worker_and_duty_and_shows_when_read(
    world, client, django_capture_on_commit_callbacks
):
    SafetySettings.objects.create(
        partnership=world.partnership,
        duty_email="duty@lochside.example",
        next_email="manager@lochside.example",
        acknowledge_within_minutes=30,
    )
    young = client_as(client, world, "young_person")
    with django_capture_on_commit_callbacks(execute=True):
        young.post(reverse("voice:unsafe"), {"message": "I am scared at home."})
    alert = world.extra["young_person"].alerts.get()
    assert sorted(mail.outbox[0].to) == ["duty@lochside.example", "eilidh@lochside.example"]
    assert "I am scared at home." not in mail.outbox[0].body  # the words stay in Scaffolding
    assert "not been read yet" in young.get(reverse("voice:home")).content.decode()
    from django.test import Client

    worker = sign_in(Client(), world.users["practitioner"])
    assert "does not feel safe" in worker.get(reverse("voice:young_people")).content.decode()
    worker.post(reverse("voice:alert", kwargs={"pk": alert.pk}))
    assert "It was read on" in young.get(reverse("voice:home")).content.decode()


def test_unread_alerts_go_to_the_next_person_once(world):
    from datetime import timedelta

    from django.utils import timezone

    SafetySettings.objects.create(
        partnership=world.partnership,
        duty_email="duty@lochside.example",
        next_email="manager@lochside.example",
        acknowledge_within_minutes=30,
    )
    domain.raise_alert(world.extra["young_person"], "")
    mail.outbox.clear()
    later = timezone.now() + timedelta(minutes=31)
    assert domain.escalate_overdue(now=timezone.now()) == 0
    assert domain.escalate_overdue(now=later) == 1
    assert domain.escalate_overdue(now=later) == 0
    assert "manager@lochside.example" in mail.outbox[0].to


def test_decision_on_behalf_is_recorded_with_a_date_and_shown_to_the_child(world, things, client):
    from datetime import timedelta

    from django.utils import timezone

    worker = client_as(client, world, "practitioner")
    item = things["only_me"]
    ask_again = timezone.localdate() + timedelta(days=90)
    response = worker.post(
        reverse("voice:decide", kwargs={"pk": item.pk}),
        {
            "audience": "everyone",
            "decided_as": "named_worker",
            "reason": "Skye is too young to choose yet; her carers need this.",
            "ask_again_on": ask_again.isoformat(),
        },
    )
    assert response.status_code == 302
    from django.test import Client

    young = sign_in(Client(), world.users["young_person"])
    home = young.get(reverse("voice:home")).content.decode()
    assert "her carers need this" in home
    assert ask_again.strftime("%Y") in home


def test_views_are_answered_and_the_young_person_sees_the_answer(world, things, client):
    worker = client_as(client, world, "practitioner")
    url = reverse("voice:views", kwargs={"pk": things["views"].pk})
    page = worker.get(url).content.decode()
    assert page.index("Moving school.") < page.index("After the meeting")  # their words first
    worker.post(url, {"decided": "Stay at the same school.", "answer": "We heard you."})
    from django.test import Client

    young = sign_in(Client(), world.users["young_person"])
    assert "We heard you." in young.get(url).content.decode()


def test_new_worker_question_shares_about_me(world, things, client):
    from scaffolding.voice.sharing import may_see

    young = client_as(client, world, "young_person")
    assert not may_see(world.users["family_carer"], things["profile"])
    young.post(reverse("voice:question", kwargs={"pk": things["question"].pk}), {"answer": "yes"})
    things["profile"].refresh_from_db()
    assert may_see(world.users["family_carer"], things["profile"])


def test_download_everything_is_a_zip_with_a_pdf_and_the_files(world, things, client):
    import io
    import zipfile

    response = client_as(client, world, "young_person").get(reverse("voice:download_all"))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert "my-story.pdf" in names
    assert archive.read("my-story.pdf").startswith(b"%PDF")
    assert any(name.startswith("files/") for name in names)


def test_starting_with_a_code_leaves_the_young_person_signed_in(world, client):
    """The code page signs them in for the pages that follow, not just the one redirect."""
    worker = world.users["practitioner"]
    young = domain.add_young_person(
        worker,
        full_name="Ailsa Grant",
        called="Ailsa",
        pronouns="she/her",
        date_of_birth=date(2014, 5, 1),
    )
    _, code = domain.invite(worker, young)
    password = "green-kite-river-42"
    response = client.post(
        reverse("voice:start"), {"code": code, "password1": password, "password2": password}
    )
    assert response.status_code == 302
    home = client.get(reverse("voice:home"))
    assert home.status_code == 200
    assert "Hello, Ailsa" in home.content.decode()
    assert client.get(reverse("voice:who_looked")).status_code == 200
