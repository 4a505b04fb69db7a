"""Dates written the Dutch way: "13 november 2018"."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date

from briefing.types import FuzzyDate


@lru_cache(maxsize=2**12)
def dutch_date(day: dt.date) -> str:
    """Format a date as in a Kamerbrief: ``13 november 2018`` (remembered: reports repeat dates)."""
    return format_date(day, "d MMMM y", locale="nl_NL")


def fuzzy_date_text(date: FuzzyDate) -> str:
    """A date as the letter wrote it; an exact date typed as ``2018-11-13`` in Dutch."""
    if date.start == date.end and str(date) == date.start.isoformat():
        return dutch_date(date.start)
    return str(date)
