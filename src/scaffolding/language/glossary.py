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

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

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


@dataclass(frozen=True)
class Context:
    """Compiled context checks for one pattern (rule-level and pattern-level together)."""

    requires_before: re.Pattern[str] | None = None
    requires_after: re.Pattern[str] | None = None
    unless_before: re.Pattern[str] | None = None
    unless_after: re.Pattern[str] | None = None

    def allows(self, text: str, start: int, end: int) -> bool:
        # pos/endpos instead of slices: no copies, and \Z still means "just before the match".
        before_start = max(0, start - CONTEXT_BEFORE)
        after_end = end + CONTEXT_AFTER
        # When requirements are given, at least one of them (before or after) must fit.
        if self.requires_before is not None or self.requires_after is not None:
            fits_before = self.requires_before is not None and self.requires_before.search(
                text, before_start, start
            )
            fits_after = self.requires_after is not None and self.requires_after.match(
                text, end, after_end
            )
            if not (fits_before or fits_after):
                return False
        if self.unless_before is not None and self.unless_before.search(text, before_start, start):
            return False
        return self.unless_after is None or not self.unless_after.match(text, end, after_end)


@dataclass(frozen=True)
class Pattern:
    rule_id: str
    regex: str
    acronym: bool
    context: Context


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
) -> re.Pattern[str] | None:
    if not expressions:
        return None
    for expression in expressions:
        try:
            re.compile(expression)
        except re.error as error:
            raise GlossaryError(
                f"bad regular expression {expression!r}: {error}", rule_id, name
            ) from None
    joined = "|".join(f"(?:{expression})" for expression in expressions)
    # "before" expressions must touch the match; "after" ones are used with .match().
    source = f"(?:{joined})\\Z" if at_end else f"(?:{joined})"
    return re.compile(source, re.IGNORECASE)


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
        patterns.append(Pattern(rule_id, expression, acronym, Context(**context)))

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


@lru_cache(maxsize=1)
def load_default_glossary() -> Glossary:
    """The glossary shipped with Scaffolding (read and compiled once per process)."""
    text = resources.files("scaffolding.language").joinpath("glossary.yaml").read_text("utf-8")
    return Glossary.from_yaml_text(text)
