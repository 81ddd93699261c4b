"""NATO membership over time: a step chart of the count, and a map of Europe by year.

Everything is derived from `data/memberships.csv`. The map draws country outlines
shipped in `data/geo/europe.geojson` as plain filled shapes on ordinary axes, so
it needs no map tiles and no topojson from a CDN: it works offline, on Binder and
in a static export. The outlines are today's borders; the notes say so.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache

import ipywidgets as w
import pandas as pd
from IPython.display import display

from . import parts, style
from .data import DEFAULT_DATA_DIR, load
from .dates import format_date, format_span
from .render import WidgetView, figure_bundle, show_figure
from .text import esc

STATUSES = {
    "member": style.Look("NATO member", style.OKABE_ITO["blue"], "square", "■"),
    "russia": style.Look("Russia", style.OKABE_ITO["vermillion"], "triangle-up", "▲"),
    "in_between": style.Look("Other European states (not NATO members that year)",
                             style.OKABE_ITO["bluish_green"], "circle", "●"),
    "other": style.Look("Countries outside Europe", "#D9D9D9", "circle-open", "○"),
}
PATTERNS = {"member": "", "russia": "x", "in_between": ".", "other": ""}
"""Fill patterns, so the map does not rely on colour alone."""
CENTRE_LAT = 52.0
FIRST_YEAR, LAST_YEAR = 1949, 2024


@lru_cache(maxsize=1)
def outlines() -> dict:
    """The shipped country outlines (GeoJSON), keyed by ISO-3 code."""
    path = DEFAULT_DATA_DIR / "geo" / "europe.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    return {f["id"]: f for f in collection["features"]}


def members_on(date: str | pd.Timestamp) -> pd.DataFrame:
    """The member states on a date (joined on or before it)."""
    members = load().memberships
    return members[members["joined"] <= pd.Timestamp(date)].sort_values(["joined", "country"])


def waves() -> pd.DataFrame:
    """One row per accession wave: date, countries, new total."""
    members = load().memberships.sort_values("joined")
    grouped = members.groupby("joined", as_index=False).agg(
        countries=("country", list), wave=("wave", "first"))
    grouped["total"] = grouped["countries"].str.len().cumsum()
    return grouped


def membership_spec() -> dict:
    """A step chart of the number of NATO members, each accession wave labelled."""
    wave_rows = waves()
    x = [d.strftime("%Y-%m-%d") for d in wave_rows["joined"]] + [f"{LAST_YEAR}-12-31"]
    y = list(wave_rows["total"]) + [int(wave_rows["total"].iloc[-1])]
    hover = [f"<b>{esc(format_date(r.joined))}</b><br>{len(r.countries)} joined: "
             f"{esc(', '.join(r.countries))}<br>Members: {r.total}" for r in wave_rows.itertuples()]
    annotations = [{
        "x": r.joined.strftime("%Y-%m-%d"), "y": r.total, "text": f"{r.wave}: +{len(r.countries)}",
        "showarrow": True, "arrowhead": 0, "ax": 0, "ay": -30 if i % 2 else -55, "font": {"size": 12},
    } for i, r in enumerate(wave_rows.itertuples())]
    return {
        "data": [{
            "type": "scatter", "mode": "lines+markers", "line": {"shape": "hv", "width": 3,
                                                                 "color": STATUSES["member"].colour},
            "marker": {"symbol": "square", "size": 9}, "x": x, "y": y, "name": "NATO members",
            "text": hover + [""], "hovertemplate": "%{text}<extra></extra>",
        }],
        "layout": {
            "title": {"text": "Number of NATO member states, 1949–2024"}, "font": style.FONT,
            "height": 430, "xaxis": {"type": "date", "title": {"text": "Year"}},
            "yaxis": {"title": {"text": "Member states"}, "rangemode": "tozero"},
            "annotations": annotations, "showlegend": False, "plot_bgcolor": "#FFFFFF",
            "margin": {"l": 70, "r": 20, "t": 70, "b": 50},
        },
    }


def describe_membership() -> str:
    """The step chart's text alternative."""
    wave_rows = waves()
    steps = "; ".join(f"{r.wave}: {', '.join(r.countries)} (total {r.total})"
                      for r in wave_rows.itertuples())
    return (f"NATO grew from {wave_rows['total'].iloc[0]} founding members in 1949 to "
            f"{wave_rows['total'].iloc[-1]} in {wave_rows['wave'].iloc[-1]}. Accessions by year: {steps}.")


def show_membership() -> None:
    """Display the step chart and its text alternative."""
    show_figure(membership_spec(), describe_membership())


def status_on(year: int) -> dict[str, str]:
    """Each outline's status at the end of a year: member, russia, in_between or other.

    "In between" is every European state that was not a NATO member that year (the
    countries listed in actors.csv, whatever their lane on the timeline): a state that
    joined later counts as in between until it joined. States outside Europe are "other".
    """
    members = set(members_on(f"{year}-12-31")["iso3"])
    european = set(load().actors.query("group in ['western', 'in_between', 'russian']")["code"])
    status = {}
    for code in outlines():
        if code in members:
            status[code] = "member"
        elif code == "RUS":
            status[code] = "russia"
        elif code in european:
            status[code] = "in_between"
        else:
            status[code] = "other"
    return status


def country_names() -> dict[str, str]:
    """The name to show for each outline: ours (actors.csv) where we have one, else Natural Earth's."""
    ours = load().indexed("actors", "code")["name"].to_dict()
    return {code: ours.get(code, f["properties"]["name"]) for code, f in outlines().items()}


def _project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular, squeezed at Europe's latitude so shapes look right."""
    return round(lon * math.cos(math.radians(CENTRE_LAT)), 3), lat


def _outline_xy(feature: dict) -> tuple[list, list]:
    xs, ys = [], []
    for polygon in feature["geometry"]["coordinates"]:
        for ring in polygon:
            for lon, lat in ring:
                x, y = _project(lon, lat)
                xs.append(x)
                ys.append(y)
            xs.append(None)
            ys.append(None)
    return xs, ys


def map_spec(year: int) -> dict:
    """Europe at the end of `year`: members, Russia, the countries in between, the rest."""
    status = status_on(year)
    names = country_names()
    joined = load().indexed("memberships", "iso3")["joined"].to_dict()
    traces = []
    for key, look in STATUSES.items():
        for code in sorted(c for c, s in status.items() if s == key):
            feature = outlines()[code]
            xs, ys = _outline_xy(feature)
            detail = look.label
            if code in joined and key == "member":
                detail += f" since {format_date(joined[code])}"
            traces.append({
                "type": "scatter", "mode": "lines", "fill": "toself", "x": xs, "y": ys,
                "fillcolor": look.colour,
                "fillpattern": {"shape": PATTERNS[key], "bgcolor": look.colour, "fgcolor": "#FFFFFF",
                                "fgopacity": 0.7, "size": 7},
                "line": {"color": "#FFFFFF", "width": 0.8}, "name": look.label, "legendgroup": key,
                "showlegend": False, "hoveron": "fills",
                "text": f"{esc(names[code])}: {esc(detail)}", "hoverinfo": "text",
            })
    for key, look in STATUSES.items():  # one legend entry per status, in a fixed order
        traces.append({"type": "scatter", "mode": "markers", "x": [None], "y": [None], "name": look.label,
                       "legendgroup": key, "marker": {"symbol": look.symbol, "size": 14,
                                                      "color": look.colour}})
    x0, _ = _project(-25, 0)
    x1, _ = _project(50, 0)
    return {
        "data": traces,
        "layout": {
            "title": {"text": f"NATO members and their neighbours at the end of {year}"},
            "font": style.FONT, "height": 560, "plot_bgcolor": "#EAF2F8",
            "xaxis": {"range": [x0, x1], "visible": False},
            "yaxis": {"range": [34, 71], "visible": False, "scaleanchor": "x", "scaleratio": 1.0},
            "legend": {"orientation": "h", "y": -0.02}, "margin": {"l": 10, "r": 10, "t": 60, "b": 10},
            "annotations": [{"text": "Outlines show today's borders (Natural Earth, public domain).",
                             "xref": "paper", "yref": "paper", "x": 0, "y": 1.0, "showarrow": False,
                             "font": {"size": 11}, "xanchor": "left"}],
        },
    }


def describe_map(year: int) -> str:
    """The map's text alternative: who was a member, and who was in between, that year."""
    status = status_on(year)
    names = country_names()
    members = sorted(names[c] for c, s in status.items() if s == "member")
    between = sorted(names[c] for c, s in status.items() if s == "in_between")
    return (f"At the end of {year}, {len(members_on(f'{year}-12-31'))} states were NATO members "
            f"(on this map: {', '.join(members) or 'none'}). Other European states, not members that "
            f"year: {', '.join(between) or 'none'}. Russia is shown separately.")


def events_in(year: int) -> pd.DataFrame:
    """The timeline's events of one year."""
    events = load().events
    return events[events["date"].dt.year == year].sort_values("date")


class MembershipMap(WidgetView):
    """A year slider, the map for that year, and that year's events beside it."""

    def __init__(self, year: int = LAST_YEAR):
        self.year = w.IntSlider(value=year, min=FIRST_YEAR, max=LAST_YEAR, step=1, description="Year",
                                continuous_update=False, layout=parts.layout(width="60%"))
        self.chart = w.Output(layout=parts.layout(flex="2 1 520px"))
        self.events = parts.html(flex="1 1 280px")
        self.summary = parts.html()
        self.spec: dict = {}
        self.year.observe(self.refresh, names="value")
        self.widget = parts.vbox([self.year, self.summary,
                                  parts.hbox([self.chart, self.events], flex_flow="row wrap")])
        self.refresh()

    def static_html(self) -> str:
        return self.summary.value + self.events.value

    def refresh(self, _change=None) -> None:
        year = self.year.value
        self.spec = map_spec(year)
        self.summary.value = f"<p>{esc(describe_map(year))}</p>"
        rows = events_in(year)
        items = "".join(f"<li><strong>{esc(format_span(r.date, r.end_date, r.date_precision))}</strong>: "
                        f"{esc(r.title)}</li>" for r in rows.itertuples())
        self.events.value = (f"<h4>Events in {year}</h4><ul>{items}</ul>" if items
                             else f"<h4>Events in {year}</h4><p>No events in the timeline for {year}.</p>")
        self.chart.clear_output(wait=True)
        with self.chart:
            display(figure_bundle(self.spec, describe_map(year)), raw=True)


def membership_map(year: int = LAST_YEAR) -> MembershipMap:
    """The map of Europe with a year slider (opens on `year`)."""
    return MembershipMap(year)
