"""The provision map: which supervision and reflective practice each organisation and
profession has, how often, the share supervised within their rhythm, and the gaps.

"Map existing provision of supervision, reflective practice and coaching ... and
where there are gaps" (implementation plan, chapter 15). Built in a constant number
of queries whatever the size of the partnership.
"""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from scaffolding.core.downloads import neutralise
from scaffolding.workforce.models import Person

from . import cadence
from .models import (
    CADENCE_KINDS,
    Attendance,
    Session,
    SessionKind,
    SupervisorTraining,
)

YEAR = 365
HELD = (Session.Status.DRAFT, Session.Status.AGREED)
LOW_SHARE = 50
NO_PROFESSION = "No role profile"
UNTRAINED_SHOWN = 20
# The kind of kept figures (core.figures) the page and its downloads show.
KEPT_KIND = "supervision.provision"


@dataclass
class ProvisionRow:
    organisation: str
    profession: str
    people: int = 0
    with_rhythm: int = 0
    within: int = 0
    sessions_by_kind: dict = field(default_factory=dict)
    people_reached: int = 0

    @property
    def within_percent(self) -> int | None:
        return round(100 * self.within / self.with_rhythm) if self.with_rhythm else None

    @property
    def regular_sessions_per_person(self) -> float:
        total = sum(self.sessions_by_kind.get(kind, 0) for kind in CADENCE_KINDS)
        return round(total / self.people, 1) if self.people else 0.0

    @property
    def kinds_offered(self) -> list[str]:
        labels = dict(SessionKind.choices)
        return [labels[kind] for kind in SessionKind.values if self.sessions_by_kind.get(kind)]

    @property
    def gaps(self) -> list[str]:
        found = []
        if self.with_rhythm == 0:
            found.append("No supervision rhythm set for this role")
        elif self.within_percent is not None and self.within_percent < LOW_SHARE:
            found.append(f"Fewer than {LOW_SHARE}% supervised within their rhythm")
        if not any(self.sessions_by_kind.get(kind) for kind in CADENCE_KINDS):
            found.append("No regular supervision or reflective practice recorded this year")
        if not self.sessions_by_kind.get(SessionKind.GROUP):
            found.append("No group reflective practice")
        return found


def provision_map(
    partnership_id: int, on: date, untrained_limit: int | None = UNTRAINED_SHOWN
) -> dict:
    """The map; the page lists the `untrained_limit` supervisors who gave most sessions
    without training (None for all, as the downloads do) and says how many there are."""
    since = on - timedelta(days=YEAR)
    rows: dict[tuple[str, str], ProvisionRow] = {}

    def row_for(organisation, profession):
        key = (organisation, profession or NO_PROFESSION)
        if key not in rows:
            rows[key] = ProvisionRow(*key)
        return rows[key]

    # Query 1-2: people, those with a rhythm and those within it, by organisation and
    # profession, counted in the database (see cadence.annotated).
    within = [cadence.Status.WITHIN, cadence.Status.DUE_SOON]
    grouped = (
        cadence.annotated(Person.objects.in_partnership(partnership_id), on)
        .order_by()
        .values("organisation__name", "role_profile__name")
        .annotate(
            people=Count("pk"),
            with_rhythm=Count("pk", filter=~Q(status=cadence.Status.NO_RHYTHM)),
            within=Count("pk", filter=Q(status__in=within)),
        )
    )
    for item in grouped:
        row = row_for(item["organisation__name"], item["role_profile__name"])
        row.people += item["people"]
        row.with_rhythm += item["with_rhythm"]
        row.within += item["within"]

    # Query 3: sessions of each kind in the last year, by organisation and profession.
    held = (
        Attendance.objects.in_partnership(partnership_id)
        .filter(
            Q(person__end_date__isnull=True) | Q(person__end_date__gt=on),
            attended=True,
            session__held_on__gt=since,
            session__held_on__lte=on,
            session__status__in=HELD,
        )
        .values("person__organisation__name", "person__role_profile__name", "session__kind")
        .annotate(sessions=Count("session", distinct=True), people=Count("person", distinct=True))
        .order_by()
    )
    for item in held:
        row = row_for(item["person__organisation__name"], item["person__role_profile__name"])
        row.sessions_by_kind[item["session__kind"]] = item["sessions"]

    untrained = untrained_supervision(partnership_id, on)
    ordered = sorted(rows.values(), key=lambda r: (r.organisation, r.profession))
    by_organisation = defaultdict(lambda: [0, 0])
    for row in ordered:
        by_organisation[row.organisation][0] += row.within
        by_organisation[row.organisation][1] += row.with_rhythm
    organisation_shares = [
        (name, round(100 * within / total) if total else 0, within, total)
        for name, (within, total) in sorted(by_organisation.items())
    ]
    return {
        "rows": ordered,
        "organisation_shares": organisation_shares,
        "untrained": untrained[:untrained_limit] if untrained_limit else untrained,
        "untrained_total": len(untrained),
        "since": since,
        "on": on,
        "kinds": SessionKind.choices,
    }


# ---- Worked out in the background, kept as the latest figures ----


def as_json(data: dict) -> dict:
    """The map as plain JSON, to keep."""
    return {
        "rows": [
            [r.organisation, r.profession, r.people, r.with_rhythm, r.within, r.sessions_by_kind]
            for r in data["rows"]
        ],
        "organisation_shares": data["organisation_shares"],
        "untrained": data["untrained"],
        "since": data["since"].isoformat(),
        "on": data["on"].isoformat(),
    }


def from_json(kept: dict, untrained_limit: int | None = UNTRAINED_SHOWN) -> dict:
    """The map as `provision_map` returns it, from what `as_json` kept."""
    untrained = kept["untrained"]
    return {
        "rows": [ProvisionRow(*row) for row in kept["rows"]],
        "organisation_shares": [tuple(share) for share in kept["organisation_shares"]],
        "untrained": untrained[:untrained_limit] if untrained_limit else untrained,
        "untrained_total": len(untrained),
        "since": date.fromisoformat(kept["since"]),
        "on": date.fromisoformat(kept["on"]),
        "kinds": SessionKind.choices,
    }


def work_out(partnership_id: int) -> dict:
    """The map as the background worker works it out for the page (core.figures)."""
    return as_json(provision_map(partnership_id, timezone.localdate(), untrained_limit=None))


def untrained_supervision(partnership_id: int, on: date) -> list[dict]:
    """Query 4: supervision in the last year given by people with no supervisor training.

    The trained people are one uncorrelated subquery (worked out once), not a check per
    session; the result has one row per supervisor, most sessions first.
    """
    trained = SupervisorTraining.objects.in_partnership(partnership_id).values("person_id")
    return list(
        Session.objects.in_partnership(partnership_id)
        .filter(
            held_on__gt=on - timedelta(days=YEAR),
            held_on__lte=on,
            status__in=HELD,
            facilitator__isnull=False,
        )
        .exclude(facilitator__in=trained)
        .values("facilitator_id", "facilitator__full_name", "facilitator__organisation__name")
        .annotate(sessions=Count("pk"))
        .order_by("-sessions", "facilitator__full_name")
    )


HEADER = [
    "Organisation",
    "Profession",
    "People",
    "People with a supervision rhythm",
    "Supervised within rhythm",
    "Share within rhythm (%)",
    *[f"{label} (sessions in the year)" for _, label in SessionKind.choices],
    "Regular sessions per person in the year",
    "Gaps",
]


def table_rows(data: dict) -> list[list]:
    return [[neutralise(cell) for cell in row] for row in _raw_rows(data)]


def _raw_rows(data: dict) -> list[list]:
    return [
        [
            row.organisation,
            row.profession,
            row.people,
            row.with_rhythm,
            row.within,
            "" if row.within_percent is None else row.within_percent,
            *[row.sessions_by_kind.get(kind, 0) for kind in SessionKind.values],
            row.regular_sessions_per_person,
            "; ".join(row.gaps),
        ]
        for row in data["rows"]
    ]


def as_csv(data: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(table_rows(data))
    return out.getvalue()


def as_xlsx(data: dict) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Provision map"
    sheet.append(HEADER)
    for row in table_rows(data):
        sheet.append(row)
    untrained = workbook.create_sheet("Untrained supervisors")
    untrained.append(["Supervisor", "Organisation", "Sessions given in the year"])
    for item in data["untrained"]:
        untrained.append(
            [
                neutralise(item["facilitator__full_name"]),
                neutralise(item["facilitator__organisation__name"]),
                item["sessions"],
            ]
        )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
