"""Who may use the language-of-care pages.

Everyone signed in checks writing and reads the glossary. Promise leads and
learning leads change their partnership's glossary. Promise leads see the
language indicator and manage API tokens for other systems.
"""

import rules

from scaffolding.accounts.rules import (
    in_same_partnership,
    is_learning_lead,
    is_promise_lead,
    is_signed_in,
)

can_manage_glossary = is_promise_lead | is_learning_lead

rules.add_perm("language.check_text", is_signed_in)
rules.add_perm("language.view_glossary", is_signed_in)
rules.add_perm("language.manage_glossary", can_manage_glossary)
rules.add_perm("language.view_indicator", is_promise_lead)
rules.add_perm("language.manage_tokens", is_promise_lead)
rules.add_perm("language.revoke_token", is_promise_lead & in_same_partnership)
