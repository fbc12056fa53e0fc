"""The language-of-care checker: finds stigmatising words and offers kinder ones.

Pure Python, no Django: the web interface, the JSON API and the
``scaffolding check-language`` command are thin layers over these functions.

- ``check(text, glossary=None) -> list[Finding]``: findings sorted by start, never
  overlapping. ``glossary=None`` means the shipped glossary.
- ``Finding``: frozen dataclass (start, end, line, column, text, rule, message,
  suggestions, quoted, severity, source); ``to_dict(path=None)`` gives the JSON shape
  ``{path, line, column, start, end, text, rule, message, suggestions, quoted}``.
  Words inside quotation marks are a person's own words: ``quoted=True``, severity
  ``"quoted"``, no suggestions.
- ``count_terms(text, glossary=None) -> dict[rule_id, int]``: non-quoted findings per
  enabled rule (every enabled rule is listed, with 0 when absent).
- ``load_default_glossary()`` (cached), ``Glossary.from_yaml_text``,
  ``Glossary.from_rules``, ``glossary.merged_with(overrides)``; bad data raises
  ``GlossaryError`` naming the rule id and field.
- ``extract_text(filename, data) -> str`` for .txt/.md (UTF-8), .docx and .odt;
  raises ``DocumentError`` for anything it cannot read.
- ``scaffolding.language.cli.main(argv, stdin, stdout, stderr) -> int``.
"""

# Loaded on first use (PEP 562), so `scaffolding check-language` imports only what it needs.
_EXPORTS = {
    "Finding": "core",
    "check": "core",
    "count_terms": "core",
    "DocumentError": "documents",
    "extract_text": "documents",
    "Glossary": "glossary",
    "GlossaryError": "glossary",
    "Rule": "glossary",
    "load_default_glossary": "glossary",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
