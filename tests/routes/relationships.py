from tests.matrix import NOT_FOUND, REDIRECT, Route
from tests.relationships.fixtures import obj

# A young person's own pages: themselves (tested in tests/relationships/test_pages.py,
# the young person's role being new) and the worker and family carer linked to them.
LINKED = ("practitioner", "family_carer")


# The young person's own list is open to their account; these records belong to
# another young person, so the test world's young person is answered "not found".
# Pages only workers use (moves, plans, partnership lists) turn her away (403).
OPEN_TO_YOUNG_PEOPLE = {"young_person", "add_person", "person", "edit_person", "end_person"}
OPEN_TO_YOUNG_PEOPLE |= {"add_time", "move"}


def own_pages(name, record):
    overrides = {"young_person": NOT_FOUND} if name in OPEN_TO_YOUNG_PEOPLE else {}
    return Route(
        f"relationships:{name}",
        kwargs=obj(record),
        allowed=LINKED,
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
        overrides=overrides,
    )


ROUTES = [
    # A young person's home sends them on to their own list.
    Route("relationships:home", allowed=LINKED, overrides={"young_person": REDIRECT}),
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
