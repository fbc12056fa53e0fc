"""Young people's pages: the young person, a linked named worker (practitioner), a linked
family carer, an unlinked worker (supervisor), leads, the admin and another partnership."""

from tests.matrix import EVERY_ROLE, NOT_FOUND, OK, REDIRECT, Route
from tests.voice.fixtures import pk_of, young_pk

ME = ("young_person",)
LINKED = ("practitioner", "family_carer")
SIGNED_IN = dict.fromkeys((*EVERY_ROLE, "young_person", "outsider"), REDIRECT)


def posted(*roles):
    return dict.fromkeys(roles, REDIRECT)


def carer_link_pk(world):
    from scaffolding.voice.models import WorkerLink

    young = world.extra["young_person"]
    return {"pk": WorkerLink.objects.get(young_person=young, kind="family_carer").pk}


def thing(name, **kwargs):
    kwargs.setdefault("otherwise", NOT_FOUND)
    kwargs.setdefault("outsider", NOT_FOUND)
    return kwargs | {"kwargs": pk_of(name)}


ROUTES = [
    Route("voice:home", allowed=ME),
    Route("voice:item_new", allowed=ME),
    Route("voice:who_looked", allowed=ME),
    Route("voice:about_me", allowed=ME),
    Route("voice:views_new", allowed=ME),
    Route("voice:unsafe", allowed=ME),
    Route("voice:download_all", allowed=ME),
    Route("voice:question", method="post", overrides=posted(*ME), **{"kwargs": pk_of("question")}),
    # Shared with everyone who works with Skye: the linked worker and carer, not the rest.
    Route("voice:item", allowed=(*ME, *LINKED), **thing("everyone")),
    Route("voice:item_file", allowed=(*ME, *LINKED), **thing("everyone")),
    Route("voice:item_api", allowed=(*ME, *LINKED), **thing("everyone")),
    # Only me: the linked worker and carer get the protection page, nobody else anything.
    Route("voice:item", allowed=(*ME, *LINKED), **thing("only_me")),
    Route("voice:item_file", allowed=(), **thing("only_me")),
    Route("voice:item_api", allowed=ME, **thing("only_me")),
    # Named: the practitioner only (the carer would need a protection reason).
    Route("voice:item_api", allowed=(*ME, "practitioner"), **thing("named")),
    Route("voice:item_share", allowed=ME, **thing("named")),
    Route("voice:item_withdraw", method="post", overrides=posted(*ME), **thing("named")),
    Route("voice:item_reports", method="post", overrides=posted(*ME), **thing("named")),
    # Open for protection: a linked worker, never the young person (no reason → the form again).
    Route("voice:override", method="post", allowed=LINKED, **thing("only_me")),
    Route("voice:decide", allowed=("practitioner",), **thing("only_me")),
    Route("voice:views", allowed=(*ME, "practitioner"), **thing("views")),
    Route("voice:alert", allowed=LINKED, **thing("alert")),
    Route("voice:young_people", allowed=("practitioner", "family_carer", "supervisor")),
    Route("voice:young_person_new", allowed=("practitioner", "supervisor")),
    Route(
        "voice:young_person",
        kwargs=young_pk,
        allowed=LINKED,
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route(
        "voice:profile",
        kwargs=young_pk,
        allowed=("practitioner",),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route(
        "voice:invite",
        kwargs=young_pk,
        allowed=("practitioner",),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    # Who works with Skye: her named worker links and ends links; everyone else gets 404,
    # the carer too (linked, but not the one who chooses workers).
    Route(
        "voice:link_new",
        kwargs=young_pk,
        allowed=("practitioner",),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route(
        "voice:link_end",
        kwargs=carer_link_pk,
        allowed=("practitioner",),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route("voice:override_counts", allowed=("partnership_admin",), outsider=OK),
    Route("voice:safety_settings", allowed=("partnership_admin",), outsider=OK),
    Route("voice:start", public=True),
    Route("voice:sign_in", public=True, overrides=SIGNED_IN),
]
