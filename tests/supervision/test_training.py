"""Recording supervisor training: only people who supervise someone are offered."""

from django.urls import reverse

from scaffolding.supervision.models import SupervisorTraining
from scaffolding.workforce.models import Person


def test_a_learning_lead_records_training_for_a_supervisor(world, client_for):
    supervisor = world.people["supervisor"]
    Person.objects.filter(pk=world.people["practitioner"].pk).update(supervisor=supervisor)
    client = client_for("learning_lead")
    body = client.get(reverse("supervision:training")).content.decode()
    assert f'<option value="{supervisor.pk}">{supervisor.full_name}</option>' in body
    # Someone who supervises nobody is not offered.
    assert world.people["colleague"].full_name not in body
    response = client.post(
        reverse("supervision:training"),
        {
            "person": supervisor.pk,
            "title": "Reflective supervision",
            "provider": "NES",
            "completed_on": "2026-10-01",
        },
        follow=True,
    )
    assert f"Training recorded for {supervisor.full_name}." in response.content.decode()
    assert SupervisorTraining.objects.get().person == supervisor
    # Another partnership's person cannot be chosen by posting their id.
    response = client.post(
        reverse("supervision:training"),
        {"person": world.outsider_person.pk, "title": "x", "completed_on": "2026-10-01"},
    )
    assert "Select a valid choice" in response.content.decode()
    assert SupervisorTraining.objects.count() == 1
