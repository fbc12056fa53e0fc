"""Findings 4 and 5: the change history shows only allowed fields, in words, and never breaks."""

from datetime import date

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.db import models

from scaffolding.progress.models import Framework, Initiative
from scaffolding.supervision.models import Session, SupportAction
from scaffolding.workforce.models import LearningActivity, LearningRecord, Recognition

# Text fields the change history may show, per audited model (reviewed by hand).
# Anything else that holds text must appear only as "(changed)".
ALLOWED = {
    "accounts.partnership": {"name", "slug", "area", "two_step_roles"},
    "accounts.organisation": {"name", "kind"},
    "accounts.team": {"name"},
    "accounts.user": {"email", "pending_email", "full_name", "role", "carer_kind"},
    "workforce.roleprofile": {"name", "description"},
    "workforce.person": {
        "full_name",
        "email",
        "staff_number",
        "job_title",
        "relationship",
        "closeness",
    },
    "workforce.learningactivity": {"title", "kind", "provider", "description"},
    "workforce.learningrecord": {"status"},
    "workforce.recognition": {"kind"},
    "language.glossaryoverride": {"rule_id"},
    # Where workers can turn for support: public to the partnership's workers.
    "supervision.supportcontact": {"name", "helps_with", "phone", "web", "email"},
    # Who hears a young person's "I don't feel safe": the duty team's work contacts.
    "voice.safetysettings": {"duty_name", "duty_email", "next_email"},
    "language.apitoken": {"name", "prefix"},
    "progress.framework": {"name", "title", "kind", "source"},
    "progress.frameworkitem": {
        "code",
        "foundation",
        "other_foundations",
        "theme",
        "title",
        "lead_organisations",
    },
    "progress.assessment": {"status"},
    "progress.initiative": {"name", "funding_source", "status"},
    "progress.measure": {"name", "unit", "question", "source"},
    "progress.story": {"kind", "visibility", "consent", "voice"},
    "supervision.session": {"kind", "status"},
    "supervision.reflectivegroup": {"name"},
    "supervision.supervisortraining": {"title", "provider"},
}
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def _text_fields(model):
    return [f.name for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS)]


def test_every_audited_model_shows_only_allowed_text_fields(client_for, world):
    """Walk every audited model: a text field not on ALLOWED must never be shown."""
    checked = 0
    for model in auditlog.get_models():
        label = model._meta.label_lower
        changes = {
            name: [f"OLD-{label}-{name}", f"NEW-{label}-{name}"] for name in _text_fields(model)
        }
        if not changes:
            continue
        LogEntry.objects.create(
            content_type=ContentType.objects.get_for_model(model),
            object_pk="999999",
            object_id=999999,
            object_repr=f"REPR-{label}",
            action=LogEntry.Action.UPDATE,
            changes=changes,
            additional_data={"partnership_id": world.partnership.pk},
        )
        checked += 1
    admin = client_for("partnership_admin")
    body = "".join(admin.get(f"/change-history/?page={n}").content.decode() for n in range(1, 4))
    shown = set()
    for model in auditlog.get_models():
        label = model._meta.label_lower
        for name in _text_fields(model):
            if f"NEW-{label}-{name}" in body:
                shown.add((label, name))
    not_allowed = {(label, name) for label, name in shown if name not in ALLOWED.get(label, ())}
    assert not_allowed == set(), "text the change history must not show"
    # The allowed ones are shown (the walk really looked at the page).
    assert ("workforce.person", "full_name") in shown
    assert checked >= 20


def test_private_text_is_not_even_stored(world):
    activity = LearningActivity.objects.create(
        partnership=world.partnership, title="Trauma skilled", kind="course"
    )
    record = LearningRecord.objects.create(
        person=world.people["practitioner"], activity=activity, notes="PRIVATE-NOTE"
    )
    record.notes = "PRIVATE-NOTE-2"
    record.save()
    recognition = Recognition.objects.create(
        person=world.people["practitioner"],
        kind="lived_experience",
        reasons="PRIVATE REASON TEXT",
        decided_by=world.users["learning_lead"],
        decided_on=date.today(),
    )
    for obj in (record, recognition):
        for entry in LogEntry.objects.get_for_object(obj):
            assert "PRIVATE" not in str(entry.changes)


def test_changes_are_in_words_with_names_not_ids(client_for, world):
    activity = LearningActivity.objects.create(
        partnership=world.partnership, title="Trauma skilled", kind="course"
    )
    LearningRecord.objects.create(person=world.people["practitioner"], activity=activity)
    body = client_for("partnership_admin").get("/change-history/").content.decode()
    assert "&lt;class" not in body and "<class" not in body
    assert ".None" not in body
    assert "Trauma skilled" in body
    assert "Eilidh Practitioner" in body
    # Field names appear as words ("person"), the learning record as its kind.
    assert "Learning record" in body


def test_an_items_change_and_the_framework_and_initiative_filters_work(client_for, world):
    admin = client_for("partnership_admin")
    for model in (Framework, Initiative):
        LogEntry.objects.create(
            content_type=ContentType.objects.get_for_model(model),
            object_pk="1",
            object_id=1,
            object_repr="Something",
            action=LogEntry.Action.UPDATE,
            changes={
                "items": {"type": "m2m", "operation": "add", "objects": ["Voice 1"]},
                "records": ["None", "workforce.LearningRecord.None"],
            },
            additional_data={"partnership_id": world.partnership.pk},
        )
    assert admin.get("/change-history/").status_code == 200
    for model in (Framework, Initiative):
        kind = ContentType.objects.get_for_model(model).pk
        response = admin.get(f"/change-history/?record_type={kind}")
        assert response.status_code == 200
    # Initiative.items is a real many-to-many field: its change is said in words.
    kind = ContentType.objects.get_for_model(Initiative).pk
    assert "added: Voice 1" in admin.get(f"/change-history/?record_type={kind}").content.decode()


def test_a_support_action_and_a_session_location_stay_private(client_for, world):
    session = Session.objects.create(
        partnership=world.partnership,
        kind="one_to_one",
        held_on=date.today(),
        location="SECRET-PLACE",
        facilitator=world.people["supervisor"],
    )
    SupportAction.objects.create(
        session=session,
        owner=world.people["practitioner"],
        description="SECRET-ACTION",
    )
    body = client_for("partnership_admin").get("/change-history/").content.decode()
    assert "SECRET" not in body
