from tests.matrix import NOT_FOUND, REDIRECT, Route
from tests.supervision.fixtures import obj

WORKERS = ("practitioner", "family_carer", "supervisor")
LEADS = ("learning_lead", "promise_lead", "partnership_admin")


def posted(*roles):
    """A POST that succeeds redirects; everyone else is told the record does not exist."""
    return dict.fromkeys(roles, REDIRECT)


ROUTES = [
    Route("supervision:mine", allowed=WORKERS),
    Route("supervision:session_new", allowed=("supervisor",)),
    # A one-to-one between the supervisor and practitioner: only they see it.
    Route(
        "supervision:session",
        kwargs=obj("session"),
        allowed=("practitioner", "supervisor"),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route(
        "supervision:session_edit",
        kwargs=obj("session"),
        allowed=("practitioner", "supervisor"),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route(
        "supervision:session_agree",
        kwargs=obj("session"),
        method="post",
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
        overrides=posted("practitioner", "supervisor"),
    ),
    Route(
        "supervision:action_done",
        kwargs=obj("action"),
        method="post",
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
        overrides=posted("practitioner", "supervisor"),
    ),
    Route("supervision:agreement_new", allowed=WORKERS),
    Route(
        "supervision:agreement",
        kwargs=obj("agreement"),
        allowed=("practitioner", "supervisor"),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route("supervision:reflections", allowed=WORKERS),
    # Private: the author alone. Not the supervisor, not the admin.
    Route(
        "supervision:reflection",
        kwargs=obj("private_reflection"),
        allowed=("practitioner",),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    # Shared by the author with their supervisor: the two of them.
    Route(
        "supervision:reflection",
        kwargs=obj("shared_reflection"),
        allowed=("practitioner", "supervisor"),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route(
        "supervision:reflection_share",
        kwargs=obj("private_reflection"),
        method="post",
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
        overrides=posted("practitioner"),
    ),
    Route("supervision:check_in", allowed=WORKERS),
    Route(
        "supervision:wellbeing_overview", allowed=("supervisor", "learning_lead", "promise_lead")
    ),
    Route("supervision:cadence", allowed=("supervisor", *LEADS)),
    Route("supervision:groups", allowed=(*WORKERS, "learning_lead")),
    Route("supervision:group_new", allowed=("supervisor", "learning_lead")),
    Route(
        "supervision:group",
        kwargs=obj("group"),
        allowed=(*WORKERS, "learning_lead"),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route("supervision:training", allowed=("learning_lead", "partnership_admin")),
    Route("supervision:provision", allowed=LEADS),
    # Asking for new figures, and the progress polled by htmx (a plain GET goes back to
    # the page): core's views, for the kinds of figures an app registers.
    Route(
        "core:figures_refresh",
        kwargs=lambda w: {"kind": "supervision.provision"},
        method="post",
        overrides=posted(*LEADS),
        outsider=REDIRECT,
    ),
    Route(
        "core:figures_progress",
        kwargs=lambda w: {"kind": "supervision.provision"},
        overrides=dict.fromkeys(LEADS, REDIRECT),
        outsider=REDIRECT,
    ),
    # Downloads are asked with HEAD so the browser walk (GET pages only) does not
    # try to open a file as a page; their content is tested in tests/supervision.
    # Until a worker has worked the figures out, a download sends leads to the page.
    *[
        Route(
            "supervision:provision_export",
            kwargs=lambda w, fmt=fmt: {"fmt": fmt},
            method="head",
            overrides=dict.fromkeys(LEADS, REDIRECT),
            outsider=REDIRECT,
        )
        for fmt in ("csv", "xlsx", "pdf")
    ],
]

# A check-in's support page is its author's alone; support contacts are the admin's to set.
ROUTES += [
    Route(
        "supervision:check_in_support",
        kwargs=obj("check_in"),
        allowed=("practitioner",),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route("supervision:support_contacts", allowed=("partnership_admin",)),
    Route(
        "supervision:support_contact",
        kwargs=obj("support_contact"),
        allowed=("partnership_admin",),
        outsider=NOT_FOUND,
    ),
]

# Only the author changes or deletes a reflection, shared or not.
ROUTES += [
    Route(
        "supervision:reflection_edit",
        kwargs=obj(name),
        allowed=("practitioner",),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    )
    for name in ("private_reflection", "shared_reflection")
]
