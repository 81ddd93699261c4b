"""Export the timeline in Knight Lab TimelineJS's JSON format, for a class website.

TimelineJS renders its text fields as HTML, so everything from the data is
escaped here; each slide credits its source, and month- or year-precision dates
carry a `display_date` so TimelineJS does not invent a day.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from . import style
from .data import load
from .dates import format_date, format_span
from .text import esc, link, safe_url


def _date(value: pd.Timestamp, precision: str) -> dict:
    date = {"year": int(value.year)}
    if precision in ("month", "day"):
        date["month"] = int(value.month)
    if precision == "day":
        date["day"] = int(value.day)
    if precision != "day":
        date["display_date"] = format_date(value, precision)
    return date


def _slide(event, sources: pd.DataFrame) -> dict:
    cited = [sources.loc[s] for s in event.source_ids if s in sources.index]
    links = "; ".join(link(s["url"], s["title"]) for s in cited)
    slide = {
        "unique_id": event.id,
        "start_date": _date(event.date, event.date_precision),
        "text": {"headline": esc(event.title),
                 "text": f"<p>{esc(event.summary)}</p><p><small>Sources: {links}</small></p>"},
        "group": style.category(event.category).label,
        "display_date": format_span(event.date, event.end_date, event.date_precision),
    }
    if pd.notna(event.end_date):
        slide["end_date"] = _date(event.end_date, event.date_precision)
    first = next((s for s in cited if safe_url(s["url"])), None)
    if first is not None:
        slide["media"] = {"url": first["url"], "caption": esc(first["title"]),
                          "credit": esc(f"{first['publisher']} ({first['kind'].replace('_', ' ')})")}
    return slide


def timeline_json() -> dict:
    """The events, eras and sources as a TimelineJS document."""
    tables = load()
    sources = tables.indexed("sources")
    return {
        "title": {"text": {
            "headline": "Indivisible Security? Events 1975–2024",
            "text": "<p>Events behind the NATO–Russia standoff of early 2022, each with its source.</p>",
        }},
        "events": [_slide(e, sources) for e in tables.events.sort_values("date").itertuples()],
        "eras": [{"start_date": _date(e.start, "day"), "end_date": _date(e.end, "day"),
                  "text": {"headline": esc(e.label)}} for e in tables.eras.itertuples()],
    }


def export(path: Path | str) -> Path:
    """Write the TimelineJS JSON file and return its path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(timeline_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    return path
