"""Every workforce URL for every role (see tests/matrix.py)."""

from datetime import date

from tests.matrix import EVERY_ROLE, FORBIDDEN, NOT_FOUND, REDIRECT, Route

LEADS = ("learning_lead",)
# Downloads are asked with HEAD (Django answers HEAD with the GET view, so access is the
# same): the browser walk over every page opens GET routes only and cannot "open" a file.
DOWNLOAD = "head"


def _activity(world):
    from scaffolding.workforce.models import ActivityKind, LearningActivity, NESLevel

    activity, _ = LearningActivity.objects.get_or_create(
        partnership=world.partnership,
        title="Trauma skilled practice",
        defaults={"kind": ActivityKind.COURSE, "nes_level": NESLevel.SKILLED, "refresh_months": 24},
    )
    return activity


def _record(world):
    from scaffolding.workforce.models import LearningEvidence, LearningRecord

    record = LearningRecord.objects.create(
        person=world.people["practitioner"],
        activity=_activity(world),
        status="completed",
        completed_on=date(2026, 1, 10),
    )
    LearningEvidence.objects.create(
        record=record,
        filename="certificate.pdf",
        content_type="application/pdf",
        size=4,
        data=b"%PDF",
    )
    return record


def _job(world):
    from scaffolding.workforce.models import ImportJob

    return ImportJob.objects.create(
        partnership=world.partnership,
        created_by=world.users["learning_lead"],
        kind="people",
        filename="roster.csv",
        data=b"full_name\n",
        status=ImportJob.Status.CHECKED,
        total_rows=1,
        processed_rows=1,
        problems=[{"row": 2, "message": "Organisation is empty."}],
    )


def _practitioner(world):
    return {"pk": world.people["practitioner"].pk}


def _colleague(world):
    return {"pk": world.people["colleague"].pk}


ROUTES = [
    Route("workforce:people", allowed=("supervisor", "learning_lead", "partnership_admin")),
    # A practitioner's own entry: themselves, their supervisor, learning lead and admin.
    Route(
        "workforce:person",
        kwargs=_practitioner,
        allowed=("practitioner", "supervisor", "learning_lead", "partnership_admin"),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    # Someone the supervisor does not supervise.
    Route(
        "workforce:person",
        kwargs=_colleague,
        allowed=("learning_lead", "partnership_admin"),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route("workforce:person_add", allowed=LEADS),
    Route("workforce:person_edit", kwargs=_practitioner, allowed=LEADS, outsider=FORBIDDEN),
    # Recording learning: the person themselves and learning leads.
    Route(
        "workforce:record_add",
        kwargs=_practitioner,
        allowed=("practitioner", "learning_lead"),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route(
        "workforce:record_add",
        kwargs=_colleague,
        allowed=("learning_lead",),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route("workforce:recognition_add", kwargs=_practitioner, allowed=LEADS, outsider=FORBIDDEN),
    # Endorsing is a POST for the practitioner's own supervisor only.
    Route(
        "workforce:record_endorse",
        kwargs=lambda w: {"pk": _record(w).pk},
        method="post",
        allowed=("supervisor",),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
        overrides={"supervisor": REDIRECT},
    ),
    Route(
        "workforce:evidence",
        kwargs=lambda w: {"pk": _record(w).evidence.get().pk},
        method=DOWNLOAD,
        allowed=("practitioner", "supervisor", "learning_lead"),
        otherwise=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
    Route("workforce:my_learning", allowed=EVERY_ROLE),
    Route(
        "workforce:lived_experience",
        allowed=("practitioner", "family_carer", "supervisor", "learning_lead"),
        otherwise=NOT_FOUND,
    ),
    Route("workforce:catalogue", allowed=EVERY_ROLE),
    Route("workforce:activity_add", allowed=LEADS),
    Route(
        "workforce:activity_edit",
        kwargs=lambda w: {"pk": _activity(w).pk},
        allowed=LEADS,
        outsider=FORBIDDEN,
    ),
    Route("workforce:role_profiles", allowed=("learning_lead", "partnership_admin")),
    Route("workforce:role_profile_add", allowed=LEADS),
    Route(
        "workforce:role_profile_edit",
        kwargs=lambda w: {"pk": w.role_profile.pk},
        allowed=LEADS,
        outsider=FORBIDDEN,
    ),
    Route("workforce:gaps", allowed=("learning_lead", "promise_lead")),
    Route("workforce:gaps", query="by=partnership", allowed=("learning_lead", "promise_lead")),
    # Named people: learning leads only; Promise leads see totals.
    Route("workforce:gaps", query="by=person", allowed=LEADS),
    # Grouped downloads are the figures the worker kept; until then, back to the page.
    Route(
        "workforce:gaps_download",
        query="by=role_profile&format=xlsx",
        method=DOWNLOAD,
        overrides=dict.fromkeys(("learning_lead", "promise_lead"), REDIRECT),
    ),
    Route("workforce:gaps_download", query="by=person&format=csv", allowed=LEADS, method=DOWNLOAD),
    Route("workforce:import_start", allowed=LEADS),
    Route(
        "workforce:import_job",
        kwargs=lambda w: {"pk": _job(w).pk},
        allowed=LEADS,
        outsider=FORBIDDEN,
    ),
    Route(
        "workforce:import_progress",
        kwargs=lambda w: {"pk": _job(w).pk},
        allowed=LEADS,
        outsider=FORBIDDEN,
    ),
    Route(
        "workforce:import_save",
        kwargs=lambda w: {"pk": _job(w).pk},
        method="post",
        allowed=LEADS,
        outsider=FORBIDDEN,
        overrides={"learning_lead": REDIRECT},
    ),
    Route(
        "workforce:import_retry",
        kwargs=lambda w: {"pk": _job(w).pk},
        method="post",
        allowed=LEADS,
        outsider=FORBIDDEN,
        overrides={"learning_lead": REDIRECT},
    ),
    Route(
        "workforce:export",
        kwargs=lambda w: {"kind": "people", "fmt": "csv"},
        allowed=LEADS,
        method=DOWNLOAD,
    ),
    Route(
        "workforce:export",
        kwargs=lambda w: {"kind": "learning", "fmt": "xlsx"},
        allowed=LEADS,
        method=DOWNLOAD,
    ),
    Route(
        "workforce:import_template",
        kwargs=lambda w: {"kind": "people", "fmt": "csv"},
        allowed=LEADS,
        method=DOWNLOAD,
    ),
]
