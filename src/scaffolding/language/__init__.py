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

from scaffolding.language.core import Finding, check, count_terms
from scaffolding.language.documents import DocumentError, extract_text
from scaffolding.language.glossary import Glossary, GlossaryError, Rule, load_default_glossary

__all__ = [
    "DocumentError",
    "Finding",
    "Glossary",
    "GlossaryError",
    "Rule",
    "check",
    "count_terms",
    "extract_text",
    "load_default_glossary",
]
