from tests.matrix import NOT_FOUND, Route
from tests.relationships.fixtures import obj

# A young person's own pages: themselves (tested in tests/relationships/test_pages.py,
# the young person's role being new) and the worker and family carer linked to them.
LINKED = ("practitioner", "family_carer")


def own_pages(name, record):
    return Route(
        f"relationships:{name}",
        kwargs=obj(record),
        allowed=LINKED,
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    )


ROUTES = [
    Route("relationships:home", allowed=LINKED),
    own_pages("young_person", "young_person"),
    own_pages("add_person", "young_person"),
    own_pages("record_move", "young_person"),
    own_pages("person", "gran"),
    own_pages("edit_person", "gran"),
    own_pages("end_person", "gran"),
    own_pages("add_time", "gran"),
    own_pages("move", "move"),
    own_pages("move_plan", "move"),
    own_pages("move_review", "move"),
    Route("relationships:siblings", allowed=(*LINKED, "promise_lead")),
    Route("relationships:staying_in_touch", allowed=("practitioner", "supervisor")),
    # The supervisor it is assigned to, and the workers linked to the young person.
    Route(
        "relationships:plan",
        kwargs=obj("plan"),
        allowed=("supervisor", *LINKED),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route("relationships:policies", allowed=("promise_lead",)),
    Route("relationships:policy_add", allowed=("promise_lead",)),
    Route("relationships:policy_edit", kwargs=obj("policy"), allowed=("promise_lead",)),
    Route("relationships:settings", allowed=("promise_lead",)),
    Route("relationships:figures", allowed=("promise_lead",)),
]
