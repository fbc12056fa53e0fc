"""Properties that hold for any input text."""

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from scaffolding.language import check, count_terms
from scaffolding.language.core import quoted_spans

# Care words and the punctuation around them, so generated text often has findings.
CARE_PIECES = [
    "placement", "contact with mum", "supervised contact", "respite", "LAC review", "unit",
    "absconded", "case", "her case", "siblings", "birth parents", "bed space", "Mr Case",
    "the word placement", "'", '"', "“", "”", "‘", "’", "\n", "\n\n", " ", ". ", "Amy's",
    "don't", "placement breakdown", "kicked off", "Unit 4", "é", "🙂", "\r\n", "\t",
]  # fmt: skip

care_text = st.lists(st.one_of(st.sampled_from(CARE_PIECES), st.text(max_size=8)), max_size=40).map(
    "".join
)
any_text = st.one_of(st.text(), care_text)


def line_and_column(text, offset):
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_findings_are_consistent_with_the_text(text):
    findings = check(text)
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        assert (finding.line, finding.column) == line_and_column(text, finding.start)
        assert finding.quoted == (finding.severity == "quoted")
        assert finding.quoted or finding.suggestions
    for earlier, later in pairwise(findings):
        assert earlier.end <= later.start


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_count_terms_agrees_with_check(text):
    counts = count_terms(text)
    assert sum(counts.values()) == sum(1 for f in check(text) if not f.quoted)
    assert all(value >= 0 for value in counts.values())


@settings(max_examples=100, deadline=None)
@given(care_text, care_text)
def test_text_before_a_paragraph_does_not_move_findings_after_it(prefix, body):
    # Findings in a paragraph are the same wherever the paragraph sits, shifted by the prefix.
    prefix = prefix.replace("\n", " ") + ".\n\n"
    body = body.replace("\n", " ")
    alone = [(f.rule, f.text, f.quoted, f.start) for f in check(body)]
    placed_after = [
        (f.rule, f.text, f.quoted, f.start - len(prefix))
        for f in check(prefix + body)
        if f.start >= len(prefix)
    ]
    assert placed_after == alone


@settings(max_examples=200, deadline=None)
@given(care_text)
def test_quotes_read_per_paragraph_agree_with_the_whole_text(text):
    # check() reads quotation marks only in paragraphs with findings; that must not matter.
    spans = quoted_spans(text)
    for finding in check(text):
        inside = any(start < finding.start and finding.end <= end for start, end in spans)
        assert finding.quoted == inside
