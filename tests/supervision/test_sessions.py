"""Recording a session: prompts not grades, draft to agreed, and no silent edits."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from scaffolding.supervision.forms import NewSessionForm
from scaffolding.supervision.models import Attendance, Session, SessionVersion, SupportAction
from tests.supervision.fixtures import supervision_world

GRADING_WORDS = ("grade", "rating", "score", "performance", "competen", "appraisal")


def _record(client, world, **extra):
    data = {
        "participants": [world.people["practitioner"].pk],
        "kind": "one_to_one",
        "held_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "length_minutes": "60",
        "summary": "Jamie is settling; Eilidh is tired.",
        "prompt_feeling_loved": "Jamie drew a picture for Eilidh",
        "prompt_workload": "Too many late visits",
        "themes": ["feeling_loved", "workload"],
        "actions-TOTAL_FORMS": "2",
        "actions-INITIAL_FORMS": "0",
        "actions-0-description": "Swap two late visits",
        "actions-0-owner": str(world.people["supervisor"].pk),
        "actions-0-due_on": (timezone.localdate() + timedelta(days=7)).isoformat(),
        "actions-1-description": "",
    }
    data.update(extra)
    return client.post(reverse("supervision:session_new"), data)


def test_the_form_offers_prompts_and_never_asks_for_a_grade(world):
    form = NewSessionForm(
        people=world.people["practitioner"].__class__.objects.none(),
        partnership=world.partnership,
    )
    labels = " ".join(f"{field.label} {field.help_text}".lower() for field in form.fields.values())
    for prompt in ("loved", "rights", "stigma", "relationships", "ordinary childhood"):
        assert prompt in labels
    for prompt in ("how are you", "workload", "trauma", "support"):
        assert prompt in labels
    for word in GRADING_WORDS:
        assert word not in labels


def test_recording_a_session_saves_everything_as_a_draft(world, client_for):
    response = _record(client_for("supervisor"), world)
    assert response.status_code == 302
    session = Session.objects.get()
    assert session.status == Session.Status.DRAFT
    assert session.facilitator == world.people["supervisor"]
    assert session.prompt_notes == {
        "feeling_loved": "Jamie drew a picture for Eilidh",
        "workload": "Too many late visits",
    }
    assert session.themes == ["feeling_loved", "workload"]
    assert list(session.attendances.values_list("person", flat=True)) == [
        world.people["practitioner"].pk
    ]
    (action,) = SupportAction.objects.all()
    assert action.owner == world.people["supervisor"] and not action.done


def test_a_supervisor_cannot_record_for_someone_they_do_not_supervise(world, client_for):
    response = _record(client_for("supervisor"), world, participants=[world.people["colleague"].pk])
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Session.objects.exists()


def test_bad_action_rows_save_nothing(world, client_for):
    response = _record(client_for("supervisor"), world, **{"actions-0-due_on": "not a date"})
    assert response.status_code == 200
    assert not Session.objects.exists() and not SupportAction.objects.exists()


def test_agreed_only_when_both_agree(world, client_for):
    made = supervision_world(world)
    session = made["session"]
    agree = reverse("supervision:session_agree", args=[session.pk])
    client_for("supervisor").post(agree)
    session.refresh_from_db()
    assert session.status == Session.Status.DRAFT
    client_for("practitioner").post(agree)
    session.refresh_from_db()
    assert session.status == Session.Status.AGREED


def test_changing_an_agreed_record_keeps_the_agreed_version(world, client_for):
    made = supervision_world(world)
    session = made["session"]
    for role in ("supervisor", "practitioner"):
        client_for(role).post(reverse("supervision:session_agree", args=[session.pk]))
    edit = reverse("supervision:session_edit", args=[session.pk])
    client = client_for("practitioner")
    form = client.get(edit).context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, "")}
    data.update(
        {
            "kind": session.kind,
            "held_on": session.held_on.isoformat(),
            "length_minutes": "60",
            "summary": "We talked about bedtime, and about my tiredness too.",
            "themes": session.themes,
            "actions-TOTAL_FORMS": "1",
            "actions-INITIAL_FORMS": "1",
            "actions-0-id": str(made["action"].pk),
            "actions-0-description": made["action"].description,
            "actions-0-owner": str(made["action"].owner_id),
        }
    )
    data.pop("start_time", None)
    response = client.post(edit, data)
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.version == 2 and session.status == Session.Status.DRAFT
    (kept,) = SessionVersion.objects.filter(session=session)
    assert kept.version == 1
    assert kept.snapshot["summary"] == "We talked about how Jamie settles at bedtime."
    page = client_for("supervisor").get(reverse("supervision:session", args=[session.pk]))
    body = page.content.decode()
    assert "Earlier agreed versions" in body and "settles at bedtime" in body
    assert "not agreed yet" in body


def test_saving_without_changes_keeps_the_agreement(world, client_for):
    made = supervision_world(world)
    session = made["session"]
    for role in ("supervisor", "practitioner"):
        client_for(role).post(reverse("supervision:session_agree", args=[session.pk]))
    session.refresh_from_db()
    assert session.status == Session.Status.AGREED
    from scaffolding.supervision import records

    records.save_record(session, changed_by=None, changed=False)
    session.refresh_from_db()
    assert session.status == Session.Status.AGREED and session.version == 1


def test_marking_an_action_done(world, client_for):
    made = supervision_world(world)
    client_for("practitioner").post(
        reverse("supervision:action_done", args=[made["action"].pk]), {"done": "1"}
    )
    made["action"].refresh_from_db()
    assert made["action"].done


def test_a_group_session_records_attendance_and_apologies(world, client_for):
    made = supervision_world(world)
    group = made["group"]
    response = client_for("supervisor").post(
        reverse("supervision:session_new") + f"?group={group.pk}",
        {
            "participants": [world.people["practitioner"].pk],
            "kind": "group",
            "held_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
            "length_minutes": "90",
            "actions-TOTAL_FORMS": "0",
            "actions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    session = Session.objects.get(group=group)
    attended = dict(Attendance.objects.filter(session=session).values_list("person", "attended"))
    assert attended == {
        world.people["practitioner"].pk: True,
        world.people["family_carer"].pk: False,
    }
    page = client_for("family_carer").get(reverse("supervision:group", args=[group.pk]))
    assert "did not come" in page.content.decode()


def test_only_the_facilitator_records_a_group_session(world, client_for):
    made = supervision_world(world)
    from scaffolding.supervision.models import ReflectiveGroup

    other = ReflectiveGroup.objects.create(
        partnership=world.partnership, name="Another", facilitator=world.people["colleague"]
    )
    other.members.add(world.people["supervisor"])
    response = client_for("supervisor").get(
        reverse("supervision:session_new") + f"?group={other.pk}"
    )
    assert response.status_code == 403
    assert made["group"].pk != other.pk


def test_an_agreement_between_supervisee_and_supervisor(world, client_for):
    from scaffolding.supervision.models import Agreement

    response = client_for("family_carer").post(
        reverse("supervision:agreement_new"),
        {
            "frequency": "Every six weeks, and after hard days",
            "location": "At home or the family centre",
            "length_minutes": "90",
            "supervisee_brings": "How the children are",
            "supervisor_brings": "Support and listening",
            "disagreements": "We say so, and look for a way together",
            "personal_matters": "Talked about separately",
            "starts_on": "2026-11-01",
        },
    )
    assert response.status_code == 302
    agreement = Agreement.objects.get(supervisee=world.people["family_carer"])
    assert agreement.supervisor == world.people["supervisor"]
    assert (
        client_for("supervisor")
        .get(reverse("supervision:agreement", args=[agreement.pk]))
        .status_code
        == 200
    )
    assert (
        client_for("practitioner")
        .get(reverse("supervision:agreement", args=[agreement.pk]))
        .status_code
        == 404
    )


def test_an_agreement_form_names_each_missing_field(world, client_for):
    response = client_for("practitioner").post(reverse("supervision:agreement_new"), {})
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body and "How we handle disagreements" in body


def test_saving_the_edit_form_unchanged_keeps_the_date_and_every_action(world, client_for):
    """As a person would: open "Change the record", press Save without typing anything."""
    from tests.html_forms import submitted_values

    made = supervision_world(world)
    session, action = made["session"], made["action"]
    url = reverse("supervision:session_edit", args=[session.pk])
    client = client_for("supervisor")
    data = submitted_values(client.get(url).content.decode())
    assert data["held_on"] == [session.held_on.isoformat()]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    session.refresh_from_db()
    action.refresh_from_db()
    assert session.held_on == timezone.localdate() - timedelta(days=3)
    assert action.due_on == timezone.localdate() + timedelta(days=20)
    assert action.description == "Book the trauma skilled refresher"
    assert session.actions.count() == 1
