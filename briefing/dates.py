"""Dates written the Dutch way: "13 november 2018"."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date


@lru_cache(maxsize=2**12)
def dutch_date(day: dt.date) -> str:
    """Format a date as in a Kamerbrief: ``13 november 2018`` (remembered: reports repeat dates)."""
    return format_date(day, "d MMMM y", locale="nl_NL")
