"""Show dates as precisely as the sources allow, and no more precisely.

An event known only to the month is stored as the 1st of that month; showing it
as "2021-04-01" would invent a day. `format_date` says "April 2021" instead.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd


def _as_date(value) -> dt.date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, str):
        return dt.date.fromisoformat(value) if value else None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date()
    return value


def format_date(value, precision: str = "day") -> str:
    """'24 February 2022', 'April 2021' or '1994', following the row's date_precision."""
    date = _as_date(value)
    if date is None:
        return ""
    if precision == "year":
        return f"{date.year}"
    if precision == "month":
        return f"{date:%B} {date.year}"
    return f"{date.day} {date:%B} {date.year}"


def format_span(start, end=None, precision: str = "day") -> str:
    """A date, or a span such as '22 November 2004 – 23 January 2005'."""
    first = format_date(start, precision)
    last = format_date(end, precision)
    return f"{first} – {last}" if last and last != first else first


def format_partial_date(text: object) -> str:
    """'18 March 2014', 'March 2014' or '2014' for a date written YYYY-MM-DD, YYYY-MM or YYYY.

    Statements and sources are often known only to the month or year; the text
    itself says how precise it is, so we show exactly that much.
    """
    value = "" if text is None else str(text).strip()
    parts = value.split("-")
    if len(parts) == 3:
        return format_date(value, "day")
    if len(parts) == 2:
        return format_date(f"{value}-01", "month")
    return value
