"""Progress records for the test world: a small framework, assessments, evidence, stories."""

from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

from scaffolding.progress.models import (
    Assessment,
    Consent,
    Framework,
    FrameworkItem,
    Initiative,
    Measure,
    MeasurePoint,
    Story,
    Visibility,
)


def make_framework(partnership, name="lochside-calls", items=3):
    framework = Framework.objects.create(
        partnership=partnership,
        name=name,
        title=f"Lochside calls to action ({name})",
        kind="calls_to_action",
    )
    foundations = ["voice", "care", "people", "family", "scaffolding"]
    made = []
    for index in range(items):
        foundation = foundations[index % len(foundations)]
        number = index // len(foundations) + 1
        made.append(
            FrameworkItem.objects.create(
                framework=framework,
                code=f"{foundation}-{number}",
                number=number,
                foundation=foundation,
                theme=f"THEME {foundation.upper()} {number}",
                text=f"Lochside must keep promise {foundation} {number}.",
            )
        )
    return framework, made


def progress_world(world):
    """Create (once per world) the progress records the route tests and pages use."""
    if "progress" in world.extra:
        return world.extra["progress"]
    today = date.today()
    framework, (voice, care, people) = make_framework(world.partnership)
    Assessment.objects.create(
        item=care, assessed_on=today - timedelta(days=200), status="underway", heard="Heard."
    )
    Assessment.objects.create(
        item=care, assessed_on=today - timedelta(days=10), status="on_track", next_steps="More."
    )
    initiative = Initiative.objects.create(
        partnership=world.partnership,
        name="Family Time Together",
        lead_organisation=world.organisation,
        status=Initiative.Status.UNDERWAY,
        start_date=today - timedelta(days=300),
    )
    initiative.items.set([care, voice])
    measure = Measure.objects.create(
        partnership=world.partnership,
        name="Brothers and sisters living together",
        unit="%",
        question="better_off",
        baseline=Decimal("60"),
        target=Decimal("80"),
    )
    measure.items.set([care])
    for months, value in ((3, "61"), (2, "64"), (1, "66")):
        MeasurePoint.objects.create(
            measure=measure, on=today - timedelta(days=30 * months), value=Decimal(value)
        )
    open_story = Story.objects.create(
        partnership=world.partnership,
        title="Sunday tea with my brother",
        text="We make pancakes on Sundays.",
        voice=Story.Voice.CHILD,
        consent=Consent.GIVEN,
        visibility=Visibility.PARTNERSHIP,
        recorded_by=world.users["promise_lead"],
    )
    open_story.items.set([care])
    private_story = Story.objects.create(
        partnership=world.partnership,
        title="Words on my file",
        text="The words in my file hurt.",
        voice=Story.Voice.CHILD,
        consent=Consent.NOT_ASKED,
        visibility=Visibility.PARTNERSHIP,
        recorded_by=world.users["practitioner"],
    )
    private_story.items.set([care])
    world.extra["progress"] = SimpleNamespace(
        framework=framework,
        voice=voice,
        care=care,
        people=people,
        initiative=initiative,
        measure=measure,
        open_story=open_story,
        private_story=private_story,
    )
    return world.extra["progress"]
