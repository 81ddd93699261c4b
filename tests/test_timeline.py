"""The timeline figure and the explorer, driven as a student drives them."""

from __future__ import annotations

import pandas as pd
import pytest

from standoff import data, style, timeline
from standoff.dates import format_date, format_span
from standoff.explorer import TimelineExplorer

from conftest import rewrite


def plotted_ids(spec: dict) -> set[str]:
    """The event ids drawn as markers in a figure spec."""
    return {i for trace in spec["data"] for i in trace.get("customdata", [])}


@pytest.mark.parametrize("value, precision, shown", [
    ("2021-04-01", "month", "April 2021"),
    ("1994-01-01", "year", "1994"),
    ("2022-02-24", "day", "24 February 2022"),
    (pd.Timestamp("2008-04-03"), "day", "3 April 2008"),
    (None, "day", ""),
])
def test_dates_are_shown_as_precisely_as_known(value, precision, shown):
    assert format_date(value, precision) == shown


def test_spans_show_both_ends():
    assert format_span("2004-11-22", "2005-01-23") == "22 November 2004 – 23 January 2005"
    assert format_span("2014-09-04", None) == "4 September 2014"


def test_every_category_and_group_has_colour_symbol_and_label():
    categories = set(data.load().events["category"])
    assert categories <= set(style.CATEGORIES)
    for look in [*style.CATEGORIES.values(), *style.ACTOR_GROUPS.values(), *style.PERSPECTIVES.values()]:
        assert look.label and look.colour.startswith("#") and look.symbol and look.icon
    symbols = [look.symbol for look in style.CATEGORIES.values()]
    assert len(set(symbols)) == len(symbols), "two categories share a marker symbol"


def test_figure_plots_every_event_in_its_lane_with_era_bands():
    spec = timeline.timeline_spec()
    events = data.load().events
    assert plotted_ids(spec) == set(events["id"])
    era_bands = [s for s in spec["layout"]["shapes"] if s["name"].startswith("era:")]
    assert len(era_bands) == len(data.load().eras)
    assert spec["layout"]["xaxis"]["rangeslider"]["visible"] is True
    lanes = spec["layout"]["yaxis"]["categoryarray"]
    assert "Enlargement" in lanes and "Treaty" in lanes


def test_hover_honours_date_precision_and_spans_are_drawn():
    spec = timeline.timeline_spec()
    hovers = {i: t for trace in spec["data"] for i, t in zip(trace.get("customdata", []),
                                                          trace.get("text", []), strict=True)}
    assert hovers["russian-buildup-spring-2021"].startswith("<b>March 2021 – April 2021</b>")
    assert "<b>24 February 2022</b>" in hovers["full-scale-invasion"]
    spans = [t["name"] for t in spec["data"] if t["name"].startswith("span:")]
    assert "span:orange-revolution" in spans


def test_lanes_by_actor_group():
    spec = timeline.timeline_spec(lanes="actor_group")
    labels = {t["name"] for t in spec["data"] if t.get("mode") == "markers"}
    assert {"NATO & Western governments", "Russia, USSR & allies", "Countries in between"} <= labels
    with pytest.raises(ValueError, match="lanes must be"):
        timeline.timeline_spec(lanes="colour")


def test_focus_zooms_to_an_era():
    fig = timeline.focus("era_2014")
    start, end = fig.layout.xaxis.range
    assert "2013-09-01" < start < "2013-11-21" and "2020-12-31" < end < "2021-03-01"
    with pytest.raises(ValueError, match="unknown era"):
        timeline.era_range("no_such_era")


def test_text_alternative_and_table():
    events = data.load().events
    text = timeline.describe(events)
    assert f"{len(events)} events from 1975 to 2024" in text
    table = timeline.table_html(events.head(3))
    assert table.count("<tr>") == 4 and "<caption>" in table


def test_explorer_filters_update_chart_count_and_list_together():
    explorer = TimelineExplorer()
    total = len(explorer.events)
    assert f"<strong>{total}</strong> of {total}" in explorer.count.value

    explorer.era.value = "era_2008"
    in_era = set(data.load().events.query("era == 'era_2008'")["id"])
    assert plotted_ids(explorer.spec) == in_era
    assert f"<strong>{len(in_era)}</strong> of {total}" in explorer.count.value
    assert {value for _, value in explorer.choice.options} == in_era
    start, end = explorer.spec["layout"]["xaxis"]["range"]
    assert start < "2008-01-01" and end > "2013-11-20"

    explorer.category.value = "war"
    explorer.actor.value = "GEO"
    assert plotted_ids(explorer.spec) == {"russo-georgian-war-begins", "tagliavini-report-published"}

    explorer.era.value = ""
    explorer.category.value = ""
    explorer.actor.value = ""
    explorer.search.value = "Minsk"
    assert {"minsk-protocol", "minsk-ii"} <= plotted_ids(explorer.spec)
    assert all("minsk" in (r.title + r.summary).lower() for r in explorer.filtered.itertuples())


def test_explorer_with_no_match_says_so():
    explorer = TimelineExplorer()
    explorer.search.value = "no event has this phrase"
    assert "<strong>0</strong>" in explorer.count.value
    assert explorer.choice.options == ()
    assert plotted_ids(explorer.spec) == set()


def test_selecting_an_event_shows_details_and_source_links():
    explorer = TimelineExplorer()
    explorer.select("bucharest-summit")
    detail = explorer.detail.value
    assert "3 April 2008" in detail and "Bucharest" in detail
    assert 'href="https://www.nato.int/cps/en/natohq/official_texts_8443.htm"' in detail
    assert "Bucharest Summit Declaration</a> — NATO (primary document)" in detail
    explorer.select(None)
    assert "Choose an event" in explorer.detail.value


def test_hostile_text_is_escaped_everywhere(data_copy):
    rewrite(data_copy / "events.csv", "NATO Bucharest summit agrees Ukraine and Georgia will join NATO",
            "<script>alert('x')</script>")
    rewrite(data_copy / "sources.csv", "https://www.nato.int/cps/en/natohq/official_texts_8443.htm",
            "https://example.org/\"onmouseover=alert(1)")
    problems, _ = data.check()
    assert any("'url'" in str(p) for p in problems), "a URL with a quote must be refused by check-data"
    rewrite(data_copy / "sources.csv", "https://example.org/\"onmouseover=alert(1)",
            "https://example.org/x")
    rewrite(data_copy / "sources.csv", "Bucharest Summit Declaration,", "<img src=x onerror=alert(1)>,")
    data._load.cache_clear()
    explorer = TimelineExplorer()
    explorer.select("bucharest-summit")
    spec_text = str(explorer.spec)
    assert "<script>" not in spec_text and "&lt;script&gt;" in spec_text
    assert "<img" not in explorer.detail.value and "&lt;img src=x" in explorer.detail.value
    assert "<script>" not in timeline.table_html()


def test_a_long_list_is_cut_short_but_every_event_can_be_read(monkeypatch):
    from standoff import explorer as explorer_module

    monkeypatch.setattr(explorer_module, "LIST_LIMIT", 5)
    explorer = TimelineExplorer()
    assert len(explorer.choice.options) == 5
    assert "first 5" in explorer.count.value
    assert plotted_ids(explorer.spec) == set(data.load().events["id"]), "the chart still shows them all"
    explorer.select("sweden-joins-nato")
    assert "7 March 2024" in explorer.detail.value


def test_thousands_of_events_switch_to_webgl_without_losing_any(monkeypatch):
    monkeypatch.setattr(timeline, "MAX_DETAILED_POINTS", 10)
    spec = timeline.timeline_spec()
    markers = [t for t in spec["data"] if t.get("mode") == "markers"]
    assert {t["type"] for t in markers} == {"scattergl"} and all(t["text"] == [] for t in markers)
    assert plotted_ids(spec) == set(data.load().events["id"])
    assert any(t["name"] == "span:orange-revolution" for t in spec["data"])
