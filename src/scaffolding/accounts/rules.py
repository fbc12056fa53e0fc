"""Who may do what: predicates and permissions (django-rules).

Every other app builds its own rules from the predicates here, so that
"same partnership" and "has this role" mean one thing everywhere.
"""

import rules

from .models import Role


@rules.predicate
def is_signed_in(user):
    return bool(user and user.is_authenticated and user.is_active and user.partnership_id)


def has_role(*roles: str):
    names = "_or_".join(roles)

    @rules.predicate(name=f"has_role_{names}")
    def predicate(user):
        return is_signed_in(user) and user.role in roles

    return predicate


is_practitioner = has_role(Role.PRACTITIONER)
is_family_carer = has_role(Role.FAMILY_CARER)
is_supervisor = has_role(Role.SUPERVISOR)
is_learning_lead = has_role(Role.LEARNING_LEAD)
is_promise_lead = has_role(Role.PROMISE_LEAD)
is_partnership_admin = has_role(Role.PARTNERSHIP_ADMIN)
is_young_person = has_role(Role.YOUNG_PERSON)


@rules.predicate
def in_same_partnership(user, obj):
    """True when the object belongs to the user's own partnership.

    Objects say which partnership they belong to through `partnership_id`.
    """
    if obj is None or not is_signed_in(user):
        return False
    return getattr(obj, "partnership_id", None) == user.partnership_id


rules.add_perm("accounts.view_partnership", is_signed_in)
rules.add_perm("accounts.manage_users", is_partnership_admin)
# Two-step sign-in: every role may set it up (admins and some roles must).
rules.add_perm("accounts.use_two_factor", is_signed_in)
rules.add_perm("accounts.view_audit_log", is_partnership_admin)
rules.add_perm("accounts.manage_structure", is_partnership_admin)
rules.add_perm("accounts.change_account", is_partnership_admin & in_same_partnership)
