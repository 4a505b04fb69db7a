"""Dates written the Dutch way: "13 november 2018"."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date


def dutch_date(day: dt.date) -> str:
    """Format a date as in a Kamerbrief: ``13 november 2018``."""
    return format_date(day, "d MMMM y", locale="nl_NL")
