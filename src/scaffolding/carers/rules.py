"""Who may see and do what with family carers' everyday decisions.

A family carer sees the young people they care for; a social or named worker those
linked to them; a supervisor the asks passed to them. Admins, learning leads and
Promise leads see no content (Promise leads and supervisors see the figures).
"""

import rules

from scaffolding.accounts.rules import (
    in_same_partnership,
    is_family_carer,
    is_practitioner,
    is_promise_lead,
    is_supervisor,
)
from scaffolding.voice.models import LinkKind

from . import domain

uses_carers = is_family_carer | is_practitioner | is_supervisor


def _linked(kinds=None):
    @rules.predicate(name=f"linked_{'_'.join(kinds or ['any'])}")
    def predicate(user, young_person):
        return domain.is_linked(domain.own_person(user), young_person, kinds)

    return predicate


is_their_carer = _linked([LinkKind.FAMILY_CARER])
is_their_worker = _linked(list(domain.WORKER_KINDS))


@rules.predicate
def may_see_young_person(user, young_person):
    return in_same_partnership(user, young_person) and (
        is_their_carer(user, young_person) or is_their_worker(user, young_person)
    )


@rules.predicate
def may_write_agreement(user, young_person):
    return in_same_partnership(user, young_person) and is_their_worker(user, young_person)


@rules.predicate
def may_ask(user, young_person):
    return (
        in_same_partnership(user, young_person)
        and is_family_carer(user)
        and is_their_carer(user, young_person)
    )


@rules.predicate
def may_see_record(user, record):
    """An agreement, ask or decision: through its young person."""
    return in_same_partnership(user, record) and may_see_young_person(user, record.young_person)


@rules.predicate
def may_see_ask(user, ask):
    if not in_same_partnership(user, ask):
        return False
    return domain.may_answer(domain.own_person(user), ask) or may_see_record(user, ask)


@rules.predicate
def may_answer_ask(user, ask):
    return in_same_partnership(user, ask) and domain.may_answer(domain.own_person(user), ask)


@rules.predicate
def may_ask_debrief(user, decision):
    person = domain.own_person(user)
    return (
        in_same_partnership(user, decision)
        and is_family_carer(user)
        and person is not None
        and decision.decided
        and is_their_carer(user, decision.young_person)
    )


rules.add_perm("carers.use", uses_carers)
rules.add_perm("carers.view_measures", is_promise_lead | is_supervisor)
rules.add_perm("carers.plan_time_away", is_family_carer)
rules.add_perm("carers.view_young_person", may_see_young_person)
rules.add_perm("carers.write_agreement", may_write_agreement)
rules.add_perm("carers.view_agreement", may_see_record)
rules.add_perm("carers.ask", may_ask)
rules.add_perm("carers.view_ask", may_see_ask)
rules.add_perm("carers.answer_ask", may_answer_ask)
rules.add_perm("carers.view_decision", may_see_record)
rules.add_perm("carers.ask_debrief", may_ask_debrief)
rules.add_perm("carers.plan_short_break", may_see_young_person)
