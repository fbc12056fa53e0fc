"""Working days: Monday to Friday, less Scotland's bank holidays.

An answer "within 3 working days" skips the weekend and days like Christmas or
St Andrew's Day. The holidays come from the `holidays` package (kept up to date
by its maintainers, including one-off days), not a list of our own.
"""

from datetime import date, timedelta
from functools import cache

import holidays

REGION = {"country": "GB", "subdiv": "SCT"}


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays(years=year, **REGION))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (a non-working start counts from the next)."""
    if days < 0:
        raise ValueError("Working days to add must not be negative.")
    day = start
    while not is_working_day(day):
        day += timedelta(days=1)
    added = 0
    while added < days:
        day += timedelta(days=1)
        if is_working_day(day):
            added += 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    if end <= start:
        return 0
    whole_weeks, rest = divmod((end - start).days, 7)
    weekdays = whole_weeks * 5
    day = start + timedelta(days=whole_weeks * 7)
    for _ in range(rest):
        day += timedelta(days=1)
        if day.weekday() < 5:
            weekdays += 1
    holidays_in_range = sum(
        1
        for year in range(start.year, end.year + 1)
        for holiday in _bank_holidays(year)
        if start < holiday <= end and holiday.weekday() < 5
    )
    return weekdays - holidays_in_range
