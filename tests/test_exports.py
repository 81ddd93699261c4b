"""Exports a teacher hands on: the TimelineJS file and the class links."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlparse

import pytest

from standoff import data, links, timelinejs
from standoff.__main__ import main as cli

from conftest import rewrite


def validate_timelinejs(doc: dict) -> None:
    """The fields TimelineJS requires: events with a start year; eras with both ends; text objects."""
    assert isinstance(doc["events"], list) and doc["events"]
    for slide in doc["events"]:
        assert isinstance(slide["start_date"]["year"], int)
        assert set(slide["start_date"]) <= {"year", "month", "day", "display_date"}
        assert slide["text"]["headline"] or slide["text"]["text"]
        if "media" in slide:
            assert slide["media"]["url"].startswith(("http://", "https://"))
    for era in doc.get("eras", []):
        assert isinstance(era["start_date"]["year"], int) and isinstance(era["end_date"]["year"], int)
        assert era["text"]["headline"]


def test_export_is_valid_timelinejs_with_every_event(tmp_path):
    path = timelinejs.export(tmp_path / "timeline.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    validate_timelinejs(doc)
    assert {s["unique_id"] for s in doc["events"]} == set(data.load().events["id"])
    assert len(doc["eras"]) == len(data.load().eras)


def test_month_precision_gets_a_display_date_and_no_day():
    doc = timelinejs.timeline_json()
    buildup = next(s for s in doc["events"] if s["unique_id"] == "russian-buildup-spring-2021")
    assert buildup["start_date"] == {"year": 2021, "month": 3, "display_date": "March 2021"}
    assert "end_date" in buildup


def test_slides_credit_their_source_and_escape_text(data_copy):
    rewrite(data_copy / "events.csv", "NATO Bucharest summit agrees Ukraine and Georgia will join NATO",
            "<b onmouseover=x>Bucharest</b>")
    data._load.cache_clear()
    slide = next(s for s in timelinejs.timeline_json()["events"] if s["unique_id"] == "bucharest-summit")
    assert slide["text"]["headline"] == "&lt;b onmouseover=x&gt;Bucharest&lt;/b&gt;"
    assert slide["media"]["credit"] == "NATO (primary document)"
    assert "Sources: <a href=" in slide["text"]["text"]


def test_cli_writes_the_file(tmp_path, capsys):
    out = tmp_path / "class" / "timeline.json"
    assert cli(["export-timelinejs", str(out)]) == 0
    validate_timelinejs(json.loads(out.read_text(encoding="utf-8")))


def test_hub_link_is_an_nbgitpuller_link(capsys):
    assert cli(["hub-link", "https://hub.school.example/", "--notebook", "03_2014.ipynb"]) == 0
    url = urlparse(capsys.readouterr().out.strip())
    assert url.netloc == "hub.school.example" and url.path == "/hub/user-redirect/git-pull"
    query = parse_qs(url.query)
    assert query["repo"] == [links.REPO_URL]
    assert query["urlpath"] == [f"lab/tree/{links.REPO_NAME}/notebooks/03_2014.ipynb"]
    assert query["branch"] == ["main"]
    with pytest.raises(ValueError, match="https://"):
        links.hub_link("hub.school.example")


def test_binder_url_opens_a_lesson_at_a_fixed_version():
    url = links.binder_url("02_2008.ipynb", ref="v1.0")
    assert url.startswith("https://mybinder.org/v2/gh/indivisible-security/standoff-notebooks/v1.0?")
    assert url.endswith("urlpath=lab/tree/notebooks/02_2008.ipynb")
