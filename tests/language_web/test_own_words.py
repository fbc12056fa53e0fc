"""Our own screens and docs keep to the language of care (quoting a word to explain it is fine)."""

from pathlib import Path

import pytest

from scaffolding.language import check

ROOT = Path(__file__).resolve().parents[2]
FILES = [
    *sorted((ROOT / "src/scaffolding/templates/language").glob("*.html")),
    ROOT / "docs/language.md",
]


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_only_quoted_words(path):
    unquoted = [f"{f.line}: {f.text}" for f in check(path.read_text()) if not f.quoted]
    assert unquoted == []
