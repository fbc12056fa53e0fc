"""Framework pages name their source document and use 'an' before a vowel."""

from django.urls import reverse

from scaffolding.progress import framework_files as ff
from scaffolding.progress.loading import load_framework
from scaffolding.progress.models import Framework


def test_framework_pages_name_the_document_and_use_an_before_vowels(world, client_for):
    client = client_for("promise_lead")
    for name, button, document in (
        ("plan-21-24-supporting-the-workforce", "Add an outcome", "The Promise Scotland"),
        ("south-ayrshire-calls-to-action", "Add a call to action", "South Ayrshire"),
    ):
        load_framework(world.partnership, ff.load_bundled(name))
        framework = Framework.objects.get(partnership=world.partnership, name=name)
        body = client.get(
            reverse("progress:framework_detail", args=[framework.pk])
        ).content.decode()
        assert button in body
        source = body.split("Source: ")[1].split("</p>")[0]
        assert source.startswith(document), source


def test_calls_to_action_filter_by_foundation_assessment_and_initiative(world, client_for):
    load_framework(world.partnership, ff.load_bundled("south-ayrshire-calls-to-action"))
    framework = Framework.objects.get(partnership=world.partnership)
    url = reverse("progress:framework_detail", args=[framework.pk])
    client = client_for("practitioner")
    body = client.get(url, {"foundation": "voice"}).content.decode()
    assert "6 calls to action shown." in body
    assert 'id="foundation-voice"' in body and 'id="foundation-care"' not in body
    body = client.get(url, {"assessment": "not_assessed", "initiative": "none"}).content.decode()
    assert "55 calls to action shown." in body
    body = client.get(url, {"assessment": "kept"}).content.decode()
    assert "0 calls to action shown." in body and "Nothing matches." in body
