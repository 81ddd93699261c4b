"""Small building blocks for lesson notebooks: the record, a quotation, the sources.

A lesson's narrative never types a date or a quote itself: it asks for the
event or the quotation by id, and these helpers show it from `data/` with its
source one click away.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML

from . import style
from .cards import source_html
from .data import load
from .dates import format_partial_date, format_span
from .text import esc

KIND_HEADINGS = {
    "primary_document": "Primary documents", "official_statement": "Official statements",
    "scholarship": "Scholarship", "news": "News reports", "opinion": "Opinion",
}
"""Source kinds in the order a lesson lists them, primary documents first."""

BOX = ("border:1px solid #BBBBBB;border-radius:6px;padding:0.6em 0.9em;margin:0.5em 0;"
       "background:#FAFAFA")


def _source_link(source_id: str) -> str:
    return source_html(source_id, load().indexed("sources"))


def _lookup(table: str, key: str, ids: tuple[str, ...], what: str) -> pd.DataFrame:
    indexed = load().indexed(table, key)
    missing = [i for i in ids if i not in indexed.index]
    if missing:
        raise KeyError(f"no {what} with id {', '.join(map(repr, missing))} in data/")
    return indexed.loc[list(ids)].reset_index()


def events_html(*event_ids: str) -> str:
    """The events, in date order, with their dates, summaries and sources."""
    rows = _lookup("events", "id", event_ids, "event").sort_values("date")
    items = []
    for r in rows.itertuples():
        when = format_span(r.date, r.end_date, r.date_precision)
        sources = "; ".join(_source_link(s) for s in r.source_ids)
        notes = ""
        if r.note:
            notes = f"<details><summary>Notes on the sources</summary><small>{esc(r.note)}</small></details>"
        items.append(f"<li><strong>{esc(when)}</strong> — <strong>{esc(r.title)}</strong>. "
                     f"{esc(r.summary)}<br><small>Source: {sources}</small>{notes}</li>")
    return f"<div style='{BOX}'><p><em>From the record</em></p><ul>{''.join(items)}</ul></div>"


def events(*event_ids: str) -> HTML:
    """Show some events from the timeline as a short, sourced reading."""
    return HTML(events_html(*event_ids))


def quote_html(framing_id: str) -> str:
    """One quotation as a primary-source excerpt: who, when, in what role, and where."""
    q = _lookup("framings", "id", (framing_id,), "quotation").iloc[0]
    look = style.perspective(q["perspective"])
    translated = ""
    if q["translated"] == "yes":
        translated = f"<br><small>Translated: {esc(q['note'])}</small>"
    return (
        f"<blockquote style='{BOX};border-left:6px solid {look.colour}'>"
        f"<p><span aria-hidden='true'>{esc(look.icon)}</span> <strong>{esc(look.label)}</strong></p>"
        f"<p>“{esc(q['quote'])}”</p>"
        f"<footer>— {esc(q['speaker'])}, {esc(q['role'])}, {esc(format_partial_date(q['date']))}. "
        f"{_source_link(q['source_id'])}, {esc(q['locator'])}.{translated}</footer></blockquote>"
    )


def quote(framing_id: str) -> HTML:
    """Show one quotation from `framings.csv`, attributed and linked."""
    return HTML(quote_html(framing_id))


def glossary(*terms: str) -> HTML:
    """Show glossary entries for some terms, with their sources."""
    rows = _lookup("glossary", "term", terms, "glossary term")
    items = "".join(
        f"<dt><strong>{esc(r.term)}</strong></dt><dd>{esc(r.definition)} "
        f"<small>({'; '.join(_source_link(s) for s in r.source_ids)})</small></dd>"
        for r in rows.itertuples())
    return HTML(f"<dl style='{BOX}'>{items}</dl>")


def lesson_source_ids(notebook_id: str) -> list[str]:
    """Every source a lesson shows: its era's events, its topics' quotes, its quiz."""
    tables = load()
    era_ids = tables.eras.loc[tables.eras["notebook"] == f"{notebook_id}.ipynb", "id"]
    ids: list[str] = []
    for source_ids in tables.events.loc[tables.events["era"].isin(era_ids), "source_ids"]:
        ids += source_ids
    for source_ids in tables.quiz.loc[tables.quiz["notebook"] == notebook_id, "source_ids"]:
        ids += source_ids
    return list(dict.fromkeys(ids))


def sources(notebook_id: str, *extra_topics: str) -> HTML:
    """The lesson's sources, grouped by kind, primary documents first."""
    tables = load()
    ids = lesson_source_ids(notebook_id)
    for topic in extra_topics:
        ids += list(tables.framings.loc[tables.framings["topic_id"] == topic, "source_id"])
    ids = list(dict.fromkeys(ids))
    found = tables.indexed("sources").loc[[i for i in ids if i in set(tables.sources["id"])]]
    parts = []
    for kind, heading in KIND_HEADINGS.items():
        group = found[found["kind"] == kind].sort_values("title")
        if group.empty:
            continue
        items = "".join(f"<li>{_source_link(sid)}{_read_in(row['note'])}</li>"
                        for sid, row in group.iterrows())
        parts.append(f"<h4>{heading}</h4><ul>{items}</ul>")
    return HTML(f"<details><summary>Show all {len(found)} sources for this lesson</summary>"
                f"{''.join(parts)}</details>")


def _read_in(note: str) -> str:
    return f"<br><small>{esc(note)}</small>" if note else ""
