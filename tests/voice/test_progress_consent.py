"""A progress story from a young person's own item follows their consent, at once."""

from django.urls import reverse

from scaffolding.progress.models import Consent, Story, Visibility
from scaffolding.voice import domain
from tests.conftest import sign_in
from tests.voice.fixtures import voice_world


def test_withdrawing_takes_the_story_out_of_reports_at_once(world, client):
    item = voice_world(world)["everyone"]
    me = world.users["young_person"]
    domain.set_report_consent(item, me, True)
    story = Story.objects.create(
        partnership=world.partnership,
        title="Winning on Saturday",
        text="We won on Saturday and my carer came to watch.",
        voice=Story.Voice.CHILD,
        consent=Consent.GIVEN,
        visibility=Visibility.PUBLIC_REPORT,
        consent_item=item,
        recorded_by=world.users["promise_lead"],
    )
    report = reverse("progress:report")
    lead = sign_in(client, world.users["promise_lead"])
    assert "my carer came to watch" in lead.get(report).content.decode()
    assert Story.objects.for_report().filter(pk=story.pk).exists()

    young = sign_in(type(client)(), me)
    young.post(reverse("voice:item_reports", kwargs={"pk": item.pk}), {"answer": "no"})
    assert "my carer came to watch" not in lead.get(report).content.decode()
    assert not Story.objects.for_report().filter(pk=story.pk).exists()
    story.refresh_from_db()
    assert not story.shareable


def test_withdrawing_the_item_withdraws_report_consent_too(world):
    item = voice_world(world)["everyone"]
    me = world.users["young_person"]
    domain.set_report_consent(item, me, True)
    domain.withdraw(item, me)
    item.refresh_from_db()
    assert not item.for_reports


def test_demo_has_young_people_reads_and_an_override_and_can_be_replaced(db):
    from scaffolding.core import demo
    from scaffolding.voice.models import AccessEvent, YoungPerson

    demo.build(size=40)
    assert YoungPerson.objects.filter(account__email="skye@glenmorven.example").exists()
    assert AccessEvent.objects.exclude(override_reason="").count() == 1
    assert AccessEvent.objects.count() == 4
    demo.remove_demo()
    assert not YoungPerson.objects.exists()
