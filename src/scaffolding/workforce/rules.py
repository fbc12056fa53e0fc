"""Who may see whom in the workforce register."""

import rules

from scaffolding.accounts.rules import (
    in_same_partnership,
    is_learning_lead,
    is_partnership_admin,
    is_signed_in,
    is_supervisor,
)


@rules.predicate
def is_self(user, person):
    return person is not None and person.user_id == user.pk


@rules.predicate
def supervises(user, person):
    """The user is this person's supervisor (through their own register entry)."""
    if person is None or not is_signed_in(user):
        return False
    own = getattr(user, "person", None)
    return own is not None and person.supervisor_id == own.pk


can_list_people = is_supervisor | is_learning_lead | is_partnership_admin

rules.add_perm("workforce.list_people", can_list_people)
rules.add_perm("workforce.view_all_people", is_learning_lead | is_partnership_admin)
rules.add_perm(
    "workforce.view_person",
    in_same_partnership & (is_self | supervises | is_learning_lead | is_partnership_admin),
)
