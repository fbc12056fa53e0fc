"""The language-of-care checker: finds stigmatising words and offers kinder ones.

Pure Python, no Django: the web interface, the JSON API and the
``scaffolding check-language`` command are thin layers over these functions.
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
