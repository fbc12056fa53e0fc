"""The checker's behaviour on the examples the issue names, one at a time."""

import dataclasses
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from scaffolding.language import Finding, check, count_terms, load_default_glossary
from scaffolding.language.core import looks_like_name, quoted_spans

SRC = str(Path(__file__).resolve().parents[2] / "src")


def found(text):
    return [(finding.rule, finding.text) for finding in check(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Please send your contact details.",
        "We will contact the school on Monday.",
        "Erin has a work placement at the garage.",
        "The placement of the ramp was agreed.",
        "In case of fire, leave by the front door.",
        "He needed a bed in hospital overnight.",
    ],
)
def test_ordinary_uses_are_not_flagged(text):
    assert check(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Amy has contact with her brother on Fridays.", [("contact", "contact")]),
        ("Her placement ended in March.", [("placement", "placement")]),
        (
            "Supervised contact is at the contact centre.",
            [
                ("contact", "Supervised contact"),
                ("contact", "contact centre"),
            ],
        ),
        ("Sibling contact was agreed.", [("contact", "Sibling contact")]),
        ("Zara goes to respite monthly.", [("respite", "respite")]),
    ],
)
def test_care_uses_are_flagged(text, expected):
    assert found(text) == expected


def test_finding_fields_and_offsets():
    text = "Jay's placement is settled."
    [finding] = check(text)
    assert dataclasses.is_dataclass(finding)
    assert (finding.start, finding.end) == (6, 15)
    assert text[finding.start : finding.end] == finding.text == "placement"
    assert (finding.line, finding.column) == (1, 7)
    assert finding.rule == "placement"
    assert "home" in finding.suggestions
    assert finding.quoted is False
    assert finding.severity == "suggestion"
    assert "Promise" in finding.source
    assert finding.message == load_default_glossary()["placement"].explanation


def test_finding_is_frozen():
    [finding] = check("Her placement ended.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.rule = "other"


def test_to_dict_has_exactly_the_api_shape():
    [finding] = check("Her placement ended.")
    assert finding.to_dict("notes.txt") == {
        "path": "notes.txt",
        "line": 1,
        "column": 5,
        "start": 4,
        "end": 13,
        "text": "placement",
        "rule": "placement",
        "message": finding.message,
        "suggestions": ["home", "living with", "where the child lives"],
        "quoted": False,
    }
    assert finding.to_dict()["path"] is None


def test_line_and_column_on_later_lines_with_unicode_before():
    text = "Café notes 🙂\nSecond line.\n  Évie’s respite weekend."
    [finding] = check(text)
    assert finding.text == "respite weekend"
    assert text[finding.start : finding.end] == "respite weekend"
    assert (finding.line, finding.column) == (3, 10)


def test_windows_line_endings_count_as_one_line_break():
    # Lines are split on "\n" only; a "\r" before it stays at the end of the earlier line.
    text = "Notes\r\nHer placement ended.\r\n"
    [finding] = check(text)
    assert (finding.line, finding.column) == (2, 5)
    assert text[finding.start : finding.end] == "placement"


def test_findings_are_sorted_and_do_not_overlap():
    text = "The placement breakdown led to respite, then a new placement and contact with mum."
    findings = check(text)
    assert [f.rule for f in findings] == ["placement-breakdown", "respite", "placement", "contact"]
    for earlier, later in pairwise(findings):
        assert earlier.end <= later.start


def test_longest_phrase_wins():
    assert found("There was a placement breakdown.") == [
        ("placement-breakdown", "placement breakdown")
    ]
    assert found("Sibling contact at the weekend.") == [("contact", "Sibling contact")]


class TestQuotes:
    @pytest.mark.parametrize(
        "text",
        [
            'Amy said "my placement is fine" today.',
            "Amy said 'my placement is fine' today.",
            "Amy said “my placement is fine” today.",
            "Amy said ‘my placement is fine’ today.",
            "Amy said «my placement is fine» today.",
        ],
    )
    def test_words_in_quotes_are_a_persons_own(self, text):
        [finding] = check(text)
        assert finding.quoted is True
        assert finding.severity == "quoted"
        assert finding.suggestions == []
        assert "own words" in finding.message

    @pytest.mark.parametrize(
        "text",
        [
            "The child's placement is settled and they don't want to move.",
            "The child’s placement is settled and they don’t want to move.",
            "The girls' placement is near their school.",
        ],
    )
    def test_apostrophes_are_not_quotes(self, text):
        [finding] = check(text)
        assert finding.quoted is False

    def test_apostrophe_inside_a_quote_does_not_close_it(self):
        [finding] = check("Liam said 'I don't like my placement' at tea.")
        assert finding.quoted is True

    def test_quote_ends_at_the_closing_mark(self):
        findings = check("Skye said 'respite' but her placement is her home.")
        assert [(f.text, f.quoted) for f in findings] == [("respite", True), ("placement", False)]

    def test_unclosed_quote_does_not_run_past_a_blank_line(self):
        findings = check("Jay said 'it was fine.\n\nHis placement is settled.")
        assert [(f.text, f.quoted) for f in findings] == [("placement", False)]

    def test_quoted_spans_ignore_apostrophes(self):
        text = "Mia's mum said 'it's OK' and didn't stay."
        assert [text[start:end] for start, end in quoted_spans(text)] == ["'it's OK'"]

    def test_count_terms_skips_quoted_words(self):
        counts = count_terms("Her placement is settled. She says 'placement' is a cold word.")
        assert counts["placement"] == 1


class TestNegationAndMention:
    @pytest.mark.parametrize(
        "text",
        [
            "We no longer say placement.",
            "Instead of 'respite', we say short breaks.",
            "Rather than contact with mum, we call it family time.",
            "Please stop using the word sanctions.",
            "The term LAC is not used here.",
            "This is not a placement, it is Ben's home.",
            "It isn't a unit, it's their home: we never say residential unit.",
            "Short breaks must never be called respite.",
            "What we used to call respite is a sleepover now.",
        ],
    )
    def test_talking_about_a_word_is_not_using_it(self, text):
        assert check(text) == []

    def test_calling_something_by_the_word_is_still_using_it(self):
        assert found("Amy called contact with her mum the best bit.") == [("contact", "contact")]

    def test_no_contact_is_still_about_family_time(self):
        assert found("Kai has no contact with his dad.") == [("contact", "contact")]


class TestNames:
    @pytest.mark.parametrize(
        "text",
        [
            "Mr Case phoned the office.",
            "Dr. Placement wrote to the school.",
            "Her mum, Sandra Case, came to the meeting.",
            "The office is at Unit 4 Business Park.",
            "Unit 4 Business Park has parking.",
            "She has tea at Respite House on Fridays.",
        ],
    )
    def test_capitalised_names_are_not_flagged(self, text):
        assert check(text) == []

    def test_capitalised_word_at_sentence_start_is_not_a_name(self):
        assert found("Placement Plan review. Contact with mum is weekly.") == [
            ("placement", "Placement"),
            ("contact", "Contact"),
        ]

    def test_looks_like_name_needs_a_capital(self):
        text = "the case of mr case"
        assert not looks_like_name(text, 15, 19)


class TestAcronyms:
    def test_lac_in_capitals_is_found(self):
        assert found("The LAC review and the LACs list.") == [
            ("lac", "LAC review"),
            ("lac", "LACs"),
        ]

    @pytest.mark.parametrize(
        "text",
        ["Her lace was torn.", "He plays lacrosse.", "the lac insect", "Lac Leman", "BLACK"],
    )
    def test_lac_only_as_an_uppercase_whole_word(self, text):
        assert check(text) == []

    def test_words_are_found_whatever_their_case(self):
        assert found("RESPITE and Respite and respite") == [
            ("respite", "RESPITE"),
            ("respite", "Respite"),
            ("respite", "respite"),
        ]


def test_count_terms_lists_every_enabled_rule():
    counts = count_terms("Her placement and his placement; contact with mum.")
    assert counts["placement"] == 2
    assert counts["contact"] == 1
    assert set(counts) == {rule.id for rule in load_default_glossary().enabled_rules}
    assert sum(counts.values()) == 3


def test_empty_text_has_no_findings():
    assert check("") == []
    assert isinstance(check("home"), list)


def test_finding_constructor_keeps_fields():
    finding = Finding(0, 4, 1, 1, "unit", "unit", "m", ["home"], False, "suggestion", "s")
    assert finding.to_dict("x")["suggestions"] == ["home"]


DJANGO_WATCH = """
import sys

attempts = []


class WatchDjango:
    # Records (and blocks) any attempt to import django, installed or not.
    def find_spec(self, name, path=None, target=None):
        if name == "django" or name.startswith("django."):
            attempts.append(name)
            raise ImportError("django import blocked by test")
        return None


sys.meta_path.insert(0, WatchDjango())
"""


def run_with_django_watch(body):
    code = DJANGO_WATCH + body + "\nprint(attempts)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": SRC},
        check=True,
    )
    return result.stdout.strip()


def test_importing_the_checker_does_not_import_django():
    body = (
        "import scaffolding.language, scaffolding.language.cli\n"
        "scaffolding.language.check('Her placement.')\n"
        "scaffolding.language.extract_text('a.txt', b'contact with mum')\n"
    )
    assert run_with_django_watch(body) == "[]"


def test_the_django_watch_would_notice_an_import():
    body = "try:\n    import django.conf\nexcept ImportError:\n    pass\n"
    assert run_with_django_watch(body) == "['django']"


def test_findings_are_built_with_every_field_of_the_dataclass():
    import dataclasses as dc

    from scaffolding.language.core import FINDING_FIELDS

    assert tuple(field.name for field in dc.fields(Finding)) == FINDING_FIELDS
    finding = check("Her placement ended.")[0]
    assert finding == Finding(**{name: getattr(finding, name) for name in FINDING_FIELDS})
    with pytest.raises(dc.FrozenInstanceError):
        finding.rule = "other"


def test_context_checks_on_lowercased_text_agree_with_ignorecase():
    # The fast path runs context expressions case-sensitively on text.lower(); every
    # candidate in the labelled sentences must be judged the same both ways.
    import yaml

    from scaffolding.language.core import lowercase, matcher_for

    matcher = matcher_for(load_default_glossary())
    here = Path(__file__).parent
    texts = [
        entry["text"]
        for name in ("corpus.yaml", "realtext_tuning.yaml", "realtext_heldout.yaml")
        for entry in yaml.safe_load((here / name).read_text(encoding="utf-8"))
    ]
    judged = 0
    for text in texts:
        lowered = lowercase(text)
        for start, index, end in matcher.candidates(text):
            pattern = matcher.patterns[index]
            fast = matcher._accepts(text, start, end, pattern, True, True, lowered)
            plain = matcher._accepts(text, start, end, pattern, True, True, None)
            assert fast == plain, (text, text[start:end], pattern.regex)
            judged += 1
    assert judged > 500
