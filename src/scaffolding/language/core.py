"""Find stigmatising, professionalised words in writing about children.

Pure Python (no Django). ``check`` searches the text for the literal words each
pattern must start with (see ``Matcher``), tries the pattern's regular expression only
there, then looks at context only where a pattern matched: the rule's own context
expressions, whether the word is part of a name, whether the writer is talking
*about* the word ("we no longer say placement"), and whether it sits inside quotation
marks (a person's own words: reported, never offered for rewriting).
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

try:  # optional: one Aho-Corasick pass for all anchor words instead of one scan each
    import ahocorasick_rs
except ImportError:  # pragma: no cover - the pure-Python search gives the same results
    ahocorasick_rs = None

from scaffolding.language.glossary import (
    Glossary,
    Pattern,
    Rule,
    load_default_glossary,
    lowercase_twin,
)

SEVERITY_SUGGESTION = "suggestion"
SEVERITY_QUOTED = "quoted"
QUOTED_MESSAGE = "These are a person's own words in quotation marks: keep them as said. "

# The writer is talking about the word, not using it: "we no longer say placement",
# "instead of 'respite'", "the word LAC", "this is not a placement", "never be called respite".
MENTION_BEFORE = re.compile(
    r"(?:"
    r"(?:\bno\s+longer|\b(?:do\s+not|does\s+not|don't|don’t|doesn't|doesn’t|never|not|stop"
    r"|stopped|avoid|avoiding|won't|won’t))\s+(?:say|saying|use|using|call|calling|write|writing)"
    r"(?:\s+(?:it|her|him|them|this|that|the\s+word|the\s+term))?(?:\s+(?:a|an|the))?"
    r"|\binstead\s+of|\brather\s+than"
    r"|\b(?:be|been|being|is|was|are|were|so)[\s-]+called|\bused\s+to\s+call"
    r"|\bcall\s+(?:it|them|this|that)"
    r"|\bthe\s+(?:words?|terms?|phrases?|label|acronym)"
    r"|\b(?:words?|terms?|phrases?|language)\s+(?:like|such\s+as)"
    r"|\breplac(?:e|es|ed|ing)"
    r"|\b(?:also|formerly|previously|sometimes|often|commonly|otherwise|once|historically"
    r"|traditionally|still|now|usually|widely|generally)\s+(?:known|referred\s+to|described"
    r"|termed)\s+as"
    r"|\b(?:known|referred\s+to|termed)\s+as"
    r"|\bused\s+to\s+(?:describe|refer\s+to)|\bto\s+refer\s+to"
    r"|\b(?:like|such\s+as|including)\s+[\"'‘“][^\"'’”\n]{1,30}[\"'’”]\s*(?:,|and|or)\s*(?:and\s+|or\s+)?[\"'‘“]"
    r"|\bcalled\s+(?:just|simply|only)|\bcalled\s*[\"'‘“]"
    r"|\b(?:acronyms?|abbreviations?|jargon|labels?|expressions?|words?|terms?)\s+(?:like|such\s+as"
    r"|including|e\.g\.)"
    r"|\bas\s*[\"'‘“]"
    r"|\b(?:is|was|are|were)\s+not\s+(?:a\s+|an\s+)?"
    r"|\b(?:isn't|wasn't|aren't|weren't|isn’t|wasn’t|aren’t|weren’t)\s+(?:a\s+|an\s+)?"
    r")\s*[\"'‘“]?\s*\Z",
    re.IGNORECASE,
)
MENTION_WINDOW = 45
# Every mention above contains one of these; looked for first because substring tests
# are far cheaper than the expression (measured: about 4x cheaper than a regex of them).
MENTION_WORDS = (
    "longer", "not", "n't", "n’t", "never", "stop", "avoid", "instead", "rather", "word",
    "term", "phrase", "label", "acronym", "language", "replac", "call", "known", "referred",
    "abbreviation", "jargon", "expression", "refer", "describ",
    # "as ‘respite’", "called “contact”", "like 'placement' and 'contact'": a quote is near
    '"', "‘", "“", " '",
)  # fmt: skip
MENTION_CUE = re.compile("|".join(re.escape(word) for word in MENTION_WORDS), re.IGNORECASE)
MENTION_CUE_LOWER = re.compile("|".join(re.escape(word) for word in MENTION_WORDS))
MENTION_BEFORE_LOWER = lowercase_twin(MENTION_BEFORE.pattern) or MENTION_BEFORE
# After the word: "Abscond. We prefer: run away", "'respite care' should have a new name".
MENTION_AFTER = re.compile(
    r"[\"'’”]?\s*(?:"
    r"[.:]?\s*(?:we|I|they|young\s+people|children)\s+prefer\b"
    r"|[.:,]?\s*(?:instead\s+(?:say|use|write)|say\s+instead|use\s+instead)\b"
    # a quoted word, then what it is now called: "'Respite' has been replaced by..."
    r"|(?<=[\"'’”])\s(?:is|are|was|were)\s+(?:now\s+)?(?:called|known\s+as|replaced|renamed)\b"
    r"|(?<=[\"'’”])\s(?:has|have)\s+been\s+(?:replaced|renamed|dropped)\b"
    r"|\s(?:is|are|was|were)\s+(?:now\s+|also\s+)?(?:called|known\s+as|referred\s+to\s+as)\s*[\"'‘“]"
    r"|(?<=[\"'’”])\s+(?:is\s+|was\s+)?used\b"
    r"|\s(?:should|must|needs?\s+to)\s+(?:have\s+a\s+(?:new\s+|different\s+|better\s+|kinder\s+)?"
    r"name|be\s+(?:renamed|called|replaced|dropped))\b"
    r")",
    re.IGNORECASE,
)
MENTION_AFTER_WINDOW = 60
# A glossary line: a short term at the start of a line or bullet, then a dash and its
# replacement ("- Contact Centre – Family centre.").
GLOSSARY_DASH = re.compile(r"[ \t][–—][ \t]")
GLOSSARY_TERM_WORDS = 6
# Titles of laws and published guidance are cited, not rewritten: "Looked After Children
# (Scotland) Regulations 2009", "Care Planning, Placement and Case Review (2015)". A
# capitalised match followed by more title words and then one of these is not reported.
CITATION_AFTER = re.compile(
    r"(?:(?:[ \t]+|[ \t]*[,:][ \t]*|[ \t]+[-–][ \t]+)(?:and|of|for|the|to|in|on|with|&"
    r"|\((?:Scotland|England|Wales|Northern Ireland)\)|[A-Z][\w'’-]*|\d+))*?"
    r"(?:[ \t]+|,[ \t]*)(?:(?:Act|Regulations|Rules|Order|Statistics)\b|(?i:statistics)\b"
    r"|\(\d{4}\)|statutory guidance\b)"
)
CITATION_WINDOW = 120
# Looked for first: most capitalised matches have no title word after them at all.
CITATION_END = re.compile(
    r"\b(?:Act|Regulations|Rules|Order|[Ss]tatistics|STATISTICS)\b|\(\d{4}\)|statutory guidance"
)
URL_HINT = re.compile(r"://|^www\.|@|\w\.(?:com|org|net|gov|scot|uk|co|io|info)(?:/|$)")
WHITESPACE = re.compile(r"\s")
# Words that start headings and list items, not names: "Emergency Placements", "Kinship
# Placements", "Looked After Child Review". A run of these before a capitalised word on a
# heading line makes it a heading, not a proper name ("Good Shepherd Centre Secure Unit").
NAME_MARKERS = frozenset(
    {"street", "road", "centre", "center", "house", "lodge", "park", "hall", "court", "farm",
     "cottage", "close", "drive", "avenue", "lane", "crescent", "terrace", "gardens", "square",
     "place", "way", "st", "ltd", "limited", "trust", "shepherd", "mary's", "academy", "primary",
     "college", "school", "church", "hospital", "ward", "clinic"}
)  # fmt: skip
# Characters that IGNORECASE matches with an ASCII letter but .lower() does not turn into it.
CASE_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
CASE_FOLD_CHARACTERS = ("\u0130", "\u0131", "\u017f")

TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "st"}
    | {"cllr", "councillor", "judge", "sheriff"}
)
PREVIOUS_WORD = re.compile(r"([^\W\d_][\w'’-]*)(\.?)[ \t]+\Z")
# A word or number after a capitalised trigger that marks a proper name: "Unit 4", "Respite House".
NAME_FOLLOWER = re.compile(
    r"[ \t]+(?:\d|(?:House|Road|Street|St|Lane|Park|Avenue|Drive|Court|Close|Crescent|Way"
    r"|Place|Square|Gardens|Terrace|Business|Industrial|Estate|Hall|Farm|Cottage|Primary"
    r"|Academy|Ltd|Limited|Trust|Associates|Studios|Records)\b)"
)
SENTENCE_END = frozenset(".!?:;\n")
LEADING_NOISE = " \t\"'‘’“”«»([{*•–—-"


@dataclass(frozen=True)
class Finding:
    """One word or phrase that a rule found, with where it is and kinder alternatives.

    ``start``/``end`` are 0-based offsets into the checked text (``text[start:end]``
    is ``text``); ``line`` and ``column`` are 1-based, lines split on "\n" only.
    """

    start: int
    end: int
    line: int
    column: int
    text: str
    rule: str
    message: str
    suggestions: list[str]
    quoted: bool
    severity: str
    source: str

    def to_dict(self, path: str | None = None) -> dict[str, Any]:
        return {
            "path": path,
            "line": self.line,
            "column": self.column,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "rule": self.rule,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "quoted": self.quoted,
        }


def lowercase(text: str) -> str:
    """``text.lower()``, with the few characters IGNORECASE folds differently folded first."""
    if any(character in text for character in CASE_FOLD_CHARACTERS):
        return text.translate(CASE_FOLDS).lower()  # rare, and translate is slow
    return text.lower()


FINDING_FIELDS = (
    "start", "end", "line", "column", "text", "rule", "message", "suggestions", "quoted",
    "severity", "source",
)  # fmt: skip


class Anchor(NamedTuple):
    text: str  # lowercase unless case_sensitive
    case_sensitive: bool
    indexes: list[int]  # the patterns whose matches start with this text
    exact: re.Pattern[str]
    ignoring_case: re.Pattern[str]


class Matcher:
    """The enabled patterns of a glossary, ready to search text quickly.

    Each pattern gets the literal words its matches must start with ("contact",
    "supervised"...). ``candidates`` searches for those words and tries a pattern only
    where its word occurs; a pattern without such words is run over the whole text.
    The word search is plain string search, or one Aho-Corasick pass when the
    optional ``ahocorasick-rs`` package is installed (that step about ten times
    faster, the whole check about 1.4 times; the same results, which the tests check).
    """

    def __init__(self, rules: Iterable[Rule], *, accelerate: bool = True):
        self.rules = {rule.id: rule for rule in rules}
        ordered = [pattern for rule in self.rules.values() for pattern in rule.patterns]
        # Longer expressions first, so "placement breakdown" wins over "placement"
        # when both start at the same place.
        ordered.sort(key=lambda pattern: -len(pattern.regex))
        self.patterns: list[Pattern] = ordered
        # Compiled on first use (see single()): a short text meets few patterns.
        self.singles: list[re.Pattern[str] | None] = [None] * len(ordered)
        by_anchor: dict[tuple[str, bool], list[int]] = {}
        self.unanchored: list[int] = []
        for index, pattern in enumerate(ordered):
            prefixes = pattern.prefixes
            if prefixes is None:
                self.unanchored.append(index)
                continue
            for prefix in prefixes:
                by_anchor.setdefault((prefix, pattern.acronym), []).append(index)
        self.anchors = [
            Anchor(
                anchor,
                case_sensitive,
                sorted(set(indexes)),
                re.compile(re.escape(anchor)),
                re.compile(re.escape(anchor), 0 if case_sensitive else re.IGNORECASE),
            )
            for (anchor, case_sensitive), indexes in _merge_covered(by_anchor).items()
        ]
        lowercase = [anchor for anchor in self.anchors if not anchor.case_sensitive]
        self.automaton = None
        if accelerate and ahocorasick_rs is not None and lowercase:
            self.automaton = ahocorasick_rs.AhoCorasick([anchor.text for anchor in lowercase])
            self.automaton_indexes = [anchor.indexes for anchor in lowercase]

    def single(self, index: int) -> re.Pattern[str]:
        """The compiled expression of pattern ``index``, compiled on first use."""
        compiled = self.singles[index]
        if compiled is None:
            compiled = self.singles[index] = _compile_single(self.patterns[index])
        return compiled

    def candidates(self, text: str, lowered: str | None = None) -> list[tuple[int, int, int]]:
        """Every (start, pattern index, end) where a pattern matches, sorted."""
        if lowered is None:
            lowered = lowercase(text)
        same_offsets = len(lowered) == len(text)  # a few characters lowercase to two
        found: dict[tuple[int, int], int] = {}
        singles = self.singles
        use_automaton = self.automaton is not None and same_offsets
        if use_automaton:
            for which, start, _end in self.automaton.find_matches_as_indexes(
                lowered, overlapping=True
            ):
                for index in self.automaton_indexes[which]:
                    match = (singles[index] or self.single(index)).match(text, start)
                    if match is not None:
                        found[start, index] = match.end()
        for anchor in self.anchors:
            if anchor.case_sensitive:
                haystack, hits = text, anchor.exact.finditer
            elif use_automaton:
                continue  # already found above
            elif same_offsets:
                haystack, hits = lowered, anchor.exact.finditer
            else:
                haystack, hits = text, anchor.ignoring_case.finditer
            # Most anchors are absent from most texts; `in` says so faster than a regex scan.
            if same_offsets and anchor.text not in haystack:
                continue
            for hit in hits(haystack):
                start = hit.start()
                for index in anchor.indexes:
                    match = (singles[index] or self.single(index)).match(text, start)
                    if match is not None:
                        found[start, index] = match.end()
        for index in self.unanchored:
            # Step one character on (not to the match's end) so overlapping starts are seen too.
            search, position = (singles[index] or self.single(index)).search, 0
            while (match := search(text, position)) is not None:
                found[match.start(), index] = match.end()
                position = match.start() + 1
        return sorted((start, index, end) for (start, index), end in found.items())

    def find(self, text: str) -> list[tuple[int, int, Pattern]]:
        """Accepted (start, end, pattern) hits in order, not overlapping.

        At one start, patterns are tried in priority order; a rejected match does
        not hide shorter matches inside it.
        """
        hits: list[tuple[int, int, Pattern]] = []
        last_end = 0
        lowered = lowercase(text)
        # Context expressions run on the lowercased text (several times faster than
        # IGNORECASE) when lowercasing keeps every offset.
        same = lowered if len(lowered) == len(text) else None
        # Characters that addresses and glossary lines need: most texts have none, and
        # then those checks are skipped for every match.
        has_address = "/" in text or "@" in text or "www." in text
        has_dash = "–" in text or "—" in text
        for start, index, end in self.candidates(text, lowered):
            if start < last_end:
                continue
            pattern = self.patterns[index]
            if self._accepts(text, start, end, pattern, has_address, has_dash, same):
                hits.append((start, end, pattern))
                last_end = end
        return hits

    @staticmethod
    def _accepts(
        text: str,
        start: int,
        end: int,
        pattern: Pattern,
        has_address: bool = True,
        has_dash: bool = True,
        lowered: str | None = None,
    ) -> bool:
        if not pattern.context.allows(text, start, end, lowered):
            return False
        if not pattern.acronym and looks_like_name(text, start, end):
            return False
        if has_address and in_url(text, start, end):
            return False
        if text[start].isupper() and is_citation(text, start, end):
            return False
        if MENTION_AFTER.match(text, end, end + MENTION_AFTER_WINDOW):
            return False
        if has_dash and is_glossary_line(text, start, end):
            return False
        window_start = max(0, start - MENTION_WINDOW)
        # The full expression is slow to try at every offset; most text has none of its
        # words, and where one is, the expression need only start a little before it.
        if lowered is None:
            cue = MENTION_CUE.search(text, window_start, start)
            return cue is None or not MENTION_BEFORE.search(
                text, max(window_start, cue.start() - 25), start
            )
        cue = MENTION_CUE_LOWER.search(lowered, window_start, start)
        return cue is None or not MENTION_BEFORE_LOWER.search(
            lowered, max(window_start, cue.start() - 25), start
        )


def _merge_covered(by_anchor: dict[tuple[str, bool], list[int]]) -> dict:
    # Patterns under "sanctions" can be tried wherever "sanction" is found: search once.
    merged: dict[tuple[str, bool], list[int]] = {}
    for anchor, case_sensitive in sorted(by_anchor, key=lambda key: len(key[0])):
        indexes = by_anchor[anchor, case_sensitive]
        shorter = next(
            (key for key in merged if key[1] == case_sensitive and anchor.startswith(key[0])),
            None,
        )
        merged.setdefault(shorter or (anchor, case_sensitive), []).extend(indexes)
    return merged


def _scoped(pattern: Pattern) -> str:
    # Acronyms match in capitals only: "LAC", never "lac" or "Lac".
    return f"(?-i:{pattern.regex})" if pattern.acronym else f"(?:{pattern.regex})"


def _compile_single(pattern: Pattern) -> re.Pattern[str]:
    return re.compile(rf"\b{_scoped(pattern)}\b", re.IGNORECASE)


def is_sentence_start(text: str, start: int) -> bool:
    # Twenty characters of nothing but spaces, quotes or bullets also count as a break.
    before = text[max(0, start - 20) : start].rstrip(LEADING_NOISE)
    return not before or before[-1] in SENTENCE_END


def looks_like_name(text: str, start: int, end: int) -> bool:
    """True for a capitalised trigger inside a proper name: "Mr Case", "Unit 4 Business Park".

    Not on a heading or list-item line whose capitalised words are ordinary ones
    ("### Emergency Placements", "2. The Legal Basis for Kinship Placements").
    """
    word = text[start:end]
    if not word[:1].isupper() or word.isupper():
        return False
    previous = PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if previous is not None:
        previous_word, full_stop = previous.groups()
        if previous_word.lower() in TITLES:
            return True
        if (
            not full_stop
            and previous_word[:1].isupper()
            and not previous_word.isupper()
            and not is_sentence_start(text, previous.start(1))
            and not _opens_quote(text, previous.start(1))
            and not _heading_words(text, start)
        ):
            return True
    return NAME_FOLLOWER.match(text, end) is not None


def _opens_quote(text: str, position: int) -> bool:
    # “Temporary Placements”: the first capitalised word of a quoted phrase is no name.
    before = text[max(0, position - 3) : position].rstrip(" \t")
    return bool(before) and before[-1] in "\"'‘“«("


def _heading_words(text: str, start: int) -> bool:
    """True when ``start`` is on a heading or list-item line and no name word precedes it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    words = line.split()
    if not words or len(words) > 18:
        return False
    marked = line[:1] in "#-•*·–—" or line[:1].isdigit()
    capitalised = sum(1 for word in words if word[:1].isupper())
    if not marked and (line.endswith(".") or capitalised * 2 < len(words)):
        return False
    before = text[line_start:start].split()
    return not any(
        word.strip(",:;()").lower() in NAME_MARKERS
        or (word.endswith(("'s", "’s")) and word[:1].isupper())
        for word in before[-4:]
    )


def in_url(text: str, start: int, end: int) -> bool:
    """True inside a web or email address: "www.example.org/placement-support"."""
    token_start = start
    while token_start > 0 and not text[token_start - 1].isspace():
        token_start -= 1
        if start - token_start > 200:
            break
    token_end = end
    length = len(text)
    while token_end < length and not text[token_end].isspace() and token_end - end < 200:
        token_end += 1
    token = text[token_start:token_end]
    return len(token) > end - start + 3 and URL_HINT.search(token) is not None


def is_citation(text: str, start: int, end: int) -> bool:
    """True for a capitalised match inside the title of a law or published guidance."""
    return (
        text[start].isupper()
        and CITATION_END.search(text, end, end + CITATION_WINDOW) is not None
        and CITATION_AFTER.match(text, end, end + CITATION_WINDOW) is not None
    )


def is_glossary_line(text: str, start: int, end: int) -> bool:
    """True for "- Contact Centre – Family centre.": a word listed with its replacement."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    dash = GLOSSARY_DASH.search(text, end, len(text) if line_end < 0 else line_end)
    if dash is None:
        return False
    term = text[line_start : dash.start()].strip(" \t-•*·#").split()
    # A numbered line ("7.19 Placing a Child for Adoption – Guidance") is a heading.
    return (
        0 < len(term) <= GLOSSARY_TERM_WORDS
        and not term[0][:1].isdigit()
        and not text[line_start:start].rstrip().endswith((".", ":", ";"))
    )


def quoted_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans (start, end) of text inside quotation marks, sorted and not nested.

    Straight and curly quotes, single and double. An apostrophe inside a word
    ("child's", "don’t") is not a quotation mark; quotes do not run past a blank line.
    ``start`` and ``end`` limit the work to whole paragraphs of the text.
    """
    spans: list[tuple[int, int]] = []
    open_double: int | None = None
    open_single: int | None = None
    length = len(text)
    for match in QUOTE_OR_PARAGRAPH.finditer(text, start, length if end is None else end):
        index = match.start()
        mark = match.group()
        if mark[0] == "\n":
            open_double = open_single = None
            continue
        before = text[index - 1] if index > 0 else " "
        after = text[index + 1] if index + 1 < length else " "
        if mark in "“«":
            if open_double is None:
                open_double = index
        elif mark in "”»":
            if open_double is not None:
                spans.append((open_double, index + 1))
                open_double = None
        elif mark == '"':
            if open_double is None:
                if not after.isspace():
                    open_double = index
            else:
                spans.append((open_double, index + 1))
                open_double = None
        elif mark == "‘":
            if not _is_word(before) and not after.isspace():
                open_single = index
        else:  # ' or ’ with a non-word character on at least one side
            if open_single is not None and not before.isspace():
                spans.append((open_single, index + 1))
                open_single = None
            elif not _is_word(before) and not after.isspace():
                open_single = index  # a newer opening mark replaces an unmatched one
    return _merge(spans)


def quoted_spans_around(text: str, positions: list[int]) -> list[tuple[int, int]]:
    """quoted_spans for only the paragraphs that hold one of ``positions`` (sorted)."""
    breaks = [match.end() for match in BLANK_LINE.finditer(text)]
    if not breaks:
        return quoted_spans(text)
    paragraph_starts = [0, *breaks]
    wanted = sorted({bisect_right(paragraph_starts, position) - 1 for position in positions})
    spans: list[tuple[int, int]] = []
    for paragraph in wanted:
        end = breaks[paragraph] if paragraph < len(breaks) else len(text)
        spans.extend(quoted_spans(text, paragraph_starts[paragraph], end))
    return spans


BLANK_LINE = re.compile("\n[ \t]*\n")
# Quotation marks and blank lines. \B beside ' or ’ means "a non-word character (or the
# edge of the text) on that side", so an apostrophe with letters on both sides ("child's",
# "don’t") is never even seen by the loop above. The lookahead lets the engine skip fast.
QUOTE_OR_PARAGRAPH = re.compile("(?=[\"'‘’“”«»\n])(?:[\"‘“”«»]|\\B['’]|['’]\\B|\n[ \t]*\n)")


def _is_word(character: str) -> bool:
    # Letters, digits and underscore: the regex \w.
    return character.isalnum() or character == "_"


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    index = bisect_right(starts, start) - 1
    return index >= 0 and spans[index][0] < start and end <= spans[index][1]


def check(text: str, glossary: Glossary | None = None) -> list[Finding]:
    """Findings in ``text``, sorted by start offset and never overlapping."""
    glossary = glossary if glossary is not None else load_default_glossary()
    return check_with_matcher(text, matcher_for(glossary))


# One compiled matcher per glossary object, dropped with it. Kept here, not on the
# Glossary, so that glossary.py never imports this module (no import circle).
_MATCHERS: weakref.WeakKeyDictionary[Glossary, Matcher] = weakref.WeakKeyDictionary()


def matcher_for(glossary: Glossary) -> Matcher:
    """The compiled matcher for a glossary's enabled rules, built on first use."""
    matcher = _MATCHERS.get(glossary)
    if matcher is None:
        matcher = _MATCHERS[glossary] = Matcher(glossary.enabled_rules)
    return matcher


def check_with_matcher(text: str, matcher: Matcher) -> list[Finding]:
    """``check`` with a matcher built by the caller (benchmarks compare search methods)."""
    hits = matcher.find(text)
    if not hits:
        return []
    spans = quoted_spans_around(text, [hit[0] for hit in hits])
    span_starts = [span[0] for span in spans]
    findings = []
    line, counted_to = 1, 0
    rules = matcher.rules
    new, fields = object.__new__, FINDING_FIELDS
    for start, end, pattern in hits:
        rule = rules[pattern.rule_id]
        quoted = _inside(spans, span_starts, start, end) if spans else False
        # Hits are in order, so count only the newlines since the previous one.
        line += text.count("\n", counted_to, start)
        counted_to = start
        # Built without the frozen dataclass's __init__ (eleven object.__setattr__ calls),
        # which was a fifth of the time on text with many findings; the same object.
        finding = new(Finding)
        finding.__dict__.update(
            zip(
                fields,
                (
                    start,
                    end,
                    line,
                    start - text.rfind("\n", 0, start),
                    text[start:end],
                    rule.id,
                    (QUOTED_MESSAGE + rule.explanation) if quoted else rule.explanation,
                    [] if quoted else list(rule.suggestions),
                    quoted,
                    SEVERITY_QUOTED if quoted else SEVERITY_SUGGESTION,
                    rule.source,
                ),
                strict=True,
            )
        )
        findings.append(finding)
    return findings


def count_terms(text: str, glossary: Glossary | None = None) -> dict[str, int]:
    """How often each enabled rule fired outside quotation marks (every rule listed, 0 too)."""
    glossary = glossary if glossary is not None else load_default_glossary()
    counts = {rule.id: 0 for rule in glossary.enabled_rules}
    for finding in check(text, glossary):
        if not finding.quoted:
            counts[finding.rule] += 1
    return counts
