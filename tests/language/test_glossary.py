"""The glossary as data: shipped rules, validation, partnership overrides."""

import pytest

from scaffolding.language import Glossary, GlossaryError, check, load_default_glossary

REQUIRED_WORDS = [
    "placement", "contact", "respite", "lac", "looked-after", "unit", "absconding",
    "challenging-behaviour", "attention-seeking", "manipulative", "kicking-off", "defiant",
    "sanctions", "service-user", "case", "caseload", "placement-breakdown",
    "difficult-to-place", "bed", "birth-parents", "siblings", "care-leaver", "leaving-care",
]  # fmt: skip
KNOWN_SOURCES = ("The Promise", "TACT", "North Lanarkshire", "Surrey", "Sandwell", "South Ayrshire")


def a_rule(**changes):
    rule = {
        "id": "pupil-referral",
        "patterns": ["pupil referral"],
        "suggestions": ["a request for help"],
        "explanation": "Say what help is being asked for.",
        "source": "Our partnership's young people's group",
    }
    rule.update(changes)
    return rule


def test_default_glossary_is_cached():
    assert load_default_glossary() is load_default_glossary()


@pytest.mark.parametrize("rule_id", REQUIRED_WORDS)
def test_shipped_rule_is_complete(rule_id):
    rule = load_default_glossary()[rule_id]
    assert rule.enabled
    assert rule.suggestions
    assert rule.explanation
    assert any(name in rule.source for name in KNOWN_SOURCES)
    assert rule.applies_when and rule.not_when


def test_kinder_words_the_issue_names():
    glossary = load_default_glossary()
    assert glossary["siblings"].suggestions[0] == "brothers and sisters"
    assert set(glossary["birth-parents"].suggestions) == {"mum and dad", "parents", "first family"}
    assert "a short break" in glossary["respite"].suggestions
    assert "family time" in glossary["contact"].suggestions
    assert "home" in glossary["placement"].suggestions


def test_from_yaml_text_reads_a_list_or_a_mapping():
    as_list = Glossary.from_yaml_text(
        "- id: x\n  patterns: [wee word]\n  suggestions: [kind word]\n"
        "  explanation: why\n  source: us\n"
    )
    as_mapping = Glossary.from_yaml_text(
        "rules:\n  - id: x\n    patterns: [wee word]\n    suggestions: [kind word]\n"
        "    explanation: why\n    source: us\n"
    )
    for glossary in (as_list, as_mapping):
        assert [(f.rule, f.text) for f in check("a wee word", glossary)] == [("x", "wee word")]


def test_from_rules_with_context_per_pattern():
    glossary = Glossary.from_rules(
        [
            a_rule(
                patterns=[
                    {"pattern": "referral", "requires_before": ["pupil\\s+"]},
                ]
            )
        ]
    )
    assert [f.text for f in check("a pupil referral and a GP referral", glossary)] == ["referral"]


def test_override_disables_a_shipped_rule():
    glossary = load_default_glossary().merged_with([{"id": "respite", "enabled": False}])
    assert check("Zara goes to respite.", glossary) == []
    assert "respite" not in count_ids(glossary)
    assert load_default_glossary()["respite"].enabled  # the shipped glossary is untouched


def test_override_replaces_fields_of_a_shipped_rule():
    glossary = load_default_glossary().merged_with(
        [{"id": "respite", "suggestions": ["a sleepover"], "source": "Our young people's group"}]
    )
    [finding] = check("Zara goes to respite.", glossary)
    assert finding.suggestions == ["a sleepover"]
    assert finding.source == "Our young people's group"
    assert finding.message == load_default_glossary()["respite"].explanation


def test_override_adds_a_new_rule():
    glossary = load_default_glossary().merged_with([a_rule()])
    findings = check("A pupil referral about her placement.", glossary)
    assert [f.rule for f in findings] == ["pupil-referral", "placement"]


def test_merge_accepts_another_glossary():
    ours = Glossary.from_rules([a_rule()])
    merged = load_default_glossary().merged_with(ours)
    assert "pupil-referral" in merged and "placement" in merged


def count_ids(glossary):
    return {rule.id for rule in glossary.enabled_rules}


@pytest.mark.parametrize(
    ("rule", "field", "words"),
    [
        (a_rule(patterns=None), "patterns", "missing"),
        (a_rule(patterns=[]), "patterns", "non-empty"),
        (a_rule(patterns=["(unclosed"]), "patterns", "bad regular expression"),
        (a_rule(patterns=["(?P<name>x)"]), "patterns", "named groups"),
        (a_rule(patterns=["x*"]), "patterns", "matches empty text"),
        (a_rule(suggestions=[]), "suggestions", "at least one"),
        (a_rule(suggestions=None), "suggestions", "missing"),
        (a_rule(suggestions=[""]), "suggestions", "at least one"),
        (a_rule(explanation=""), "explanation", "missing or empty"),
        (a_rule(source=None), "source", "missing or empty"),
        (a_rule(enabled="no"), "enabled", "true or false"),
        (a_rule(acronym=1), "acronym", "true or false"),
        (a_rule(unless_before=["(bad"]), "unless_before", "bad regular expression"),
        (a_rule(colour="red"), "colour", "unknown field"),
        (a_rule(pattern="x"), "pattern", "use 'patterns'"),
        (a_rule(patterns=[{"regex": "x"}]), "patterns", "needs a 'pattern'"),
    ],
)
def test_validation_names_the_rule_and_field(rule, field, words):
    with pytest.raises(GlossaryError) as raised:
        Glossary.from_rules([rule])
    assert raised.value.rule_id == "pupil-referral"
    assert raised.value.field == field
    assert "pupil-referral" in str(raised.value) and field in str(raised.value)
    assert words in str(raised.value)


def test_a_single_string_is_a_one_item_list():
    glossary = Glossary.from_rules([a_rule(suggestions="home", patterns="pupil referral")])
    assert glossary["pupil-referral"].suggestions == ("home",)
    assert [f.text for f in check("a pupil referral", glossary)] == ["pupil referral"]


def test_bad_id_is_reported():
    with pytest.raises(GlossaryError, match="rule number 1 needs an id"):
        Glossary.from_rules([a_rule(id="Not An Id")])


def test_duplicate_ids_are_refused():
    with pytest.raises(GlossaryError, match="appears more than once"):
        Glossary.from_rules([a_rule(), a_rule()])


def test_bad_yaml_is_reported():
    with pytest.raises(GlossaryError, match="not valid YAML"):
        Glossary.from_yaml_text("- id: [unclosed")


def test_yaml_must_hold_rules():
    with pytest.raises(GlossaryError, match="must be a list of rules"):
        Glossary.from_yaml_text("just some text")


def test_override_without_id_is_refused():
    with pytest.raises(GlossaryError, match="override number 1 needs an id"):
        load_default_glossary().merged_with([{"enabled": False}])


def test_switching_off_an_unknown_rule_is_reported():
    with pytest.raises(GlossaryError, match="no rule with this id") as raised:
        load_default_glossary().merged_with([{"id": "respit", "enabled": False}])
    assert raised.value.rule_id == "respit"


def test_new_rule_in_overrides_is_validated():
    with pytest.raises(GlossaryError) as raised:
        load_default_glossary().merged_with([{"id": "new-word", "patterns": ["x"]}])
    assert raised.value.rule_id == "new-word"


def test_empty_glossary_finds_nothing():
    assert check("placement", Glossary([])) == []
