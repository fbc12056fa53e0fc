"""Text the partnership writes in other apps feeds the language indicator (counts only)."""

from scaffolding.language.models import TermCount
from scaffolding.progress.models import Initiative


def test_an_initiative_description_is_counted_and_recounted_not_doubled(world):
    initiative = Initiative.objects.create(
        partnership=world.partnership,
        name="Family time at weekends",
        description="More supervised contact and fewer placement moves.",
    )
    counts = dict(
        TermCount.objects.filter(partnership=world.partnership).values_list("rule", "count")
    )
    assert counts.get("placement") == 1
    assert sum(counts.values()) >= 2
    initiative.save()
    again = dict(
        TermCount.objects.filter(partnership=world.partnership).values_list("rule", "count")
    )
    assert again == counts


def test_private_reflections_are_never_counted(world):
    from scaffolding.supervision.models import Reflection

    Reflection.objects.create(
        partnership=world.partnership,
        author=world.people["practitioner"],
        text="I worry the placement will end and contact with mum will stop.",
    )
    assert not TermCount.objects.filter(partnership=world.partnership).exists()
