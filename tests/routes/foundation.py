from tests.matrix import EVERY_ROLE, NOT_ALLOWED, NOT_FOUND, REDIRECT, Route

SIGNED_IN_REDIRECT = dict.fromkeys((*EVERY_ROLE, "young_person", "outsider"), REDIRECT)

ROUTES = [
    # A young person is sent on to their own home.
    Route("core:home", allowed=EVERY_ROLE, overrides={"young_person": REDIRECT}),
    Route("core:healthz", public=True),
    Route("core:accessibility", public=True),
    Route("core:privacy", public=True),
    Route("accounts:login", public=True, overrides=SIGNED_IN_REDIRECT),
    # Signing out is a POST (so a link elsewhere cannot sign anyone out).
    Route(
        "accounts:logout",
        allowed=EVERY_ROLE,
        overrides=dict.fromkeys((*EVERY_ROLE, "young_person", "outsider"), NOT_ALLOWED),
    ),
    Route("accounts:password_reset", public=True),
    Route("accounts:password_reset_done", public=True),
    Route(
        "accounts:password_reset_confirm",
        kwargs=lambda w: {"uidb64": "MQ", "token": "not-a-real-token"},
        public=True,
    ),
    Route("accounts:password_reset_complete", public=True),
    Route("accounts:email_confirm", kwargs=lambda w: {"token": "not-a-real-token"}, public=True),
    # Every role may set up two-step sign-in. The test admin already has a confirmed
    # authenticator, so set-up sends them on (to backup codes).
    Route(
        "accounts:two_factor_setup",
        allowed=EVERY_ROLE,
        overrides={"partnership_admin": REDIRECT, "outsider": REDIRECT},
    ),
    # Without an authenticator, the code page sends people to set one up.
    Route(
        "accounts:two_factor_verify",
        allowed=("partnership_admin",),
        otherwise=REDIRECT,
    ),
    # Backup codes need a signed-in second step; others are sent to give one.
    Route("accounts:backup_codes", allowed=("partnership_admin",), otherwise=REDIRECT),
    Route("accounts:sign_in_settings", allowed=("partnership_admin",)),
    Route("accounts:partnership", allowed=EVERY_ROLE),
    Route(
        "accounts:organisation",
        kwargs=lambda w: {"pk": w.organisation.pk},
        allowed=EVERY_ROLE,
        outsider=NOT_FOUND,
    ),
    Route(
        "accounts:team", kwargs=lambda w: {"pk": w.team.pk}, allowed=EVERY_ROLE, outsider=NOT_FOUND
    ),
    Route("accounts:account_list", allowed=("partnership_admin",)),
    Route("accounts:account_create", allowed=("partnership_admin",)),
    Route(
        "accounts:account_edit",
        kwargs=lambda w: {"pk": w.users["practitioner"].pk},
        allowed=("partnership_admin",),
        outsider=NOT_FOUND,
    ),
    Route("accounts:audit_log", allowed=("partnership_admin",)),
]

ROUTES += [
    Route("accounts:organisation_create", allowed=("partnership_admin",)),
    Route(
        "accounts:organisation_edit",
        kwargs=lambda w: {"pk": w.organisation.pk},
        allowed=("partnership_admin",),
        outsider=NOT_FOUND,
    ),
    Route(
        "accounts:team_create",
        kwargs=lambda w: {"organisation_pk": w.organisation.pk},
        allowed=("partnership_admin",),
        outsider=NOT_FOUND,
    ),
    Route(
        "accounts:team_edit",
        kwargs=lambda w: {"organisation_pk": w.organisation.pk, "pk": w.team.pk},
        allowed=("partnership_admin",),
        outsider=NOT_FOUND,
    ),
    # A POST-only action: asking with GET is refused for the admin, 403 for other roles.
    Route(
        "accounts:account_reset_two_factor",
        kwargs=lambda w: {"pk": w.users["practitioner"].pk},
        allowed=("partnership_admin",),
        overrides={"partnership_admin": NOT_ALLOWED, "outsider": NOT_ALLOWED},
    ),
    Route(
        "accounts:account_unlock",
        kwargs=lambda w: {"pk": w.users["practitioner"].pk},
        allowed=("partnership_admin",),
        overrides={"partnership_admin": NOT_ALLOWED, "outsider": NOT_ALLOWED},
    ),
    Route(
        "accounts:account_welcome",
        kwargs=lambda w: {"pk": w.users["practitioner"].pk},
        allowed=("partnership_admin",),
        overrides={"partnership_admin": NOT_ALLOWED, "outsider": NOT_ALLOWED},
    ),
]
