"""Anchor words: the fast search must find exactly what trying every pattern everywhere finds."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scaffolding.language import Glossary, load_default_glossary
from scaffolding.language.anchors import literal_prefixes
from scaffolding.language.core import Matcher, ahocorasick_rs


@pytest.mark.parametrize(
    ("regex", "case_sensitive", "expected"),
    [
        ("placements?", False, ["placement"]),
        ("(?:supervised|family)\\s+contact", False, ["family", "supervised"]),
        ("(?:direct\\s+)?contact", False, ["contact", "direct"]),
        ("kick(?:ing|ed|s)?[\\s-]+off", False, ["kick"]),
        ("children['’]?s", False, ["children's", "childrens", "children’s"]),
        ("LA{1,2}Cs?", True, ["LA"]),
        ("Respite", False, ["respite"]),
        ("[a-z]+ing", False, None),  # starts with a wide class: no anchor
        ("(?:a|an)\\s+bed", False, None),  # "a" is too short to be worth searching for
        ("x*bed", False, None),
        ("(?i:lac)", True, None),  # case rules change inside: no guessing
        ("(unclosed", False, None),
    ],
)
def test_literal_prefixes(regex, case_sensitive, expected):
    min_length = 2 if case_sensitive else 3
    assert literal_prefixes(regex, case_sensitive=case_sensitive, min_length=min_length) == expected


def every_match(matcher, text):
    """What the anchors should find: every pattern tried at every offset."""
    found = []
    for start in range(len(text) + 1):
        for index in range(len(matcher.patterns)):
            match = matcher.single(index).match(text, start)
            if match is not None:
                found.append((start, index, match.end()))
    return found


TRICKY_GLOSSARY = Glossary.from_rules(
    [
        {
            "id": "mixed",
            "patterns": [
                "[a-z]+ness",  # no anchor: run over the whole text
                "(?:wee|big)?\\s*unit",
                "re-?(?:opened|closed)",
                "Ca(?:se|ses)",
            ],
            "suggestions": ["x"],
            "explanation": "x",
            "source": "x",
        },
        {
            "id": "caps",
            "acronym": True,
            "patterns": ["LAA?C", "CP"],
            "suggestions": ["x"],
            "explanation": "x",
            "source": "x",
        },
    ]
)
PIECES = [
    "placement", "Placement", "PLACEMENT", "contact", "supervised contact", "LAC", "LAAC", "lac",
    "kindness", "wee unit", "bigunit", "reopened", "re-closed", "cases", "CP", "ſervice uſer",
    "İ", "ı", "K", "respite", "kicking off", "children’s unit", " ", "\n", "-", "'", "x", "é",
]  # fmt: skip
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=25).map("".join)


# Both ways of finding anchor words: plain string search, and Aho-Corasick when installed.
SEARCHES = [
    pytest.param(False, id="plain-search"),
    pytest.param(
        True,
        id="aho-corasick",
        marks=pytest.mark.skipif(ahocorasick_rs is None, reason="ahocorasick-rs not installed"),
    ),
]


@pytest.mark.parametrize("accelerate", SEARCHES)
@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_anchored_search_finds_every_match_of_the_shipped_glossary(accelerate, text):
    matcher = Matcher(load_default_glossary().enabled_rules, accelerate=accelerate)
    assert (matcher.automaton is not None) == accelerate
    assert matcher.candidates(text) == every_match(matcher, text)


@pytest.mark.parametrize("accelerate", SEARCHES)
@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_anchored_search_finds_every_match_of_a_tricky_glossary(accelerate, text):
    matcher = Matcher(TRICKY_GLOSSARY.enabled_rules, accelerate=accelerate)
    assert matcher.unanchored  # the "[a-z]+ness" pattern
    assert matcher.candidates(text) == every_match(matcher, text)
