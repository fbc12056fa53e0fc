"""Who may see and change the Promise progress records.

Everyone signed in may read the overview, frameworks, initiatives and measures of their
own partnership. Promise leads manage them. A story goes beyond the person who recorded
it and the Promise leads only when it is shareable (consent given, or anonymised so that
consent is not needed) and its visibility allows the partnership to see it.
"""

import rules

from scaffolding.accounts.rules import (
    in_same_partnership,
    is_partnership_admin,
    is_promise_lead,
    is_signed_in,
)

from .models import Visibility


@rules.predicate
def recorded_story(user, story):
    return story is not None and story.recorded_by_id == user.pk


@rules.predicate
def story_open_to_partnership(user, story):
    return (
        story is not None
        and story.shareable
        and story.visibility in (Visibility.PARTNERSHIP, Visibility.PUBLIC_REPORT)
    )


@rules.predicate
def young_person_said_yes(user, story):
    """A story from a young person's own item stands only while they say yes."""
    return story is None or story.consent_item_id is None or story.consent_item.for_reports


rules.add_perm("progress.view", is_signed_in)
rules.add_perm("progress.manage", is_promise_lead)
# Anyone who hears a child's, family's or colleague's words may record them, except the
# admins, who look after accounts rather than evidence.
rules.add_perm("progress.add_story", is_signed_in & ~is_partnership_admin)
rules.add_perm(
    "progress.view_story",
    in_same_partnership
    & (recorded_story | ((is_promise_lead | story_open_to_partnership) & young_person_said_yes)),
)
rules.add_perm(
    "progress.change_story",
    in_same_partnership & (recorded_story | (is_promise_lead & young_person_said_yes)),
)
