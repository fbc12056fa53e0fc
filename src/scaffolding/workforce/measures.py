"""Live measures the progress work reads: what the workforce register already knows."""

from datetime import date

from .gaps import gap_rows


def at_required_nes_level(partnership_id: int, on: date) -> tuple[int, int]:
    """(people at their role's NES level, current people with a role profile): one query."""
    (row,) = gap_rows(partnership_id, "partnership", on, topics=[], expiring=False)
    return row.at_level, row.with_role


LIVE_MEASURES = [
    {
        "key": "workforce-at-required-nes-level",
        "name": "Workforce at the NES trauma practice level their role needs",
        "unit": "%",
        "question": "how_well",
        "higher_is_better": True,
        "compute": at_required_nes_level,
    }
]
