"""Promise leads create, change, import and download frameworks in the web interface."""

import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from scaffolding.progress import framework_files as ff
from scaffolding.progress.models import Framework, FrameworkItem

GOOD_YAML = """
name: our-calls
title: Our calls to action
kind: calls_to_action
items:
  - {code: voice-1, number: 1, foundation: voice, text: Listen first.}
  - {code: care-1, number: 1, foundation: care, theme: STABILITY, text: Fewer moves.}
"""


def upload(client, name, text):
    return client.post(
        reverse("progress:framework_import"),
        {"file": SimpleUploadedFile(name, text.encode("utf-8"))},
    )


def test_import_yaml_creates_the_framework(world, client_for):
    response = upload(client_for("promise_lead"), "ours.yaml", GOOD_YAML)
    framework = Framework.objects.get(partnership=world.partnership, name="our-calls")
    assert response.status_code == 302
    assert response["Location"] == reverse("progress:framework_detail", args=[framework.pk])
    assert list(framework.items.values_list("code", flat=True)) == ["voice-1", "care-1"]


def test_import_csv_then_again_updates_in_place(world, client_for):
    client = client_for("promise_lead")
    csv_text = ff.to_csv(ff.parse_yaml(GOOD_YAML))
    upload(client, "ours.csv", csv_text)
    upload(client, "ours.csv", csv_text.replace("Fewer moves.", "Fewer moves of home."))
    framework = Framework.objects.get(name="our-calls")
    assert framework.items.count() == 2
    assert framework.items.get(code="care-1").text == "Fewer moves of home."


def test_import_errors_are_listed_and_nothing_is_saved(world, client_for):
    client = client_for("promise_lead")
    cases = {
        "missing foundation": (
            "bad.yaml",
            GOOD_YAML.replace("foundation: care, ", ""),
            "item 2 (code 'care-1'): foundation: missing",
        ),
        "duplicate numbers": (
            "bad.yaml",
            GOOD_YAML.replace(
                "code: care-1, number: 1, foundation: care",
                "code: voice-2, number: 1, foundation: voice",
            ),
            "item 2 (code 'voice-2'): number: Voice 1 is already used by item 1",
        ),
        "bad YAML": ("bad.yaml", "name: [unclosed\n", "not valid YAML"),
        "unknown foundation in CSV": (
            "bad.csv",
            ff.to_csv(ff.parse_yaml(GOOD_YAML)).replace(",care,", ",kare,"),
            "row 3 (code 'care-1'): foundation: unknown foundation 'kare'",
        ),
    }
    for label, (name, text, expected) in cases.items():
        response = upload(client, name, text)
        assert response.status_code == 200, label
        body = response.content.decode()
        assert "nothing was saved" in body, label
        assert expected.replace("'", "&#x27;") in body, (label, body[body.find("Problems") :][:600])
    assert not Framework.objects.exists()
    assert not FrameworkItem.objects.exists()


def test_import_refuses_other_file_kinds(world, client_for):
    response = upload(client_for("promise_lead"), "notes.txt", GOOD_YAML)
    assert "Choose a .yaml, .yml or .csv file." in response.content.decode()
    assert not Framework.objects.exists()


def test_create_a_framework_and_add_items(world, client_for):
    client = client_for("promise_lead")
    response = client.post(
        reverse("progress:framework_create"),
        {"title": "Our own promises", "name": "our-own", "kind": "calls_to_action"},
    )
    framework = Framework.objects.get(name="our-own", partnership=world.partnership)
    assert response.status_code == 302
    add = reverse("progress:item_create", args=[framework.pk])
    item = {
        "foundation": "voice",
        "number": "1",
        "code": "voice-1",
        "text": "Every child is asked.",
        "lead_organisations_text": "Lochside Council\n\nHarbour Family Support\n",
        "heard": "Young people asked for this.",
    }
    assert client.post(add, item).status_code == 302
    saved = framework.items.get()
    assert saved.lead_organisations == ["Lochside Council", "Harbour Family Support"]
    assert saved.parts == {"heard": "Young people asked for this."}
    # The same code or the same foundation and number again is refused.
    response = client.post(add, item)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Another item in this framework has the code" in body
    assert "Voice 1 is already in this framework." in body
    assert framework.items.count() == 1
    # Changing it keeps its identity.
    edit = reverse("progress:item_edit", args=[saved.pk])
    response = client.post(edit, {**item, "text": "Every child is asked first."})
    assert response.status_code == 302
    saved.refresh_from_db()
    assert saved.text == "Every child is asked first."


def test_framework_names_are_unique_within_a_partnership_only(world, client_for):
    Framework.objects.create(partnership=world.other_partnership, name="shared", title="Theirs")
    Framework.objects.create(partnership=world.partnership, name="taken", title="Ours")
    client = client_for("promise_lead")
    ok = client.post(
        reverse("progress:framework_create"),
        {"title": "Shared", "name": "shared", "kind": "outcomes"},
    )
    assert ok.status_code == 302
    clash = client.post(
        reverse("progress:framework_create"),
        {"title": "Taken", "name": "taken", "kind": "outcomes"},
    )
    assert "Another framework in your partnership has this name." in clash.content.decode()


def test_download_yaml_and_csv_read_back(world, client_for):
    client = client_for("practitioner")
    upload(client_for("promise_lead"), "ours.yaml", GOOD_YAML)
    framework = Framework.objects.get(name="our-calls")
    yaml_response = client.get(reverse("progress:framework_export", args=[framework.pk, "yaml"]))
    csv_response = client.get(reverse("progress:framework_export", args=[framework.pk, "csv"]))
    assert yaml_response["Content-Disposition"] == 'attachment; filename="our-calls.yaml"'
    assert ff.parse_yaml(yaml_response.content.decode()) == ff.parse_yaml(GOOD_YAML)
    assert ff.parse_csv(csv_response.content.decode()) == ff.parse_yaml(GOOD_YAML)
    assert yaml.safe_load(yaml_response.content)["name"] == "our-calls"


def test_csv_download_explains_text_that_looks_like_a_formula(world, client_for):
    upload(client_for("promise_lead"), "ours.yaml", GOOD_YAML)
    framework = Framework.objects.get(name="our-calls")
    FrameworkItem.objects.filter(code="voice-1").update(theme="=SUM(A1)")
    client = client_for("promise_lead")
    response = client.get(
        reverse("progress:framework_export", args=[framework.pk, "csv"]), follow=True
    )
    assert "Cannot write CSV" in response.content.decode()
