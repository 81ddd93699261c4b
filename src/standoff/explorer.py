"""The timeline explorer: filters, a result count, the chart, and an event's details.

Every control feeds one `refresh()`, so the chart, the count and the list of
events can never disagree. Choosing an event from the list fills the detail
panel with its date, summary and sources as links. (Clicking a marker would need
plotly's FigureWidget, whose saved state costs megabytes per notebook; the list
does the same job with a keyboard too.)
"""

from __future__ import annotations

import ipywidgets as w
import pandas as pd
from IPython.display import display

from . import parts, style
from .cards import sources_list_html
from .data import load
from .dates import format_span
from .render import WidgetView, figure_bundle
from .text import esc
from .timeline import describe, era_view, table_html, timeline_spec

ALL = ""
LIST_LIMIT = 300
"""The event list shows at most this many events; the chart always shows them all."""


def event_detail_html(event: pd.Series, sources: pd.DataFrame) -> str:
    """The detail panel for one event: date, title, summary and its sources."""
    when = format_span(event["date"], event["end_date"], event["date_precision"])
    look = style.category(event["category"])
    return (
        f"<div class='standoff-detail'><p><strong>{esc(when)}</strong> · "
        f"{esc(look.icon)} {esc(look.label)}</p>"
        f"<h4>{esc(event['title'])}</h4><p>{esc(event['summary'])}</p>"
        f"<p><em>Sources:</em></p>{sources_list_html(event['source_ids'], sources)}</div>"
    )


class TimelineExplorer(WidgetView):
    """Filter the events, see them on the timeline, and read any one in full."""

    def __init__(self, events: pd.DataFrame | None = None, era: str = ALL):
        tables = load()
        self.events = (tables.events if events is None else events).sort_values("date")
        self.sources = tables.indexed("sources")
        actor_names = tables.indexed("actors", "code")["name"].to_dict()
        used = sorted({a for actors in self.events["actors"] for a in actors})
        self.era = w.Dropdown(
            description="Era",
            options=[("All eras", ALL)] + [(e.label, e.id) for e in tables.eras.itertuples()],
            value=era,
        )
        self.category = w.Dropdown(
            description="Kind",
            options=[("All kinds", ALL)]
            + [(style.category(c).label, c) for c in style.CATEGORIES if c in set(self.events["category"])],
        )
        self.actor = w.Dropdown(
            description="Actor",
            options=[("All actors", ALL)] + sorted((f"{actor_names.get(a, a)} ({a})", a) for a in used),
        )
        self.search = w.Text(description="Words", placeholder="e.g. Minsk — then press Enter",
                             continuous_update=False)
        self.count = parts.html()
        self.choice = w.Select(description="Events", rows=8, layout=parts.layout(width="95%"),
                               style=parts.style(w.Select))
        self.detail = parts.html("<p>Choose an event in the list to read about it.</p>", rich=True)
        self.chart = w.Output()
        self.filtered = self.events
        self.spec: dict = {}
        for control in (self.era, self.category, self.actor, self.search):
            control.observe(self.refresh, names="value")
        self.choice.observe(self._show_detail, names="value")
        filters = parts.hbox([self.era, self.category, self.actor, self.search], flex_flow="row wrap")
        self.widget = parts.vbox([filters, self.count, self.chart,
                                  parts.hbox([self.choice, self.detail], flex_flow="row wrap")])
        self.refresh()

    def static_html(self) -> str:
        return f"<p>{esc(describe(self.filtered))}</p>{table_html(self.filtered)}"

    def matching(self) -> pd.DataFrame:
        """The events that pass every filter."""
        events = self.events
        if self.era.value:
            events = events[events["era"] == self.era.value]
        if self.category.value:
            events = events[events["category"] == self.category.value]
        if self.actor.value:
            events = events[[self.actor.value in a for a in events["actors"]]]
        words = self.search.value.strip().lower()
        if words:
            text = (events["title"] + " " + events["summary"]).str.lower()
            events = events[text.str.contains(words, regex=False)]
        return events

    def refresh(self, _change=None) -> None:
        """Apply the filters and redraw the count, the list and the chart together."""
        self.filtered = self.matching()
        n, total = len(self.filtered), len(self.events)
        self.count.value = f"<p><strong>{n}</strong> of {total} events match.</p>"
        listed = self.filtered.head(LIST_LIMIT)
        self.choice.options = [
            (f"{format_span(r.date, None, r.date_precision)} · {r.title}", r.id) for r in listed.itertuples()
        ]
        if n > LIST_LIMIT:
            self.count.value += (f"<p>The list shows the first {LIST_LIMIT}; narrow the filters to see "
                                 "the others.</p>")
        self.choice.value = None
        self._draw(era_view(self.era.value) if self.era.value else None)

    def _draw(self, date_range=None) -> None:
        self.spec = timeline_spec(self.filtered, date_range=date_range, title="Events matching your filters")
        self.chart.clear_output(wait=True)
        with self.chart:
            display(figure_bundle(self.spec, describe(self.filtered)), raw=True)

    def select(self, event_id: str | None) -> None:
        """Choose an event, as a student does from the list (or any event, if the list is cut short)."""
        if event_id is None or event_id in {value for _, value in self.choice.options}:
            self.choice.value = event_id
        else:
            self._show_detail({"new": event_id})

    def _show_detail(self, change) -> None:
        event_id = change["new"]
        if not event_id:
            self.detail.value = "<p>Choose an event in the list to read about it.</p>"
            return
        event = self.events.set_index("id").loc[event_id]
        self.detail.value = event_detail_html(event, self.sources)
