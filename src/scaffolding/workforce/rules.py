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


# Learning -------------------------------------------------------------------------

from scaffolding.accounts.rules import is_promise_lead  # noqa: E402

rules.add_perm("workforce.view_catalogue", is_signed_in)
rules.add_perm("workforce.view_own_learning", is_signed_in)
# The catalogue, role profiles, recognition, imports and register edits.
rules.add_perm("workforce.manage_learning", is_learning_lead)
rules.add_perm("workforce.view_role_profiles", is_learning_lead | is_partnership_admin)
# Aggregate gap figures; only learning leads see them person by person.
rules.add_perm("workforce.view_gaps", is_learning_lead | is_promise_lead)
rules.add_perm("workforce.view_named_gaps", is_learning_lead)
# A person's learning: themselves, their supervisor and learning leads (not admins:
# the register is theirs to keep, the learning is not theirs to read).
rules.add_perm(
    "workforce.view_learning",
    in_same_partnership & (is_self | supervises | is_learning_lead),
)
rules.add_perm("workforce.record_learning", in_same_partnership & (is_self | is_learning_lead))
# The SSSC asks a supervisor to endorse continuous professional learning at re-registration.
rules.add_perm("workforce.endorse_learning", in_same_partnership & supervises)


@rules.predicate
def is_shared_with(user, person):
    """The person chose to let this user see their lived experience."""
    if person is None or not is_signed_in(user):
        return False
    return person.lived_experience_viewers().filter(pk=user.pk).exists()


# Nobody else: not learning leads, not admins, not supervisors unless chosen.
rules.add_perm("workforce.view_lived_experience", in_same_partnership & (is_self | is_shared_with))
