from tests.carers.fixtures import carers_world, obj
from tests.matrix import NOT_FOUND, OK, Route


def jamie(world):
    return {"pk": carers_world(world)["jamie"].pk}


def robyn(world):
    return {"pk": carers_world(world)["robyn"].pk}


# Jamie's carer and social worker; nobody else, and no admin or lead sees content.
AROUND_JAMIE = ("family_carer", "practitioner")

ROUTES = [
    Route("carers:home", allowed=("family_carer", "practitioner", "supervisor")),
    Route("carers:measures", allowed=("promise_lead", "supervisor")),
    Route("carers:time_away_new", allowed=("family_carer",)),
    Route(
        "carers:young_person",
        kwargs=jamie,
        allowed=AROUND_JAMIE,
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    # Robyn is linked to nobody with an account: nobody sees her.
    Route("carers:young_person", kwargs=robyn, otherwise=NOT_FOUND, outsider=NOT_FOUND),
    Route(
        "carers:agreement_new",
        kwargs=jamie,
        allowed=("practitioner",),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route(
        "carers:ask_new",
        kwargs=jamie,
        allowed=("family_carer",),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route(
        "carers:can_i",
        kwargs=jamie,
        allowed=("family_carer",),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route("carers:can_i", kwargs=robyn, otherwise=NOT_FOUND, outsider=NOT_FOUND),
    Route(
        "carers:short_break_new",
        kwargs=jamie,
        allowed=AROUND_JAMIE,
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route(
        "carers:agreement",
        kwargs=obj("agreement"),
        allowed=AROUND_JAMIE,
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route(
        "carers:ask",
        kwargs=obj("ask"),
        allowed=AROUND_JAMIE,
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    # Passed to Shona when Eilidh did not answer in time: now Shona sees it too.
    Route(
        "carers:ask",
        kwargs=obj("escalated_ask"),
        allowed=(*AROUND_JAMIE, "supervisor"),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route(
        "carers:decision",
        kwargs=obj("decision"),
        allowed=AROUND_JAMIE,
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    # The carer who made the decision may ask for a debrief (an empty form is shown again).
    Route(
        "carers:decision_debrief",
        kwargs=obj("decision"),
        method="post",
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
        overrides={"family_carer": OK},
    ),
]
