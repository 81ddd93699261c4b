"""Close reading of a key text: its clauses, and which of them each side cites.

Two toggles mark the clauses that Western statements cite and those that
Russian statements cite (a clause cited by both is marked under either). The
student reads the text unmarked first, then switches the marks on. The clause
wording sits in blockquotes, as quotation; our labels (clause number, place in
the document, who cites it) sit outside them, so only the data's wording ever
looks like a quotation. Every mark is named in words with its icon.
"""

from __future__ import annotations

import ipywidgets as w
import pandas as pd

from . import cards, parts, style
from .data import Tables, load
from .render import WidgetView
from .text import esc

SIDES = ("western", "russian")
TINTS = {"western": "#CCE3F0", "russian": "#F7D7C2", "both": "#F6F0B0"}
"""Pale backgrounds behind marked wording, light enough to keep black text readable."""


def citing_sides(cited_by: str, western: bool, russian: bool) -> list[str]:
    """The sides whose mark a clause gets, given what it is cited by and which toggles are on."""
    shown = {"western": western, "russian": russian}
    return [side for side in SIDES if shown[side] and cited_by in (side, "both")]


def clause_html(row, sides: list[str]) -> str:
    """One clause: our label line (number, locator, who cites it), then its wording as a quotation."""
    text = esc(row["text"])
    tags = ""
    if sides:
        tint = TINTS[sides[0]] if len(sides) == 1 else TINTS["both"]
        text = f"<mark style='background:{tint}'>{text}</mark>"
        tags = " · Cited in statements by: " + ", ".join(cards.badge(s) for s in sides)
    return (
        f"<div class='standoff-clause'><p><small><strong>Clause {esc(row['clause'])}</strong> "
        f"({esc(row['locator'])}){tags}</small></p><blockquote>{text}</blockquote></div>"
    )


def _notes_html(clauses: pd.DataFrame) -> str:
    notes = "".join(f"<li>Clause {esc(r['clause'])}: {esc(r['note'])}</li>"
                    for _, r in clauses.iterrows() if r["note"])
    return f"<details><summary>Notes on the clauses</summary><ul>{notes}</ul></details>" if notes else ""


class CloseReading(WidgetView):
    """A key text clause by clause, with a toggle per side that marks the clauses it cites."""

    def __init__(self, text_id: str, tables: Tables | None = None):
        tables = load() if tables is None else tables
        texts = tables.key_texts
        if text_id not in set(texts["text_id"]):
            known = ", ".join(sorted(set(texts["text_id"]))) or "none yet"
            raise ValueError(f"no key text has the id {text_id!r}; key texts: {known}")
        self.text_id = text_id
        self.clauses = texts[texts["text_id"] == text_id].sort_values("clause", kind="stable")
        sources = tables.indexed("sources")
        source_ids = list(dict.fromkeys(self.clauses["source_id"]))
        cited = cards.sources_html(source_ids, sources)
        self.source = parts.html(f"<p><strong>Source:</strong> {cited}</p>", rich=True)
        self.western = self._toggle("western", "Clauses Western statements cite")
        self.russian = self._toggle("russian", "Clauses Russian statements cite")
        self.status = parts.html()
        self.text = parts.html(rich=True)
        self.pages = {(west, russ): self._page(west, russ)
                      for west in (False, True) for russ in (False, True)}
        for toggle in (self.western, self.russian):
            toggle.observe(self.refresh, names="value")
        self.widget = parts.vbox([self.source, parts.hbox([self.western, self.russian], flex_flow="row wrap"),
                                  self.status, self.text])
        self.refresh()

    def static_html(self) -> str:
        return self.source.value + self.text.value

    @staticmethod
    def _toggle(side: str, words: str) -> w.Checkbox:
        look = style.perspective(side)
        return w.Checkbox(value=False, description=f"{look.icon} {words}", indent=False,
                          layout=parts.layout(width="auto", min_width="24em"),
                          style=parts.style(w.Checkbox))

    def _page(self, western: bool, russian: bool) -> str:
        body = "".join(clause_html(row, citing_sides(row["cited_by"], western, russian))
                       for _, row in self.clauses.iterrows())
        return f"{body}{_notes_html(self.clauses)}"

    def marked(self) -> list[int]:
        """The numbers of the clauses marked with the toggles as they are now."""
        return [int(row["clause"]) for _, row in self.clauses.iterrows()
                if citing_sides(row["cited_by"], self.western.value, self.russian.value)]

    def refresh(self, _change=None) -> None:
        """Redraw the text with the marks the toggles ask for, and say how many are marked."""
        self.text.value = self.pages[(self.western.value, self.russian.value)]
        if not (self.western.value or self.russian.value):
            self.status.value = ("<p>Read the text first; then turn on a toggle "
                                 "to mark what each side cites.</p>")
            return
        self.status.value = f"<p>{len(self.marked())} of {len(self.clauses)} clauses marked.</p>"
