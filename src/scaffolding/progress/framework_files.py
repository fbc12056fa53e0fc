"""Framework files: read, check and write the frameworks that progress is tracked against.

A *framework* is a list of things a partnership has agreed to work towards, each filed under
one of the five foundations of The Promise: South Ayrshire's 55 calls to action, or the
Plan 21-24 outcomes. This module is plain Python (no Django): it turns a framework file into
:class:`Framework` and :class:`FrameworkItem` dataclasses, checks it, and writes it back.
Bundled frameworks live as YAML in ``scaffolding/progress/frameworks/``.

Schema (YAML)
-------------
Top level, a mapping::

    name: south-ayrshire-calls-to-action   # required; lower-case letters, digits, hyphens
    title: South Ayrshire's calls to action  # required
    kind: calls_to_action                  # required; calls_to_action | outcomes
    source: Seed 003 ...                   # optional; where the text is quoted from
    items: [...]                           # required; at least one item

Each item, a mapping::

    code: care-6         # required; unique in the framework; lower-case letters, digits,
                         # hyphens (by convention FOUNDATION-NUMBER for calls to action)
    number: 6            # required; whole number >= 1, as printed in the source; unique
                         # within its foundation (numbering may restart per foundation)
    foundation: care     # required; voice | family | care | people | scaffolding
                         # (capitals are accepted and stored in lower case)
    other_foundations: [scaffolding]  # optional; further foundations the item touches
    theme: STABILITY     # optional; the heading the item sits under
    title: Workforce Values           # optional; the item's own name (outcomes have one)
    text: South Ayrshire must ...     # required; the call or outcome statement. For
                         # outcomes this is "What is required by Plan 21-24?"
    parts:               # optional; the outcome narrative, keys from PART_KEYS:
      heard: ...         #   "What has The Promise Scotland heard so far?"
      committed: ...     #   "What has been committed to so far?"
      leads: ...         #   "Who are the lead organisations?" (prose, as written)
      next_steps: ...    #   "Links, Next Steps and Assessment" (after the assessment)
    lead_organisations: [SSSC, COSLA] # optional; one organisation per entry
    assessment: Work is underway.     # optional; the progress judgement, as written

Every text value is stripped of surrounding white space, and line endings become ``\\n``;
a single ``\\n`` separates paragraphs (or bullet lines). An empty optional value is the
same as leaving it out. Unknown keys are errors, so typing mistakes are not lost silently.

Schema (CSV)
------------
One row per item, with a header row. The spreadsheet row number is used in messages (the
header is row 1, so the first item is row 2). Columns, in the order :func:`to_csv` writes
them (``*`` = the column must be present; its cells may be blank only where noted):

=================== ===================================================================
framework *         the framework ``name``; needed on the first item row, and any later
                    row that fills it in must give the same value
framework_title *   ``title``; same rule as ``framework``
framework_kind *    ``kind``; same rule as ``framework``
framework_source    ``source``; same rule as ``framework``
code *              item ``code``
number *            item ``number`` (digits only)
foundation *        item ``foundation``
other_foundations   one foundation key per line inside the cell
theme               item ``theme``
title               item ``title``
text *              item ``text``
assessment          item ``assessment``
lead_organisations  one organisation per line inside the cell
part_heard          ``parts.heard`` (likewise ``part_committed``, ``part_leads``,
                    ``part_next_steps``)
=================== ===================================================================

Rows that are entirely blank are skipped. A cell that starts with ``=``, ``+``, ``-`` or
``@`` (after any leading spaces) is refused: a spreadsheet would run it as a formula.

Errors
------
Problems are collected, not stopped at the first, and raised together as
:class:`FrameworkFileError`, whose ``errors`` list holds one message per problem. Each
message starts with where the problem is (``item 3 (code 'care-3'): foundation: ...`` for
YAML, ``row 4 (code 'care-3'): foundation: ...`` for CSV, ``line 7, column 3: ...`` for a
YAML syntax error) so that a person can find and fix it. Files over 2 MB are refused.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "CSV_COLUMNS",
    "FOUNDATIONS",
    "FOUNDATION_KEYS",
    "KINDS",
    "MAX_BYTES",
    "PART_HEADINGS",
    "PART_KEYS",
    "Foundation",
    "Framework",
    "FrameworkFileError",
    "FrameworkItem",
    "bundled_framework_names",
    "load_bundled",
    "load_foundations",
    "parse_csv",
    "parse_file",
    "parse_yaml",
    "to_csv",
    "to_yaml",
]

MAX_BYTES = 2 * 1024 * 1024

#: The five foundations of The Promise, in their usual order: (key, name).
FOUNDATIONS: tuple[tuple[str, str], ...] = (
    ("voice", "Voice"),
    ("family", "Family"),
    ("care", "Care"),
    ("people", "People"),
    ("scaffolding", "Scaffolding"),
)
FOUNDATION_KEYS: tuple[str, ...] = tuple(key for key, _ in FOUNDATIONS)
_FOUNDATION_NAMES = dict(FOUNDATIONS)

KINDS: tuple[str, ...] = ("calls_to_action", "outcomes")

#: Keys allowed in an item's ``parts``, with the heading each stands for in Plan 21-24.
PART_HEADINGS: dict[str, str] = {
    "heard": "What has The Promise Scotland heard so far?",
    "committed": "What has been committed to so far?",
    "leads": "Who are the lead organisations?",
    "next_steps": "Links, Next Steps and Assessment",
}
PART_KEYS: tuple[str, ...] = tuple(PART_HEADINGS)

_FRAMEWORK_COLUMNS = {  # CSV column -> framework field
    "framework": "name",
    "framework_title": "title",
    "framework_kind": "kind",
    "framework_source": "source",
}
_ITEM_COLUMNS = (
    "code",
    "number",
    "foundation",
    "other_foundations",
    "theme",
    "title",
    "text",
    "assessment",
    "lead_organisations",
)
CSV_COLUMNS: tuple[str, ...] = (
    *_FRAMEWORK_COLUMNS,
    *_ITEM_COLUMNS,
    *(f"part_{key}" for key in PART_KEYS),
)
_REQUIRED_CSV_COLUMNS = (
    "framework",
    "framework_title",
    "framework_kind",
    "code",
    "number",
    "foundation",
    "text",
)
_LIST_FIELDS = ("other_foundations", "lead_organisations")
_TEXT_FIELDS = ("theme", "title", "text", "assessment")
_ITEM_KEYS = (*_ITEM_COLUMNS, "parts")
_FRAMEWORK_KEYS = ("name", "title", "kind", "source", "items")

_FORMULA_STARTS = ("=", "+", "-", "@")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_DIGITS = re.compile(r"[0-9]+\Z")
_ABSENT = object()  # a CSV value whose required column is missing (reported once, as such)
_PACKAGE = "scaffolding.progress.frameworks"
_FOUNDATIONS_FILE = "foundations.yaml"


class FrameworkFileError(ValueError):
    """A framework file could not be used; ``errors`` lists every problem found."""

    def __init__(self, errors: Iterable[str]):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


@dataclass
class FrameworkItem:
    code: str
    number: int
    foundation: str
    text: str
    theme: str = ""
    title: str = ""
    other_foundations: list[str] = field(default_factory=list)
    parts: dict[str, str] = field(default_factory=dict)
    lead_organisations: list[str] = field(default_factory=list)
    assessment: str = ""


@dataclass
class Framework:
    name: str
    title: str
    kind: str
    items: list[FrameworkItem]
    source: str = ""

    def count_by_foundation(self) -> dict[str, int]:
        """Items per foundation key, all five in order, zero where there are none."""
        counts = dict.fromkeys(FOUNDATION_KEYS, 0)
        for item in self.items:
            counts[item.foundation] += 1
        return counts

    def summary_line(self) -> str:
        """``NAME: 55 items (Voice 6, Family 8, Care 22, People 8, Scaffolding 11)``."""
        total = len(self.items)
        per_foundation = ", ".join(
            f"{_FOUNDATION_NAMES[key]} {count}" for key, count in self.count_by_foundation().items()
        )
        noun = "item" if total == 1 else "items"
        return f"{self.name}: {total} {noun} ({per_foundation})"


@dataclass(frozen=True)
class Foundation:
    key: str
    name: str
    order: int
    description: str


# --------------------------------------------------------------------------- bundled data


def bundled_framework_names() -> list[str]:
    """Names of the frameworks shipped with Scaffolding, sorted."""
    return sorted(
        entry.name.removesuffix(".yaml")
        for entry in resources.files(_PACKAGE).iterdir()
        if entry.name.endswith(".yaml") and entry.name != _FOUNDATIONS_FILE
    )


def load_bundled(name: str) -> Framework:
    """Read and check the bundled framework called ``name``."""
    names = bundled_framework_names()
    if name not in names:
        raise FrameworkFileError(
            [f"no bundled framework is called {name!r}; bundled: {', '.join(names)}"]
        )
    text = resources.files(_PACKAGE).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    framework = parse_yaml(text)
    if framework.name != name:
        raise FrameworkFileError([f"name: {framework.name!r} differs from the file name {name!r}"])
    return framework


def load_foundations() -> list[Foundation]:
    """The five foundations with their descriptions, from the bundled foundations.yaml."""
    text = resources.files(_PACKAGE).joinpath(_FOUNDATIONS_FILE).read_text(encoding="utf-8")
    data = _load_yaml(text)
    foundations = [
        Foundation(
            key=entry["key"],
            name=entry["name"],
            order=entry["order"],
            description=_clean(entry["description"]),
        )
        for entry in data["foundations"]
    ]
    expected = [(key, name, order) for order, (key, name) in enumerate(FOUNDATIONS, start=1)]
    found = [(f.key, f.name, f.order) for f in foundations]
    if found != expected:
        raise FrameworkFileError([f"{_FOUNDATIONS_FILE}: expected {expected}, found {found}"])
    return foundations


# --------------------------------------------------------------------------- reading


def parse_file(path: str | Path) -> Framework:
    """Read a ``.yaml``/``.yml`` or ``.csv`` framework file (UTF-8, 2 MB at most)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".csv"):
        raise FrameworkFileError([f"{path.name}: use a .yaml, .yml or .csv file"])
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise FrameworkFileError([_too_large(size)])
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FrameworkFileError(
            [f"{path.name}: not UTF-8 text (byte {exc.start} cannot be read); save it as UTF-8"]
        ) from None
    return parse_csv(text) if suffix == ".csv" else parse_yaml(text)


def parse_yaml(text: str) -> Framework:
    """Check a YAML framework file and return it; raise FrameworkFileError otherwise."""
    text = _check_size_and_blank(text)
    try:
        data = _load_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = exc.problem or exc.context or "cannot be read"
        raise FrameworkFileError([f"{where}not valid YAML: {problem}"]) from None
    except yaml.YAMLError as exc:
        raise FrameworkFileError([f"not valid YAML: {exc}"]) from None
    except RecursionError:
        raise FrameworkFileError(
            ["the file is nested too deeply to read: a framework has items inside a list"]
        ) from None

    if not isinstance(data, dict):
        raise FrameworkFileError(
            ["top level: expected a mapping with name, title, kind, source and items"]
        )
    errors: list[str] = []
    for key in data:
        if key not in _FRAMEWORK_KEYS:
            errors.append(f"{key}: unknown field; known fields: {', '.join(_FRAMEWORK_KEYS)}")
    meta = {
        key: _text_or_error(data.get(key), key, "", errors)
        for key in ("name", "title", "kind", "source")
    }

    raw_items = data.get("items")
    labelled: list[tuple[str, dict[str, Any]]] = []
    if raw_items is None:
        errors.append("items: missing; list the framework's items under 'items:'")
    elif not isinstance(raw_items, list):
        errors.append(f"items: expected a list, got {_type_name(raw_items)}")
    else:
        for index, entry in enumerate(raw_items, start=1):
            label = f"item {index}"
            if not isinstance(entry, dict):
                errors.append(f"{label}: expected a mapping of fields, got {_type_name(entry)}")
                continue
            code = entry.get("code")
            if isinstance(code, str) and code.strip():
                label += f" (code {code.strip()!r})"
            for key in entry:
                if key not in _ITEM_KEYS:
                    errors.append(
                        f"{label}: {key}: unknown field; known fields: {', '.join(_ITEM_KEYS)}"
                    )
            labelled.append((label, entry))
    return _build(meta, labelled, errors, meta_where="")


def parse_csv(text: str) -> Framework:
    """Check a CSV framework file and return it; raise FrameworkFileError otherwise."""
    text = _check_size_and_blank(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise FrameworkFileError([f"not valid CSV: {exc}"]) from None

    errors: list[str] = []
    header_index = next((i for i, cells in enumerate(rows) if any(c.strip() for c in cells)), None)
    if header_index is None:
        # Only commas and spaces: no header row to read.
        raise FrameworkFileError(["columns: the file has no header row with column names"])
    header = [cell.strip() for cell in rows[header_index]]
    seen: set[str] = set()
    for column in header:
        if column in seen:
            errors.append(f"columns: {column!r} appears more than once in the header row")
        seen.add(column)
    missing = [column for column in _REQUIRED_CSV_COLUMNS if column not in seen]
    unknown = [column for column in header if column not in CSV_COLUMNS]
    if missing:
        errors.append(f"columns: missing required column(s): {', '.join(missing)}")
    if unknown:
        errors.append(
            f"columns: unknown column(s): {', '.join(repr(c) for c in unknown)}; "
            f"known columns: {', '.join(CSV_COLUMNS)}"
        )

    meta: dict[str, str] = {}
    meta_row: dict[str, int] = {}
    labelled: list[tuple[str, dict[str, Any]]] = []
    first_row = None  # the first item row: where a missing framework field is reported
    for row_number, cells in enumerate(rows[header_index + 1 :], start=header_index + 2):
        if not any(cell.strip() for cell in cells):
            continue
        first_row = first_row or row_number
        if len(cells) > len(header):
            errors.append(
                f"row {row_number}: has {len(cells)} cells but the header has {len(header)} columns"
            )
        values = dict(zip(header, cells, strict=False))
        code = values.get("code", "").strip()
        label = f"row {row_number}" + (f" (code {code!r})" if code else "")
        for column, cell in values.items():
            if cell.lstrip().startswith(_FORMULA_STARTS):
                errors.append(
                    f"{label}: {column}: starts with {cell.lstrip()[0]!r}, which a spreadsheet "
                    "would run as a formula; reword it so it starts with a letter or digit"
                )
        for column, key in _FRAMEWORK_COLUMNS.items():
            value = _clean(values.get(column, ""))
            if not value:
                continue
            if key not in meta:
                meta[key], meta_row[key] = value, row_number
            elif value != meta[key]:
                errors.append(
                    f"{label}: {column}: {value!r} differs from {meta[key]!r} on row "
                    f"{meta_row[key]}; a file holds one framework"
                )
        entry: dict[str, Any] = {
            key: values.get(key, _ABSENT if key in missing else "")
            for key in _ITEM_COLUMNS
            if key not in _LIST_FIELDS
        }
        for key in _LIST_FIELDS:
            entry[key] = [line for line in values.get(key, "").splitlines() if line.strip()]
        entry["parts"] = {key: values.get(f"part_{key}", "") for key in PART_KEYS}
        labelled.append((label, entry))

    for column, key in _FRAMEWORK_COLUMNS.items():
        meta.setdefault(key, "")
        if column in missing:  # already reported as a missing column
            meta[key] = None
    return _build(
        meta, labelled, errors, meta_where=f"row {first_row or header_index + 2}: ", csv_names=True
    )


# --------------------------------------------------------------------------- writing


def to_yaml(framework: Framework) -> str:
    """Write ``framework`` as YAML that :func:`parse_yaml` reads back to an equal value."""
    data: dict[str, Any] = {"name": framework.name, "title": framework.title}
    data["kind"] = framework.kind
    if framework.source:
        data["source"] = framework.source
    data["items"] = [_item_to_dict(item) for item in framework.items]
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88, indent=2)


def to_csv(framework: Framework) -> str:
    """Write ``framework`` as CSV that :func:`parse_csv` reads back to an equal value.

    Raises FrameworkFileError if a value would start like a spreadsheet formula, since
    such a file could not be read back.
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    errors: list[str] = []
    for index, item in enumerate(framework.items, start=1):
        row = {
            "framework": framework.name,
            "framework_title": framework.title,
            "framework_kind": framework.kind,
            "framework_source": framework.source,
            "code": item.code,
            "number": str(item.number),
            "foundation": item.foundation,
            "other_foundations": "\n".join(item.other_foundations),
            "theme": item.theme,
            "title": item.title,
            "text": item.text,
            "assessment": item.assessment,
            "lead_organisations": "\n".join(item.lead_organisations),
            **{f"part_{key}": item.parts.get(key, "") for key in PART_KEYS},
        }
        for column, cell in row.items():
            if cell.lstrip().startswith(_FORMULA_STARTS):
                errors.append(
                    f"item {index} (code {item.code!r}): {column}: starts with "
                    f"{cell.lstrip()[0]!r}, which a spreadsheet would run as a formula"
                )
        writer.writerow([row[column] for column in CSV_COLUMNS])
    if errors:
        raise FrameworkFileError(errors)
    return out.getvalue()


# --------------------------------------------------------------------------- checking


def _build(
    meta: dict[str, Any],
    labelled: list[tuple[str, dict[str, Any]]],
    errors: list[str],
    *,
    meta_where: str,
    csv_names: bool = False,
) -> Framework:
    """Check framework fields and items (already split out by the reader) and build."""
    column = {v: k for k, v in _FRAMEWORK_COLUMNS.items()} if csv_names else {}

    def where(key: str) -> str:
        return f"{meta_where}{column.get(key, key)}"

    name, title, kind = meta.get("name"), meta.get("title"), meta.get("kind")
    if name == "":
        errors.append(
            f"{where('name')}: missing; give the framework a short name such as "
            "'south-ayrshire-calls-to-action'"
        )
    elif name is not None and not _SLUG.match(name):
        errors.append(
            f"{where('name')}: {name!r} must be lower-case letters, digits and "
            "hyphens, such as 'south-ayrshire-calls-to-action'"
        )
    if title == "":
        errors.append(f"{where('title')}: missing; give the framework a title")
    if kind == "":
        errors.append(f"{where('kind')}: missing; use one of {', '.join(KINDS)}")
    elif kind is not None and kind not in KINDS:
        errors.append(f"{where('kind')}: unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    if not labelled and not any(e.startswith(("items:", "item ")) for e in errors):
        errors.append("items: the file has no items")

    items: list[FrameworkItem] = []
    codes: dict[str, str] = {}
    numbers: dict[tuple[str, int], str] = {}
    for label, entry in labelled:
        item, (code, foundation, number) = _item(entry, label, errors)
        if code:
            if code in codes:
                errors.append(f"{label}: code: {code!r} is already used by {codes[code]}")
            else:
                codes[code] = label
        if foundation and number:
            if (foundation, number) in numbers:
                errors.append(
                    f"{label}: number: {_FOUNDATION_NAMES[foundation]} {number} is "
                    f"already used by {numbers[foundation, number]}"
                )
            else:
                numbers[foundation, number] = label
        if item is not None:
            items.append(item)

    if errors:
        raise FrameworkFileError(errors)
    return Framework(
        name=name, title=title, kind=kind, items=items, source=meta.get("source") or ""
    )


def _item(
    entry: dict[str, Any], label: str, errors: list[str]
) -> tuple[FrameworkItem | None, tuple[str | None, str | None, int | None]]:
    """Check one item's fields, adding messages to ``errors``.

    Returns the item (None if it has problems) and its code, foundation and number as far
    as they could be read, so that duplicates are found even among faulty items.
    """
    before = len(errors)
    values = {key: _text_or_error(entry.get(key), key, label, errors) for key in _TEXT_FIELDS}
    code = _text_or_error(entry.get("code"), "code", label, errors)
    if code == "":
        errors.append(f"{label}: code: missing; give each item a code such as 'care-18'")
    elif code is not None and not _SLUG.match(code):
        errors.append(
            f"{label}: code: {code!r} must be lower-case letters, digits and "
            "hyphens, such as 'care-18'"
        )
    if values["text"] == "":
        errors.append(f"{label}: text: empty; every item needs its text")

    number = _number(entry.get("number"), label, errors)
    foundation = _foundation(entry.get("foundation"), "foundation", label, errors)
    if foundation == "":
        errors.append(f"{label}: foundation: missing; use one of {', '.join(FOUNDATION_KEYS)}")

    other = []
    for value in _list_or_error(entry.get("other_foundations"), "other_foundations", label, errors):
        key = _foundation(value, "other_foundations", label, errors)
        if key and (key == foundation or key in other):
            errors.append(
                f"{label}: other_foundations: {key!r} is listed twice (or is the "
                "item's own foundation)"
            )
        elif key:
            other.append(key)
    leads = _list_or_error(entry.get("lead_organisations"), "lead_organisations", label, errors)

    parts: dict[str, str] = {}
    raw_parts = entry.get("parts")
    if raw_parts is not None and not isinstance(raw_parts, dict):
        errors.append(f"{label}: parts: expected a mapping, got {_type_name(raw_parts)}")
    elif raw_parts:
        for key in raw_parts:
            if key not in PART_KEYS:
                errors.append(
                    f"{label}: parts: unknown part {key!r}; known parts: {', '.join(PART_KEYS)}"
                )
        for key in PART_KEYS:
            value = _text_or_error(raw_parts.get(key), f"parts.{key}", label, errors)
            if value:
                parts[key] = value

    keys = (code, foundation, number)
    if len(errors) > before:
        return None, keys
    return FrameworkItem(
        code=code,
        number=number,
        foundation=foundation,
        text=values["text"],
        theme=values["theme"],
        title=values["title"],
        other_foundations=other,
        parts=parts,
        lead_organisations=leads,
        assessment=values["assessment"],
    ), keys


def _text_or_error(value: Any, key: str, label: str, errors: list[str]) -> str | None:
    """A cleaned string ('' if absent), or None after recording that it is not text."""
    if value is None:
        return ""
    if value is _ABSENT:
        return None
    if not isinstance(value, str):
        prefix = f"{label}: " if label else ""
        errors.append(f"{prefix}{key}: expected text, got {_type_name(value)}")
        return None
    return _clean(value)


def _number(value: Any, label: str, errors: list[str]) -> int | None:
    if value is _ABSENT:
        return None
    if isinstance(value, str) and _DIGITS.match(value.strip()):
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        errors.append(f"{label}: number: missing; give the item's number as printed")
    else:
        errors.append(f"{label}: number: {value!r} is not a whole number of 1 or more")
    return None


def _foundation(value: Any, key: str, label: str, errors: list[str]) -> str | None:
    """A foundation key ('' if absent), or None after recording the problem."""
    text = _text_or_error(value, key, label, errors)
    if not text:
        return text
    if text.lower() in FOUNDATION_KEYS:
        return text.lower()
    errors.append(
        f"{label}: {key}: unknown foundation {text!r}; use one of {', '.join(FOUNDATION_KEYS)}"
    )
    return None


def _list_or_error(value: Any, key: str, label: str, errors: list[str]) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        errors.append(f"{label}: {key}: expected a list, got {_type_name(value)}")
        return []
    result = []
    for position, entry in enumerate(value, start=1):
        text = _text_or_error(entry, f"{key} entry {position}", label, errors)
        if text is None:
            continue
        if not text:
            errors.append(f"{label}: {key} entry {position}: empty")
        elif "\n" in text:
            errors.append(f"{label}: {key} entry {position}: must fit on one line")
        else:
            result.append(text)
    return result


def _check_size_and_blank(text: str) -> str:
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise FrameworkFileError([_too_large(size)])
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise FrameworkFileError(["the file is empty"])
    return text


def _too_large(size: int) -> str:
    return f"the file is too large: {size} bytes; the limit is 2 MB ({MAX_BYTES} bytes)"


def _clean(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _type_name(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", bool: "true/false", int: "a number"}
    return names.get(type(value), type(value).__name__)


def _item_to_dict(item: FrameworkItem) -> dict[str, Any]:
    data: dict[str, Any] = {"code": item.code, "number": item.number}
    data["foundation"] = item.foundation
    optional = {
        "other_foundations": item.other_foundations,
        "theme": item.theme,
        "title": item.title,
        "text": item.text,
        "parts": {key: item.parts[key] for key in PART_KEYS if item.parts.get(key)},
        "lead_organisations": item.lead_organisations,
        "assessment": item.assessment,
    }
    data.update((key, value) for key, value in optional.items() if value or key == "text")
    return data


# --------------------------------------------------------------------------- YAML plumbing


class _Loader(yaml.SafeLoader):
    """Safe loader that refuses a key given twice in one mapping."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if not isinstance(key, (str, int)):
            continue
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"{key!r} is given twice in one mapping", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _load_yaml(text: str) -> Any:
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


class _Dumper(yaml.SafeDumper):
    """Safe dumper that writes multi-line text as literal blocks, for readable diffs."""


def _represent_str(dumper: _Dumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)
