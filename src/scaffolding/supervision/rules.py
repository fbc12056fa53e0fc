"""Who may see what in supervision.

A worker's private reflections are theirs alone unless they share one entry with
their supervisor. A session's shared record is for those who took part. Leads
and admins see that supervision happened and when, never what was said.
"""

import rules

from scaffolding.accounts.rules import (
    has_role,
    in_same_partnership,
    is_learning_lead,
    is_partnership_admin,
    is_promise_lead,
    is_signed_in,
    is_supervisor,
)

from . import records


@rules.predicate
def has_register_entry(user):
    return is_signed_in(user) and records.own_person(user) is not None


@rules.predicate
def took_part(user, session):
    return records.takes_part(records.own_person(user), session)


@rules.predicate
def is_author(user, reflection):
    person = records.own_person(user)
    return reflection is not None and person is not None and reflection.author_id == person.pk


@rules.predicate
def shared_with_me(user, reflection):
    """Shared by its author with their supervisor, and I am that supervisor."""
    person = records.own_person(user)
    if reflection is None or person is None or not reflection.shared_with_supervisor:
        return False
    return reflection.author.supervisor_id == person.pk


@rules.predicate
def checked_in(user, check_in):
    person = records.own_person(user)
    return check_in is not None and person is not None and check_in.person_id == person.pk


@rules.predicate
def party_to_agreement(user, agreement):
    person = records.own_person(user)
    return (
        agreement is not None
        and person is not None
        and person.pk in (agreement.supervisee_id, agreement.supervisor_id)
    )


@rules.predicate
def in_group(user, group):
    person = records.own_person(user)
    if group is None or person is None:
        return False
    return group.facilitator_id == person.pk or group.members.filter(pk=person.pk).exists()


is_worker = has_role("practitioner", "family_carer", "supervisor") & has_register_entry
can_see_dates_only = is_supervisor | is_learning_lead | is_promise_lead | is_partnership_admin

rules.add_perm("supervision.use", is_worker)
rules.add_perm("supervision.record_session", is_supervisor & has_register_entry)
rules.add_perm("supervision.view_session", in_same_partnership & took_part)
rules.add_perm("supervision.change_session", in_same_partnership & took_part)
rules.add_perm("supervision.add_agreement", is_worker)
rules.add_perm("supervision.view_agreement", in_same_partnership & party_to_agreement)
rules.add_perm("supervision.reflect", is_worker)
rules.add_perm("supervision.view_reflection", in_same_partnership & (is_author | shared_with_me))
rules.add_perm("supervision.change_reflection", in_same_partnership & is_author)
rules.add_perm("supervision.check_in", is_worker)
rules.add_perm("supervision.view_check_in", in_same_partnership & checked_in)
rules.add_perm("supervision.manage_support_contacts", is_partnership_admin)
rules.add_perm("supervision.view_cadence", can_see_dates_only)
rules.add_perm(
    "supervision.view_wellbeing_overview", is_supervisor | is_learning_lead | is_promise_lead
)
rules.add_perm("supervision.list_groups", is_worker | is_learning_lead)
rules.add_perm(
    "supervision.add_group",
    (is_supervisor & has_register_entry) | (is_learning_lead & has_register_entry),
)
rules.add_perm("supervision.see_all_groups", is_learning_lead)
rules.add_perm("supervision.view_group", in_same_partnership & (in_group | is_learning_lead))
rules.add_perm(
    "supervision.view_provision", is_learning_lead | is_promise_lead | is_partnership_admin
)
rules.add_perm("supervision.manage_training", is_learning_lead | is_partnership_admin)
