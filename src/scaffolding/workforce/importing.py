"""Rosters and learning records in and out, as HR and learning systems export them.

Reading checks the whole file first and says, row by row, what is wrong; saving
happens only when nothing is, inside one transaction, so nothing is half saved.
Re-importing the same file changes nothing: people match on staff number, else on
email; learning matches on person, activity and completion date.
"""

import csv
import io
from collections import namedtuple
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from itertools import islice
from operator import itemgetter

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from scaffolding.accounts.models import Organisation, Team

from . import summaries
from .models import (
    Closeness,
    LearningActivity,
    LearningRecord,
    Person,
    RecordStatus,
    Relationship,
    completed_in_the_future,
)
from .register import record_teams
from .signals import people_changed

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
FORMULA_START = ("=", "+", "-", "@")
PREVIEW_ROWS = 20
PROGRESS_EVERY = 1000

PEOPLE_COLUMNS = [
    "staff_number",
    "email",
    "full_name",
    "organisation",
    "team",
    "role_profile",
    "job_title",
    "relationship",
    "closeness",
    "start_date",
    "end_date",
    "supervisor_staff_number",
]
PEOPLE_REQUIRED = ["full_name", "organisation", "relationship", "closeness", "start_date"]
LEARNING_COLUMNS = ["staff_number", "email", "activity", "status", "completed_on", "notes"]
LEARNING_REQUIRED = ["activity", "status"]
COLUMNS = {
    "people": (PEOPLE_COLUMNS, PEOPLE_REQUIRED),
    "learning": (LEARNING_COLUMNS, LEARNING_REQUIRED),
}


class FileProblem(Exception):
    """The file as a whole cannot be used (too big, unreadable, wrong columns)."""


@dataclass
class Plan:
    """What an import would do, row by row."""

    problems: list = field(default_factory=list)  # [{"row": n, "message": "..."}]
    notes: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # [(row number, action, cleaned values)]
    total_rows: int = 0

    def problem(self, row: int, message: str) -> None:
        self.problems.append({"row": row, "message": message})

    def counts(self) -> dict:
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        for _, action, _ in self.rows:
            counts[action] += 1
        return counts


# Reading ---------------------------------------------------------------------------


def normalise_header(name) -> str:
    return str(name or "").strip().lower().replace(" ", "_").replace("-", "_")


def read_table(filename: str, data: bytes) -> tuple[list[str], list[tuple[int, list]]]:
    """The header and the rows (with their row numbers as a spreadsheet shows them)."""
    if len(data) > MAX_BYTES:
        raise FileProblem(
            f"The file is {len(data) / 1024 / 1024:.1f} MB; the most we take is 5 MB. "
            "Split it into smaller files."
        )
    lower = filename.lower()
    if lower.endswith(".xlsx"):
        rows = _xlsx_rows(data)
    elif lower.endswith(".csv"):
        rows = _csv_rows(data)
    else:
        raise FileProblem("Choose a CSV file (.csv) or an Excel workbook (.xlsx).")
    rows = iter(rows)
    header = None
    for _, values in rows:
        if not _blank_row(values):  # blank lines above the header are skipped
            header = [normalise_header(v) for v in values]
            break
    if header is None:
        raise FileProblem("The file is empty: the first row should name the columns.")
    numbered = list(islice(rows, MAX_ROWS + 1))  # (row number, cells) as read
    if len(numbered) > MAX_ROWS:
        raise FileProblem(f"The file has more than {MAX_ROWS:,} rows. Split it into smaller files.")
    return header, numbered


def _xlsx_rows(data: bytes):
    from openpyxl import load_workbook

    from scaffolding.core.untrusted import TooLarge, check_zip_bounds

    try:
        check_zip_bounds(data)
    except TooLarge as error:
        raise FileProblem(
            f"This workbook is too large to read ({error}). Split it into smaller files."
        ) from None

    try:
        # data_only=False keeps formulas as text ("=SUM(...)") so they can be refused.
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises several kinds for a broken file
        raise FileProblem("This file could not be read as an Excel workbook (.xlsx).") from error
    sheet = book.worksheets[0]
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        yield number, list(values)
    book.close()


def _csv_rows(data: bytes):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if "\0" in text:
        raise FileProblem("This file does not look like a CSV file.")
    return enumerate(csv.reader(io.StringIO(text, newline="")), start=1)


def _blank_row(values) -> bool:
    for value in values:  # a row with something in its first cell is seen at once
        if value is not None and (type(value) is not str or value.strip()):
            return False
    return True


def cell_text(value) -> str:
    """A cell as text; formulas are refused, text we escaped on export is unescaped."""
    if type(value) is str:  # every CSV cell: the same rules as below, fewer checks
        text = value.strip()
        if text[:1] == "'" and text[1:2] in FORMULA_START:
            return text[1:]
        if text.startswith(FORMULA_START):
            raise ValueError(
                f"“{text[:40]}” looks like a spreadsheet formula; type the value itself instead"
            )
        return text
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if text.startswith("'") and text[1:2] in FORMULA_START:
        return text[1:]
    if text.startswith(FORMULA_START) and not (isinstance(value, int | float)):
        raise ValueError(
            f"“{text[:40]}” looks like a spreadsheet formula; type the value itself instead"
        )
    return text


def parse_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    if not text:
        return None
    if len(text) == 10 and text[4] == "-":
        # The usual ISO date: the C parser is many times quicker than strptime.
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"“{text}” is not a date we can read; use 2026-03-31 or 31/03/2026")


def _choice_lookup(choices) -> dict[str, str]:
    """Both the stored key and the label people see (upper or lower) lead to the key."""
    lookup = {}
    for key, label in choices:
        lookup[key.replace("_", " ")] = key
        lookup[str(label).lower()] = key
    return lookup


CHOICE_LOOKUPS = {
    "relationship": _choice_lookup(Relationship.choices),
    "closeness": _choice_lookup(Closeness.choices),
    "status": _choice_lookup(RecordStatus.choices),
}
CHOICE_LABELS = {
    "relationship": ", ".join(str(label) for _, label in Relationship.choices),
    "closeness": ", ".join(str(label) for _, label in Closeness.choices),
}


def _choice(text: str | None, kind: str, errors: list) -> str | None:
    """The stored key for a choice cell, else an error naming the choices."""
    key = CHOICE_LOOKUPS[kind].get(text.lower().replace("_", " ")) if text else None
    if key is None:
        errors.append(f"{kind} “{text or ''}” is not one of: {CHOICE_LABELS[kind]}")
    return key


def check_columns(kind: str, header: list[str], plan: Plan) -> dict[str, int]:
    expected, required = COLUMNS[kind]
    seen = {}
    for index, name in enumerate(header):
        if not name:
            continue
        if name in seen:
            raise FileProblem(f"The column “{name}” appears twice. Keep one of them.")
        seen[name] = index
    missing = [c for c in required if c not in seen]
    if "staff_number" not in seen and "email" not in seen:
        missing.insert(0, "staff_number or email")
    if missing:
        raise FileProblem(
            "These columns are missing: "
            + ", ".join(missing)
            + ". The columns we read are: "
            + ", ".join(expected)
            + "."
        )
    unknown = [name for name in seen if name not in expected]
    if unknown:
        plan.notes.append(
            "These columns are not ones we read and were left out: " + ", ".join(unknown) + "."
        )
    return {name: index for name, index in seen.items() if name in expected}


# People -----------------------------------------------------------------------------

PERSON_FIELDS = [
    "full_name",
    "email",
    "staff_number",
    "organisation_id",
    "team_id",
    "role_profile_id",
    "job_title",
    "relationship",
    "closeness",
    "start_date",
    "end_date",
]
# A register entry as the import sees it: plain values, with the same attribute names.
Known = namedtuple("Known", ["pk", *PERSON_FIELDS, "supervisor_id"])
# Just who someone is: enough to match a row to them and name them (learning, saving).
Who = namedtuple("Who", "pk staff_number email full_name supervisor_id")


Ref = namedtuple("Ref", "pk name")


class PeopleLookups:
    """Everything a roster row is checked against, loaded once as plain values (not model
    objects) in a fixed number of queries. ``people_only``: just who the people are (Who),
    with no organisations, teams or role profiles."""

    def __init__(self, partnership_id: int, people_only: bool = False):
        from .models import RoleProfile

        self.partnership_id = partnership_id
        self._load_people(Who if people_only else Known)
        if people_only:
            return
        self.organisations = {
            name.lower(): Ref(pk, name)
            for pk, name in Organisation.objects.in_partnership(partnership_id)
            .order_by()
            .values_list("pk", "name")
        }
        self.teams = {
            (organisation_id, name.lower()): Ref(pk, name)
            for pk, organisation_id, name in Team.objects.in_partnership(partnership_id)
            .order_by()
            .values_list("pk", "organisation_id", "name")
        }
        self.profiles = {
            name.lower(): Ref(pk, name)
            for pk, name in RoleProfile.objects.in_partnership(partnership_id)
            .order_by()
            .values_list("pk", "name")
        }

    def _load_people(self, kind) -> None:
        people = (
            Person.objects.in_partnership(self.partnership_id)
            .order_by("pk")
            .values_list(*kind._fields)
        )
        self.by_staff, self.by_email = {}, {}
        for person in map(kind._make, people):
            if person.staff_number:
                self.by_staff[person.staff_number] = person
            if person.email:
                self.by_email.setdefault(person.email.lower(), person)

    def match(self, staff_number: str, email: str) -> "Known | Who | None":
        if staff_number and staff_number in self.by_staff:
            return self.by_staff[staff_number]
        if email:
            return self.by_email.get(email.lower())
        return None


# The cells of a roster row read as text, in this order; the dates are read apart.
PERSON_TEXT = [
    "staff_number",
    "email",
    "full_name",
    "job_title",
    "organisation",
    "team",
    "role_profile",
    "relationship",
    "closeness",
    "supervisor_staff_number",
]
# The first character of a cell that cell_text must look at (formula or escaped formula).
_ODD_START = frozenset(("'", *FORMULA_START))


def _texts(values: list, at: list, pick, errors: list) -> list[str | None]:
    """The cells at these positions as text, None where unreadable (the error is added,
    naming the column). Plain text cells (every cell of a CSV file) are only stripped;
    anything else goes through cell_text. ``pick`` takes all the cells at once when every
    column is there."""
    width = len(values)
    if pick is not None and width >= pick[1]:
        cells = pick[0](values)
    else:
        cells = [values[i] if i is not None and i < width else None for i, _ in at]
    texts = [
        t if type(v) is str and (t := v.strip())[:1] not in _ODD_START else None for v in cells
    ]
    if None in texts:
        for k, (_, name) in enumerate(at):
            if texts[k] is None:
                try:
                    texts[k] = cell_text(cells[k])
                except ValueError as error:
                    errors.append(f"{name.replace('_', ' ')}: {error}")
    return texts


def _day(value, name: str, errors: list) -> date | None:
    if not value:
        return None  # an empty cell
    if type(value) is str and len(value) == 10 and value[4] == "-":
        try:
            return date.fromisoformat(value)  # the usual ISO date, without strptime
        except ValueError:
            pass
    try:
        return parse_date(value)
    except ValueError as error:
        errors.append(f"{name.replace('_', ' ')}: {error}")
        return None


@cache
def _email_patterns():
    """The match methods of Django's own email patterns (EmailValidator), without the
    lazy object in front of them."""
    return validate_email.user_regex.match, validate_email.domain_regex.match


def is_email(value: str, domains: dict) -> bool:
    """What Django's validate_email accepts, without its per-call machinery: the same
    patterns, each domain checked once per import (``domains`` remembers); anything the
    quick path does not accept is decided by validate_email itself."""
    if value and len(value) <= 320 and "@" in value:
        user, domain = value.rsplit("@", 1)
        valid_domain = domains.get(domain)
        if valid_domain is None:
            valid_domain = domains[domain] = bool(
                domain in validate_email.domain_allowlist or _email_patterns()[1](domain)
            )
        if valid_domain and _email_patterns()[0](user):
            return True
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


class _PersonCheck:
    """Checks roster rows one by one against lookups loaded once; remembers what it has
    seen (staff numbers, emails, email domains) across the rows of one file."""

    def __init__(self, columns: dict[str, int], lookups, plan: Plan, refs: list):
        self.at = [(columns.get(name), name) for name in PERSON_TEXT]
        if all(i is not None for i, _ in self.at):
            indices = [i for i, _ in self.at]
            self.pick = (itemgetter(*indices), max(indices) + 1)
        else:
            self.pick = None  # a column left out: read the cells one by one
        self.start_at = columns.get("start_date")
        self.end_at = columns.get("end_date")
        self.lookups, self.plan, self.refs = lookups, plan, refs
        self.seen_staff, self.seen_email, self.domains = {}, {}, {}

    def __call__(self, number: int, values: list) -> dict | None:  # noqa: C901 - one rule a line
        errors = []
        texts = _texts(values, self.at, self.pick, errors)
        (staff, email, full_name, job_title, org_name, team_name, profile_name,
         relationship, closeness, supervisor) = texts  # fmt: skip
        lookups = self.lookups
        if email:
            email = email.lower()
        if not full_name and full_name is not None:
            errors.append("full name is empty")
        if not staff and not email and staff is not None and email is not None:
            errors.append("give a staff number or an email so we can match this person")
        if email and not is_email(email, self.domains):
            errors.append(f"email “{email}” is not an email address")
        if staff:
            if staff in self.seen_staff:
                errors.append(f"staff number {staff} is also on row {self.seen_staff[staff]}")
            else:
                self.seen_staff[staff] = number
        if email:
            if email in self.seen_email:
                errors.append(f"email {email} is also on row {self.seen_email[email]}")
            else:
                self.seen_email[email] = number
        org = lookups.organisations.get(org_name.lower()) if org_name else None
        if org_name and org is None:
            errors.append(f"organisation “{org_name}” is not in the partnership")
        elif org_name == "":
            errors.append("organisation is empty")
        team = None
        if team_name and org:
            team = lookups.teams.get((org.pk, team_name.lower()))
            if team is None:
                errors.append(f"team “{team_name}” is not a team of {org.name}")
        profile = lookups.profiles.get(profile_name.lower()) if profile_name else None
        if profile_name and profile is None:
            errors.append(f"role profile “{profile_name}” is not one the partnership has set")
        relationship = _choice(relationship, "relationship", errors)
        closeness = _choice(closeness, "closeness", errors)
        width = len(values)
        at = self.start_at
        start = _day(values[at] if at is not None and at < width else None, "start_date", errors)
        if start is None and not any(e.startswith("start date") for e in errors):
            errors.append("start date is empty")
        at = self.end_at
        end = _day(values[at] if at is not None and at < width else None, "end_date", errors)
        if start and end and end < start:
            errors.append("end date is before the start date")
        supervisor = supervisor or ""
        staff, email = staff or "", email or ""
        if self.refs is not None:
            # Kept for every row, with problems or not, so that a supervisor who is in
            # neither the register nor the file is reported in this same pass.
            self.refs.append((number, supervisor, staff, email))
        if errors:
            for error in errors:
                self.plan.problem(number, error[0].upper() + error[1:] + ".")
            return None
        return {
            "staff_number": staff,
            "email": email,
            "full_name": full_name,
            "job_title": job_title,
            "organisation_id": org.pk,
            "team_id": team.pk if team else None,
            "role_profile_id": profile.pk if profile else None,
            "relationship": relationship,
            "closeness": closeness,
            "start_date": start,
            "end_date": end,
            "supervisor": supervisor,
        }


def plan_people(partnership_id, header, rows, progress: Callable | None = None) -> Plan:
    plan = Plan(total_rows=len(rows))
    columns = check_columns("people", header, plan)
    lookups = PeopleLookups(partnership_id)
    refs = []
    check = _PersonCheck(columns, lookups, plan, refs)
    match, action_of = lookups.match, _person_action
    for index, (number, values) in enumerate(rows, start=1):
        if _blank_row(values):
            plan.notes.append(f"Row {number} is empty and was skipped.")
            continue
        cleaned = check(number, values)
        if cleaned is not None:
            existing = match(cleaned["staff_number"], cleaned["email"])
            cleaned["existing"] = existing
            plan.rows.append((number, action_of(existing, cleaned, lookups), cleaned))
        if progress and index % PROGRESS_EVERY == 0:
            progress(index)
    in_file = {key for _, _, staff, email in refs for key in (staff, email) if key}
    for number, sup, _, _ in refs:
        if sup and sup not in in_file and lookups.match(sup, sup) is None:
            plan.problem(number, f"Supervisor {sup} is neither in the register nor in this file.")
    plan.problems.sort(key=lambda p: p["row"])
    return plan


def _person_action(existing, cleaned, lookups) -> str:
    if existing is None:
        return "created"
    same = all(getattr(existing, f) == cleaned[f] for f in PERSON_FIELDS if f != "staff_number")
    same = same and (
        existing.staff_number == cleaned["staff_number"] or not cleaned["staff_number"]
    )
    if cleaned["supervisor"]:
        current = existing.supervisor_id
        wanted = lookups.match(cleaned["supervisor"], cleaned["supervisor"])
        same = same and wanted is not None and wanted.pk == current
    return "unchanged" if same else "updated"


@transaction.atomic
def save_people(partnership_id: int, plan: Plan, on: date) -> dict:
    """Create and update register entries in one transaction; team changes keep history.

    New entries go in as plain values in one statement (no model object per row), and
    their ids are read back with the register in one query: a new row's staff number,
    else its email, is in nobody else's entry, or the row would have been an update.
    """
    creating, updating, changes = [], [], []
    for _, action, cleaned in plan.rows:
        if action == "created":
            creating.append(cleaned)
        elif action == "updated":
            fields = {f: cleaned[f] for f in PERSON_FIELDS}
            known = cleaned["existing"]
            if not fields["staff_number"]:
                fields["staff_number"] = known.staff_number
            person = Person(
                pk=known.pk,
                partnership_id=partnership_id,
                supervisor_id=known.supervisor_id,
                **fields,
            )
            changes.append((person, known.end_date, known.team_id))
            updating.append(person)
    values_of = itemgetter(*PERSON_FIELDS)
    Person.objects.insert_rows(
        ["partnership_id", *PERSON_FIELDS],
        [(partnership_id, *values_of(c)) for c in creating],
    )
    Person.objects.bulk_update(updating, PERSON_FIELDS, batch_size=1000)
    register = None
    if creating or any(c["supervisor"] for _, a, c in plan.rows if a != "unchanged"):
        register = PeopleLookups(partnership_id, people_only=True)  # with the new entries
    # The same history rule as a register entry saved from a form (register.py).
    record_teams(
        partnership_id,
        on,
        joined=[
            (register.match(c["staff_number"], c["email"]).pk, c["team_id"], c["start_date"])
            for c in creating
        ],
        changed=[(p.pk, p.team_id, p.end_date) for p in updating],
    )
    _set_supervisors(plan, register)
    # Bulk updates send no post_save: tell the apps above (moved-on dates, team changes).
    if changes:
        people_changed.send(sender=Person, changes=changes)
    return plan.counts()


def _set_supervisors(plan: Plan, register: "PeopleLookups | None") -> None:
    wanted = [(c, c["supervisor"]) for _, a, c in plan.rows if c["supervisor"] and a != "unchanged"]
    if not wanted:
        return
    changed = []
    for cleaned, key in wanted:
        person = register.match(cleaned["staff_number"], cleaned["email"])
        supervisor = register.match(key, key)
        if person and supervisor and person.supervisor_id != supervisor.pk:
            changed.append(Person(pk=person.pk, supervisor_id=supervisor.pk))
    Person.objects.bulk_update(changed, ["supervisor"], batch_size=1000)


# Learning records -----------------------------------------------------------------


LEARNING_TEXT = ["staff_number", "email", "activity", "status", "notes"]


class Activity(namedtuple("Activity", "pk title refresh_months")):
    """A catalogue entry as plain values; its expiry is the model's own rule."""

    __slots__ = ()
    expiry_for = LearningActivity.expiry_for

    def __str__(self):
        return self.title


Record = namedtuple("Record", "pk status notes")


def plan_learning(partnership_id, header, rows, progress: Callable | None = None) -> Plan:
    plan = Plan(total_rows=len(rows))
    columns = check_columns("learning", header, plan)
    people = PeopleLookups(partnership_id, people_only=True)
    activities = {
        title.lower(): Activity(pk, title, months)
        for pk, title, months in LearningActivity.objects.in_partnership(
            partnership_id
        ).values_list("pk", "title", "refresh_months")
    }
    existing = {}
    for (
        pk,
        person_id,
        activity_id,
        completed_on,
        status,
        notes,
    ) in LearningRecord.objects.in_partnership(partnership_id).values_list(
        "pk", "person_id", "activity_id", "completed_on", "status", "notes"
    ):
        key = (person_id, activity_id, completed_on)
        if key not in existing:  # the first in the records' own order, as before
            existing[key] = Record(pk, status, notes)
    at = [(columns.get(name), name) for name in LEARNING_TEXT]
    indices = [i for i, _ in at]
    pick = (itemgetter(*indices), max(indices) + 1) if None not in indices else None
    completed_at = columns.get("completed_on")
    statuses = CHOICE_LOOKUPS["status"]
    today = date.today()
    seen = {}
    for index, (number, values) in enumerate(rows, start=1):
        if _blank_row(values):
            plan.notes.append(f"Row {number} is empty and was skipped.")
            continue
        errors = []
        staff, email, title, status_text, notes = _texts(values, at, pick, errors)
        if errors:  # a formula: the row cannot be read
            for error in errors:
                plan.problem(number, error[0].upper() + error[1:] + ".")
            continue
        email = email.lower()
        person = people.match(staff, email)
        if person is None:
            errors.append(f"nobody in the register has staff number or email “{staff or email}”")
        activity = activities.get(title.lower())
        if activity is None:
            errors.append(f"learning “{title}” is not in the catalogue")
        status = statuses.get(status_text.lower().replace("_", " ")) if status_text else None
        if status is None:
            errors.append(f"status “{status_text}” is not one of: planned, in progress, completed")
        width = len(values)
        completed_on = _day(
            values[completed_at] if completed_at is not None and completed_at < width else None,
            "completed_on",
            errors,
        )
        if completed_in_the_future(completed_on, today):
            errors.append(
                f"completed on: {completed_on:%d/%m/%Y} is in the future; "
                "enter the date it was completed"
            )
            completed_on = None
        if status == RecordStatus.COMPLETED and completed_on is None and not errors:
            errors.append("completed learning needs the date it was completed")
        if errors:
            for error in errors:
                plan.problem(number, error[0].upper() + error[1:] + ".")
            continue
        if status != RecordStatus.COMPLETED:
            completed_on = None
        key = (person.pk, activity.pk, completed_on)
        if key in seen:
            plan.problem(
                number, f"The same learning for the same person is also on row {seen[key]}."
            )
            continue
        seen[key] = number
        match = existing.get(key)
        if match is None:
            action = "created"
        elif match.status == status and (match.notes == notes or not notes):
            action = "unchanged"
        else:
            action = "updated"
        cleaned = {
            "notes": notes,
            "person": person,
            "activity": activity,
            "status": status,
            "completed_on": completed_on,
            "existing": match,
        }
        plan.rows.append((number, action, cleaned))
        if progress and index % PROGRESS_EVERY == 0:
            progress(index)
    return plan


LEARNING_FIELDS = [
    "partnership_id",
    "person_id",
    "activity_id",
    "status",
    "completed_on",
    "expires_on",
    "notes",
    "created_at",
]


@transaction.atomic
def save_learning(partnership_id: int, plan: Plan, on: date) -> dict:
    """New records go in as plain values in one statement (COPY on PostgreSQL), with
    their expiry worked out by the catalogue's rule; changed ones in one bulk update."""
    now = timezone.now()
    creating, updating, expiry = [], [], {}
    for _, action, cleaned in plan.rows:
        if action == "created":
            activity, completed_on = cleaned["activity"], cleaned["completed_on"]
            key = (activity, completed_on)
            if key not in expiry:
                expiry[key] = activity.expiry_for(completed_on)
            creating.append(
                (
                    partnership_id,
                    cleaned["person"].pk,
                    activity.pk,
                    cleaned["status"],
                    completed_on,
                    expiry[key],
                    cleaned["notes"],
                    now,
                )
            )
        elif action == "updated":
            record = cleaned["existing"]
            updating.append(
                LearningRecord(
                    pk=record.pk, status=cleaned["status"], notes=cleaned["notes"] or record.notes
                )
            )
    LearningRecord.objects.insert_rows(LEARNING_FIELDS, creating)
    LearningRecord.objects.bulk_update(updating, ["status", "notes"], batch_size=1000)
    summaries.refresh_people(
        partnership_id, (c["person"].pk for _, a, c in plan.rows if a != "unchanged")
    )
    return plan.counts()


PLANNERS = {"people": plan_people, "learning": plan_learning}
SAVERS = {"people": save_people, "learning": save_learning}


def plan_import(partnership_id, kind, filename, data, progress=None) -> Plan:
    header, rows = read_table(filename, data)
    return PLANNERS[kind](partnership_id, header, rows, progress)


def preview_rows(plan: Plan) -> list[dict]:
    shown = []
    for number, action, cleaned in plan.rows[:PREVIEW_ROWS]:
        if "activity" in cleaned:
            who, what = cleaned["person"].full_name, f"{cleaned['activity']} ({cleaned['status']})"
        else:
            who, what = cleaned["full_name"], cleaned["staff_number"] or cleaned["email"]
        shown.append({"row": number, "action": action, "who": who, "what": what})
    return shown


# Exports -----------------------------------------------------------------------------


def escape_cell(value):
    """Stop a spreadsheet reading text as a formula (CSV injection); import undoes this."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def people_table(partnership_id: int):
    people = (
        Person.objects.in_partnership(partnership_id)
        .select_related("organisation", "team", "role_profile", "supervisor")
        .order_by("full_name", "pk")
    )
    for p in people.iterator(chunk_size=2000):
        yield [
            p.staff_number,
            p.email,
            p.full_name,
            p.organisation.name,
            p.team.name if p.team else "",
            p.role_profile.name if p.role_profile else "",
            p.job_title,
            p.relationship,
            p.closeness,
            p.start_date,
            p.end_date,
            (p.supervisor.staff_number or p.supervisor.email) if p.supervisor else "",
        ]


def learning_table(partnership_id: int):
    records = (
        LearningRecord.objects.in_partnership(partnership_id)
        .select_related("person", "activity")
        .order_by("person__full_name", "pk")
    )
    for r in records.iterator(chunk_size=2000):
        yield [
            r.person.staff_number,
            r.person.email if not r.person.staff_number else "",
            r.activity.title,
            r.status,
            r.completed_on,
            r.notes,
        ]


def example_rows(partnership_id: int, kind: str) -> list[list]:
    """One example row for a template file, using the partnership's own names."""
    from .models import LearningActivity, RoleProfile

    if kind == "learning":
        activity = LearningActivity.objects.in_partnership(partnership_id).order_by("title").first()
        return [
            [
                "S100",
                "ailsa.grant@example.org",
                activity.title if activity else "Trauma-informed practice",
                "completed",
                "2026-03-31",
                "",
            ]
        ]
    team = (
        Team.objects.in_partnership(partnership_id)
        .select_related("organisation")
        .order_by("organisation__name", "name")
        .first()
    )
    profile = RoleProfile.objects.in_partnership(partnership_id).order_by("name").first()
    return [
        [
            "S100",
            "ailsa.grant@example.org",
            "Ailsa Grant",
            team.organisation.name if team else "Our council",
            team.name if team else "",
            profile.name if profile else "",
            "Family support worker",
            Relationship.PAID.label,
            Closeness.REGULAR_DIRECT.label,
            "2024-03-01",
            "",
            "",
        ]
    ]


def allowed_codes() -> dict[str, list[tuple[str, str]]]:
    """The codes each choice column takes: the label or the code, in any case."""
    return {
        "relationship": [(key, str(label)) for key, label in Relationship.choices],
        "closeness": [(key, str(label)) for key, label in Closeness.choices],
        "status": [(key, str(label)) for key, label in RecordStatus.choices],
    }


def write_csv(columns, rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            [
                escape_cell(v.isoformat() if isinstance(v, date) else ("" if v is None else v))
                for v in row
            ]
        )
    return out.getvalue().encode("utf-8-sig")


def write_xlsx(columns, rows, title="Export") -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append(columns)
    for row in rows:
        sheet.append([escape_cell(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
