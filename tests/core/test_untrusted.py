"""Decompression bombs are refused before any parser reads them (issue 10, finding 1)."""

import io
import zipfile

import pytest

from scaffolding.core.untrusted import TooLarge, check_zip_bounds
from scaffolding.language.documents import DocumentError, extract_text
from scaffolding.workforce import importing


def _bomb(names=("word/document.xml",), size=60 * 1024 * 1024) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            archive.writestr(name, b"<a>" + b" " * size + b"</a>")
    return buffer.getvalue()


def _many_members(count: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(count):
            archive.writestr(f"part{number}.xml", b"<a/>")
    return buffer.getvalue()


def _ratio_bomb() -> bytes:
    # 5 MB of one byte: under the total bound, far over any real compression ratio.
    return _bomb(size=5 * 1024 * 1024)


@pytest.fixture(scope="module")
def bomb():
    data = _bomb()
    assert len(data) < 200 * 1024  # small on the wire
    return data


def test_a_bomb_is_refused_by_size(bomb):
    with pytest.raises(TooLarge, match="unpacks to"):
        check_zip_bounds(bomb)


def test_too_many_parts_are_refused():
    with pytest.raises(TooLarge, match="parts"):
        check_zip_bounds(_many_members(1_001))


def test_an_extreme_ratio_is_refused():
    with pytest.raises(TooLarge, match="times its packed size"):
        check_zip_bounds(_ratio_bomb())


def test_a_lying_directory_is_still_caught(bomb):
    # Bound by what really comes out, even when the directory's sizes are small.
    with pytest.raises(TooLarge):
        check_zip_bounds(bomb, max_total=10 * 1024 * 1024, max_ratio=10**9)


def test_a_plain_zip_and_non_zip_pass():
    check_zip_bounds(_many_members(3))
    check_zip_bounds(b"not a zip at all")


@pytest.mark.parametrize("name", ["letter.docx", "letter.odt"])
def test_check_my_writing_refuses_a_bomb_with_a_clear_message(bomb, name):
    with pytest.raises(DocumentError, match=f"{name}: too large to check"):
        extract_text(name, bomb)


def test_roster_import_refuses_a_bomb(bomb):
    with pytest.raises(importing.FileProblem, match="too large to read"):
        importing.read_table("people.xlsx", _bomb(names=("xl/sharedStrings.xml",)))
