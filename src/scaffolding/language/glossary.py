"""The glossary of the language of care: rules as data, validated, mergeable.

A rule is a plain mapping (usually from YAML). Fields:

- ``id``: short name, lowercase letters, digits and hyphens.
- ``patterns``: one or more regular expressions for the words (inflections and
  spellings included). An entry may be a string, or a mapping with ``pattern`` and
  its own ``requires_before`` / ``requires_after`` / ``unless_before`` /
  ``unless_after`` lists, for words that only hurt in some contexts.
- ``acronym``: true to match the patterns case-sensitively (``LAC`` but not ``lace``).
  Context sees at most 40 characters before the match and 80 after it.
- ``requires_before`` / ``requires_after``: when given, the text just before the match
  must end with, or the text just after must start with, one of these expressions
  (either side is enough when both are given).
- ``unless_before`` / ``unless_after``: the match is skipped when one of these fits.
- ``suggestions``: kinder words (at least one).
- ``explanation``: why the word hurts, in plain words.
- ``source``: the guide(s) the rule comes from.
- ``applies_when`` / ``not_when``: plain descriptions of the context, for people.
- ``enabled``: false switches a rule off (useful in a partnership's overrides).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from scaffolding.language.anchors import literal_prefixes

MIN_ANCHOR = 3  # shorter literal prefixes are too common to be worth searching for
MIN_ANCHOR_CASE_SENSITIVE = 2  # "LA" in capitals is rare enough
RULE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
CONTEXT_FIELDS = ("requires_before", "requires_after", "unless_before", "unless_after")
KNOWN_FIELDS = {
    "id",
    "patterns",
    "acronym",
    "suggestions",
    "explanation",
    "source",
    "applies_when",
    "not_when",
    "enabled",
    *CONTEXT_FIELDS,
}
# How far before and after a match the context expressions may look. Before-expressions
# are tried at every offset of their window, so that window is kept short.
CONTEXT_BEFORE = 40
CONTEXT_AFTER = 80


class GlossaryError(ValueError):
    """Bad glossary data; names the rule and the field at fault."""

    def __init__(self, message: str, rule_id: str | None = None, field: str | None = None):
        self.rule_id = rule_id
        self.field = field
        where = []
        if rule_id is not None:
            where.append(f"rule {rule_id!r}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


class ContextExpression:
    """One context field's expressions, compiled three ways for speed.

    ``full``: all of them, IGNORECASE, for the text. ``low``: those without a
    case-sensitive part, lowercased and case-sensitive, for the lowercased text
    (Python's engine is several times faster without IGNORECASE); ``rest``: the others,
    IGNORECASE, for the text.
    """

    __slots__ = ("full", "low", "rest")

    def __init__(self, expressions: tuple[str, ...], at_end: bool):
        def join(items: list[str], flags: int) -> re.Pattern[str] | None:
            if not items:
                return None
            joined = "|".join(f"(?:{item})" for item in items)
            return re.compile(f"(?:{joined})\\Z" if at_end else f"(?:{joined})", flags)

        self.full = join(list(expressions), re.IGNORECASE)
        self.low = join([lowercase_source(e) for e in expressions if "(?-i" not in e], 0)
        self.rest = join([e for e in expressions if "(?-i" in e], re.IGNORECASE)

    def search(self, text: str, lowered: str | None, start: int, end: int):
        if lowered is None:
            return self.full.search(text, start, end)
        return (self.low is not None and self.low.search(lowered, start, end)) or (
            self.rest is not None and self.rest.search(text, start, end)
        )

    def match(self, text: str, lowered: str | None, start: int, end: int):
        if lowered is None:
            return self.full.match(text, start, end)
        return (self.low is not None and self.low.match(lowered, start, end)) or (
            self.rest is not None and self.rest.match(text, start, end)
        )


def lowercase_source(source: str) -> str:
    """A regex source with its letters lowercased, escapes (\\S, \\Z, \\b...) kept.

    Without a case-sensitive part, the result matches the lowercased text exactly where
    the source with IGNORECASE matches the text.
    """
    out, index = [], 0
    while index < len(source):
        character = source[index]
        if character == "\\" and index + 1 < len(source):
            out.append(source[index : index + 2])
            index += 2
            continue
        out.append(character.lower())
        index += 1
    return "".join(out)


@dataclass(frozen=True)
class Context:
    """Context checks for one pattern (rule-level and pattern-level together).

    Each field holds that check's expressions; they are compiled on first use, so a
    short ``check-language`` run compiles only the rules it meets, and the cached
    glossary holds no compiled expressions (compiling them was most of loading it).
    """

    requires_before: tuple[str, ...] | None = None
    requires_after: tuple[str, ...] | None = None
    unless_before: tuple[str, ...] | None = None
    unless_after: tuple[str, ...] | None = None

    def compiled(self) -> tuple:
        """A ContextExpression (or None) for each field, built once."""
        cached = self.__dict__.get("_compiled")
        if cached is None:
            cached = tuple(
                None if expressions is None else ContextExpression(expressions, at_end)
                for expressions, at_end in (
                    (self.requires_before, True),
                    (self.requires_after, False),
                    (self.unless_before, True),
                    (self.unless_after, False),
                )
            )
            object.__setattr__(self, "_compiled", cached)  # a cache, not a field
        return cached

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_compiled", None)
        return state

    def allows(self, text: str, start: int, end: int, lowered: str | None = None) -> bool:
        """Whether the context around ``text[start:end]`` lets the match stand.

        ``lowered`` is ``text.lower()`` when the caller has it and it has the same length.
        """
        requires_before, requires_after, unless_before, unless_after = self.compiled()
        # pos/endpos instead of slices: no copies, and \Z still means "just before the match".
        before_start = max(0, start - CONTEXT_BEFORE)
        after_end = end + CONTEXT_AFTER
        # When requirements are given, at least one of them (before or after) must fit.
        if (requires_before is not None or requires_after is not None) and not (
            (
                requires_before is not None
                and requires_before.search(text, lowered, before_start, start)
            )
            or (requires_after is not None and requires_after.match(text, lowered, end, after_end))
        ):
            return False
        if unless_before is not None and unless_before.search(text, lowered, before_start, start):
            return False
        return unless_after is None or not unless_after.match(text, lowered, end, after_end)


@dataclass(frozen=True)
class Pattern:
    rule_id: str
    regex: str
    acronym: bool
    context: Context
    # The literal words every match starts with (anchors.literal_prefixes), worked out
    # once here so that the cached glossary carries them; None: no usable words.
    prefixes: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    patterns: tuple[Pattern, ...]
    acronym: bool
    suggestions: tuple[str, ...]
    explanation: str
    source: str
    applies_when: str
    not_when: str
    enabled: bool
    # The validated mapping this rule came from, kept so overrides can change single fields.
    data: Mapping[str, Any] = field(repr=False, compare=False)

    @property
    def title(self) -> str:
        """The word as people write it: 'LAC', 'service user', not the id 'lac', 'service-user'."""
        words = self.id.replace("-", " ").replace("_", " ")
        return words.upper() if self.acronym else words


def _string_list(rule_id: str, name: str, value: Any, *, required: bool) -> list[str]:
    if value is None:
        if required:
            raise GlossaryError("is missing", rule_id, name)
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise GlossaryError("must be a list of strings", rule_id, name)
    if required and not [item for item in value if item.strip()]:
        raise GlossaryError("must have at least one entry", rule_id, name)
    if any(not item.strip() for item in value):
        raise GlossaryError("has an empty entry", rule_id, name)
    return value


def _check_regex(rule_id: str, name: str, expression: str) -> None:
    try:
        compiled = re.compile(expression)
    except re.error as error:
        raise GlossaryError(
            f"bad regular expression {expression!r}: {error}", rule_id, name
        ) from None
    if compiled.groupindex:
        raise GlossaryError(
            f"named groups are not allowed in {expression!r}; use (?:...)", rule_id, name
        )
    if compiled.match(""):
        raise GlossaryError(f"{expression!r} matches empty text", rule_id, name)


def _compile_context(
    rule_id: str, name: str, expressions: list[str], *, at_end: bool
) -> tuple[str, ...] | None:
    """The checked expressions of one context field (compiled later, on first use)."""
    if not expressions:
        return None
    for expression in expressions:
        try:
            re.compile(expression)
        except re.error as error:
            raise GlossaryError(
                f"bad regular expression {expression!r}: {error}", rule_id, name
            ) from None
    ContextExpression(tuple(expressions), at_end)  # the joined forms compile too
    return tuple(expressions)


def lowercase_twin(source: str) -> re.Pattern[str] | None:
    """``source`` for lowercased text, case-sensitive; None if it has a case-sensitive part."""
    if "(?-i" in source:
        return None
    return re.compile(lowercase_source(source))


def _rule_from_dict(data: Any, position: int) -> Rule:
    if not isinstance(data, Mapping):
        raise GlossaryError(f"rule number {position + 1} must be a mapping, not {data!r}")
    rule_id = data.get("id")
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        raise GlossaryError(
            f"rule number {position + 1} needs an id of lowercase letters, digits and hyphens",
            rule_id if isinstance(rule_id, str) else None,
            "id",
        )
    unknown = sorted(set(data) - KNOWN_FIELDS - {"pattern"})
    if unknown:
        raise GlossaryError(f"unknown field(s): {', '.join(unknown)}", rule_id, unknown[0])
    if "pattern" in data:
        raise GlossaryError("use 'patterns' (a list)", rule_id, "pattern")

    enabled = data.get("enabled", True)
    acronym = data.get("acronym", False)
    for name, value in (("enabled", enabled), ("acronym", acronym)):
        if not isinstance(value, bool):
            raise GlossaryError("must be true or false", rule_id, name)

    texts = {}
    for name in ("explanation", "source"):
        value = data.get(name)
        if not isinstance(value, str) or not value.strip():
            raise GlossaryError("is missing or empty", rule_id, name)
        texts[name] = value.strip()
    for name in ("applies_when", "not_when"):
        value = data.get(name, "")
        if not isinstance(value, str):
            raise GlossaryError("must be text", rule_id, name)
        texts[name] = value.strip()

    suggestions = _string_list(rule_id, "suggestions", data.get("suggestions"), required=True)
    rule_context = {
        name: _string_list(rule_id, name, data.get(name), required=False) for name in CONTEXT_FIELDS
    }

    raw_patterns = data.get("patterns")
    if raw_patterns is None:
        raise GlossaryError("is missing", rule_id, "patterns")
    if isinstance(raw_patterns, str | Mapping):
        raw_patterns = [raw_patterns]
    if not isinstance(raw_patterns, list) or not raw_patterns:
        raise GlossaryError("must be a non-empty list", rule_id, "patterns")

    patterns = []
    for entry in raw_patterns:
        if isinstance(entry, str):
            entry = {"pattern": entry}
        if not isinstance(entry, Mapping) or not isinstance(entry.get("pattern"), str):
            raise GlossaryError(f"entry {entry!r} needs a 'pattern' string", rule_id, "patterns")
        extra = sorted(set(entry) - {"pattern", *CONTEXT_FIELDS})
        if extra:
            raise GlossaryError(f"unknown field(s) {', '.join(extra)}", rule_id, "patterns")
        expression = entry["pattern"]
        _check_regex(rule_id, "patterns", expression)
        context = {}
        for name in CONTEXT_FIELDS:
            own = _string_list(rule_id, f"patterns.{name}", entry.get(name), required=False)
            context[name] = _compile_context(
                rule_id, name, rule_context[name] + own, at_end=name.endswith("before")
            )
        found = literal_prefixes(
            expression,
            case_sensitive=acronym,
            min_length=MIN_ANCHOR_CASE_SENSITIVE if acronym else MIN_ANCHOR,
        )
        patterns.append(
            Pattern(
                rule_id,
                expression,
                acronym,
                Context(**context),
                None if found is None else tuple(found),
            )
        )

    return Rule(
        id=rule_id,
        patterns=tuple(patterns),
        acronym=acronym,
        suggestions=tuple(suggestions),
        explanation=texts["explanation"],
        source=texts["source"],
        applies_when=texts["applies_when"],
        not_when=texts["not_when"],
        enabled=enabled,
        data=dict(data),
    )


class Glossary:
    """An immutable, ordered set of rules (``core.matcher_for`` compiles them once)."""

    def __init__(self, rules: Iterable[Rule]):
        self.rules: tuple[Rule, ...] = tuple(rules)
        seen = set()
        for rule in self.rules:
            if rule.id in seen:
                raise GlossaryError("appears more than once", rule.id, "id")
            seen.add(rule.id)
        self._by_id = {rule.id: rule for rule in self.rules}

    def __repr__(self) -> str:
        return f"<Glossary of {len(self.enabled_rules)} enabled rules>"

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._by_id

    def __getitem__(self, rule_id: str) -> Rule:
        return self._by_id[rule_id]

    @property
    def enabled_rules(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.enabled)

    @classmethod
    def from_rules(cls, rules: Iterable[Mapping[str, Any]]) -> Glossary:
        if isinstance(rules, Mapping | str | bytes):
            raise GlossaryError("rules must be a list of mappings")
        return cls(_rule_from_dict(data, position) for position, data in enumerate(rules))

    @classmethod
    def from_yaml_text(cls, text: str) -> Glossary:
        import yaml  # PyYAML is slow to import; the shipped glossary is usually read from cache

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise GlossaryError(f"the glossary is not valid YAML: {error}") from None
        return cls.from_rules(_rules_list(data))

    def merged_with(self, overrides: Glossary | Iterable[Mapping[str, Any]]) -> Glossary:
        """A new glossary: overrides change fields of rules with the same id, or add rules.

        ``{"id": "respite", "enabled": False}`` switches a shipped rule off;
        ``{"id": "respite", "suggestions": [...]}`` changes only its suggestions.
        """
        if isinstance(overrides, Glossary):
            override_dicts = [rule.data for rule in overrides.rules]
        else:
            if isinstance(overrides, Mapping | str | bytes):
                raise GlossaryError("overrides must be a list of mappings")
            override_dicts = list(overrides)
        merged = {rule.id: dict(rule.data) for rule in self.rules}
        for position, override in enumerate(override_dicts):
            if not isinstance(override, Mapping) or not isinstance(override.get("id"), str):
                raise GlossaryError(f"override number {position + 1} needs an id", field="id")
            if override["id"] in merged:
                merged[override["id"]].update(override)
            elif set(override) <= {"id", "enabled"}:
                raise GlossaryError("there is no rule with this id to switch on or off",
                                    override["id"], "id")  # fmt: skip
            else:
                merged[override["id"]] = dict(override)
        return Glossary.from_rules(list(merged.values()))


def _rules_list(data: Any) -> list:
    if isinstance(data, Mapping):
        data = data.get("rules")
    if not isinstance(data, list):
        raise GlossaryError("the glossary must be a list of rules, or a mapping with 'rules'")
    return data


DEFAULT_GLOSSARY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "glossary.yaml")
CACHE_DIR_ENV = "SCAFFOLDING_CACHE_DIR"


@lru_cache(maxsize=1)
def load_default_glossary() -> Glossary:
    """The glossary shipped with Scaffolding (read and compiled once per process).

    Parsing and validating the YAML costs more than everything else a short
    ``check-language`` run does, so the validated glossary is kept as a pickle in the
    cache directory, named by a checksum of the YAML file and of this module: editing
    either makes a new name, and the old file is simply no longer read.
    """
    return load_glossary_cached(DEFAULT_GLOSSARY)


@lru_cache(maxsize=1)
def _code_checksum() -> int:
    """A checksum of this module and anchors.py as they were when this process loaded them.

    Read once: a process that loaded older code must not read a cache written by newer
    code (or the other way round) after the files change on disk.
    """
    import zlib

    from scaffolding.language import anchors

    checksum = 0
    for path in (__file__, anchors.__file__):
        with open(path, "rb") as handle:
            checksum = zlib.crc32(handle.read(), checksum)
    return checksum


def cache_dir() -> str:
    """$SCAFFOLDING_CACHE_DIR, else $XDG_CACHE_HOME/scaffolding, else ~/.cache/scaffolding."""
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured:
        return configured
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "scaffolding")


def load_glossary_cached(path: str | os.PathLike) -> Glossary:
    """The glossary in ``path``, from the cache when it was built from the same bytes."""
    import pickle
    import zlib

    with open(path, "rb") as handle:
        data = handle.read()
    version = f"py{sys.version_info[0]}{sys.version_info[1]}"
    key = f"{zlib.crc32(data):08x}{_code_checksum():08x}{len(data):x}-{version}"
    directory = cache_dir()
    cached = os.path.join(directory, f"glossary-{key}.pickle")
    try:
        with open(cached, "rb") as handle:
            # Written by this function into the user's own cache directory and named by
            # the checksum of the YAML and of this code: as trusted as the package itself.
            glossary = pickle.load(handle)  # noqa: S301
        if isinstance(glossary, Glossary):
            return glossary
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        pass  # no cache yet, or an unreadable one: build it again
    glossary = Glossary.from_yaml_text(data.decode("utf-8"))
    try:
        os.makedirs(directory, exist_ok=True)
        partial = f"{cached}.{os.getpid()}.tmp"
        with open(partial, "wb") as handle:
            pickle.dump(glossary, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, cached)  # atomic: a reader never sees half a file
    except OSError:
        pass  # a read-only home: still correct, only slower next time
    return glossary


_code_checksum()  # taken now, at import: the checksum of the code this process runs
