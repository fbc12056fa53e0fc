"""Turn an uploaded or named file into plain text for the checker.

Word (.docx) through python-docx, OpenDocument (.odt) through odfpy, and plain
text files as UTF-8. Anything else is refused with a clear message.
"""

from __future__ import annotations

import os

TEXT_EXTENSIONS = frozenset(
    {"", ".txt", ".text", ".md", ".markdown", ".rst", ".csv", ".tsv", ".html", ".htm"}
)
DOCUMENT_EXTENSIONS = frozenset({".docx", ".odt"})


class DocumentError(ValueError):
    """A file that cannot be read as text; the message names the file."""


def extract_text(filename: str, data: bytes) -> str:
    """The text of a document, chosen by the file name's extension."""
    extension = os.path.splitext(filename)[1].lower()
    if extension in DOCUMENT_EXTENSIONS:
        # Imported here: checking plain text (the command line's usual work) never loads zipfile.
        from scaffolding.core.untrusted import TooLarge, check_zip_bounds

        try:
            check_zip_bounds(data)
        except TooLarge as error:
            raise DocumentError(
                f"{filename}: too large to check ({error}); split it into smaller files"
            ) from None
    if extension == ".docx":
        return _docx_text(filename, data)
    if extension == ".odt":
        return _odt_text(filename, data)
    if extension in TEXT_EXTENSIONS:
        return decode_text(filename, data)
    supported = ", ".join(sorted(DOCUMENT_EXTENSIONS | (TEXT_EXTENSIONS - {""})))
    raise DocumentError(
        f"{filename}: cannot read {extension} files; use one of {supported} (or save as text)"
    )


def decode_text(filename: str, data: bytes) -> str:
    try:
        # utf-8-sig drops the byte order mark some editors add, so offsets match what people see.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError(
            f"{filename}: not UTF-8 text (byte {error.start}); save it as UTF-8 and try again"
        ) from None


def _docx_text(filename: str, data: bytes) -> str:
    import io
    import zipfile

    import docx  # python-docx; imported here so plain-text checks never pay for it
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise DocumentError(f"{filename}: not a readable Word document ({error})") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        seen = set()
        for cell in row.cells:
            # Merged cells come back once per grid column; keep each cell once.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            lines.append(cell.text)
    return lines


def _odt_text(filename: str, data: bytes) -> str:
    import io
    import zipfile

    from odf import teletype
    from odf.namespaces import TEXTNS
    from odf.opendocument import load

    try:
        document = load(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, AttributeError) as error:
        raise DocumentError(f"{filename}: not a readable OpenDocument text ({error})") from None
    lines: list[str] = []

    def walk(node) -> None:
        for child in node.childNodes:
            if getattr(child, "qname", None) in ((TEXTNS, "p"), (TEXTNS, "h")):
                lines.append(teletype.extractText(child))
            elif child.nodeType == child.ELEMENT_NODE:
                walk(child)

    walk(document.text)
    return "\n".join(lines)
