"""The lexicon explorer: for each concept, the word each side uses, and why the choice matters.

One concept at a time (or all of them): the term each perspective uses, the
original-language term where there is one, a sourced example of the term in
use, and the lexicon's note on what that choice of word does. The HTML for each
concept is built once; the filter only joins prepared pieces.
"""

from __future__ import annotations

import ipywidgets as w
import pandas as pd

from . import cards, parts
from .data import Tables, load
from .render import WidgetView
from .terms import concept_label
from .text import esc

ALL = ""


def _term_html(row) -> str:
    original = f" <small>(original: “{esc(row['original_term'])}”)</small>" if row["original_term"] else ""
    return f"“{esc(row['term'])}”{original}"


def _example_html(row, sources: pd.DataFrame) -> str:
    example = f"<q>{esc(row['example'])}</q><br>" if row["example"] else ""
    return f"{example}<small>Source: {cards.source_html(row['source_id'], sources)}</small>"


def concept_html(concept: str, entries: pd.DataFrame, sources: pd.DataFrame) -> str:
    """One concept as a table: perspective, term, an example with its source, and why the word matters."""
    entries = entries.assign(_rank=entries["perspective"].map(cards.perspective_rank)).sort_values(
        "_rank", kind="stable")
    rows = "".join(
        f"<tr><td {cards.CELL}>{cards.badge(row['perspective'])}</td><td {cards.CELL}>{_term_html(row)}</td>"
        f"<td {cards.CELL}>{_example_html(row, sources)}</td><td {cards.CELL}>{esc(row['note'])}</td></tr>"
        for _, row in entries.iterrows()
    )
    head = "".join(f"<th scope='col' {cards.CELL}>{h}</th>"
                   for h in ("Perspective", "Term used", "Example in use", "Why the word choice matters"))
    return (f"<div class='standoff-concept'><h4>{esc(concept_label(concept))}</h4>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>")


class LexiconExplorer(WidgetView):
    """Choose a concept to see each side's word for it; 'All concepts' lists them all."""

    def __init__(self, tables: Tables | None = None, concept: str | None = None):
        tables = load() if tables is None else tables
        sources = tables.indexed("sources")
        lexicon = tables.lexicon
        by_concept = sorted(lexicon.groupby("concept"), key=lambda group: concept_label(group[0]))
        self.pages = {concept: concept_html(concept, entries, sources) for concept, entries in by_concept}
        terms = {concept: " · ".join(dict.fromkeys(entries["term"])) for concept, entries in by_concept}
        self.concept = w.Dropdown(
            description="Concept",
            options=[("All concepts", ALL)] + [(f"{concept_label(c)} ({terms[c]})", c) for c in self.pages],
            layout=parts.layout(width="95%", max_width="40em"), style=parts.style(w.Dropdown),
        )
        if concept is not None:
            if concept not in self.pages:
                raise ValueError(f"no lexicon concept {concept!r}; concepts: {', '.join(self.pages)}")
            self.concept.value = concept
        self.entries = parts.html(rich=True)
        self.concept.observe(self.refresh, names="value")
        self.widget = parts.vbox([self.concept, self.entries])
        self.refresh()

    def static_html(self) -> str:
        return self.entries.value

    def refresh(self, _change=None) -> None:
        """Show the chosen concept, or every concept."""
        if not self.pages:
            self.entries.value = "<p>The lexicon has no entries yet.</p>"
        elif self.concept.value:
            self.entries.value = self.pages[self.concept.value]
        else:
            self.entries.value = "".join(self.pages.values())
