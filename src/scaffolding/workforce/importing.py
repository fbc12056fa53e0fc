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

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

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
    header, numbered = None, []
    for number, values in rows:
        if header is None:
            if all(_is_blank(v) for v in values):
                continue  # blank lines above the header
            header = [normalise_header(v) for v in values]
            continue
        numbered.append((number, list(values)))
        if len(numbered) > MAX_ROWS:
            raise FileProblem(
                f"The file has more than {MAX_ROWS:,} rows. Split it into smaller files."
            )
    if header is None:
        raise FileProblem("The file is empty: the first row should name the columns.")
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
    yield from enumerate(csv.reader(io.StringIO(text, newline="")), start=1)


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


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


def _choice(value: str, kind: str) -> str | None:
    return CHOICE_LOOKUPS[kind].get(value.strip().lower().replace("_", " "))


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


def _cells(values: list, columns: dict[str, int]) -> dict:
    return {name: values[i] if i < len(values) else None for name, i in columns.items()}


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


Ref = namedtuple("Ref", "pk name")


class PeopleLookups:
    """Everything a roster row is checked against, loaded once as plain values (not model
    objects) in a fixed number of queries."""

    def __init__(self, partnership_id: int, people_only: bool = False):
        from .models import RoleProfile

        self.partnership_id = partnership_id
        self._load_people()
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

    def _load_people(self) -> None:
        people = (
            Person.objects.in_partnership(self.partnership_id)
            .order_by("pk")
            .values_list(*Known._fields)
        )
        self.by_staff, self.by_email = {}, {}
        for row in people:
            person = Known(*row)
            if person.staff_number:
                self.by_staff[person.staff_number] = person
            if person.email:
                self.by_email.setdefault(person.email.lower(), person)

    def match(self, staff_number: str, email: str) -> "Known | None":
        if staff_number and staff_number in self.by_staff:
            return self.by_staff[staff_number]
        if email:
            return self.by_email.get(email.lower())
        return None


def _check_person_row(number, cells, lookups, plan, seen_staff, seen_email, refs=None):
    errors, unreadable = [], set()

    def text(name):
        try:
            return cell_text(cells.get(name))
        except ValueError as error:
            errors.append(f"{name.replace('_', ' ')}: {error}")
            unreadable.add(name)
            return ""

    def day(name):
        try:
            return parse_date(cells.get(name))
        except ValueError as error:
            errors.append(f"{name.replace('_', ' ')}: {error}")
            return None

    staff, email = text("staff_number"), text("email").lower()
    values = {"staff_number": staff, "email": email, "full_name": text("full_name")}
    values["job_title"] = text("job_title")
    if not values["full_name"] and "full_name" not in unreadable:
        errors.append("full name is empty")
    if not staff and not email and not unreadable & {"staff_number", "email"}:
        errors.append("give a staff number or an email so we can match this person")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(f"email “{email}” is not an email address")
    for key, seen, label in ((staff, seen_staff, "staff number"), (email, seen_email, "email")):
        if key and key in seen:
            errors.append(f"{label} {key} is also on row {seen[key]}")
        elif key:
            seen[key] = number
    org_name = text("organisation")
    org = lookups.organisations.get(org_name.lower())
    if org_name and org is None:
        errors.append(f"organisation “{org_name}” is not in the partnership")
    elif not org_name and "organisation" not in unreadable:
        errors.append("organisation is empty")
    values["organisation_id"] = org.pk if org else None
    team_name = text("team")
    team = None
    if team_name and org:
        team = lookups.teams.get((org.pk, team_name.lower()))
        if team is None:
            errors.append(f"team “{team_name}” is not a team of {org.name}")
    values["team_id"] = team.pk if team else None
    profile_name = text("role_profile")
    profile = lookups.profiles.get(profile_name.lower()) if profile_name else None
    if profile_name and profile is None:
        errors.append(f"role profile “{profile_name}” is not one the partnership has set")
    values["role_profile_id"] = profile.pk if profile else None
    for name in ("relationship", "closeness"):
        raw = text(name)
        values[name] = _choice(raw, name) if raw else None
        if values[name] is None:
            errors.append(f"{name} “{raw}” is not one of: {CHOICE_LABELS[name]}")
    values["start_date"] = day("start_date")
    if values["start_date"] is None and not any(e.startswith("start date") for e in errors):
        errors.append("start date is empty")
    values["end_date"] = day("end_date")
    if values["start_date"] and values["end_date"] and values["end_date"] < values["start_date"]:
        errors.append("end date is before the start date")
    values["supervisor"] = text("supervisor_staff_number")
    if refs is not None:
        # Kept for every row, with problems or not, so that a supervisor who is in
        # neither the register nor the file is reported in this same pass.
        refs.append((number, values["supervisor"], staff, email))
    for error in errors:
        plan.problem(number, error[0].upper() + error[1:] + ".")
    return None if errors else values


def plan_people(partnership_id, header, rows, progress: Callable | None = None) -> Plan:
    plan = Plan(total_rows=len(rows))
    columns = check_columns("people", header, plan)
    lookups = PeopleLookups(partnership_id)
    seen_staff, seen_email = {}, {}
    refs = []
    for index, (number, values) in enumerate(rows, start=1):
        if all(_is_blank(v) for v in values):
            plan.notes.append(f"Row {number} is empty and was skipped.")
            continue
        cleaned = _check_person_row(
            number, _cells(values, columns), lookups, plan, seen_staff, seen_email, refs
        )
        if cleaned is not None:
            existing = lookups.match(cleaned["staff_number"], cleaned["email"])
            cleaned["existing"] = existing
            plan.rows.append((number, _person_action(existing, cleaned, lookups), cleaned))
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
    Person.objects.insert_rows(
        ["partnership_id", *PERSON_FIELDS],
        [(partnership_id, *(c[f] for f in PERSON_FIELDS)) for c in creating],
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


def plan_learning(partnership_id, header, rows, progress: Callable | None = None) -> Plan:
    plan = Plan(total_rows=len(rows))
    columns = check_columns("learning", header, plan)
    people = PeopleLookups(partnership_id)
    activities = {
        a.title.lower(): a for a in LearningActivity.objects.in_partnership(partnership_id)
    }
    existing = {}
    for record in LearningRecord.objects.in_partnership(partnership_id).only(
        "pk", "person_id", "activity_id", "status", "completed_on", "notes"
    ):
        existing.setdefault((record.person_id, record.activity_id, record.completed_on), record)
    seen = {}
    for index, (number, values) in enumerate(rows, start=1):
        if all(_is_blank(v) for v in values):
            plan.notes.append(f"Row {number} is empty and was skipped.")
            continue
        cells = _cells(values, columns)
        errors, cleaned = [], {}
        try:
            staff = cell_text(cells.get("staff_number"))
            email = cell_text(cells.get("email")).lower()
            title = cell_text(cells.get("activity"))
            status_text = cell_text(cells.get("status"))
            cleaned["notes"] = cell_text(cells.get("notes"))
        except ValueError as error:
            plan.problem(number, f"{str(error)[0].upper()}{str(error)[1:]}.")
            continue
        person = people.match(staff, email)
        if person is None:
            errors.append(f"nobody in the register has staff number or email “{staff or email}”")
        activity = activities.get(title.lower())
        if activity is None:
            errors.append(f"learning “{title}” is not in the catalogue")
        status = _choice(status_text, "status")
        if status is None:
            errors.append(f"status “{status_text}” is not one of: planned, in progress, completed")
        try:
            completed_on = parse_date(cells.get("completed_on"))
        except ValueError as error:
            errors.append(f"completed on: {error}")
            completed_on = None
        if completed_in_the_future(completed_on):
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
        cleaned.update(person=person, activity=activity, status=status, completed_on=completed_on)
        match = existing.get(key)
        cleaned["existing"] = match
        if match is None:
            action = "created"
        elif match.status == status and (match.notes == cleaned["notes"] or not cleaned["notes"]):
            action = "unchanged"
        else:
            action = "updated"
        plan.rows.append((number, action, cleaned))
        if progress and index % PROGRESS_EVERY == 0:
            progress(index)
    return plan


@transaction.atomic
def save_learning(partnership_id: int, plan: Plan, on: date) -> dict:
    creating, updating = [], []
    for _, action, cleaned in plan.rows:
        activity = cleaned["activity"]
        if action == "created":
            completed_on = cleaned["completed_on"]
            creating.append(
                LearningRecord(
                    person_id=cleaned["person"].pk,
                    activity=activity,
                    status=cleaned["status"],
                    completed_on=completed_on,
                    expires_on=activity.expiry_for(completed_on),
                    notes=cleaned["notes"],
                )
            )
        elif action == "updated":
            record = cleaned["existing"]
            record.status = cleaned["status"]
            record.notes = cleaned["notes"] or record.notes
            updating.append(record)
    LearningRecord.objects.bulk_create(creating, batch_size=1000)
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
