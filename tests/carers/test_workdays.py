from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from scaffolding.carers.workdays import add_working_days, is_working_day, working_days_between

FRIDAY = date(2026, 11, 6)


def test_working_days_skip_the_weekend():
    assert add_working_days(FRIDAY, 1) == date(2026, 11, 9)  # Monday
    assert add_working_days(FRIDAY, 3) == date(2026, 11, 11)  # Wednesday
    assert add_working_days(FRIDAY, 5) == date(2026, 11, 13)  # the next Friday
    assert add_working_days(FRIDAY, 0) == FRIDAY


def test_a_weekend_start_counts_from_monday():
    saturday = FRIDAY + timedelta(days=1)
    assert add_working_days(saturday, 0) == date(2026, 11, 9)
    assert add_working_days(saturday, 1) == date(2026, 11, 10)


def test_days_between_counts_weekdays_only():
    assert working_days_between(FRIDAY, date(2026, 11, 9)) == 1
    assert working_days_between(FRIDAY, date(2026, 11, 20)) == 10
    assert working_days_between(FRIDAY, FRIDAY) == 0


def test_scotlands_bank_holidays_are_not_working_days():
    # Friday 27 November 2026: Monday 30th is St Andrew's Day.
    assert add_working_days(date(2026, 11, 27), 1) == date(2026, 12, 1)
    # Christmas Eve 2026 (Thursday): Christmas Day, the weekend and Boxing Day (observed
    # Monday 28th) are all off, so one working day later is Tuesday 29th.
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)
    assert working_days_between(date(2026, 12, 24), date(2026, 12, 29)) == 1
    # The 2nd of January is a holiday in Scotland (not in England).
    assert add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 5)


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)), st.integers(0, 60))
def test_adding_then_counting_agree(start, days):
    end = add_working_days(start, days)
    assert is_working_day(end)
    if is_working_day(start):
        assert working_days_between(start, end) == days
