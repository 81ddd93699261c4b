"""How a quote, its source and the events around it are written out as HTML.

The comparison cards, the blind-source game's reveal and the static table all
show a quote the same way, so a student learns one layout. Every piece of data
goes through `esc` or `link`; a perspective is always named in words and with
its icon, never shown by colour alone.
"""

from __future__ import annotations

import re

import pandas as pd

from . import style
from .dates import format_partial_date, format_span
from .text import esc, link

LANGUAGES = {
    "cs": "Czech", "de": "German", "en": "English", "et": "Estonian", "fi": "Finnish",
    "fr": "French", "hu": "Hungarian", "ka": "Georgian", "lt": "Lithuanian", "lv": "Latvian",
    "pl": "Polish", "ro": "Romanian", "ru": "Russian", "sv": "Swedish", "uk": "Ukrainian",
}


ORDER = list(style.PERSPECTIVES)
"""Perspectives are always listed in this order: western, russian, in_between, analysts, article."""


def perspective_rank(key: str) -> int:
    """A perspective's place in ORDER (unknown perspectives go last)."""
    return ORDER.index(key) if key in ORDER else len(ORDER)


CELL = "style='text-align:left;vertical-align:top'"
"""Table cells hold prose: JupyterLab right-aligns cells (made for numbers) unless told otherwise."""


def language_name(code: str) -> str:
    """'ru' -> 'Russian'; an unlisted code is shown as it is."""
    return LANGUAGES.get(code, code)


def badge(key: str) -> str:
    """A perspective's icon (in its colour) and its label (in text colour, for contrast)."""
    look = style.perspective(key)
    return (
        f"<span class='standoff-perspective'><span style='color:{esc(look.colour)}' aria-hidden='true'>"
        f"{esc(look.icon)}</span> <strong>{esc(look.label)}</strong></span>"
    )


def source_html(source_id: str, sources: pd.DataFrame, locator: str = "") -> str:
    """'<title as link> — publisher (kind), locator'; `sources` is indexed by id."""
    if source_id not in sources.index:
        return f"source {esc(source_id)} (not in sources.csv)"
    s = sources.loc[source_id]
    where = f", {esc(locator)}" if locator else ""
    kind = str(s["kind"]).replace("_", " ")
    return f"{link(s['url'], s['title'])} — {esc(s['publisher'])} ({esc(kind)}){where}"


def sources_html(source_ids: list[str], sources: pd.DataFrame) -> str:
    """Several sources, separated by semicolons."""
    return "; ".join(source_html(sid, sources) for sid in source_ids)


def sources_list_html(source_ids: list[str], sources: pd.DataFrame) -> str:
    """Several sources as a bulleted list (ids the table does not hold are left out)."""
    items = "".join(f"<li>{source_html(sid, sources)}</li>" for sid in source_ids if sid in sources.index)
    return f"<ul>{items}</ul>" if items else "<p>No source listed.</p>"


def speaker_html(row) -> str:
    """Who said it, in what role, and when, as precisely as the date is known."""
    return (
        f"<p><strong>{esc(row['speaker'])}</strong><br>{esc(row['role'])}<br>"
        f"{esc(format_partial_date(row['date']))}</p>"
    )


def translation_html(row) -> str:
    """For a translated quote, says so and whose translation it is (from the note)."""
    if row["translated"] != "yes":
        return ""
    note = f" {esc(row['note'])}" if row["note"] else ""
    source_language = f"from {esc(language_name(row['language']))}"
    if re.search(r"UNVERIFIED:[^.]*language|original language[^.]*not verified", row["note"] or "", re.I):
        source_language = "(original language not verified)"
    return (
        f"<p class='standoff-translation'><small><em>Translated {source_language}.</em>{note}</small></p>"
    )


def note_html(row) -> str:
    """A note on an untranslated quote, folded away (a translated quote shows its note already)."""
    if row["translated"] == "yes" or not row["note"]:
        return ""
    return f"<details><summary>About this quote</summary><p><small>{esc(row['note'])}</small></p></details>"


def quote_html(row, quote: str | None = None) -> str:
    """The quotation as a blockquote; `quote` is the already-escaped (maybe highlighted) text."""
    body = esc(row["quote"]) if quote is None else quote
    return f"<blockquote class='standoff-quote'>{body}</blockquote>"


def quote_source_html(row, sources: pd.DataFrame) -> str:
    """The 'Source:' line of a quote, with the place in the document."""
    return f"<p><small>Source: {source_html(row['source_id'], sources, row['locator'])}</small></p>"


def events_html(event_ids: list[str], events: pd.DataFrame) -> str:
    """What happened, in date order: each event with its date (as precise as known), summary folded in."""
    known = events.loc[[e for e in event_ids if e in events.index]].sort_values("date", kind="stable")
    items = []
    for _, e in known.iterrows():
        when = format_span(e["date"], e["end_date"], e["date_precision"])
        items.append(
            f"<li><details><summary><strong>{esc(when)}</strong> — {esc(e['title'])}</summary>"
            f"<p>{esc(e['summary'])}</p></details></li>"
        )
    if not items:
        return ""
    return f"<div class='standoff-events'><h4>What happened</h4><ul>{''.join(items)}</ul></div>"


def record_html(topic, sources: pd.DataFrame) -> str:
    """'What the record shows', in our words, with its sources as links; empty if the topic has none."""
    if not topic["record"]:
        return ""
    cited = sources_html(topic["record_source_ids"], sources)
    cited = f" <small>Sources: {cited}</small>" if cited else ""
    return (f"<p class='standoff-record'><strong>What the record shows:</strong> "
            f"{esc(topic['record'])}{cited}</p>")
