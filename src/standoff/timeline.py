"""The timeline: fifty years of events in one chart, with the eras the lessons follow.

Figures are built as plain plotly dictionaries (`timeline_spec`) because the
explorer redraws on every filter change and plotly's object validation would
cost more than the drawing; `figure()` wraps the same spec in a `go.Figure` for
anyone who wants to restyle it. Hover text is HTML-escaped: plotly renders
tags in hover labels, and our data must never become markup.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from . import style
from .data import load
from .dates import format_span
from .render import show_figure
from .text import esc

FULL_RANGE = ("1974-01-01", "2025-12-31")
HOVER_COLUMNS = ["date", "end_date", "date_precision", "title", "summary"]
MAX_DETAILED_POINTS = 2000
"""Above this many events, markers switch to WebGL (Scattergl) to stay responsive."""


def _lanes(events: pd.DataFrame, lanes: str) -> pd.DataFrame:
    """One row per (event, lane): by category, or by each actor group an event involves."""
    if lanes == "category":
        return events.assign(lane=events["category"])
    if lanes != "actor_group":
        raise ValueError(f"lanes must be 'category' or 'actor_group', not {lanes!r}")
    groups = load().indexed("actors", "code")["group"].to_dict()
    exploded = events.assign(
        lane=[sorted({groups.get(a, "international") for a in actors}) for actors in events["actors"]]
    )
    return exploded.explode("lane")


def _hover(row) -> str:
    when = format_span(row["date"], row["end_date"], row["date_precision"])
    return f"<b>{esc(when)}</b><br>{esc(row['title'])}<br><i>{esc(_wrap(row['summary']))}</i>"


def _wrap(text: str, width: int = 60) -> str:
    """Break a long summary into lines (plotly hover labels do not wrap by themselves)."""
    words, lines, line = str(text).split(), [], ""
    for word in words:
        if line and len(line) + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)


def _look(lane: str, lanes: str) -> style.Look:
    return style.category(lane) if lanes == "category" else style.ACTOR_GROUPS[lane]


def _era_shapes(eras: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    shapes, annotations = [], []
    shades = ["#F2F2F2", "#E0E0E0"]
    for i, era in enumerate(eras.itertuples()):
        start, end = era.start.strftime("%Y-%m-%d"), era.end.strftime("%Y-%m-%d")
        shapes.append({
            "type": "rect", "xref": "x", "yref": "paper", "x0": start, "x1": end,
            "y0": 0, "y1": 1, "fillcolor": shades[i % 2], "line": {"width": 0}, "layer": "below",
            "name": f"era:{era.id}",
        })
        middle = (era.start + (era.end - era.start) / 2).strftime("%Y-%m-%d")
        annotations.append({  # alternate rows, so labels of short eras do not collide
            "x": middle, "y": 1.0 + 0.055 * (i % 2), "xref": "x", "yref": "paper", "xanchor": "center",
            "yanchor": "bottom", "text": esc(era.short_label), "showarrow": False,
            "font": {"size": 12}, "name": f"era:{era.id}",
        })
    return shapes, annotations


def _group_by_lane(rows: pd.DataFrame, with_hover: bool) -> dict[str, list[dict]]:
    """Plain records per lane. Without hover text (thousands of events) only id, x and end date
    are kept, taken column by column, which is several times faster than building records."""
    if with_hover:
        grouped: dict[str, list[dict]] = {}
        for row in rows[["id", "lane", "x", *HOVER_COLUMNS]].to_dict("records"):
            grouped.setdefault(row["lane"], []).append(row)
        return grouped
    return {lane: [{"id": i, "x": x, "end_date": e} for i, x, e in
                   zip(part["id"].tolist(), part["x"].tolist(), part["end_date"].tolist(), strict=True)]
            for lane, part in rows.groupby("lane", sort=False)}


def timeline_spec(
    events: pd.DataFrame | None = None,
    lanes: str = "category",
    date_range: tuple[str, str] | None = None,
    title: str = "Events, 1975–2024",
) -> dict:
    """The timeline as a plotly figure dictionary: markers in lanes, eras as bands.

    Dates are formatted column-wise and only the needed columns become plain records,
    grouped by lane in one pass: the explorer redraws on every filter change, and this
    keeps that well under 50 ms (and under 150 ms with 100 times the data).
    """
    tables = load()
    events = tables.events if events is None else events
    rows = _lanes(events, lanes)
    rows = rows.assign(x=rows["date"].dt.strftime("%Y-%m-%d"))
    many = len(events) > MAX_DETAILED_POINTS
    by_lane = _group_by_lane(rows, with_hover=not many)
    lane_order = list(style.CATEGORIES if lanes == "category" else style.ACTOR_GROUPS)
    present = [lane for lane in lane_order + sorted(set(by_lane) - set(lane_order)) if lane in by_lane]
    traces = []
    for lane in present:
        look, part = _look(lane, lanes), by_lane[lane]
        for span in (r for r in part if pd.notna(r["end_date"])):
            traces.append({
                "type": "scatter", "mode": "lines", "x": [span["x"], _iso(span["end_date"])],
                "y": [look.label, look.label], "line": {"color": look.colour, "width": 8},
                "hoverinfo": "skip", "showlegend": False, "name": f"span:{span['id']}",
            })
        traces.append({
            "type": "scattergl" if many else "scatter", "mode": "markers", "name": look.label,
            "x": [r["x"] for r in part], "y": [look.label] * len(part), "customdata": [r["id"] for r in part],
            "text": [] if many else [_hover(r) for r in part],
            "hovertemplate": "%{x}<extra></extra>" if many else "%{text}<extra></extra>",
            "marker": {"color": look.colour, "symbol": look.symbol, "size": 13,
                       "line": {"width": 1, "color": "#FFFFFF"}},
        })
    shapes, annotations = _era_shapes(tables.eras)
    xaxis = {"type": "date", "rangeslider": {"visible": True, "thickness": 0.08, "range": list(FULL_RANGE)},
             "title": {"text": "Date"}, "range": list(date_range or FULL_RANGE)}
    return {
        "data": traces,
        "layout": {
            "title": {"text": esc(title)}, "font": style.FONT, "height": 520,
            "margin": {"l": 170, "r": 20, "t": 100, "b": 40}, "showlegend": False,
            "xaxis": xaxis,
            "yaxis": {"type": "category", "categoryorder": "array",
                      "categoryarray": [_look(lane, lanes).label for lane in reversed(present)],
                      "title": {"text": ""}},
            "shapes": shapes, "annotations": annotations, "hovermode": "closest",
            "plot_bgcolor": "#FFFFFF",
        },
    }


def _iso(value) -> str:
    return value.strftime("%Y-%m-%d")


def era_range(era_id: str) -> tuple[str, str]:
    """The first and last day of an era, as ISO dates."""
    eras = load().indexed("eras")
    if era_id not in eras.index:
        raise ValueError(f"unknown era {era_id!r}; choose one of: {', '.join(eras.index)}")
    era = eras.loc[era_id]
    return _iso(era["start"]), _iso(era["end"])


def era_view(era_id: str) -> tuple[str, str]:
    """The x range that shows an era: its dates plus a margin, so a marker on its edge is drawn whole."""
    start, end = (pd.Timestamp(d) for d in era_range(era_id))
    margin = max(pd.Timedelta(days=20), (end - start) * 0.02)
    return _iso(start - margin), _iso(end + margin)


def figure(lanes: str = "category", date_range: tuple[str, str] | None = None) -> go.Figure:
    """The whole timeline as a plotly Figure (zoomed to `date_range` if given)."""
    return go.Figure(timeline_spec(lanes=lanes, date_range=date_range))


def focus(era_id: str, lanes: str = "category") -> go.Figure:
    """The timeline zoomed to one era, as each lesson opens it."""
    label = load().indexed("eras").loc[era_id, "label"]
    return go.Figure(timeline_spec(lanes=lanes, date_range=era_view(era_id), title=label))


def describe(events: pd.DataFrame | None = None) -> str:
    """A text alternative to the chart: what it shows, in two sentences."""
    events = load().events if events is None else events
    if events.empty:
        return "The timeline shows no events for this selection."
    first, last = events["date"].min(), events["date"].max()
    counts = events["category"].value_counts()
    parts = ", ".join(f"{n} {style.category(c).label.lower()}" for c, n in counts.items())
    return (f"The timeline shows {len(events)} events from {first.year} to {last.year}, "
            f"one marker each, in lanes by kind: {parts}. "
            "Shaded bands mark the eras the lessons follow.")


def table_html(events: pd.DataFrame | None = None) -> str:
    """The events as an accessible HTML table (the chart's text alternative, and for print)."""
    events = load().events if events is None else events
    rows = "".join(
        f"<tr><td>{esc(format_span(r.date, r.end_date, r.date_precision))}</td>"
        f"<td>{esc(r.title)}</td><td>{esc(style.category(r.category).label)}</td>"
        f"<td>{esc(r.summary)}</td></tr>"
        for r in events.sort_values("date").itertuples()
    )
    return ("<table class='standoff-table'><caption>Events shown in the timeline</caption>"
            "<thead><tr><th scope='col'>Date</th><th scope='col'>Event</th>"
            "<th scope='col'>Kind</th><th scope='col'>Summary</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def show(era_id: str | None = None, lanes: str = "category") -> None:
    """Display the timeline (zoomed to an era if given) with its text alternative."""
    tables = load()
    events = tables.events
    date_range, title = None, "Events, 1975–2024"
    if era_id:
        date_range = era_view(era_id)
        title = tables.indexed("eras").loc[era_id, "label"]
        events = events[events["era"] == era_id]
    spec = timeline_spec(lanes=lanes, date_range=date_range, title=title)
    show_figure(spec, describe(events), table_html(events))


def explorer():
    """The timeline explorer widget: filter by era, kind, actor and words; pick an event."""
    from .explorer import TimelineExplorer

    return TimelineExplorer()
