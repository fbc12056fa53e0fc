from tests.matrix import EVERY_ROLE, NOT_ALLOWED, Route

LEADS = ("promise_lead", "learning_lead")
POST_ONLY = dict.fromkeys((*EVERY_ROLE, "outsider"), NOT_ALLOWED)


def local_rule(world):
    """A rule Lochside added for itself (so the change page shows a local rule)."""
    from scaffolding.language import overrides

    overrides.save_override(
        world.partnership.pk,
        {
            "id": "problem-family",
            "patterns": ["problem\\s+famil(?:y|ies)"],
            "suggestions": ["family who need support"],
            "explanation": "The label sticks to the whole family.",
            "source": "Lochside young people's language guide",
        },
    )
    return {"rule_id": "problem-family"}


def token(world):
    from scaffolding.language.models import ApiToken

    record, _ = ApiToken.issue(world.partnership, "Family records system")
    return {"pk": record.pk}


ROUTES = [
    Route("language:check", allowed=EVERY_ROLE),
    # Inline suggestions and the rule reset answer POST only.
    Route("language:suggest", allowed=EVERY_ROLE, overrides=POST_ONLY),
    # The API takes tokens as well as sessions, so it answers everyone (POST only).
    Route(
        "language:api_check",
        allowed=EVERY_ROLE,
        overrides={**POST_ONLY, "anonymous": NOT_ALLOWED},
    ),
    Route("language:glossary", allowed=EVERY_ROLE),
    Route("language:rule_add", allowed=LEADS),
    Route("language:rule_edit", kwargs=lambda w: {"rule_id": "placement"}, allowed=LEADS),
    Route("language:rule_edit", kwargs=local_rule, allowed=LEADS),
    Route(
        "language:rule_reset",
        kwargs=lambda w: {"rule_id": "placement"},
        allowed=LEADS,
        overrides=POST_ONLY,
    ),
    Route("language:tokens", allowed=("promise_lead",)),
    Route("language:token_revoke", kwargs=token, allowed=("promise_lead",), overrides=POST_ONLY),
    Route("language:indicator", allowed=("promise_lead",)),
]
