"""Hostile, broken and odd-but-valid data: reported clearly, never rendered as markup, never a crash."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re
from contextlib import redirect_stdout

import ipywidgets as w
import pytest
from hypothesis import given
from hypothesis import strategies as st

from standoff import claims, data, framing, journal, maps, quiz
from standoff.dates import format_date, format_partial_date
from standoff.explorer import TimelineExplorer
from standoff.schema import read_schema
from standoff.text import esc, link

from conftest import rewrite

PAYLOAD = '<img src=x onerror="alert(1)">'
SHORT_PAYLOAD = "<b onclick=x>"  # for columns with a character limit
RTL = "مرحبا بالعالم — שלום עולם"
CYRILLIC = "Совет Россия–НАТО; Київ"


def table_rows(path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames), list(reader)


def write_rows(path, fields, rows, newline="\n", bom=False):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator=newline)
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(("\ufeff" if bom else "") + buffer.getvalue(), encoding="utf-8", newline="")


def free_text_fields(folder) -> dict[str, list[str]]:
    """For each table, the columns that hold free text (no enum, pattern, list or type rule)."""
    found = {}
    for name, table in read_schema(folder).items():
        found[name] = [f.name for f in table.fields if f.type == "string" and not f.enum
                       and not f.pattern and not f.separator and not f.unique
                       and f.name not in {fk[0] for fk in table.foreign_keys}]
    return found


def everything_shown() -> str:
    """Every piece of HTML the widgets and static views produce for the current data."""
    shown = []
    with redirect_stdout(io.StringIO()):
        views = [TimelineExplorer(), framing.compare(), framing.guess(seed=1), framing.lexicon(),
                 claims.checker(), maps.membership_map(2004)]
        tables = data.load()
        views += [framing.close_reading(t) for t in tables.key_texts["text_id"].unique()]
        views += [quiz.ask(n) for n in tables.quiz["notebook"].unique()]
        views += [journal.prompt(p) for p in tables.reflections["id"]]
        views[0].select(tables.events["id"].iloc[0])
    for view in views:
        shown.append(view._repr_mimebundle_()["text/html"] if hasattr(view, "_repr_mimebundle_") else "")
        stack = [view.widget]
        while stack:
            widget = stack.pop()
            if isinstance(widget, w.HTML | w.HTMLMath | w.Label):
                shown.append(widget.value)
            stack += list(getattr(widget, "children", ()))
    shown.append(str(views[0].spec))
    shown.append(claims.summary_html())
    shown += [framing.compare_table(t) for t in tables.topics["id"]]
    return "\n".join(shown)


def test_markup_in_every_free_text_column_is_shown_as_text(data_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("STANDOFF_WORK_DIR", str(tmp_path / "work"))
    for name, columns in free_text_fields(data_copy).items():
        path = data_copy / f"{name}.csv"
        fields, rows = table_rows(path)
        for row in rows:
            for column in columns:
                if row.get(column):
                    row[column] = SHORT_PAYLOAD if column == "short_label" else f"{PAYLOAD}{column}"
            if name == "quiz":
                row["answer"] = row["choices"].split("|")[0]
        write_rows(path, fields, rows)
    problems, _ = data.check()
    assert problems == [], problems[:5]
    data._load.cache_clear()
    shown = everything_shown()
    assert "onerror=" in html.unescape(shown), "the payload never reached a widget"
    assert PAYLOAD not in shown and "<img" not in shown and SHORT_PAYLOAD not in shown


def test_right_to_left_and_cyrillic_text_survive_intact(data_copy):
    rewrite(data_copy / "events.csv", "NATO Bucharest summit agrees Ukraine and Georgia will join NATO",
            f"{RTL} {CYRILLIC}")
    data._load.cache_clear()
    with redirect_stdout(io.StringIO()):
        explorer = TimelineExplorer()
        explorer.select("bucharest-summit")
    assert RTL in explorer.detail.value and CYRILLIC in explorer.detail.value


def test_bom_and_windows_line_endings_are_accepted(data_copy):
    fields, rows = table_rows(data_copy / "events.csv")
    write_rows(data_copy / "events.csv", fields, rows, newline="\r\n", bom=True)
    problems, read = data.check()
    assert problems == []
    assert read["events"][0]["id"] == rows[0]["id"]


def test_long_texts_are_reported_where_limited_and_harmless_elsewhere(data_copy):
    long_text = " ".join(["word"] * 5000)
    fields, rows = table_rows(data_copy / "events.csv")
    rows[0]["summary"] = long_text
    rows[1]["note"] = long_text
    write_rows(data_copy / "events.csv", fields, rows)
    problems = [str(p) for p in data.check()[0]]
    assert len(problems) == 1, problems
    assert problems[0].startswith("events.csv, row 2, column 'summary': found 'word word")
    assert problems[0].endswith("...' — expected at most 60 words (it has 5000)")
    rows[0]["summary"] = "short"
    write_rows(data_copy / "events.csv", fields, rows)
    data._load.cache_clear()
    with redirect_stdout(io.StringIO()):
        TimelineExplorer().select(rows[1]["id"])


@pytest.mark.parametrize("breakage, expected", [
    (lambda d: (d / "topics.csv").write_text("", encoding="utf-8"),
     "topics.csv: a header row and data rows; the file is empty"),
    (lambda d: rewrite(d / "framings.csv", "topic_id,", "subject,"),
     "framings.csv, row 1, column 'topic_id': this column in the header row; it is missing"),
    (lambda d: rewrite(d / "memberships.csv", "2023-04-04", "2023-02-29"),
     "column 'joined': found '2023-02-29' — expected a real date"),
    (lambda d: rewrite(d / "topics.csv", "bucharest-summit", "bucharest-sumit"),
     "column 'event_ids': found 'bucharest-sumit' — expected an existing 'id' in events.csv"),
    (lambda d: (d / "claims.csv").write_bytes(b"\xff\xfe" + (d / "claims.csv").read_bytes()),
     "claims.csv, row 1: text encoded as UTF-8"),
])
def test_broken_files_are_reported_in_plain_words(data_copy, breakage, expected):
    breakage(data_copy)
    problems = [str(p) for p in data.check()[0]]
    assert any(expected in p for p in problems), problems[:5]


@given(st.text())
def test_escaping_round_trips_and_leaves_no_markup(text):
    escaped = esc(text)
    assert html.unescape(escaped) == text
    assert not re.search(r"[<>\"']", escaped)


@given(st.text(), st.text())
def test_links_are_only_ever_http(url, label):
    made = link(url, label)
    if "href=" in made:
        assert re.match(r'<a href="https?://', made, re.I)
    else:
        assert made == esc(label)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
       st.sampled_from(["day", "month", "year"]))
def test_dates_never_claim_more_precision_than_known(date, precision):
    shown = format_date(date, precision)
    patterns = {"day": r"\d{1,2} [A-Z][a-z]+ \d{4}", "month": r"[A-Z][a-z]+ \d{4}", "year": r"\d{4}"}
    assert re.fullmatch(patterns[precision], shown)
    assert str(date.year) in shown


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_partial_dates_show_what_is_written(date):
    assert format_partial_date(f"{date.year}") == f"{date.year}"
    assert format_partial_date(f"{date:%Y-%m}") == f"{date:%B} {date.year}"
    assert format_partial_date(date.isoformat()) == format_date(date)
