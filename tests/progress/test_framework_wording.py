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
