"""Who may do what with a young person's things (django-rules over voice.sharing)."""

import rules

from scaffolding.accounts.rules import (
    in_same_partnership,
    is_family_carer,
    is_partnership_admin,
    is_practitioner,
    is_supervisor,
    is_young_person,
)

from . import sharing


@rules.predicate
def may_see(user, thing):
    return sharing.may_see(user, thing)


@rules.predicate
def owns(user, thing):
    """The young person themselves (thing is a young person or one of their things)."""
    young = getattr(thing, "young_person", thing)
    return young is not None and sharing.is_owner(user, young)


@rules.predicate
def is_linked(user, young_person):
    young = getattr(young_person, "young_person", young_person)
    return young is not None and sharing.is_linked(user, young)


@rules.predicate
def is_named_worker(user, young_person):
    young = getattr(young_person, "young_person", young_person)
    return young is not None and sharing.is_named_worker(user, young)


@rules.predicate
def may_decide_on_behalf(user, young_person):
    young = getattr(young_person, "young_person", young_person)
    return young is not None and (
        sharing.is_named_worker(user, young) or sharing.has_parental_responsibility(user, young)
    )


is_worker = is_practitioner | is_supervisor | is_family_carer

rules.add_perm("voice.view_own_story", is_young_person)
rules.add_perm("voice.add_young_person", is_practitioner | is_supervisor)
rules.add_perm("voice.list_young_people", is_worker)
rules.add_perm("voice.view_young_person", in_same_partnership & is_linked)
rules.add_perm("voice.invite_young_person", in_same_partnership & is_named_worker)
rules.add_perm("voice.view_item", may_see)
rules.add_perm("voice.change_share", in_same_partnership & owns)
rules.add_perm("voice.decide_on_behalf", in_same_partnership & may_decide_on_behalf)
# Open an item not shared with them, only with a child-protection reason.
rules.add_perm("voice.override", in_same_partnership & is_linked & ~owns)
rules.add_perm("voice.answer_views", in_same_partnership & may_see & is_linked)
rules.add_perm("voice.acknowledge_alert", in_same_partnership & is_linked)
rules.add_perm("voice.view_override_counts", is_partnership_admin)
# Who works with a young person: their named worker links and ends links. Nobody else
# (admins manage accounts, never children's records; a carer does not choose workers).
rules.add_perm("voice.manage_links", in_same_partnership & is_named_worker)
# The duty contact and the time to read an "I don't feel safe" alert: partnership-wide.
rules.add_perm("voice.manage_safety_settings", is_partnership_admin)
