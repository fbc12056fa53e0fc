"""Bounds for untrusted zip-based files (.docx, .odt, .xlsx) before they are parsed.

A small zip can hold gigabytes of XML (a decompression bomb). These checks read
only the zip's central directory and then stream each member with a running
total, so a bomb is refused before any XML parser sees it.
"""

from __future__ import annotations

import io
import zipfile

MAX_MEMBERS = 1_000
MAX_TOTAL_UNCOMPRESSED = 50 * 1024 * 1024  # 50 MB of XML is far beyond any real document
MAX_RATIO = 200  # real Office files compress about 5-20 times
CHUNK = 64 * 1024


class TooLarge(ValueError):
    """The file unpacks to more than we are willing to read; the message says why."""


def check_zip_bounds(
    data: bytes,
    *,
    max_members: int = MAX_MEMBERS,
    max_total: int = MAX_TOTAL_UNCOMPRESSED,
    max_ratio: int = MAX_RATIO,
) -> None:
    """Raise TooLarge if the zip in data would unpack beyond the bounds.

    A file that is not a zip at all is left for the parser to refuse in its own words.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return
    with archive:
        members = archive.infolist()
        if len(members) > max_members:
            raise TooLarge(f"it holds {len(members):,} parts; the most we read is {max_members:,}")
        declared = sum(member.file_size for member in members)
        if declared > max_total:
            raise TooLarge(
                f"it unpacks to {declared / 1024 / 1024:.0f} MB; "
                f"the most we read is {max_total // 1024 // 1024} MB"
            )
        # The sizes in the directory can lie: count what really comes out.
        total = 0
        for member in members:
            member_total = 0
            try:
                with archive.open(member) as stream:
                    while chunk := stream.read(CHUNK):
                        member_total += len(chunk)
                        total += len(chunk)
                        if total > max_total:
                            raise TooLarge(
                                "it unpacks to more than "
                                f"{max_total // 1024 // 1024} MB; that is more than we read"
                            )
                        if member_total > CHUNK * 16 and member_total > max_ratio * max(
                            member.compress_size, 1
                        ):
                            raise TooLarge(
                                f"one part unpacks to over {max_ratio} times its packed size, "
                                "which real documents never do"
                            )
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError):
                return  # broken or encrypted member: the parser refuses it with its own message


# Evidence files: checked by content, and by a virus scanner when one is set up ----------

EVIDENCE_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}
NOT_EVIDENCE = (
    "This file is not a PDF, JPEG, PNG, Word or OpenDocument file: we look at what it "
    "contains, not its name. Choose a PDF, JPEG or PNG image, Word or OpenDocument file."
)


class Refused(ValueError):
    """The file may not be kept; the message says why, in plain words."""


def check_evidence(file) -> str:
    """The file's real type (from its signature, via `filetype`), or Refused.

    HTML, SVG, scripts and anything else that is not one of EVIDENCE_TYPES is
    refused whatever its name or the browser claims. With a virus scanner set up
    (SCAFFOLDING_CLAMD), the file is scanned too, and refused if it cannot be.
    """
    import filetype

    file.seek(0)
    head = file.read(8192)
    file.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.extension not in EVIDENCE_TYPES:
        raise Refused(NOT_EVIDENCE)
    _scan(file)
    file.seek(0)
    return EVIDENCE_TYPES[kind.extension]


def _scanner():
    from django.conf import settings

    if getattr(settings, "CLAMD_SCANNER", None):
        return settings.CLAMD_SCANNER()
    url = getattr(settings, "CLAMD_URL", "")
    if not url:
        return None
    import clamd

    if url.startswith("unix://"):
        return clamd.ClamdUnixSocket(path=url.removeprefix("unix://"), timeout=30)
    host, _, port = url.removeprefix("tcp://").partition(":")
    return clamd.ClamdNetworkSocket(host=host, port=int(port or 3310), timeout=30)


def _scan(file) -> None:
    scanner = _scanner()
    if scanner is None:
        return
    try:
        result = scanner.instream(file)
    except Exception as error:  # noqa: BLE001 - any failure to scan means we do not keep it
        raise Refused(
            "The file could not be checked for viruses just now, so it was not saved. "
            "Please try again later."
        ) from error
    status, signature = (result or {}).get("stream", ("ERROR", None))
    if status == "FOUND":
        raise Refused(f"The virus scanner found {signature} in the file, so it was not saved.")
    if status != "OK":
        raise Refused(
            "The file could not be checked for viruses just now, so it was not saved. "
            "Please try again later."
        )
