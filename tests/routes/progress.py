"""Progress: everyone signed in reads; Promise leads manage; stories follow consent."""

from tests.matrix import EVERY_ROLE, FORBIDDEN, NOT_FOUND, REDIRECT, Route
from tests.progress.helpers import progress_world

LEAD = ("promise_lead",)
RECORDERS = tuple(role for role in EVERY_ROLE if role != "partnership_admin")


def seeded(kwargs_for):
    """Make sure the progress records exist before any page is asked for."""

    def make(world):
        return kwargs_for(progress_world(world))

    return make


def none(p):
    return {}


def _young_persons_item(world, said_yes):
    """An item Skye shared with her named worker (the practitioner) only."""
    from tests.voice.fixtures import voice_world

    item = voice_world(world)["named"]
    item.for_reports = said_yes
    item.save(update_fields=["for_reports"])
    return item


def shared_item(world):
    return {"item_pk": _young_persons_item(world, said_yes=True).pk}


def story_taken_back(world):
    """A story the practitioner made from Skye's words; Skye has since said no."""
    from scaffolding.progress.models import Consent, Story

    item = _young_persons_item(world, said_yes=True)
    story = Story.objects.create(
        partnership=world.partnership,
        title="In Skye's words",
        text="I miss her.",
        voice=Story.Voice.CHILD,
        consent=Consent.GIVEN,
        anonymised=True,
        visibility="public_report",
        recorded_by=world.users["practitioner"],
        consent_item=item,
    )
    item.for_reports = False
    item.save(update_fields=["for_reports"])
    return {"pk": story.pk}


def framework(p):
    return {"pk": p.framework.pk}


def item(p):
    return {"pk": p.care.pk}


ROUTES = [
    Route("progress:overview", kwargs=seeded(none), allowed=EVERY_ROLE),
    Route("progress:framework_list", kwargs=seeded(none), allowed=EVERY_ROLE),
    Route("progress:framework_create", kwargs=seeded(none), allowed=LEAD),
    Route("progress:framework_import", kwargs=seeded(none), allowed=LEAD),
    Route(
        "progress:framework_detail",
        kwargs=seeded(framework),
        allowed=EVERY_ROLE,
        outsider=NOT_FOUND,
    ),
    Route("progress:framework_edit", kwargs=seeded(framework), allowed=LEAD),
    Route("progress:item_create", kwargs=seeded(framework), allowed=LEAD),
    # Downloads are asked for with HEAD so the page walker does not open them as pages.
    Route(
        "progress:framework_export",
        kwargs=seeded(lambda p: {"pk": p.framework.pk, "fmt": "yaml"}),
        allowed=EVERY_ROLE,
        outsider=NOT_FOUND,
        method="head",
    ),
    Route(
        "progress:framework_export",
        kwargs=seeded(lambda p: {"pk": p.framework.pk, "fmt": "csv"}),
        allowed=EVERY_ROLE,
        outsider=NOT_FOUND,
        method="head",
    ),
    Route("progress:item_detail", kwargs=seeded(item), allowed=EVERY_ROLE, outsider=NOT_FOUND),
    # An item with no initiative and no assessment yet.
    Route(
        "progress:item_detail",
        kwargs=seeded(lambda p: {"pk": p.people.pk}),
        allowed=EVERY_ROLE,
        outsider=NOT_FOUND,
    ),
    Route("progress:item_edit", kwargs=seeded(item), allowed=LEAD),
    Route("progress:assessment_create", kwargs=seeded(item), allowed=LEAD),
    Route("progress:initiative_list", kwargs=seeded(none), allowed=EVERY_ROLE),
    Route("progress:initiative_create", kwargs=seeded(none), allowed=LEAD),
    Route(
        "progress:initiative_detail",
        kwargs=seeded(lambda p: {"pk": p.initiative.pk}),
        allowed=EVERY_ROLE,
        outsider=NOT_FOUND,
    ),
    Route(
        "progress:initiative_edit", kwargs=seeded(lambda p: {"pk": p.initiative.pk}), allowed=LEAD
    ),
    Route("progress:evidence", kwargs=seeded(none), allowed=EVERY_ROLE),
    Route("progress:measure_create", kwargs=seeded(none), allowed=LEAD),
    Route(
        "progress:measure_detail",
        kwargs=seeded(lambda p: {"pk": p.measure.pk}),
        allowed=EVERY_ROLE,
        outsider=NOT_FOUND,
    ),
    Route("progress:measure_edit", kwargs=seeded(lambda p: {"pk": p.measure.pk}), allowed=LEAD),
    Route(
        "progress:measure_point_add", kwargs=seeded(lambda p: {"pk": p.measure.pk}), allowed=LEAD
    ),
    Route("progress:story_create", kwargs=seeded(none), allowed=RECORDERS),
    Route("progress:stories_from_young_people", allowed=RECORDERS),
    # Only someone the young person shared the item with (and who may record stories).
    Route(
        "progress:story_from_item",
        kwargs=shared_item,
        allowed=("practitioner",),
        otherwise=NOT_FOUND,
        overrides={"partnership_admin": FORBIDDEN},
        outsider=FORBIDDEN,
    ),
    # Once the young person takes back their yes, only the person who recorded it.
    Route(
        "progress:story_detail",
        kwargs=story_taken_back,
        allowed=("practitioner",),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route(
        "progress:story_edit",
        kwargs=story_taken_back,
        allowed=("practitioner",),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    # Consent given and open to the partnership: everyone in it may read it.
    Route(
        "progress:story_detail",
        kwargs=seeded(lambda p: {"pk": p.open_story.pk}),
        allowed=EVERY_ROLE,
        outsider=NOT_FOUND,
    ),
    # Consent not yet asked: only the practitioner who recorded it and the Promise lead.
    Route(
        "progress:story_detail",
        kwargs=seeded(lambda p: {"pk": p.private_story.pk}),
        allowed=("practitioner", "promise_lead"),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route(
        "progress:story_edit",
        kwargs=seeded(lambda p: {"pk": p.open_story.pk}),
        allowed=LEAD,
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route(
        "progress:story_edit",
        kwargs=seeded(lambda p: {"pk": p.private_story.pk}),
        allowed=("practitioner", "promise_lead"),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route("progress:report", kwargs=seeded(none), allowed=EVERY_ROLE),
    # With no PDF made yet, everyone is sent to the report page, which offers to make one.
    Route(
        "progress:report_pdf",
        kwargs=seeded(none),
        method="head",
        overrides=dict.fromkeys(EVERY_ROLE, REDIRECT),
    ),
    Route(
        "progress:report_make",
        kwargs=seeded(none),
        method="post",
        overrides=dict.fromkeys(EVERY_ROLE, REDIRECT),
    ),
    Route(
        "progress:report_progress",
        kwargs=seeded(none),
        overrides=dict.fromkeys(EVERY_ROLE, REDIRECT),
    ),
    Route(
        "progress:export",
        kwargs=seeded(lambda p: {"table": "stories", "fmt": "csv"}),
        allowed=EVERY_ROLE,
        method="head",
    ),
    Route(
        "progress:export",
        kwargs=seeded(lambda p: {"table": "items", "fmt": "xlsx"}),
        allowed=EVERY_ROLE,
        method="head",
    ),
]
