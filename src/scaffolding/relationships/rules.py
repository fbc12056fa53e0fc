"""Who may see and change a young person's relationships (django-rules).

A young person's list of people who matter is theirs: they see and change it, and
so do the workers and the family carer currently linked to them. Nobody else
does — not an unlinked worker, not a supervisor (except the staying-in-touch plans
assigned to them), not learning leads, not admins — and they are answered 404.
"""

import rules

from scaffolding.accounts.rules import (
    in_same_partnership,
    is_family_carer,
    is_partnership_admin,
    is_practitioner,
    is_promise_lead,
    is_signed_in,
    is_supervisor,
    is_young_person,
)

from . import domain


def _young_person_id(obj):
    """The young person an object is about (a young person, or a row that points at one)."""
    if obj is None:
        return None
    if hasattr(obj, "young_person_id"):
        return obj.young_person_id
    return obj.pk


@rules.predicate
def is_own(user, obj):
    """The young person themselves."""
    if obj is None or not is_young_person(user):
        return False
    own = getattr(user, "young_person", None)
    return own is not None and own.pk == _young_person_id(obj)


@rules.predicate
def is_linked(user, obj):
    """A worker or family carer currently linked to this young person (never an admin)."""
    if obj is None or not is_signed_in(user) or is_partnership_admin(user):
        return False
    if is_young_person(user):
        return False
    return domain.is_linked(user, _young_person_id(obj))


@rules.predicate
def is_assigned(user, plan):
    """The supervisor a staying-in-touch plan is assigned to."""
    if plan is None or not is_signed_in(user):
        return False
    own = getattr(user, "person", None)
    return own is not None and plan.assigned_to_id == own.pk


is_worker = is_practitioner | is_family_carer

# A young person's people who matter, times together and moves.
rules.add_perm("relationships.use", is_young_person | is_worker)
rules.add_perm("relationships.view", in_same_partnership & (is_own | is_linked))
rules.add_perm("relationships.change", in_same_partnership & (is_own | is_linked))
# Moves are recorded and reviewed by a linked worker; the young person sees their own.
rules.add_perm("relationships.record_move", in_same_partnership & is_linked)
# Staying in touch when a worker or carer moves on.
rules.add_perm("relationships.list_staying_in_touch", is_supervisor | is_practitioner)
rules.add_perm(
    "relationships.view_plan", in_same_partnership & (is_assigned | (is_linked & is_worker))
)
# Brothers and sisters living apart, for the partnership: names only to those linked.
rules.add_perm("relationships.view_siblings", is_worker | is_promise_lead)
# Local policies and guidance that affect relationships; the partnership's figures.
rules.add_perm("relationships.manage_policies", is_promise_lead)
rules.add_perm("relationships.change_policy", in_same_partnership & is_promise_lead)
rules.add_perm("relationships.view_measures", is_promise_lead)
