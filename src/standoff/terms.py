"""Find the words each side uses for the same thing, in any quote.

The lexicon lists, for each concept, the term each perspective uses. Marking
those words in a quote, with the other sides' words for the same concept
beside them, shows students that the choice of word is part of the framing.
Matching ignores case and takes whole words only, longest term first, so a
two-word term wins over a one-word term inside it. The quote is matched as
plain text and escaped piece by piece, so a term can never smuggle in markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from . import style
from .text import esc


@dataclass(frozen=True)
class Term:
    """One wording of a concept: who uses it, and what the other sides say instead."""

    wording: str
    concept: str
    perspectives: tuple[str, ...]
    others: tuple[tuple[str, str], ...]
    """(perspective, term) for the same concept, from sides that do not use this wording."""


@dataclass(frozen=True)
class Hit:
    """A lexicon term found in a text, spelled as the text spells it."""

    words: str
    term: Term


CONCEPT_LABELS = {
    "capital_spelling": "Spelling of Ukraine's capital",
    "council_name": "Name of the 2002 council",
    "crimea_2014_status": "Crimea in 2014",
    "dec_2021_demands": "Russia's draft treaties of December 2021",
    "donbas_forces": "Armed groups in Donbas",
    "feb_2022_war": "What began on 24 February 2022",
    "maidan_2014": "Maidan and the change of power, 2014",
    "nato_growth": "NATO taking in new members",
    "occupied_territories": "Areas of Ukraine under Russian control",
    "russian_troops_abroad": "Russian troops outside Russia",
}
"""What the menu and headings call each lexicon concept: the thing named, in words no side uses
as its term for it. The narrator's words, so they live with the code, not in data/."""


def concept_label(concept: str) -> str:
    """A concept in words: its label, else its id spelled out ('new_concept' -> 'new concept')."""
    return CONCEPT_LABELS.get(concept, concept.replace("_", " ").replace("-", " "))


def _terms_of(concept: str, entries: list[dict]) -> list[Term]:
    """Every wording of one concept (terms and original-language terms)."""
    users: dict[str, tuple[str, list[str]]] = {}
    for row in entries:
        for wording in (row["term"], row["original_term"]):
            if wording:
                users.setdefault(wording.lower(), (wording, []))[1].append(row["perspective"])
    terms = []
    for lower, (wording, perspectives) in users.items():
        others = tuple(dict.fromkeys(
            (row["perspective"], row["term"]) for row in entries
            if row["perspective"] not in perspectives and row["term"].lower() != lower
        ))
        terms.append(Term(wording, concept, tuple(dict.fromkeys(perspectives)), others))
    return terms


class TermIndex:
    """All lexicon terms, ready to find in any text in one regular-expression pass."""

    def __init__(self, lexicon: pd.DataFrame):
        self.terms: dict[str, Term] = {}
        by_concept: dict[str, list[dict]] = {}
        for row in lexicon[["concept", "perspective", "term", "original_term"]].to_dict("records"):
            by_concept.setdefault(row["concept"], []).append(row)
        for concept, entries in by_concept.items():
            for term in _terms_of(concept, entries):
                self.terms.setdefault(term.wording.lower(), term)
        alternatives = sorted(self.terms, key=len, reverse=True)
        self.pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in alternatives) + r")(?!\w)",
                       re.IGNORECASE)
            if alternatives else None
        )

    def hits(self, text: str) -> list[Hit]:
        """Every term in the text, in order, each wording once."""
        if self.pattern is None:
            return []
        found: dict[str, Hit] = {}
        for match in self.pattern.finditer(str(text)):
            words = match.group(0)
            found.setdefault(words.lower(), Hit(words, self.terms[words.lower()]))
        return list(found.values())

    def highlight(self, text: str) -> str:
        """The text, escaped, with each term in a <mark> whose title gives the other sides' words."""
        text = str(text)
        if self.pattern is None:
            return esc(text)
        pieces, last = [], 0
        for match in self.pattern.finditer(text):
            term = self.terms[match.group(0).lower()]
            pieces.append(esc(text[last:match.start()]))
            pieces.append(f'<mark title="{esc(hover_text(term))}">{esc(match.group(0))}</mark>')
            last = match.end()
        pieces.append(esc(text[last:]))
        return "".join(pieces)


def _users(term: Term) -> str:
    return " and ".join(style.perspective(p).label for p in term.perspectives)


def _others(term: Term) -> str:
    return "; ".join(f"{style.perspective(p).label}: “{other}”" for p, other in term.others)


def hover_text(term: Term) -> str:
    """Plain text for a term's tooltip: who uses this word, and what the others say."""
    said = f"Word used by: {_users(term)}."
    return f"{said} Other sides say — {_others(term)}" if term.others else said


def hit_html(hit: Hit) -> str:
    """One found term in words: '“expansion” — used by …; other sides say …'."""
    line = f"“{esc(hit.words)}” — used by {esc(_users(hit.term))}"
    if hit.term.others:
        line += f"; other sides say {esc(_others(hit.term))}"
    return line


def word_choices_html(hits: list[Hit]) -> str:
    """The found terms listed beside a quote, for readers who cannot hover (keyboard, touch, print)."""
    if not hits:
        return ""
    items = "".join(f"<li>{hit_html(h)}</li>" for h in hits)
    return f"<div class='standoff-words'><p><em>Word choices in this quote:</em></p><ul>{items}</ul></div>"
