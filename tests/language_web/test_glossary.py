"""Reading the glossary, and leads changing it for their own partnership."""

import pytest
from django.urls import reverse

from scaffolding.language import check, load_default_glossary, overrides
from scaffolding.language.models import GlossaryOverride


def edit(client, rule_id, **fields):
    shipped = load_default_glossary()
    rule = shipped[rule_id] if rule_id in shipped else None  # noqa: SIM401 - no .get()
    data = {
        "suggestions": "\n".join(rule.suggestions) if rule else "",
        "explanation": rule.explanation if rule else "",
        "enabled": "on",
    }
    data.update(fields)
    data = {key: value for key, value in data.items() if value is not None}
    return client.post(reverse("language:rule_edit", args=[rule_id]), data)


def local_rule_data(**fields):
    return {
        "rule_id": "problem-family",
        "words": "problem family\ntroubled family",
        "suggestions": "family who need support",
        "explanation": "The label sticks to the whole family.",
        "source": "Lochside young people",
        "enabled": "on",
    } | fields


@pytest.mark.parametrize("role", ["practitioner", "family_carer", "partnership_admin"])
def test_everyone_reads_the_glossary_with_reasons_and_sources(client_for, role):
    body = client_for(role).get(reverse("language:glossary")).content.decode()
    assert "placement" in body and "The Promise (2020) p.24" in body
    assert "Kinder words" in body and "Why" in body
    assert "Change <span" not in body  # no edit links for people who cannot edit


@pytest.mark.parametrize("role", ["promise_lead", "learning_lead"])
def test_leads_change_suggestions_for_their_partnership_only(world, client_for, role):
    response = edit(client_for(role), "placement", suggestions="home\nwhere Amy lives")
    assert response.status_code == 302
    row = GlossaryOverride.objects.get()
    # Only what changed is kept, so later improvements to the shipped rule still arrive.
    assert row.data == {"id": "placement", "suggestions": ["home", "where Amy lives"]}
    assert row.changed_by == world.users[role]
    (finding,) = check("her placement", overrides.glossary_for(world.partnership.pk))
    assert finding.suggestions == ["home", "where Amy lives"]
    (finding,) = check("her placement", overrides.glossary_for(world.other_partnership.pk))
    assert finding.suggestions == list(load_default_glossary()["placement"].suggestions)


def test_switching_a_rule_off_and_back(world, client_for):
    client = client_for("promise_lead")
    edit(client, "respite", enabled=None)
    assert GlossaryOverride.objects.get().data == {"id": "respite", "enabled": False}
    assert check("a respite weekend", overrides.glossary_for(world.partnership.pk)) == []
    body = client.get(reverse("language:glossary")).content.decode()
    assert "Not checked here" in body and "Changed by our partnership" in body
    # Saving the shipped wording again keeps no override at all.
    edit(client, "respite")
    assert not GlossaryOverride.objects.exists()


def test_putting_back_the_shipped_wording(world, client_for):
    client = client_for("learning_lead")
    edit(client, "placement", explanation="Our own words about why.")
    response = client.post(reverse("language:rule_reset", args=["placement"]))
    assert response.status_code == 302
    assert not GlossaryOverride.objects.exists()
    assert client.post(reverse("language:rule_reset", args=["placement"])).status_code == 404


def test_a_lead_adds_a_local_rule(world, client_for):
    client = client_for("promise_lead")
    response = client.post(reverse("language:rule_add"), local_rule_data())
    assert response.status_code == 302
    glossary = overrides.glossary_for(world.partnership.pk)
    findings = check("A troubled family. Problem families help.", glossary)
    assert [f.rule for f in findings] == ["problem-family", "problem-family"]
    assert findings[0].suggestions == ["family who need support"]
    # The change page shows the words as typed, and the rule can be removed.
    page = client.get(reverse("language:rule_edit", args=["problem-family"]))
    assert page.context["form"].initial["words"] == "problem family\ntroubled family"
    client.post(reverse("language:rule_reset", args=["problem-family"]))
    assert "problem-family" not in overrides.glossary_for(world.partnership.pk)


def test_a_local_rule_cannot_take_a_shipped_name(world, client_for):
    response = client_for("promise_lead").post(
        reverse("language:rule_add"), local_rule_data(rule_id="placement")
    )
    assert response.status_code == 200
    assert (
        "There is already a rule called “placement”"
        in response.context["form"].errors["rule_id"][0]
    )
    assert not GlossaryOverride.objects.exists()


def test_the_core_validation_names_the_field(world, client_for):
    # A slug may hold underscores, but a glossary id may not: the core says so.
    response = client_for("promise_lead").post(
        reverse("language:rule_add"), local_rule_data(rule_id="problem_family")
    )
    (error,) = response.context["form"].errors["rule_id"]
    assert "field 'id'" in error
    assert not GlossaryOverride.objects.exists()


def test_empty_suggestions_are_refused(world, client_for):
    response = edit(client_for("promise_lead"), "placement", suggestions="  \n ")
    assert response.context["form"].errors["suggestions"] == ["Please fill this in."]
    assert not GlossaryOverride.objects.exists()


def test_others_cannot_change_the_glossary(world, client_for):
    response = edit(client_for("practitioner"), "placement", suggestions="home")
    assert response.status_code == 403
    response = client_for("partnership_admin").post(reverse("language:rule_add"), local_rule_data())
    assert response.status_code == 403
    assert not GlossaryOverride.objects.exists()


def test_an_unknown_rule_is_404(world, client_for):
    response = client_for("promise_lead").get(reverse("language:rule_edit", args=["nonsense"]))
    assert response.status_code == 404


def test_another_partnerships_local_rule_is_not_ours(world, client_for):
    overrides.save_override(
        world.other_partnership.pk,
        {
            "id": "farhill-word",
            "patterns": ["farhillword"],
            "suggestions": ["kinder"],
            "explanation": "Why.",
            "source": "Farhill",
        },
    )
    client = client_for("promise_lead")
    assert client.get(reverse("language:rule_edit", args=["farhill-word"])).status_code == 404
    assert "farhill-word" not in client.get(reverse("language:glossary")).content.decode()


def test_the_effective_glossary_is_cached_until_changed(world):
    shipped = load_default_glossary()
    assert overrides.glossary_for(world.partnership.pk) is shipped
    overrides.save_override(world.partnership.pk, {"id": "respite", "enabled": False})
    first = overrides.glossary_for(world.partnership.pk)
    assert first is not shipped and not first["respite"].enabled
    assert overrides.glossary_for(world.partnership.pk) is first  # cached
    overrides.save_override(world.partnership.pk, {"id": "respite", "enabled": True})
    second = overrides.glossary_for(world.partnership.pk)
    assert second is not first and second["respite"].enabled
    overrides.remove_override(world.partnership.pk, "respite")
    assert overrides.glossary_for(world.partnership.pk) is shipped


def test_the_glossary_page_takes_the_same_queries_with_more_changes(
    world, client_for, django_assert_num_queries
):
    client = client_for("promise_lead")
    url = reverse("language:glossary")
    overrides.save_override(world.partnership.pk, {"id": "respite", "enabled": False})
    client.get(url)
    # session, user, overrides (glossary), overrides (status), the partnership (its name in
    # the header, which roles use two-step sign-in); permissions come from rules
    with django_assert_num_queries(5):
        client.get(url)
    for rule_id in ("placement", "contact", "lac", "unit", "case"):
        overrides.save_override(world.partnership.pk, {"id": rule_id, "suggestions": ["x"]})
    client.get(url)
    with django_assert_num_queries(5):
        client.get(url)


def test_changes_that_no_longer_fit_fall_back_to_the_shipped_glossary(world, caplog):
    # As if a newer shipped glossary had made a saved change invalid.
    GlossaryOverride.objects.create(
        partnership=world.partnership, rule_id="placement", data={"id": "placement", "x": 1}
    )
    assert overrides.glossary_for(world.partnership.pk) is load_default_glossary()
    assert "glossary changes ignored" in caplog.text


def test_glossary_titles_are_words_not_rule_ids(client_for):
    client = client_for("learning_lead")
    body = client.get("/language/glossary/").content.decode()
    assert '<h2 id="rule-lac">LAC' in body
    assert '<h2 id="rule-service-user">service user' in body
    page = client.get("/language/glossary/lac/change/").content.decode()
    assert "Change “LAC”" in page and "Change “lac”" not in page
