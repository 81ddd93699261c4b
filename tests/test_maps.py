"""NATO membership views: the step chart, the offline map, and its year slider."""

from __future__ import annotations

import json

from standoff import maps

WAVES = [1949, 1952, 1955, 1982, 1999, 2004, 2009, 2017, 2020, 2023, 2024]


def test_waves_and_totals_come_from_the_data():
    waves = maps.waves()
    assert list(waves["wave"]) == WAVES
    assert list(waves["total"]) == [12, 14, 15, 16, 19, 26, 28, 29, 30, 31, 32]


def test_step_chart_labels_every_wave():
    spec = maps.membership_spec()
    labels = [a["text"] for a in spec["layout"]["annotations"]]
    assert labels[0] == "1949: +12" and labels[-1] == "2024: +1" and len(labels) == len(WAVES)
    assert spec["data"][0]["line"]["shape"] == "hv"
    assert spec["data"][0]["y"][-1] == 32
    assert "to 32 in 2024" in maps.describe_membership()


def test_status_follows_accession_dates():
    assert maps.status_on(2022)["FIN"] == "in_between"
    assert maps.status_on(2023)["FIN"] == "member"
    assert maps.status_on(2023)["SWE"] == "in_between"
    assert maps.status_on(2024)["SWE"] == "member"
    assert maps.status_on(1998)["POL"] == "in_between" and maps.status_on(1999)["POL"] == "member"
    assert maps.status_on(2024)["RUS"] == "russia"
    assert maps.status_on(2024)["UKR"] == "in_between"
    assert maps.status_on(1998)["CZE"] == "in_between", "a state that joined later is in between before"
    assert maps.status_on(2024)["KAZ"] == "other" and maps.status_on(2024)["SYR"] == "other"
    assert "Türkiye" in maps.describe_map(1952)


def test_map_carries_its_own_geometry_and_no_geo_subsystem():
    spec = maps.map_spec(2004)
    text = json.dumps(spec)
    assert "topojson" not in text and "locationmode" not in text and "geo" not in spec["layout"]
    outlines = [t for t in spec["data"] if t.get("fill") == "toself"]
    assert len(outlines) == len(maps.outlines())
    assert all(len(t["x"]) > 4 for t in outlines)
    legend = [t["name"] for t in spec["data"] if t.get("mode") == "markers"]
    assert legend == [look.label for look in maps.STATUSES.values()]


def test_shipped_outlines_are_small_and_cover_the_region():
    outlines = maps.outlines()
    assert {"RUS", "UKR", "POL", "FIN", "SWE", "GEO", "MDA", "FRA", "NOR", "XKX"} <= set(outlines)
    path = maps.DEFAULT_DATA_DIR / "geo" / "europe.geojson"
    assert path.stat().st_size < 200_000


def test_year_slider_redraws_map_and_lists_that_years_events():
    view = maps.membership_map(2024)
    assert view.spec["layout"]["title"]["text"].endswith("2024")
    view.year.value = 1999
    assert view.spec["layout"]["title"]["text"].endswith("1999")
    assert "Czech Republic, Hungary and Poland join NATO" in view.events.value
    assert "19 states were NATO members" in view.summary.value
    view.year.value = 1951
    assert "No events in the timeline for 1951" in view.events.value
